// The counter-based hash behind common random numbers: fixed values (so seasons are the same on every
// platform and version), full avalanche, and seeds of any kind.

import { hash32, hashPair, seedKey } from "../../../src/engine/random/hash";

/** lowbias32 written again with BigInt arithmetic: an independent reference. */
function reference(x: number): number {
  let v = BigInt(x >>> 0);
  const m = (a: bigint, b: bigint) => (a * b) & 0xffffffffn;
  v ^= v >> 16n;
  v = m(v, 0x7feb352dn);
  v ^= v >> 15n;
  v = m(v, 0x846ca68bn);
  v ^= v >> 16n;
  return Number(v);
}

test("hash32 equals an independent BigInt implementation", () => {
  for (const x of [0, 1, 2, 0x7fffffff, 0x80000000, 0xffffffff, 123456789, 987654321])
    expect(hash32(x)).toBe(reference(x));
  for (let x = 1; x < 2 ** 32; x = (x * 7 + 13) >>> 0 || 1) {
    expect(hash32(x)).toBe(reference(x));
    if (x > 2 ** 31) break;
  }
});

test("avalanche: flipping one input bit flips about half of the output bits", () => {
  let flips = 0;
  let trials = 0;
  for (let x = 1; x < 4000; x += 7) {
    for (let b = 0; b < 32; b++) {
      const d = (hash32(x) ^ hash32((x ^ (1 << b)) >>> 0)) >>> 0;
      flips += d.toString(2).split("1").length - 1;
      trials++;
    }
  }
  expect(flips / trials).toBeGreaterThan(15.5);
  expect(flips / trials).toBeLessThan(16.5);
});

test("hashPair depends on the order; seedKey takes numbers beyond 32 bits and text", () => {
  expect(hashPair(1, 2)).not.toBe(hashPair(2, 1));
  expect(seedKey(1)).toBe(seedKey(1));
  expect(seedKey(1)).not.toBe(seedKey(2));
  expect(seedKey(2 ** 40)).not.toBe(seedKey(0));
  expect(seedKey("spring")).toBe(seedKey("spring"));
  expect(seedKey("spring")).not.toBe(seedKey("Spring"));
  expect(seedKey(NaN)).toBe(seedKey("NaN"));
});
