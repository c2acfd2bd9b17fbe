// A small, fast, seeded generator (xoshiro128**, 32-bit arithmetic only): the same seed gives the same
// numbers on every JavaScript engine and platform.

import { hash32 } from "./hash";

// A local alias: global lookups are slow in hot loops under some hosts (vm contexts, e.g. Jest).
const { imul } = Math;

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(key: number) {
    // Expand the 32-bit key into four state words; never all zero.
    this.a = hash32(key ^ 0x243f6a88) | 0;
    this.b = hash32(key ^ 0x85a308d3) | 0;
    this.c = hash32(key ^ 0x13198a2e) | 0;
    this.d = hash32(key ^ 0x03707344) | 0;
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 1;
  }

  /** Next 32-bit unsigned integer. */
  nextUint32(): number {
    const r = imul(rotl(imul(this.b, 5), 7), 9);
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return r >>> 0;
  }

  /** Uniform in [0, 1) with 53 random bits. */
  next(): number {
    const hi = this.nextUint32() >>> 5;
    const lo = this.nextUint32() >>> 6;
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** Uniform in (0, 1): safe for logarithms. */
  nextOpen(): number {
    let u = this.next();
    while (u === 0) u = this.next();
    return u;
  }

  /** Standard normal (polar method). */
  normal(): number {
    for (;;) {
      const x = 2 * this.next() - 1;
      const y = 2 * this.next() - 1;
      const s = x * x + y * y;
      if (s > 0 && s < 1) return x * Math.sqrt((-2 * Math.log(s)) / s);
    }
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
