// Reading Products, Substitution and Options into one engine Model: every alias and layout, and every problem
// located the way a user finds it (range, row, product, column as written).

import { validateInstance } from "../../src/engine/model/validate";
import { readSheetInstance } from "../../src/sheet/sheetInstance";
import { LIST, MATRIX, PRODUCTS, messagesOf, problemsOf } from "./helpers";

const read = (
  products: unknown[][],
  substitution: unknown[][] | null = null,
  options: unknown[][] | null = null,
  addresses = {},
) => readSheetInstance({ products, substitution, options, addresses });

describe("Products columns", () => {
  test("the plain layout gives the same model as the engine's JSON form", () => {
    const m = read(PRODUCTS).model;
    const j = validateInstance({
      products: [
        { id: "A", price: 10, cost: 4, demand: 30 },
        { id: "B", price: 12, cost: 5, demand: 20 },
        { id: "C", price: 8, cost: 3, demand: 10 },
      ],
    });
    expect(m.ids).toEqual(j.ids);
    expect(Array.from(m.price)).toEqual(Array.from(j.price));
    expect(Array.from(m.demand)).toEqual(Array.from(j.demand));
  });

  test.each([
    [["SKU", "PRICE", "unit cost", "Forecast"]],
    [["Item", " Price ", "Cost", "First-choice demand"]],
    [["id", "price ($)", "Unit Cost", "demand"]],
    [["Product ID", "Selling price", "Purchase cost", "Expected demand"]],
  ])("aliases, case and spaces: %p", (header) => {
    const m = read([header, ...PRODUCTS.slice(1)]).model;
    expect(m.ids).toEqual(["A", "B", "C"]);
    expect(Array.from(m.cost)).toEqual([4, 5, 3]);
  });

  test("columns in any order, unknown columns ignored, names kept", () => {
    const m = read([
      ["Colour", "Demand", "Name", "Cost", "Brand", "Price", "SKU"],
      ["red", 30, "Red tee", 4, "X", 10, "A"],
      ["blue", 20, "Blue tee", 5, "Y", 12, "B"],
    ]).model;
    expect(m.ids).toEqual(["A", "B"]);
    expect(m.names).toEqual(["Red tee", "Blue tee"]);
    expect(Array.from(m.price)).toEqual([10, 12]);
  });

  test("optional columns: salvage, min, max, pack, must offer, exclude, size", () => {
    const m = read([
      ["Product", "Price", "Cost", "Demand", "Salvage", "Min", "Max", "Pack", "Core", "Exclude", "Space"],
      ["A", 10, 4, 30, 1, 6, 60, 6, "yes", "", 2],
      ["B", 12, 5, 20, 0, "", "", "", "", "x", 1.5],
      ["C", 8, 3, 10, "", 0, 0, 0, 0, "no", 1],
    ]).model;
    expect(Array.from(m.salvage)).toEqual([1, 0, 0]);
    expect(Array.from(m.minQty)).toEqual([6, 0, 0]);
    // Max 0 and Pack 0 are how blank cells reach a custom function: no limit, packs of 1.
    expect(Array.from(m.maxQty)).toEqual([60, Infinity, Infinity]);
    expect(Array.from(m.packSize)).toEqual([6, 1, 1]);
    expect(Array.from(m.mustOffer)).toEqual([1, 0, 0]);
    expect(Array.from(m.exclude)).toEqual([0, 1, 0]);
    expect(Array.from(m.size)).toEqual([2, 1.5, 1]);
  });

  test("numbers typed as text are read; blank rows inside and after the table are skipped", () => {
    const m = read([
      ["Product", "Price", "Cost", "Demand"],
      ["A", "10", " 4 ", "30"],
      [null, null, null, null],
      [0, 0, 0, 0],
      ["B", 12, 5, 20],
      ["", "", "", ""],
    ]).model;
    expect(m.ids).toEqual(["A", "B"]);
    expect(Array.from(m.price)).toEqual([10, 12]);
  });

  test("numeric ids become text; an id written escaped reads back without the apostrophe", () => {
    const m = read([
      ["Product", "Price", "Cost", "Demand"],
      [1001, 10, 4, 30],
      ["'=X", 10, 4, 5],
    ]).model;
    expect(m.ids).toEqual(["1001", "=X"]);
  });

  test("a missing required column is named, with what was found", () => {
    const msgs = messagesOf(() =>
      read([
        ["Product", "Price", "Demand", "Colour"],
        ["A", 10, 30, "red"],
      ]),
    );
    expect(msgs).toEqual([
      expect.stringMatching(
        /^Products row 1: no Cost column \(also accepted: unitcost.*'Product', 'Price', 'Demand' and 'Colour'/,
      ),
    ]);
  });

  test("a typo of a missing column is pointed out", () => {
    const msgs = messagesOf(() =>
      read([
        ["Product", "Prcie", "Cost", "Demand"],
        ["A", 10, 4, 30],
      ]),
    );
    expect(msgs).toEqual(["Products row 1: no Price column; is 'Prcie' meant to be Price?."]);
  });

  test("a table passed without its header row is recognised", () => {
    const msgs = messagesOf(() =>
      read([
        ["A", 10, 4, 30],
        ["B", 12, 5, 20],
      ]),
    );
    expect(msgs[0]).toContain("the first row must be the header");
    expect(msgs[0]).toContain("Table1[#All]");
  });

  test("two columns for one field", () => {
    const msgs = messagesOf(() =>
      read([
        ["Product", "SKU", "Price", "Cost", "Demand"],
        ["Red tee", "A", 10, 4, 30],
      ]),
    );
    expect(msgs[0]).toMatch(/columns 'Product' and 'SKU' both give the product id; keep one/);
  });

  test("empty range", () => {
    expect(
      messagesOf(() =>
        read([
          [null, ""],
          ["", null],
        ]),
      )[0],
    ).toMatch(/^Products: the range is empty/);
    expect(messagesOf(() => read([["Product", "Price", "Cost", "Demand"]]))[0]).toMatch(/^Products: the list is empty/);
  });
});

describe("Products problems name the row, product and column as the user wrote them", () => {
  const bad = [
    ["SKU", "Selling Price", "Unit cost", "Forecast", "Min", "Max", "Core", "Exclude"],
    ["Tee-01", 30, 12, 100, "", "", "", ""],
    ["Tee-02", "abc", 12, 80, "", "", "", ""],
    ["Tee-03", 25, "#DIV/0!", 40, "", "", "", ""],
    ["Tee-04", 25, 10, 40, 8, 5, "", ""],
    ["Tee-05", 25, 10, 40, "", "", "maybe", ""],
    ["Tee-06", 25, 10, "", "", "", "", ""],
    ["Tee-01", 25, 10, 40, "", "", "", ""],
    ["Tee-08", 25, 10, 40, "", "", "yes", "yes"],
    [null, 25, 10, 40, "", "", "", ""],
  ];

  test("all problems are collected, in row order, each with its place", () => {
    expect(messagesOf(() => read(bad))).toEqual([
      "Products row 3 (Tee-02), column Selling Price: 'abc' is not a number; the selling price must be a number above 0.",
      "Products row 4 (Tee-03), column Unit cost: holds the Excel error #DIV/0!; fix the formula or the data it refers to.",
      "Products row 5 (Tee-04), column Min: Min 8 is above Max 5; the minimum must not exceed the maximum.",
      "Products row 6 (Tee-05), column Core: 'maybe' is not a yes/no value; use TRUE/FALSE, yes/no, 1/0 or x (blank means no).",
      "Products row 7 (Tee-06), column Forecast: blank; the first-choice demand must be a number, 0 or more (expected customers in the season).",
      "Products row 8 (Tee-01), column SKU: the id 'Tee-01' is already used by row 2; ids must be unique.",
      "Products row 9 (Tee-08), column Exclude: marked both Core and Exclude; a product cannot be both required and banned.",
      "Products row 10, column SKU: the id is blank; give every product a unique, non-empty id.",
    ]);
  });

  test("with the range's address, rows are sheet rows", () => {
    const problems = problemsOf(() => read(bad, null, null, { products: "Plan!C5:J14" }));
    expect(problems[0].message).toMatch(/^Products row 7 \(Tee-02\), column Selling Price:/);
    expect(problems[0]).toMatchObject({ range: "Products", row: 7, column: "Selling Price", productId: "Tee-02" });
  });

  test("Excel errors in the id column are reported as such", () => {
    const msgs = messagesOf(() =>
      read([
        ["Product", "Price", "Cost", "Demand"],
        ["#N/A", 10, 4, 30],
        ["B", 10, 4, 30],
      ]),
    );
    expect(msgs).toEqual(["Products row 2, column Product: holds the Excel error #N/A; give the product's id."]);
  });

  test("price not above cost is a warning, located", () => {
    const s = read([
      ["Product", "Price", "Cost", "Demand"],
      ["A", 10, 4, 30],
      ["B", 5, 6, 10],
    ]);
    expect(s.warnings).toEqual([
      "Products row 3 (B), column Price: the price 5 does not exceed the cost 6, so carrying it never pays.",
    ]);
  });
});

describe("Substitution layouts", () => {
  const rho = (products: unknown[][], sub: unknown[][] | null) => {
    const m = read(products, sub).model;
    const dense = m.ids.map(() => new Array(m.n).fill(0));
    const s = m.substitution;
    for (let i = 0; i < m.n; i++)
      for (let e = s.rowStart[i]; e < s.rowStart[i + 1]; e++) dense[i][s.col[e]] = s.prob[e];
    return dense;
  };
  const expected = [
    [0, 0.3, 0.2],
    [0.4, 0, 0],
    [0, 0.5, 0],
  ];

  test("matrix and list give the same substitution", () => {
    expect(rho(PRODUCTS, MATRIX)).toEqual(expected);
    expect(rho(PRODUCTS, LIST)).toEqual(expected);
  });
  test("a list without header, a matrix with a corner label and columns in another order", () => {
    expect(rho(PRODUCTS, LIST.slice(1))).toEqual(expected);
    const reordered = [
      ["From \\ To", "C", "A", "B"],
      ["B", "", 0.4, ""],
      ["A", 0.2, "", 0.3],
      ["C", "", "", 0.5],
    ];
    expect(rho(PRODUCTS, reordered)).toEqual(expected);
  });
  test("a list with its header in another order and extra columns", () => {
    const sub = [
      ["Note", "Probability", "To", "From"],
      ["x", 0.3, "B", "A"],
      ["", 0.2, "C", "A"],
      ["", 0.4, "A", "B"],
      ["", 0.5, "B", "C"],
    ];
    expect(rho(PRODUCTS, sub)).toEqual(expected);
  });
  test("no substitution at all: omitted or blank", () => {
    expect(rho(PRODUCTS, null)).toEqual([
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ]);
    expect(
      rho(PRODUCTS, [
        [null, ""],
        [0, 0],
      ]),
    ).toEqual([
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ]);
  });
  test("whole-column ranges with trailing zeros (blanks reaching a custom function)", () => {
    const padded = [...MATRIX.map((r) => [...r, 0, 0]), [0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0]];
    expect(rho(PRODUCTS, padded)).toEqual(expected);
  });
  test("numeric product ids in a matrix", () => {
    const products = [
      ["Product", "Price", "Cost", "Demand"],
      [1, 10, 4, 30],
      [2, 12, 5, 20],
    ];
    expect(
      rho(products, [
        [null, 1, 2],
        [1, 0, 0.5],
        [2, 0.25, 0],
      ]),
    ).toEqual([
      [0, 0.5],
      [0.25, 0],
    ]);
    expect(
      rho(products, [
        [1, 2, 0.5],
        [2, 1, 0.25],
      ]),
    ).toEqual([
      [0, 0.5],
      [0.25, 0],
    ]);
  });
});

describe("Substitution problems", () => {
  test("matrix: unknown ids, values and Excel errors located by row and column id", () => {
    const sub = [
      ["", "A", "B", "Zed"],
      ["A", "", "0.3x", 0.1],
      ["B", 1.2, "", ""],
      ["C", "#REF!", 0.5, ""],
      ["Tee", 0.1, "", ""],
    ];
    expect(messagesOf(() => read(PRODUCTS, sub))).toEqual([
      "Substitution row 1, column 4: 'Zed' is not among the products; the matrix may only name listed products.",
      "Substitution row 2 (A), column B: '0.3x' is not a number; a probability between 0 and 1.",
      "Substitution row 3 (B), column A: 1.2 is above 1; a probability is between 0 and 1.",
      "Substitution row 4 (C), column A: holds the Excel error #REF!; give a probability between 0 and 1 (blank means 0).",
      "Substitution row 5, column 1: 'Tee' is not among the products; the matrix may only name listed products.",
    ]);
  });
  test("matrix: a row summing above 1 names its row", () => {
    const sub = [
      ["", "A", "B", "C"],
      ["A", "", 0.6, 0.6],
    ];
    expect(messagesOf(() => read(PRODUCTS, sub))).toEqual([
      "Substitution row 2 (A): the probabilities sum to 1.2, above 1; a customer moves on with total probability at most 1 (the rest leave).",
    ]);
  });
  test("list: problems name the row and the column header", () => {
    const sub = [
      ["From", "To", "Probability"],
      ["A", "Cc", 0.3],
      ["A", "C", -0.1],
      ["A", "C", 0.2],
      ["A", "C", 0.1],
      ["B", "B", 0.2],
    ];
    expect(messagesOf(() => read(PRODUCTS, sub))).toEqual([
      "Substitution row 2 (A), column To: product 'Cc' is not among the products; did you mean 'C'?",
      "Substitution row 3 (A), column Probability: -0.1 is negative; a probability between 0 and 1.",
      "Substitution row 5 (A), column Probability: the link from 'A' to 'C' is given twice (also in row 4); give each pair once.",
      "Substitution row 6 (B), column Probability: product 'B' substitutes to itself with 0.2; ρ[i][i] must be 0 (a customer who finds it unavailable moves to another product or leaves).",
    ]);
  });
  test("a closed loop is named", () => {
    const sub = [
      ["From", "To", "Probability"],
      ["A", "B", 1],
      ["B", "A", 1],
    ];
    expect(messagesOf(() => read(PRODUCTS, sub))[0]).toMatch(/'A' and 'B' form a closed loop/);
  });
  test("neither layout", () => {
    const sub = [
      ["A", "B", 0.3, 7],
      ["B", "A", 0.1, 8],
    ];
    expect(messagesOf(() => read(PRODUCTS, sub))[0]).toMatch(/^Substitution: not a layout Assort reads/);
  });
});

describe("Options", () => {
  const opts = (rows: unknown[][]) => read(PRODUCTS, null, rows);

  test("names and values, with or without a header, any case and spacing", () => {
    const s = opts([
      ["Name", "Value"],
      ["Customers", "NegBin"],
      ["CV", 0.3],
      ["Budget", 500],
      ["Capacity", "80"],
      ["Max products", 2],
      ["Method", "Pooled"],
      ["Seed", 7],
      ["Time limit", 5],
      ["Precision", "1%"],
    ]);
    expect(s.model.customers).toEqual({ distribution: "negbin", cv: 0.3 });
    expect(s.model.constraints).toEqual({ budget: 500, capacity: 80, maxProducts: 2 });
    expect(s.options.optimize).toEqual({ method: "pooled", seed: 7, timeLimitMs: 5000, targetRelativeError: 0.01 });
  });
  test("0 is how a blank value reaches a function: not set (except the seed)", () => {
    const s = opts([
      ["customers", 0],
      ["budget", 0],
      ["maxProducts", 0],
      ["time limit", 0],
      ["method", 0],
      ["seed", 0],
    ]);
    expect(s.model.customers.distribution).toBe("poisson");
    expect(s.model.constraints).toEqual({ budget: null, capacity: null, maxProducts: null });
    expect(s.options.optimize).toEqual({ seed: 0 });
  });
  test("a cv alone means negbin; blank values keep the default; names across the top are read too", () => {
    expect(
      opts([
        ["cv", 0.4],
        ["budget", ""],
      ]).model.customers,
    ).toEqual({ distribution: "negbin", cv: 0.4 });
    const s = opts([
      ["Budget", "Seed", "maxProducts"],
      [100, "abc", 2],
    ]);
    expect(s.model.constraints.budget).toBe(100);
    expect(s.options.optimize.seed).toBe("abc");
  });
  test("problems: unknown names (with a suggestion), bad values, duplicates, engine rules", () => {
    expect(
      messagesOf(() =>
        opts([
          ["Budgett", 5],
          ["method", "best"],
          ["time limit", -1],
          ["seed", 1.5],
          ["budget", 1],
          ["Budget", 2],
          ["customers", "gauss"],
          ["maxProducts", 2.5],
        ]),
      ),
    ).toEqual([
      "Options row 1 (Budgett): 'Budgett' is not an option; did you mean 'budget'?",
      "Options row 2 (method): 'best' is not a method; use one of auto, fluid, newsvendor, gk, pooled.",
      "Options row 3 (time limit): -1 is not a time limit; give the search time in seconds, above 0 and at most 3600.",
      "Options row 4 (seed): 1.5 is not a seed; use a whole number (or any text).",
      "Options row 6 (Budget): budget is already given in row 5; give each option once.",
      "Options row 7 (customers): 'gauss' is not a known model; use poisson, fixed or negbin.",
      "Options row 8 (maxProducts): 2.5 is not a whole number; use a whole number of products, 0 or more.",
    ]);
  });
  test("cv with poisson, and the engine's cv floor", () => {
    expect(
      messagesOf(() =>
        opts([
          ["customers", "poisson"],
          ["cv", 0.3],
        ]),
      ),
    ).toEqual([
      "Options row 2 (cv): a coefficient of variation applies only to negbin, not to poisson; remove it or set distribution to negbin.",
    ]);
    expect(messagesOf(() => opts([["cv", 0.01]]))[0]).toMatch(
      /^Options row 1 \(cv\): 0.01 is not above the Poisson's own variability/,
    );
  });
  test("Excel errors in option values", () => {
    expect(messagesOf(() => opts([["budget", "#NAME?"]]))).toEqual([
      "Options row 1 (budget): holds the Excel error #NAME?; fix the formula or the data it refers to.",
    ]);
  });
  test("rules that cannot all hold are reported when OPTIMIZE asks for the check", () => {
    const products = [
      ["Product", "Price", "Cost", "Demand", "Must offer"],
      ["A", 10, 4, 30, "x"],
      ["B", 12, 5, 20, "x"],
      ["C", 8, 3, 10, ""],
    ];
    const msgs = messagesOf(() => readSheetInstance({ products, options: [["maxProducts", 1]], checkRules: true }));
    expect(msgs).toEqual([
      expect.stringMatching(
        /^Options row 1 \(maxProducts\): 2 products must be offered \('A' and 'B'\), more than maxProducts 1/,
      ),
    ]);
  });
});
