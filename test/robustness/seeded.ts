// A small seeded generator for the robustness suite: every generated case and kill moment reproduces from
// its seed.

/** Uniform numbers in [0, 1) from a 32-bit seed (the mulberry32 recurrence). */
export function mulberry(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
