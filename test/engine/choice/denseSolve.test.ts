// Dense elimination against a known inverse (the 3×3 Hilbert matrix's integer inverse), a system that needs a
// row swap, and residuals checked on a copy of A (the solve overwrites its inputs).

import { denseSolve } from "../../../src/engine/choice/denseSolve";

const solve = (rows: number[][], b: number[]) =>
  Array.from(denseSolve(Float64Array.from(rows.flat()), Float64Array.from(b), rows.length));

test("solves the Hilbert system: x = H⁻¹·b with the known integer inverse", () => {
  const h = [
    [1, 1 / 2, 1 / 3],
    [1 / 2, 1 / 3, 1 / 4],
    [1 / 3, 1 / 4, 1 / 5],
  ];
  const inverse = [
    [9, -36, 30],
    [-36, 192, -180],
    [30, -180, 180],
  ];
  const b = [1, 2, 3];
  const expected = inverse.map((row) => row.reduce((s, v, j) => s + v * b[j], 0)); // [27, -192, 210]
  const x = solve(h, b);
  x.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 9));
});

test("pivots past a zero on the diagonal", () => {
  // Without a row swap the first pivot is 0: x = (1, 2, 3) by construction.
  const a = [
    [0, 2, 1],
    [1, 1, 1],
    [3, 0, -1],
  ];
  expect(solve(a, [7, 6, 0])).toEqual([1, 2, 3].map((v) => expect.closeTo(v, 12)));
});

test("random diagonally dominant systems: A·x reproduces b", () => {
  let seed = 7;
  const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1;
  for (const m of [1, 4, 9]) {
    const a = Array.from({ length: m }, (_, i) => Array.from({ length: m }, (_, j) => (i === j ? m + 1 : rand())));
    const x0 = Array.from({ length: m }, rand);
    const b = a.map((row) => row.reduce((s, v, j) => s + v * x0[j], 0));
    const x = solve(a, b);
    x.forEach((v, i) => expect(v).toBeCloseTo(x0[i], 10));
  }
});

test("a singular system gives non-finite entries rather than a number", () => {
  const x = solve(
    [
      [1, 2],
      [2, 4],
    ],
    [1, 1],
  );
  expect(x.some((v) => !Number.isFinite(v))).toBe(true);
});
