/**
 * When each task is next due, as a binary min-heap: O(log n) to schedule, O(1) to see the next due
 * time, so a tick never scans every task. Re-scheduling a task supersedes its older entry.
 */
interface Entry {
  due: number;
  id: string;
  seq: number;
}

export class DueSchedule {
  private heap: Entry[] = [];
  private latest = new Map<string, number>();
  private seq = 0;

  get size(): number {
    return this.latest.size;
  }

  has(id: string): boolean {
    return this.latest.has(id);
  }

  schedule(id: string, due: number): void {
    const entry = { due, id, seq: ++this.seq };
    this.latest.set(id, entry.seq);
    this.heap.push(entry);
    this.up(this.heap.length - 1);
  }

  remove(id: string): void {
    this.latest.delete(id);
  }

  /** The earliest due time of a live entry, if any. */
  peekDue(): number | undefined {
    this.dropStale();
    return this.heap[0]?.due;
  }

  /** Removes and returns every id due at or before `now`, earliest first. */
  popDue(now: number, limit = Infinity): string[] {
    const out: string[] = [];
    while (out.length < limit) {
      this.dropStale();
      const top = this.heap[0];
      if (!top || top.due > now) break;
      this.pop();
      this.latest.delete(top.id);
      out.push(top.id);
    }
    return out;
  }

  private dropStale(): void {
    while (this.heap.length && this.latest.get(this.heap[0]!.id) !== this.heap[0]!.seq) this.pop();
  }

  private pop(): void {
    const last = this.heap.pop()!;
    if (this.heap.length) {
      this.heap[0] = last;
      this.down(0);
    }
  }

  private less(a: number, b: number): boolean {
    const x = this.heap[a]!;
    const y = this.heap[b]!;
    return x.due < y.due || (x.due === y.due && x.seq < y.seq);
  }

  private swap(a: number, b: number): void {
    [this.heap[a], this.heap[b]] = [this.heap[b]!, this.heap[a]!];
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.heap.length && this.less(l, m)) m = l;
      if (r < this.heap.length && this.less(r, m)) m = r;
      if (m === i) return;
      this.swap(i, m);
      i = m;
    }
  }
}
