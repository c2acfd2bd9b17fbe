// The JSON form of a choice model (`assort chain model.json`), checked with every problem named:
//   { "products": [ {"id": "A", "price": 30, "cost": 12}, ... ],   (any fields of an instance's products,
//                                                                    demand excepted: the model gives it)
//     "customers": 1200,                                           (expected customers in the season)
//     "choiceModel": one of
//       { "type": "rankings", "types": [ {"weight": 3, "ranking": ["A", "B"]}, ... ] }
//       { "type": "mnl", "weights": {"A": 3, "B": 2}, "noPurchase": 2 }
//       { "type": "nested", "weights": {...}, "noPurchase": 2, "nests": [ {"members": ["A","B"], "dissimilarity": 0.5} ] }
//       { "type": "mixed", "classes": [ {"share": 0.6, "weights": {...}, "noPurchase": 1}, ... ] }
//       { "type": "multiStep", "weights": {...}, "queries": [ {"share": 0.5, "ranking": ["A", "B"]}, ... ],
//         "attention": [0.95, 0.6, 0.4], "hideUnavailable": true }            (the search shopper) }
// Customers who want none of the products are part of the model (its no-purchase), so a product's demand is
// its first-choice share of the customers.

import { InputError, type Problem, type ProductInput } from "../model/instance";
import { show } from "../text/format";
import type { ChoiceModel } from "./choiceModel";
import { mixedLogitChoice, mnlChoice, nestedLogitChoice, type Nest } from "./logitChoice";
import { rankingChoice, type RankingType } from "./rankingChoice";
import { multiStepChoice } from "./multiStepModel";
import { isRecord } from "../model/isRecord";

export interface ChoiceModelFile {
  products: ProductInput[];
  ids: string[];
  customers: number;
  model: ChoiceModel;
}

const TYPES = ["rankings", "mnl", "nested", "mixed", "multiStep"];

