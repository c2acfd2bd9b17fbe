// The Model range: a choice model on a sheet, for =ASSORT.CHAIN, the pane's "Substitution from a model" and
// `assort chain book.xlsx`. One header row; the columns say which family it is:
//   rankings      Ranking (product ids in preference order, separated by > ; or ,), optional Weight (default
//                 1) and Type (a segment's name, for messages). One row per customer type.
//   MNL           Product, Weight: one row per product, and one row whose Product is "No purchase" (the
//                 weight of leaving). Products not listed get weight 0.
//   nested logit  the MNL's columns plus Nest (a nest's name; blank = a nest of its own) and Dissimilarity
//                 (τ in (0, 1], on any row of the nest; every row that gives one must agree).
//   mixed logit   the MNL's columns plus Class (a latent class's name) and Share (the class's share, on any
//                 row of the class); each class has its own "No purchase" row.
//   multi-step    Search (the products one query shows, most relevant first) with Share (the query's share,
//                 default 1) on rows of their own; Product and Weight rows (MNL weights against leaving = 1);
//                 Attention: the chance of examining each list position, one per row in row order (or a list
//                 in one cell); optional Hide unavailable (yes/no, default yes) on any row.
// The reader turns the cells into the JSON form of readChoiceModel (src/engine/choice/readChoiceModel.ts),
// so every surface builds the same model, with each problem named by row and column here.

import { readChoiceModel, type ChoiceModelFile } from "../engine";
import { cellText, headerKey } from "./history";

export interface ModelProblem {
  /** Index of the row in the cells given (0 = header). */
  index: number;
  row: number;
  column?: string;
  message: string;
}

export interface ModelRangeOptions {
  rowLabel?: (index: number) => string;
  rowNumber?: (index: number) => number;
}

const COLUMNS = {
  ranking: ["ranking", "rankings", "preference", "preferences", "list", "considers", "considerationset"],
  weight: ["weight", "utility", "attraction", "preferenceweight"],
  type: ["type", "segment", "customertype", "customer"],
  product: ["product", "id", "productid", "sku", "item"],
  nest: ["nest", "group"],
  dissimilarity: ["dissimilarity", "tau", "nestparameter", "lambda"],
  class: ["class", "latentclass"],
  share: ["share", "classshare", "searchshare", "queryshare"],
  search: ["search", "query", "searchresults", "queryresults"],
  attention: ["attention", "examine", "examination", "positionattention"],
  hide: ["hideunavailable", "hidesoldout", "hide"],
};
const NO_PURCHASE = ["nopurchase", "none", "leave", "outside", "outsideoption", "nochoice", "nopurchaseweight"];

type Column = keyof typeof COLUMNS;

function numberIn(v: unknown): number | undefined {
  if (v && typeof v === "object" && "basicValue" in v) v = (v as { basicValue: unknown }).basicValue;
  if (typeof v === "number") return Number.isFinite(v) ? v : undefined;
  const t = cellText(v);
  if (t === "") return undefined;
  const percent = t.endsWith("%");
  const x = Number((percent ? t.slice(0, -1) : t).trim());
  return Number.isFinite(x) ? (percent ? x / 100 : x) : undefined;
}

