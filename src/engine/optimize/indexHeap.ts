// A binary min-heap of product indices keyed by a number, with key updates: the greedy steps of the
// optimiser (cheapest unit to remove, best unit to add) take O(log N) each instead of a scan of all products.

export class IndexHeap {
  private heap: Int32Array;
  private pos: Int32Array;
  private key: Float64Array;
  private size = 0;

  constructor(n: number) {
    this.heap = new Int32Array(n);
    this.pos = new Int32Array(n).fill(-1);
    this.key = new Float64Array(n);
  }

  get length(): number {
    return this.size;
  }

  /** Inserts i, or changes its key if present. */
  set(i: number, key: number): void {
    if (this.pos[i] < 0) {
      this.heap[this.size] = i;
      this.pos[i] = this.size++;
      this.key[i] = key;
      this.up(this.pos[i]);
      return;
    }
    const old = this.key[i];
    this.key[i] = key;
    if (key < old) this.up(this.pos[i]);
    else this.down(this.pos[i]);
  }

  /** The index with the smallest key (−1 when empty). */
  peek(): number {
    return this.size > 0 ? this.heap[0] : -1;
  }

  remove(i: number): void {
    const at = this.pos[i];
    if (at < 0) return;
    const last = this.heap[--this.size];
    this.pos[i] = -1;
    if (last === i) return;
    this.heap[at] = last;
    this.pos[last] = at;
    this.up(at);
    this.down(this.pos[last]);
  }

  private up(at: number): void {
    const i = this.heap[at];
    const k = this.key[i];
    while (at > 0) {
      const parent = (at - 1) >> 1;
      const j = this.heap[parent];
      if (this.key[j] <= k) break;
      this.heap[at] = j;
      this.pos[j] = at;
      at = parent;
    }
    this.heap[at] = i;
    this.pos[i] = at;
  }

  private down(at: number): void {
    const i = this.heap[at];
    const k = this.key[i];
    for (;;) {
      let child = 2 * at + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && this.key[this.heap[child + 1]] < this.key[this.heap[child]]) child++;
      const j = this.heap[child];
      if (this.key[j] >= k) break;
      this.heap[at] = j;
      this.pos[j] = at;
      at = child;
    }
    this.heap[at] = i;
    this.pos[i] = at;
  }
}
