// Generates examples/fashion.json: a realistic, heavy-tailed apparel catalogue of 300 products (15 styles,
// 2-6 colours each, sizes XS-XL). Deterministic: the same seed always writes the same file.
//
//   npx tsx scripts/make-examples.ts
//
// Demand: style-colour combinations get Zipf-like shares (a few bestsellers, a long tail), split over sizes
// by a size curve, with some noise per product. Substitution: a customer who finds her product missing
// tries the neighbouring size of the same item, the same size in another colour of the style (popular
// colours attract more), or the sister style in her colour; each row sums to 0.3-0.8 (the rest leave).

import { writeFileSync } from "node:fs";
import { join } from "node:path";

const SEED = 20210901;
/** Expected customers in the season: 20 per product on average, most products far fewer. */
const TOTAL_DEMAND = 6000;
/** Steep enough for an online-fashion long tail: a third or more of the products below 2 expected customers. */
const ZIPF_EXPONENT = 1.6;

/** xorshift32 with a fixed seed, for reproducible files (not for simulation). */
function generator(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}
const random = generator(SEED);
const uniform = (lo: number, hi: number) => lo + (hi - lo) * random();

const COLOURS: Record<string, string> = {
  BLK: "black",
  WHT: "white",
  NVY: "navy",
  GRY: "grey",
  BEI: "beige",
  BLU: "blue",
  OLV: "olive",
  RED: "red",
  PNK: "pink",
  GRN: "green",
  MUS: "mustard",
  BUR: "burgundy",
};
const SIZES = ["XS", "S", "M", "L", "XL"];
const SIZE_CURVE = [0.08, 0.2, 0.32, 0.26, 0.14];

interface Style {
  code: string;
  name: string;
  price: number;
  /** Colours in order of popularity. */
  colours: string[];
  /** Relative popularity of the style. */
  weight: number;
  sister: string;
}

const STYLES: Style[] = [
  {
    code: "TEE",
    name: "Crew tee",
    price: 19.9,
    colours: ["BLK", "WHT", "NVY", "GRY", "OLV", "RED"],
    weight: 3,
    sister: "VNK",
  },
  {
    code: "VNK",
    name: "V-neck tee",
    price: 21.9,
    colours: ["WHT", "BLK", "GRY", "NVY", "BEI"],
    weight: 1.2,
    sister: "TEE",
  },
  { code: "POL", name: "Polo", price: 34.9, colours: ["NVY", "WHT", "BLK", "GRN", "RED"], weight: 1.3, sister: "OXF" },
  { code: "OXF", name: "Oxford shirt", price: 44.9, colours: ["BLU", "WHT", "PNK", "GRY"], weight: 1.1, sister: "POL" },
  { code: "HOD", name: "Hoodie", price: 49.9, colours: ["GRY", "BLK", "NVY", "OLV"], weight: 1.6, sister: "SWT" },
  {
    code: "SWT",
    name: "Sweatshirt",
    price: 39.9,
    colours: ["GRY", "NVY", "BEI", "BUR", "BLK"],
    weight: 1.1,
    sister: "HOD",
  },
  { code: "KNT", name: "Knit jumper", price: 59.9, colours: ["NVY", "BEI", "BUR", "GRN"], weight: 0.8, sister: "CRD" },
  { code: "CRD", name: "Cardigan", price: 54.9, colours: ["BEI", "GRY", "BLK"], weight: 0.5, sister: "KNT" },
  { code: "CHN", name: "Chinos", price: 54.9, colours: ["BEI", "NVY", "OLV", "BLK"], weight: 1.2, sister: "JNS" },
  { code: "JNS", name: "Jeans", price: 64.9, colours: ["BLU", "BLK", "GRY", "WHT"], weight: 1.8, sister: "CHN" },
  { code: "SHO", name: "Shorts", price: 29.9, colours: ["BEI", "NVY", "OLV"], weight: 0.7, sister: "CHN" },
  {
    code: "DRS",
    name: "Jersey dress",
    price: 59.9,
    colours: ["BLK", "NVY", "RED", "GRN", "MUS"],
    weight: 1.0,
    sister: "SKT",
  },
  { code: "SKT", name: "Midi skirt", price: 44.9, colours: ["BLK", "BEI", "MUS"], weight: 0.5, sister: "DRS" },
  { code: "JKT", name: "Denim jacket", price: 89.9, colours: ["BLU", "BLK"], weight: 0.6, sister: "HOD" },
  { code: "PUF", name: "Puffer vest", price: 79.9, colours: ["BLK", "NVY", "OLV"], weight: 0.4, sister: "JKT" },
];

