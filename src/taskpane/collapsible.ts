// Sections that fold: the heading becomes a disclosure button (aria-expanded, keyboard and screen reader
// friendly) over the rest of its section. Open at first; the inputs and parameters can then be put away so
// the run and its result fill the pane.

import { byId } from "./dom";

export function makeCollapsible(headingId: string): void {
  const heading = byId(headingId);
  const section = heading.parentElement;
  if (!section || heading.querySelector("button")) return;
  const body = document.createElement("div");
  body.id = `${headingId}-body`;
  while (heading.nextSibling) body.append(heading.nextSibling);
  section.append(body);
  const button = document.createElement("button");
  button.type = "button";
  button.className = "disclosure";
  button.setAttribute("aria-expanded", "true");
  button.setAttribute("aria-controls", body.id);
  button.textContent = heading.textContent;
  heading.textContent = "";
  heading.append(button);
  button.addEventListener("click", () => {
    const open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", String(open));
    body.hidden = !open;
  });
}
