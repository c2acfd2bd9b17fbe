// The optimiser's indexed min-heap against a plain sorted list under random inserts, key changes and removals.

import { IndexHeap } from "../../../src/engine/optimize/indexHeap";
import { TestRandom } from "../groundTruth/testRandom";

test("peek always returns the smallest key (ties: any of them) under random operations", () => {
  const rnd = new TestRandom(7);
  const n = 60;
  const heap = new IndexHeap(n);
  const keys = new Map<number, number>();
  for (let step = 0; step < 5000; step++) {
    const i = rnd.int(0, n - 1);
    const op = rnd.next();
    if (op < 0.6) {
      const key = rnd.int(-20, 20) / 4;
      heap.set(i, key);
      keys.set(i, key);
    } else {
      heap.remove(i);
      keys.delete(i);
    }
    expect(heap.length).toBe(keys.size);
    if (keys.size === 0) {
      expect(heap.peek()).toBe(-1);
      continue;
    }
    const min = Math.min(...keys.values());
    expect(keys.get(heap.peek())).toBe(min);
  }
});

test("draining by peek and remove gives every index once, keys in non-decreasing order", () => {
  const rnd = new TestRandom(11);
  const heap = new IndexHeap(200);
  const keys = new Float64Array(200);
  for (let i = 0; i < 200; i++) heap.set(i, (keys[i] = rnd.uniform(0, 1)));
  for (let i = 0; i < 200; i += 3) heap.set(i, (keys[i] = rnd.uniform(-1, 2))); // key changes both ways
  const seen = new Set<number>();
  let last = -Infinity;
  while (heap.length > 0) {
    const i = heap.peek();
    expect(seen.has(i)).toBe(false);
    expect(keys[i]).toBeGreaterThanOrEqual(last);
    last = keys[i];
    seen.add(i);
    heap.remove(i);
  }
  expect(seen.size).toBe(200);
});

test("removing an absent index is a no-op; re-inserting after removal works", () => {
  const heap = new IndexHeap(3);
  heap.remove(1);
  expect(heap.length).toBe(0);
  heap.set(2, 5);
  heap.set(0, 7);
  heap.remove(2);
  expect(heap.peek()).toBe(0);
  heap.set(2, 1);
  expect(heap.peek()).toBe(2);
  expect(heap.length).toBe(2);
});