/** The Model range → the `choiceModel` object of a choice model file, or the problems that stop it. */
export function readModelRange(
  cells: readonly (readonly unknown[])[],
  productIds: readonly string[],
  options: ModelRangeOptions = {},
): { choiceModel?: Record<string, unknown>; problems: ModelProblem[] } {
  const rowLabel = options.rowLabel ?? ((r: number) => `Model row ${r + 1}`);
  const rowNumber = options.rowNumber ?? ((r: number) => r + 1);
  const problems: ModelProblem[] = [];
  const add = (index: number, message: string, column?: string) =>
    problems.push({ index, row: rowNumber(index), column, message: `${rowLabel(index)}: ${message}` });
  let last = cells.length - 1;
  while (last >= 0 && cells[last].every((c) => cellText(c) === "")) last--;
  if (last < 1) {
    add(
      0,
      "the model range needs a header row and at least one row: Ranking (and Weight) for customer types, or Product and Weight (with a No purchase row) for a logit model",
    );
    return { problems };
  }
  const header = cells[0].map(headerKey);
  const col = {} as Record<Column, number>;
  for (const k of Object.keys(COLUMNS) as Column[]) col[k] = header.findIndex((h) => COLUMNS[k].includes(h));
  const title = (k: Column) => cellText(cells[0][col[k]]);
  const known = new Set(productIds);
  const rows = Array.from({ length: last }, (_, k) => k + 1).filter((r) => cells[r].some((c) => cellText(c) !== ""));
  const weightOf = (r: number, fallback?: number): number => {
    if (col.weight < 0) return fallback ?? NaN;
    const v = cells[r][col.weight];
    if (cellText(v) === "" && fallback !== undefined) return fallback;
    const x = numberIn(v);
    if (x === undefined || x < 0) {
      add(
        r,
        `${title("weight")} ${JSON.stringify(cellText(v))} is not a weight; give a number of 0 or more.`,
        title("weight"),
      );
      return NaN;
    }
    return x;
  };

  if (col.search >= 0) {
    const choiceModel = multiStepRange(cells, rows, col, title, known, add, weightOf);
    return choiceModel && problems.length === 0 ? { choiceModel, problems } : { problems };
  }

  if (col.ranking >= 0) {
    const types = rows.map((r) => {
      const text = cellText(cells[r][col.ranking]);
      const ids = text
        .split(/[>;,\n]/)
        .map((s) => s.trim())
        .filter((s) => s !== "");
      const name = col.type >= 0 && cellText(cells[r][col.type]) !== "" ? ` (${cellText(cells[r][col.type])})` : "";
      if (ids.length === 0)
        add(
          r,
          `no products in ${title("ranking")}${name}; list the product ids she would buy, best first, e.g. A > B > C.`,
          title("ranking"),
        );
      for (const id of ids)
        if (!known.has(id))
          add(r, `${title("ranking")}${name}: '${id}' is not a product of the Products range.`, title("ranking"));
      if (new Set(ids).size !== ids.length)
        add(r, `${title("ranking")}${name}: a product is listed twice; list each once.`, title("ranking"));
      return { weight: weightOf(r, 1), ranking: ids };
    });
    return problems.length > 0 ? { problems } : { choiceModel: { type: "rankings", types }, problems };
  }

  if (col.product < 0 || col.weight < 0) {
    add(
      0,
      "no Ranking column, nor Product and Weight columns; give customer types (Ranking, Weight) or logit weights (Product, Weight, a No purchase row; Nest and Dissimilarity for nested logit, Class and Share for mixed logit), or a search shopper (Search and Attention with Product and Weight)",
    );
    return { problems };
  }
  // Logit: group by class (mixed) and read weights, nests, no-purchase.
  const classes = new Map<
    string,
    { share?: number; shareRow?: number; weights: Record<string, number>; noPurchase?: number }
  >();
  const nests = new Map<string, { members: string[]; dissimilarity?: number }>();
  for (const r of rows) {
    const klass = col.class >= 0 ? cellText(cells[r][col.class]) : "";
    if (col.class >= 0 && klass === "")
      add(r, `no ${title("class")}; name the latent class of each row.`, title("class"));
    const c = classes.get(klass) ?? { weights: {} };
    classes.set(klass, c);
    if (col.share >= 0 && cellText(cells[r][col.share]) !== "") {
      const s = numberIn(cells[r][col.share]);
      if (s === undefined || s < 0)
        add(
          r,
          `${title("share")} ${JSON.stringify(cellText(cells[r][col.share]))} is not a share; give a number of 0 or more.`,
          title("share"),
        );
      else if (c.share !== undefined && Math.abs(c.share - s) > 1e-12)
        add(
          r,
          `${title("share")} ${s} differs from ${c.share} given on row ${c.shareRow} for the same class; give it once.`,
          title("share"),
        );
      else {
        c.share = s;
        c.shareRow = rowNumber(r);
      }
    }
    const id = cellText(cells[r][col.product]);
    const w = weightOf(r);
    if (NO_PURCHASE.includes(headerKey(id))) {
      if (c.noPurchase !== undefined)
        add(r, "a second No purchase row for the same class; give one.", title("product"));
      c.noPurchase = w;
      continue;
    }
    if (!known.has(id)) {
      add(
        r,
        `${title("product")} '${id}' is not a product of the Products range (or write No purchase for the weight of leaving).`,
        title("product"),
      );
      continue;
    }
    if (id in c.weights)
      add(r, `product '${id}' is given twice${klass ? ` in class ${klass}` : ""}; give each once.`, title("product"));
    c.weights[id] = w;
    if (col.nest >= 0) {
      const nest = cellText(cells[r][col.nest]);
      if (nest === "") continue;
      const entry = nests.get(nest) ?? { members: [] };
      nests.set(nest, entry);
      if (!entry.members.includes(id)) entry.members.push(id);
      if (col.dissimilarity >= 0 && cellText(cells[r][col.dissimilarity]) !== "") {
        const d = numberIn(cells[r][col.dissimilarity]);
        if (d === undefined || !(d > 0 && d <= 1))
          add(
            r,
            `${title("dissimilarity")} ${JSON.stringify(cellText(cells[r][col.dissimilarity]))} must be a number above 0 and at most 1.`,
            title("dissimilarity"),
          );
        else if (entry.dissimilarity !== undefined && Math.abs(entry.dissimilarity - d) > 1e-12)
          add(
            r,
            `${title("dissimilarity")} ${d} differs from ${entry.dissimilarity} given for nest ${nest}; give one per nest.`,
            title("dissimilarity"),
          );
        else entry.dissimilarity = d;
      }
    }
  }
  for (const [name, c] of classes)
    if (c.noPurchase === undefined)
      add(
        0,
        `no No purchase row${name ? ` for class ${name}` : ""}; add a row with Product 'No purchase' and the weight of leaving.`,
      );
  for (const [name, n] of nests)
    if (n.dissimilarity === undefined)
      add(
        0,
        `nest ${name} has no ${col.dissimilarity >= 0 ? title("dissimilarity") : "Dissimilarity column"}; give τ in (0, 1] on one of its rows.`,
      );
  if (problems.length > 0) return { problems };
  if (col.class >= 0) {
    for (const [name, c] of classes)
      if (c.share === undefined)
        add(
          0,
          `class ${name} has no ${col.share >= 0 ? title("share") : "Share column"}; give its share on one of its rows.`,
        );
    if (problems.length > 0) return { problems };
    return {
      choiceModel: {
        type: "mixed",
        classes: [...classes.values()].map((c) => ({ share: c.share, weights: c.weights, noPurchase: c.noPurchase })),
      },
      problems,
    };
  }
  const only = [...classes.values()][0];
  if (nests.size > 0)
    return {
      choiceModel: {
        type: "nested",
        weights: only.weights,
        noPurchase: only.noPurchase,
        nests: [...nests.values()].map((x) => ({ members: x.members, dissimilarity: x.dissimilarity })),
      },
      problems,
    };
  return { choiceModel: { type: "mnl", weights: only.weights, noPurchase: only.noPurchase }, problems };
}