export function readChoiceModel(input: unknown): ChoiceModelFile {
  const problems: Problem[] = [];
  const fail = (message: string, field?: string): never => {
    throw new InputError([...problems, { section: "instance", field, message }]);
  };
  if (!isRecord(input))
    return fail(`a choice model file holds an object with products, customers and choiceModel; got ${show(input)}.`);
  if (!Array.isArray(input.products) || input.products.length === 0)
    return fail("products: give a list of products, each with at least an id, a price and a cost.", "products");
  const ids: string[] = [];
  const index = new Map<string, number>();
  input.products.forEach((p, k) => {
    const id = isRecord(p) && (typeof p.id === "string" || typeof p.id === "number") ? String(p.id).trim() : "";
    if (id === "")
      problems.push({
        section: "products",
        index: k,
        message: `products entry ${k + 1}: no id; give each product a text id.`,
      });
    else if (index.has(id))
      problems.push({
        section: "products",
        index: k,
        productId: id,
        message: `products entry ${k + 1}: the id '${id}' is used twice; ids must be unique.`,
      });
    else index.set(id, k);
    ids.push(id);
  });
  const customers = input.customers;
  if (typeof customers !== "number" || !(customers >= 0) || !Number.isFinite(customers))
    problems.push({
      section: "customers",
      field: "customers",
      value: customers,
      message: `customers: ${show(customers)} is not a number of customers; give the expected customers of the season, e.g. 1200.`,
    });
  const cm = input.choiceModel;
  if (!isRecord(cm)) return fail(`choiceModel: give an object with a type (${TYPES.join(", ")}).`, "choiceModel");
  const where = (what: string) => `choiceModel ${what}`;
  const idOf = (v: unknown, what: string): number => {
    const i = typeof v === "string" || typeof v === "number" ? index.get(String(v).trim()) : undefined;
    if (i === undefined) {
      problems.push({
        section: "instance",
        field: "choiceModel",
        value: v,
        message: `${where(what)}: ${show(v)} is not a product id of the products list.`,
      });
      return -1;
    }
    return i;
  };
  const number = (v: unknown, what: string, min = 0): number => {
    if (typeof v === "number" && Number.isFinite(v) && v >= min) return v;
    problems.push({
      section: "instance",
      field: "choiceModel",
      value: v,
      message: `${where(what)}: ${show(v)} is not a number of at least ${min}.`,
    });
    return NaN;
  };
  const weights = (v: unknown, what: string): Float64Array => {
    const w = new Float64Array(ids.length);
    if (!isRecord(v)) {
      problems.push({
        section: "instance",
        field: "choiceModel",
        message: `${where(what)}: give the weights as {"product id": weight, ...}.`,
      });
      return w;
    }
    // Keys are trimmed like ids, so "A" and " A " would name one product: say so rather than keep the last.
    const given = new Map<number, string>();
    for (const [id, x] of Object.entries(v)) {
      const i = idOf(id, `${what} key`);
      const value = number(x, `${what}['${id}']`);
      if (i < 0) continue;
      const before = given.get(i);
      if (before !== undefined) {
        problems.push({
          section: "instance",
          field: "choiceModel",
          message: `${where(what)}: '${before}' and '${id}' both give the weight of product '${ids[i]}'; keep one.`,
        });
        continue;
      }
      given.set(i, id);
      w[i] = value;
    }
    return w;
  };
  let model: ChoiceModel | undefined;
  const type = typeof cm.type === "string" ? cm.type.trim().toLowerCase() : cm.type;
  const build = (make: () => ChoiceModel) => {
    if (problems.length > 0) return;
    try {
      model = make();
    } catch (err) {
      if (err instanceof RangeError)
        problems.push({ section: "instance", field: "choiceModel", message: `choiceModel: ${err.message}.` });
      else throw err;
    }
  };
  if (type === "rankings") {
    if (!Array.isArray(cm.types) || cm.types.length === 0)
      fail(`${where("types")}: give a list of customer types, each {"weight": w, "ranking": ["id", ...]}.`);
    const types: RankingType[] = (cm.types as unknown[]).map((t, k) => {
      const rec = isRecord(t) ? t : {};
      const ranking = Array.isArray(rec.ranking) ? rec.ranking.map((v) => idOf(v, `types[${k + 1}].ranking`)) : [];
      if (!Array.isArray(rec.ranking))
        problems.push({
          section: "instance",
          field: "choiceModel",
          message: `${where(`types[${k + 1}]`)}: give a ranking, a list of product ids in preference order.`,
        });
      if (new Set(ranking).size !== ranking.length)
        problems.push({
          section: "instance",
          field: "choiceModel",
          message: `${where(`types[${k + 1}].ranking`)}: a product is listed twice; list each product once.`,
        });
      return { weight: number(rec.weight ?? 1, `types[${k + 1}].weight`), ranking };
    });
    build(() => rankingChoice(ids.length, types));
  } else if (type === "mnl") {
    const w = weights(cm.weights, "weights");
    const v0 = number(cm.noPurchase, "noPurchase");
    build(() => mnlChoice(w, v0));
  } else if (type === "nested") {
    const w = weights(cm.weights, "weights");
    const v0 = number(cm.noPurchase, "noPurchase");
    const nests: Nest[] = Array.isArray(cm.nests)
      ? cm.nests.map((x, k) => {
          const rec = isRecord(x) ? x : {};
          const members = Array.isArray(rec.members) ? rec.members.map((v) => idOf(v, `nests[${k + 1}].members`)) : [];
          return { members, dissimilarity: number(rec.dissimilarity, `nests[${k + 1}].dissimilarity`) };
        })
      : [];
    if (!Array.isArray(cm.nests))
      problems.push({
        section: "instance",
        field: "choiceModel",
        message: `${where("nests")}: give a list of nests, each {"members": ["id", ...], "dissimilarity": 0.5}.`,
      });
    build(() => nestedLogitChoice(w, v0, nests));
  } else if (type === "mixed") {
    if (!Array.isArray(cm.classes) || cm.classes.length === 0)
      fail(`${where("classes")}: give a list of classes, each {"share": s, "weights": {...}, "noPurchase": v0}.`);
    const classes = (cm.classes as unknown[]).map((x, k) => {
      const rec = isRecord(x) ? x : {};
      return {
        share: number(rec.share, `classes[${k + 1}].share`),
        weights: weights(rec.weights, `classes[${k + 1}].weights`),
        noPurchase: number(rec.noPurchase, `classes[${k + 1}].noPurchase`),
      };
    });
    build(() => mixedLogitChoice(classes));
  } else if (type === "multistep") {
    const w = weights(cm.weights, "weights");
    if (!Array.isArray(cm.queries) || cm.queries.length === 0)
      fail(`${where("queries")}: give a list of searches, each {"share": s, "ranking": ["id", ...]} (by relevance).`);
    const queries = (cm.queries as unknown[]).map((x, k) => {
      const rec = isRecord(x) ? x : {};
      if (!Array.isArray(rec.ranking) || rec.ranking.length === 0)
        problems.push({
          section: "instance",
          field: "choiceModel",
          message: `${where(`queries[${k + 1}]`)}: give a ranking, the product ids the search shows, most relevant first.`,
        });
      const ranking = Array.isArray(rec.ranking) ? rec.ranking.map((v) => idOf(v, `queries[${k + 1}].ranking`)) : [];
      if (new Set(ranking).size !== ranking.length)
        problems.push({
          section: "instance",
          field: "choiceModel",
          message: `${where(`queries[${k + 1}].ranking`)}: a product is listed twice; list each product once.`,
        });
      return { share: number(rec.share ?? 1, `queries[${k + 1}].share`), ranking: Int32Array.from(ranking) };
    });
    const attention = Array.isArray(cm.attention)
      ? cm.attention.map((a, r) => {
          const x = number(a, `attention[${r + 1}]`);
          if (x > 1)
            problems.push({
              section: "instance",
              field: "choiceModel",
              value: a,
              message: `${where(`attention[${r + 1}]`)}: ${show(a)} is a probability of examining the position; give 0 to 1.`,
            });
          return x;
        })
      : [];
    if (attention.length === 0)
      problems.push({
        section: "instance",
        field: "choiceModel",
        message: `${where("attention")}: give the chance of examining each list position, e.g. [0.95, 0.6, 0.4] (its length is the list's).`,
      });
    const totalShare = queries.reduce((a, q) => a + q.share, 0);
    if (problems.length === 0 && !(totalShare > 0))
      problems.push({
        section: "instance",
        field: "choiceModel",
        message: `${where("queries")}: the shares add up to 0.`,
      });
    build(() =>
      multiStepChoice({
        n: ids.length,
        weights: w,
        queries: queries.map((q) => ({ share: q.share / totalShare, ranking: q.ranking })),
        attention: Float64Array.from(attention),
        hideUnavailable: cm.hideUnavailable !== false,
      }),
    );
  } else {
    return fail(`choiceModel type ${show(cm.type)} is not one of ${TYPES.join(", ")}.`, "choiceModel");
  }
  if (problems.length > 0 || model === undefined) throw new InputError(problems);
  const products = (input.products as unknown[]).map((p) => {
    const { demand: _demand, ...rest } = p as Record<string, unknown>;
    return rest as unknown as ProductInput;
  });
  return { products, ids, customers: customers as number, model };
}
