/** The query budget on a fake clock: at most `rate` starts in any rolling second, rate changes, 429 pauses. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QueryBudget } from '../../src/services/polling/queryBudget.js';

beforeEach(() => {
  // setImmediate stays real: the budget lets a few callers go per turn of the event loop (see flush).
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: 0 });
});
afterEach(() => vi.useRealTimers());

/** Asks for `n` slots at once and records the fake time at which each was let go. */
function ask(budget: QueryBudget, n: number): number[] {
  const times: number[] = [];
  for (let i = 0; i < n; i += 1) void budget.acquire().then(() => times.push(Date.now()));
  return times;
}
/** Lets every start due now happen (a few per turn of the event loop), without moving the clock. */
async function flush(): Promise<void> {
  for (let i = 0; i < 25; i += 1) await new Promise((r) => setImmediate(r));
}
/** Moves the fake clock, letting each start happen at the time it is due. */
async function advance(ms: number): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    await flush();
    // One millisecond at a time while a wake-up is planned; otherwise straight to the end.
    const step = vi.getTimerCount() ? Math.min(end - Date.now(), 1) : end - Date.now();
    if (step <= 0) break;
    await vi.advanceTimersByTimeAsync(step);
  }
  await flush();
}
const maxInAnySecond = (times: number[]) =>
  Math.max(0, ...times.map((t) => times.filter((u) => u >= t && u < t + 1000).length));

describe('the query budget holds in every rolling second', () => {
  it('at most `rate` starts in any second; the rest wait their turn, first come first served', async () => {
    const budget = new QueryBudget(20, () => Date.now());
    const times = ask(budget, 50);
    await flush();
    expect(times).toHaveLength(20);
    await advance(3000);
    expect(times).toHaveLength(50);
    expect(maxInAnySecond(times)).toBe(20);
    // The window is a second plus the 5 % margin: the 21st goes at 1050 ms.
    expect(times[20]).toBe(1050);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('without the margin, the 21st goes exactly a second after the first', async () => {
    const times = ask(new QueryBudget(20, () => Date.now(), 1), 21);
    await advance(999);
    expect(times).toHaveLength(20);
    await advance(1);
    expect(times).toHaveLength(21);
    expect(times[20]).toBe(1000);
  });

  it('a lowered rate applies at once to the window, counting what already started', async () => {
    const budget = new QueryBudget(20, () => Date.now());
    const times = ask(budget, 40);
    await advance(50);
    expect(times).toHaveLength(20);
    budget.setRate(5);
    expect(budget.currentRate).toBe(5);
    await advance(2000);
    expect(times.filter((t) => t < 1000)).toHaveLength(20);
    // After the first window: 5 per window.
    expect(times.filter((t) => t >= 1000 && t < 2050)).toHaveLength(5);
  });

  it('a raised rate lets waiting callers go at once', async () => {
    const budget = new QueryBudget(1, () => Date.now());
    const times = ask(budget, 5);
    await advance(10);
    expect(times).toHaveLength(1);
    budget.setRate(10);
    await flush();
    expect(times).toHaveLength(5);
  });

  it('rate 0 starts nothing until a share is given', async () => {
    const budget = new QueryBudget(0, () => Date.now());
    const times = ask(budget, 1);
    await advance(60_000);
    expect(times).toEqual([]);
    expect(budget.pending).toBe(1);
    budget.setRate(2);
    await advance(0);
    expect(times).toEqual([60_000]);
  });

  it('pauseUntil holds every start until then (429 Retry-After), and a shorter pause never shortens it', async () => {
    const budget = new QueryBudget(10, () => Date.now());
    budget.pauseUntil(3000);
    budget.pauseUntil(1000);
    const times = ask(budget, 2);
    await advance(2999);
    expect(times).toEqual([]);
    await advance(1);
    await flush();
    expect(times).toEqual([3000, 3000]);
  });

  it('a rate below one lets one query go per 1/rate seconds', async () => {
    const times = ask(new QueryBudget(0.5, () => Date.now(), 1), 3);
    await advance(5000);
    expect(times).toEqual([0, 2000, 4000]);
  });

  it('clear lets every waiting caller go (shutdown)', async () => {
    const budget = new QueryBudget(1, () => Date.now());
    const times = ask(budget, 4);
    await advance(0);
    expect(times).toHaveLength(1);
    budget.clear();
    await flush();
    expect(times).toEqual([0, 0, 0, 0]);
    expect(budget.pending).toBe(0);
  });

  it('lets at most 8 waiting callers go per turn of the event loop (their requests start in that turn)', async () => {
    const budget = new QueryBudget(100);
    budget.pauseUntil(10);
    let gone = 0;
    for (let i = 0; i < 20; i += 1) void budget.acquire().then(() => (gone += 1));
    vi.advanceTimersByTime(10);
    for (let i = 0; i < 5; i += 1) await Promise.resolve();
    expect(gone).toBe(8);
    await new Promise((r) => setImmediate(r));
    expect(gone).toBe(16);
    await new Promise((r) => setImmediate(r));
    expect(gone).toBe(20);
  });
});
