/// <reference types="office-js" />
// When the pane re-reads its inputs by itself: only while it is visible, and only for edits that can change
// them. On the web every read is a round trip, and the shared runtime keeps running with the pane closed, so
// re-reading every range after any edit anywhere (as before) cost the most exactly when nobody was looking.

import { parseBlock, splitAddress, type Block } from "../sheet/address";

/** Edits come in bursts (typing, paste); check once they settle. */
export const RECHECK_DELAY_MS = 1500;

/** A worksheet edit: the cells changed (without the sheet) and the sheet's name when known. */
export interface Edit {
  sheet?: string;
  address: string;
}

/** A found input's block, one row and one column larger: typing just below a table extends it. */
function reach(block: Block): Block {
  return { row: block.row, column: block.column, rows: block.rows + 1, columns: block.columns + 1 };
}

function overlaps(a: Block, b: Block): boolean {
  return (
    a.row < b.row + b.rows &&
    b.row < a.row + a.rows &&
    a.column < b.column + b.columns &&
    b.column < a.column + a.columns
  );
}

/**
 * Whether an edit can change what the pane read. `inputs` are the found inputs' addresses ("Products!A1:F301");
 * `productsFound` is false while Products is missing, when any edit may be the one that adds it.
 */
export function editTouchesInputs(edit: Edit, inputs: readonly string[], productsFound: boolean): boolean {
  if (!productsFound || edit.sheet === undefined) return true;
  const changed = parseBlock(edit.address);
  return inputs.some((input) => {
    const { sheet } = splitAddress(input);
    if (sheet !== undefined && sheet.toLowerCase() !== edit.sheet!.toLowerCase()) return false;
    const block = parseBlock(input);
    // Whole rows or columns (inserted, deleted) and inputs given as whole columns: same sheet is enough.
    return !changed || !block || overlaps(reach(block), changed);
  });
}

/**
 * Runs `check` after edits that matter, RECHECK_DELAY_MS after the last of a burst, and only while the pane is
 * shown; an edit while hidden is remembered and checked when the pane is shown again.
 */
export class Rechecker {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stale = false;
  private visible = typeof document === "undefined" || document.visibilityState !== "hidden";

  constructor(
    private readonly check: () => unknown,
    private readonly onShown: () => void = () => undefined,
  ) {}

  get isVisible(): boolean {
    return this.visible;
  }

  /** An edit that touches the inputs (the caller filters with editTouchesInputs). */
  edited(): void {
    if (!this.visible) {
      this.stale = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.check();
    }, RECHECK_DELAY_MS);
  }

  setVisible(visible: boolean): void {
    if (visible === this.visible) return;
    this.visible = visible;
    if (!visible) {
      // A pending check waits for the pane to come back.
      if (this.timer) {
        clearTimeout(this.timer);
        this.timer = undefined;
        this.stale = true;
      }
      return;
    }
    this.onShown();
    if (this.stale) {
      this.stale = false;
      void this.check();
    }
  }

  /** Follows the pane's visibility: Office's visibility mode (SharedRuntime 1.1) and the page's own. */
  listen(): void {
    if (typeof document !== "undefined")
      document.addEventListener("visibilitychange", () => this.setVisible(document.visibilityState !== "hidden"));
    try {
      void Office.addin?.onVisibilityModeChanged?.((args) => this.setVisible(String(args.visibilityMode) !== "Hidden"));
    } catch {
      // Older hosts: the page's visibility is all there is.
    }
  }
}
