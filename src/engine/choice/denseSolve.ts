// Gaussian elimination with partial pivoting on a small dense system A·x = b (A row-major, m × m).
// Used where an iterative solve would crawl: on a few products whose rows nearly close (1 − ε), Gauss–Seidel
// needs about (1/ε)·log(1/tol) sweeps, while elimination costs m³/3 whatever ε is.

/** Solves in place: A and b are overwritten; returns x (NaN/Infinity entries when A is singular). */
export function denseSolve(a: Float64Array, b: Float64Array, m: number): Float64Array {
  for (let k = 0; k < m; k++) {
    let p = k;
    let best = Math.abs(a[k * m + k]);
    for (let r = k + 1; r < m; r++) {
      const v = Math.abs(a[r * m + k]);
      if (v > best) {
        best = v;
        p = r;
      }
    }
    if (p !== k) {
      for (let c = k; c < m; c++) {
        const t = a[k * m + c];
        a[k * m + c] = a[p * m + c];
        a[p * m + c] = t;
      }
      const t = b[k];
      b[k] = b[p];
      b[p] = t;
    }
    const pivot = a[k * m + k];
    for (let r = k + 1; r < m; r++) {
      const f = a[r * m + k] / pivot;
      if (f === 0) continue;
      for (let c = k; c < m; c++) a[r * m + c] -= f * a[k * m + c];
      b[r] -= f * b[k];
    }
  }
  const x = new Float64Array(m);
  for (let k = m - 1; k >= 0; k--) {
    let v = b[k];
    for (let c = k + 1; c < m; c++) v -= a[k * m + c] * x[c];
    x[k] = v / a[k * m + k];
  }
  return x;
}
