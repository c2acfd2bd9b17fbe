// A 32-bit integer hash (Wellons' "lowbias32": two multiply-xorshift rounds, full avalanche).
// Counter-based randomness: hash(key + counter) gives each customer her own reproducible stream, so her
// walk is the same whatever the plan (common random numbers) and whatever the platform (pure 32-bit math).

// Local aliases: global lookups are slow in hot loops under some hosts (vm contexts, e.g. Jest).
const { imul, floor } = Math;

export function hash32(x: number): number {
  x ^= x >>> 16;
  x = imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Combines two 32-bit words into one key (order matters). */
export function hashPair(a: number, b: number): number {
  return hash32((hash32(a) ^ imul(b | 0, 0x9e3779b1)) >>> 0);
}

/** Turns a user seed (any integer or text) into a 32-bit key. */
export function seedKey(seed: number | string): number {
  if (typeof seed === "number" && Number.isFinite(seed)) {
    const lo = (seed % 4294967296) >>> 0;
    const hi = floor(seed / 4294967296) >>> 0;
    return hashPair(lo, hi);
  }
  let h = 0x811c9dc5;
  const s = String(seed);
  for (let i = 0; i < s.length; i++) h = imul(h ^ s.charCodeAt(i), 0x01000193);
  return hash32(h >>> 0);
}
