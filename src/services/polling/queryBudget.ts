/**
 * The upstream query budget of this process: at most `rate` queries start in any rolling second (for a
 * rate below one, one query per 1/rate seconds), first come first served. The rate can change at any time
 * (a process's share of the deployment's budget changes as processes come and go) and applies at once to
 * the rolling window, so lowering it is safe immediately. `pauseUntil` holds every start (429 Retry-After).
 * p-queue's interval cap is fixed at construction, hence this small limiter.
 */
export class QueryBudget {
  private readonly starts: number[] = [];
  private readonly waiting: Array<() => void> = [];
  private timer: NodeJS.Timeout | undefined;
  private pausedUntil = 0;

  constructor(
    private rate: number,
    private readonly now: () => number = Date.now,
    /** Spare room for network jitter, so the rate the upstream sees stays within the budget (2 %). */
    private readonly margin = 1.02,
  ) {}

  get currentRate(): number {
    return this.rate;
  }

  setRate(rate: number): void {
    this.rate = Math.max(0, rate);
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
    this.timer = undefined;
    for (const go of this.waiting.splice(0)) go();
  }

  private window(): { ms: number; cap: number } {
    // A rate below one: one query per window of 1/rate seconds.
    return this.rate >= 1
      ? { ms: Math.ceil(1000 * this.margin), cap: Math.floor(this.rate) }
      : { ms: Math.ceil((1000 / Math.max(this.rate, 1e-9)) * this.margin), cap: 1 };
  }

  private pump(): void {
    if (this.timer) return;
    while (this.waiting.length) {
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
      this.starts.push(at);
      this.waiting.shift()!();
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
