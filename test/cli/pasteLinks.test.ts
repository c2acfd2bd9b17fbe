// The fit's pasteable list: 4 decimals rounded down, and no row reaching 1 (a closed loop) however it rounds.

import { pasteable } from "../../src/cli/pasteLinks";
import { validateInstance } from "../../src/engine/model/validate";

describe("pasteable", () => {
  test("rows of 0.99996 (1 when rounded to nearest) come out at 0.9999 and validate", () => {
    const links = [
      { from: "A", to: "B", probability: 0.49998 },
      { from: "A", to: "C", probability: 0.49998 },
      { from: "B", to: "A", probability: 0.99996 },
      { from: "C", to: "A", probability: 0.3 },
      { from: "C", to: "B", probability: 0.12345678 },
    ];
    const out = pasteable(links);
    expect(out).toEqual([
      { from: "A", to: "B", units: 4999 },
      { from: "A", to: "C", units: 4999 },
      { from: "B", to: "A", units: 9999 },
      { from: "C", to: "A", units: 3000 },
      { from: "C", to: "B", units: 1234 },
    ]);
    const instance = {
      products: ["A", "B", "C"].map((id) => ({ id, price: 10, cost: 4, demand: 10 })),
      substitution: out.map((l) => ({ from: l.from, to: l.to, probability: l.units / 1e4 })),
    };
    expect(() => validateInstance(instance)).not.toThrow();
  });

  test("a row that rounds down to exactly 1 loses a unit on its largest link; links below 1e-4 are dropped", () => {
    const out = pasteable([
      { from: "A", to: "B", probability: 0.7 },
      { from: "A", to: "C", probability: 0.3 },
      { from: "A", to: "D", probability: 0.00004 },
    ]);
    expect(out).toEqual([
      { from: "A", to: "B", units: 6999 },
      { from: "A", to: "C", units: 3000 },
    ]);
  });
});
