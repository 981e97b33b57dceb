/**
 * The upstream query budget of this process: at most `rate` queries start in any rolling second (for a
 * rate below one, one query per 1/rate seconds), first come first served. The rate can change at any time
 * (a process's share of the deployment's budget changes as processes come and go) and applies at once to
 * the rolling window, so lowering it is safe immediately. `pauseUntil` holds every start (429 Retry-After).
 * p-queue's interval cap is fixed at construction, hence this small limiter.
 */
/** Callers let go in one turn of the event loop at most. */
const PER_TURN = 8;

export class QueryBudget {
  private readonly starts: number[] = [];
  private readonly waiting: Array<() => void> = [];
  private timer: NodeJS.Timeout | undefined;
  private next: NodeJS.Immediate | undefined;
  private pausedUntil = 0;

  constructor(
    private rate: number,
    private readonly now: () => number = Date.now,
    /**
     * Spare room (5 %): a request goes out a little after it was let go (a busy event loop, a garbage
     * collection), and the upstream must still never see more than `rate` in a second.
     */
    private readonly margin = 1.05,
  ) {}

  get currentRate(): number {
    return this.rate;
  }

  setRate(rate: number): void {
    this.rate = Math.max(0, rate);
    // A wake-up planned for the old rate may be too late for the new one: plan again.
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.pump();
  }

  pauseUntil(at: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, at);
    this.pump();
  }

  /** Resolves when this caller may start one query. */
  acquire(): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.pump();
    });
  }

  /** Callers waiting for a slot (they are let go, without a slot, by `clear`). */
  get pending(): number {
    return this.waiting.length;
  }

  /** Lets every waiting caller go at once (shutdown). */
  clear(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.next) clearImmediate(this.next);
    this.timer = this.next = undefined;
    for (const go of this.waiting.splice(0)) go();
  }

  private window(): { ms: number; cap: number } {
    // A rate below one: one query per window of 1/rate seconds.
    return this.rate >= 1
      ? { ms: Math.ceil(1000 * this.margin), cap: Math.floor(this.rate) }
      : { ms: Math.ceil((1000 / Math.max(this.rate, 1e-9)) * this.margin), cap: 1 };
  }

  private pump(): void {
    if (this.timer || this.next) return;
    if (this.waiting.length) {
      const at = this.now();
      if (at < this.pausedUntil) {
        this.wakeAt(this.pausedUntil);
        return;
      }
      if (this.rate <= 0) return; // no share of the budget (yet): wait for setRate
      const { ms, cap } = this.window();
      while (this.starts.length && this.starts[0]! <= at - ms) this.starts.shift();
      if (this.starts.length >= cap) {
        this.wakeAt(this.starts[this.starts.length - cap]! + ms);
        return;
      }
      // A few callers per turn of the event loop: their requests go out (synchronously, in their
      // continuations) before the next ones are let go, so the time counted here is within a millisecond or
      // two of when the requests really start (well inside the margin); one per turn cost a turn per query.
      for (let n = 0; n < PER_TURN && this.waiting.length && this.starts.length < cap; n += 1) {
        this.starts.push(at);
        this.waiting.shift()!();
      }
      if (this.waiting.length) {
        this.next = setImmediate(() => {
          this.next = undefined;
          this.pump();
        });
      }
      return;
    }
  }

  private wakeAt(at: number): void {
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.pump();
      },
      Math.max(1, at - this.now()),
    );
    this.timer.unref?.();
  }
}
