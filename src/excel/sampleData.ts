// The sample a first-time user inserts: the fashion example of examples/fashion.json (300 tees, shirts,
// knits and jackets in sizes and colours, a heavy-tailed demand with a few best sellers and many slow sizes,
// substitution mostly within a style) as the three input tables, with a buying budget that binds.

import fashion from "../../examples/fashion.json";

export interface SampleSheet {
  sheet: string;
  /** Also the table's name, which is how the pane finds it. */
  table: string;
  rows: unknown[][];
  formats: string[];
}

interface FashionProduct {
  id: string;
  name?: string;
  price: number;
  cost: number;
  salvage?: number;
  demand: number;
}

/** Share of the cost of buying every product's expected demand: tight enough that the budget decides. */
const BUDGET_SHARE = 0.6;

export function sampleSheets(): SampleSheet[] {
  const products = fashion.products as FashionProduct[];
  const links = fashion.substitution as { from: string; to: string; probability: number }[];
  const fullBuy = products.reduce((s, p) => s + p.cost * p.demand, 0);
  const budget = Math.round((BUDGET_SHARE * fullBuy) / 100) * 100;
  return [
    {
      sheet: "Products",
      table: "Products",
      rows: [
        ["Product", "Name", "Price", "Cost", "Salvage", "Demand"],
        ...products.map((p) => [p.id, p.name ?? "", p.price, p.cost, p.salvage ?? 0, p.demand]),
      ],
      formats: ["@", "@", "#,##0.00", "#,##0.00", "#,##0.00", "#,##0.0"],
    },
    {
      sheet: "Substitution",
      table: "Substitution",
      rows: [["From", "To", "Probability"], ...links.map((l) => [l.from, l.to, l.probability])],
      formats: ["@", "@", "0.0%"],
    },
    {
      sheet: "Options",
      table: "Options",
      rows: [
        ["Name", "Value", "What it means"],
        ["customers", "poisson", "Season traffic: poisson, fixed or negbin"],
        ["budget", budget, "Buying budget: total cost of the units bought"],
        ["maxProducts", "", "At most this many products (blank: no limit)"],
        ["method", "auto", "auto, fluid, newsvendor, gk or pooled"],
        ["seed", 1, "Same seed, same plan and figures"],
        ["time limit", 10, "Search time in seconds"],
      ],
      formats: ["@", "General", "@"],
    },
  ];
}