/** Yes/no in a cell: true, false, or undefined when it is neither. */
function yesNo(v: unknown): boolean | undefined {
  if (typeof v === "boolean") return v;
  const t = headerKey(cellText(v));
  if (["yes", "y", "true", "1"].includes(t)) return true;
  if (["no", "n", "false", "0"].includes(t)) return false;
  return undefined;
}

/** The multi-step search shopper's range (Search rows, Product/Weight rows, Attention): its JSON form, or undefined after adding its problems. */
function multiStepRange(
  cells: readonly (readonly unknown[])[],
  rows: number[],
  col: Record<Column, number>,
  title: (k: Column) => string,
  known: Set<string>,
  add: (index: number, message: string, column?: string) => void,
  weightOf: (r: number, fallback?: number) => number,
): Record<string, unknown> | undefined {
  const weights: Record<string, number> = {};
  const queries: { share: number; ranking: string[] }[] = [];
  const attention: number[] = [];
  let hideUnavailable: boolean | undefined;
  let failed = false;
  const fail = (r: number, message: string, column?: string) => {
    failed = true;
    add(r, message, column);
  };
  const text = (r: number, k: Column) => (col[k] >= 0 ? cellText(cells[r][col[k]]) : "");
  for (const r of rows) {
    const search = text(r, "search");
    if (search !== "") {
      const ids = search
        .split(/[>;,\n]/)
        .map((x) => x.trim())
        .filter((x) => x !== "");
      for (const id of ids)
        if (!known.has(id))
          fail(r, `${title("search")}: '${id}' is not a product of the Products range.`, title("search"));
      if (new Set(ids).size !== ids.length)
        fail(r, `${title("search")}: a product is listed twice; list each once.`, title("search"));
      let share = 1;
      if (text(r, "share") !== "") {
        const x = numberIn(cells[r][col.share]);
        if (x === undefined || x < 0)
          fail(
            r,
            `${title("share")} ${JSON.stringify(text(r, "share"))} is not a share; give a number of 0 or more.`,
            title("share"),
          );
        else share = x;
      }
      queries.push({ share, ranking: ids });
    } else if (text(r, "share") !== "")
      fail(
        r,
        `${title("share")} without a ${title("search")}: a share belongs to the search on its row.`,
        title("share"),
      );
    const id = text(r, "product");
    if (id !== "") {
      if (!known.has(id))
        fail(r, `${title("product")} '${id}' is not a product of the Products range.`, title("product"));
      else if (id in weights) fail(r, `product '${id}' is given twice; give each once.`, title("product"));
      else {
        const w = weightOf(r);
        if (Number.isNaN(w)) failed = true;
        else weights[id] = w;
      }
    }
    const a = text(r, "attention");
    if (a !== "")
      for (const part of a.split(/[;,\s]+/).filter((x) => x !== "")) {
        const x = numberIn(part);
        if (x === undefined || x < 0 || x > 1)
          fail(
            r,
            `${title("attention")} ${JSON.stringify(part)} is not a probability of examining a position; give 0 to 1.`,
            title("attention"),
          );
        else attention.push(x);
      }
    const h = text(r, "hide");
    if (h !== "") {
      const b = yesNo(cells[r][col.hide]);
      if (b === undefined) fail(r, `${title("hide")} ${JSON.stringify(h)}: write yes or no.`, title("hide"));
      else if (hideUnavailable !== undefined && hideUnavailable !== b)
        fail(r, `${title("hide")} says ${h} here but the other way on an earlier row; give it once.`, title("hide"));
      else hideUnavailable = b;
    }
  }
  if (col.product < 0 || col.weight < 0)
    fail(0, "a search shopper needs Product and Weight columns: each product's weight against leaving (1).");
  if (queries.length === 0) fail(0, `no ${title("search")} rows; give each query's products, most relevant first.`);
  if (attention.length === 0)
    fail(
      0,
      col.attention < 0
        ? "no Attention column; give the chance of examining each list position, one per row (e.g. 0.95, 0.6, 0.4)."
        : `no ${title("attention")} values; give the chance of examining each list position, one per row.`,
    );
  if (failed) return undefined;
  return { type: "multiStep", weights, queries, attention, hideUnavailable: hideUnavailable ?? true };
}

/** The Model range as a whole choice model file (products by id only; customers as given). */
export function modelFromRange(
  cells: readonly (readonly unknown[])[],
  productIds: readonly string[],
  customers: number,
  options: ModelRangeOptions = {},
): { file?: ChoiceModelFile; problems: ModelProblem[] } {
  const read = readModelRange(cells, productIds, options);
  if (!read.choiceModel) return { problems: read.problems };
  try {
    return {
      file: readChoiceModel({ products: productIds.map((id) => ({ id })), customers, choiceModel: read.choiceModel }),
      problems: [],
    };
  } catch (err) {
    const problems = (err as { problems?: { message: string }[] }).problems;
    if (!problems) throw err;
    return {
      problems: problems.map((p) => ({
        index: 0,
        row: (options.rowNumber ?? ((r) => r + 1))(0),
        message: `Model: ${p.message}`,
      })),
    };
  }
}
