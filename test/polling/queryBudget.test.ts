import { describe, expect, it } from 'vitest';
import { QueryBudget } from '../../src/services/polling/queryBudget.js';

/** Starts `n` acquisitions and records when each was let go. */
async function startTimes(budget: QueryBudget, n: number, forMs: number) {
  const times: number[] = [];
  const t0 = Date.now();
  for (let i = 0; i < n; i += 1) void budget.acquire().then(() => times.push(Date.now() - t0));
  await new Promise((r) => setTimeout(r, forMs));
  return times;
}
const maxInAnySecond = (times: number[]) => {
  let worst = 0;
  for (const t of times) worst = Math.max(worst, times.filter((u) => u >= t && u < t + 1000).length);
  return worst;
};

describe('the query budget holds in every rolling second', () => {
  it('at most `rate` starts in any second, the rest waits its turn', async () => {
    const times = await startTimes(new QueryBudget(20), 50, 2600);
    expect(times).toHaveLength(50);
    expect(maxInAnySecond(times)).toBeLessThanOrEqual(20);
  });

  it('a lowered rate applies at once to the window, counting what already started', async () => {
    const budget = new QueryBudget(20);
    const times: number[] = [];
    const t0 = Date.now();
    for (let i = 0; i < 40; i += 1) void budget.acquire().then(() => times.push(Date.now() - t0));
    await new Promise((r) => setTimeout(r, 50));
    budget.setRate(5);
    await new Promise((r) => setTimeout(r, 1500));
    // 20 went at once; nothing more until that second has passed, then 5 per second.
    expect(times.filter((t) => t < 1000)).toHaveLength(20);
    expect(times.filter((t) => t >= 1000 && t < 1500).length).toBeLessThanOrEqual(5);
  });

  it('rate 0 starts nothing until a share is given; pauseUntil holds every start', async () => {
    const budget = new QueryBudget(0);
    let started = 0;
    void budget.acquire().then(() => (started += 1));
    await new Promise((r) => setTimeout(r, 100));
    expect(started).toBe(0);
    budget.pauseUntil(Date.now() + 300);
    budget.setRate(10);
    await new Promise((r) => setTimeout(r, 150));
    expect(started).toBe(0);
    await new Promise((r) => setTimeout(r, 300));
    expect(started).toBe(1);
  });

  it('a rate below one lets one query go per 1/rate seconds', async () => {
    const times = await startTimes(new QueryBudget(4), 3, 50);
    expect(times).toHaveLength(3);
    const slow = await startTimes(new QueryBudget(0.5), 2, 300);
    expect(slow).toHaveLength(1);
  });
});