interface Product {
  id: string;
  name: string;
  price: number;
  cost: number;
  salvage: number;
  demand: number;
  /** Last season's buy, the current range: 0 = not carried now. */
  currentUnits: number;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
const id = (style: string, colour: string, size: string) => `${style}-${colour}-${size}`;

// Style-colour combinations ranked by popularity (style weight, colour rank, noise), then given Zipf shares.
const combos = STYLES.flatMap((s) =>
  s.colours.map((c, rank) => ({ style: s, colour: c, score: (s.weight / (1 + 0.6 * rank)) * uniform(0.6, 1.6) })),
).sort((a, b) => b.score - a.score);
const zipf = combos.map((_, r) => 1 / (r + 1) ** ZIPF_EXPONENT);
const zipfTotal = zipf.reduce((a, b) => a + b, 0);

const products: Product[] = [];
const demandOf = new Map<string, number>();
combos.forEach((combo, r) => {
  const s = combo.style;
  // Margins vary by style (basics thin, fashion thick); salvage is what an end-of-season sale recovers.
  const costShare = uniform(0.35, 0.5);
  SIZES.forEach((size, z) => {
    const demand = round(((TOTAL_DEMAND * zipf[r]) / zipfTotal) * SIZE_CURVE[z] * uniform(0.85, 1.15), 2);
    const cost = round(s.price * costShare, 2);
    products.push({
      id: id(s.code, combo.colour, size),
      name: `${s.name}, ${COLOURS[combo.colour]}, ${size}`,
      price: s.price,
      cost,
      salvage: round(cost * uniform(0.2, 0.4), 2),
      demand,
      currentUnits: 0,
    });
    demandOf.set(id(s.code, combo.colour, size), demand);
  });
});
// Last season's buy, plausibly imperfect: the bestsellers bought near their forecast (a few understocked, a
// couple missing altogether), and a share of the tail carried at a small minimum presentation stock.
for (const p of products) {
  const u = random();
  if (p.demand >= 4)
    p.currentUnits = u < 0.06 ? 0 : Math.round(p.demand * (u < 0.2 ? uniform(0.4, 0.7) : uniform(0.9, 1.3)));
  else p.currentUnits = u < 0.45 ? Math.round(uniform(2, 5)) : 0;
}

// Catalogue order (style, colour, size) is how a buyer reads it; the ranking above only set demand.
const order = new Map(
  STYLES.flatMap((s, a) =>
    s.colours.flatMap((c, b) => SIZES.map((z, k) => [id(s.code, c, z), a * 1e4 + b * 10 + k] as const)),
  ),
);
products.sort((a, b) => (order.get(a.id) as number) - (order.get(b.id) as number));

interface Link {
  from: string;
  to: string;
  probability: number;
}
const links: Link[] = [];
const byCode = new Map(STYLES.map((s) => [s.code, s]));
for (const s of STYLES) {
  for (const c of s.colours) {
    SIZES.forEach((size, z) => {
      const from = id(s.code, c, size);
      const weights = new Map<string, number>();
      // The same item a size up or down.
      const near = [z - 1, z + 1].filter((k) => k >= 0 && k < SIZES.length);
      for (const k of near) weights.set(id(s.code, c, SIZES[k]), 0.4 / near.length);
      // The same style and size in another colour: the two most wanted other colours, by their demand.
      const others = s.colours
        .filter((o) => o !== c)
        .map((o) => id(s.code, o, size))
        .sort((a, b) => (demandOf.get(b) as number) - (demandOf.get(a) as number))
        .slice(0, 2);
      const otherDemand = others.reduce((t, o) => t + (demandOf.get(o) as number), 0);
      for (const o of others) weights.set(o, (0.4 * (demandOf.get(o) as number)) / otherDemand);
      // The sister style in the same colour if it has it, else in its most popular colour.
      const sister = byCode.get(s.sister) as Style;
      weights.set(id(sister.code, sister.colours.includes(c) ? c : sister.colours[0], size), 0.2);
      // Scale to a row sum in [0.3, 0.8]; round down to 3 decimals so the sum never grows.
      const rowSum = uniform(0.3, 0.8);
      const total = [...weights.values()].reduce((a, b) => a + b, 0);
      for (const [to, w] of weights) {
        const probability = Math.floor((1000 * rowSum * w) / total) / 1000;
        if (probability > 0) links.push({ from, to, probability });
      }
    });
  }
}

// One product or link per line: readable in an editor and diffable, and far smaller than indented JSON.
const lines = [
  "{",
  '  "products": [',
  products.map((p) => "    " + JSON.stringify(p)).join(",\n"),
  "  ],",
  '  "substitution": [',
  links.map((l) => "    " + JSON.stringify(l)).join(",\n"),
  "  ],",
  '  "customers": {"distribution": "poisson"}',
  "}",
  "",
];
const file = join(__dirname, "..", "examples", "fashion.json");
const text = lines.join("\n");
writeFileSync(file, text);
const total = products.reduce((t, p) => t + p.demand, 0);
const tail = products.filter((p) => p.demand < 2).length;
const carried = products.filter((p) => p.currentUnits > 0).length;
console.log(
  `wrote ${file}: ${products.length} products (${tail} below 2 expected customers; ${carried} carried now), ${links.length} substitution links, expected customers ${total.toFixed(0)}, ${(text.length / 1024).toFixed(0)} KiB`,
);
