// Small DOM helpers for the pane: elements by id (a missing one is a bug in taskpane.html, said loudly),
// values of Fluent fields, and building text-only elements (never innerHTML: ids and messages are user data).

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`taskpane.html has no element #${id}`);
  return el as T;
}

/** Fluent text fields and selects expose `value` like inputs. */
export interface ValueElement extends HTMLElement {
  value: string;
}

export function valueOf(id: string): string {
  return byId<ValueElement>(id).value ?? "";
}

export function setValue(id: string, value: string): void {
  byId<ValueElement>(id).value = value;
}

export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (text !== undefined) el.textContent = text;
  if (className) el.className = className;
  return el;
}

export function setDisabled(id: string, disabled: boolean): void {
  const el = byId(id);
  if (disabled) el.setAttribute("disabled", "");
  else el.removeAttribute("disabled");
}
