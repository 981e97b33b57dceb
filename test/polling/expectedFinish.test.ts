/**
 * The schedule around a task's expected finish, on a fake clock (a pure function: no timers): the prior alone,
 * a learned distribution (few queries before it, dense around it, the fixed curve past it, no denser than half
 * the longest spacing), and a vendor that
 * suddenly renders three times slower (never a wait longer than the fixed curve's longest).
 */
import { describe, expect, it } from 'vitest';
import {
  expectedFinishDelay,
  MIN_OBSERVATIONS,
  type ScheduleContext,
} from '../../src/services/polling/expectedFinish.js';
import { nextPollDelay } from '../../src/services/polling/pollInterval.js';
import type { RecordStore } from '../../src/db/recordStore.js';
import { createRenderStats, type RenderSummary } from '../../src/services/polling/renderStats.js';

const KIND = { model: 'seedance2.0-mini-sp', resolution: '720p', seconds: 5 };
const TIMING = { firstDelayMs: 10_000, minIntervalMs: 10_000, maxIntervalMs: 30_000 };
const CTX: ScheduleContext = { timing: TIMING, load: { followed: 10, queriesPerSecond: 10 }, jitter: 0.5 };
const T0 = 1_000_000;

function learned(medianMs: number, n = 100): RenderSummary {
  const stats = createRenderStats({} as RecordStore);
  for (let i = 0; i < n; i += 1)
    stats.record(KIND, medianMs * Math.exp(0.25 * (((i * 37) % n) / n - 0.5) * 3.3), i * 1000);
  return stats.summary(KIND);
}

/** Query times of one task that finishes at `finishMs` after submission, until a query sees it finished. */
function queriesUntilSeen(stats: RenderSummary | undefined, finishMs: number, ctx = CTX) {
  const at: number[] = [];
  let now = T0;
  for (let attempts = 0; attempts < 1000; attempts += 1) {
    now += expectedFinishDelay({ submittedAt: T0 }, stats, attempts, now, ctx);
    at.push(now - T0);
    if (now - T0 >= finishMs) break;
  }
  const gaps = at.map((t, i) => t - (at[i - 1] ?? 0));
  return { at, gaps, lag: at[at.length - 1]! - finishMs };
}

/** The same with the fixed curve (jitter 0.5 = none). */
function fixedQueries(finishMs: number) {
  const at: number[] = [];
  let t = 0;
  for (let attempts = 0; t < finishMs; attempts += 1) at.push((t += nextPollDelay(TIMING, attempts, () => 0.5)));
  return { at, lag: t - finishMs };
}

describe('expected-finish schedule', () => {
  it('without stats or a submission time: exactly the fixed curve', () => {
    for (const attempts of [0, 1, 5, 20]) {
      const fixed = nextPollDelay(TIMING, attempts, () => 0.5);
      expect(expectedFinishDelay({ submittedAt: T0 }, undefined, attempts, T0, CTX)).toBe(fixed);
      expect(expectedFinishDelay({}, learned(90_000), attempts, T0, CTX)).toBe(fixed);
    }
  });

  it('the prior alone, or a few finishes: the fixed curve (the prior only smooths a learned distribution)', () => {
    const prior = createRenderStats({} as RecordStore).summary(KIND);
    expect(prior.observations).toBe(0);
    const stats = createRenderStats({} as RecordStore);
    for (let i = 0; i < MIN_OBSERVATIONS - 1; i += 1) stats.record(KIND, 90_000, i * 1000);
    const few = stats.summary(KIND);
    for (const thin of [prior, few])
      for (const [attempts, elapsed] of [
        [0, 0],
        [1, 10_000],
        [3, 45_000],
        [6, 120_000],
      ] as const)
        expect(expectedFinishDelay({ submittedAt: T0 }, thin, attempts, T0 + elapsed, CTX)).toBe(
          nextPollDelay(TIMING, attempts, () => 0.5),
        );
    // A few more finishes (weights decay by 1/32 each) and the distribution is used: the first query waits.
    for (let i = 0; i < 3; i += 1) stats.record(KIND, 90_000, (MIN_OBSERVATIONS + i) * 1000);
    expect(stats.summary(KIND).observations).toBeGreaterThanOrEqual(MIN_OBSERVATIONS);
    expect(expectedFinishDelay({ submittedAt: T0 }, stats.summary(KIND), 0, T0, CTX)).toBeGreaterThan(40_000);
  });

  it('learned: one query before the likely window, dense inside it, lag ≤ half the fixed bound, fewer queries', () => {
    const stats = learned(90_000);
    const bound = Math.max(TIMING.maxIntervalMs / 2, (1000 * CTX.load.followed) / (2 * CTX.load.queriesPerSecond));
    let fixedTotal = 0;
    let learnedTotal = 0;
    let lagTotal = 0;
    let fixedLagTotal = 0;
    const finishes = [0.8, 0.9, 1, 1.1, 1.2].map((f) => f * 90_000);
    for (const finish of finishes) {
      const q = queriesUntilSeen(stats, finish);
      // Nothing until the 5th–10th percentile, then one query.
      expect(q.at[0]).toBeGreaterThanOrEqual(stats.p05);
      expect(q.at[0]).toBeLessThanOrEqual(stats.p10);
      // Inside the window no gap is longer than the bound (the fixed curve's wait is up to 30 s here).
      for (const g of q.gaps.slice(1)) expect(g).toBeLessThanOrEqual(bound * 1.1);
      expect(q.lag).toBeLessThanOrEqual(bound * 1.1);
      learnedTotal += q.at.length;
      lagTotal += q.lag;
      const f = fixedQueries(finish);
      fixedTotal += f.at.length;
      fixedLagTotal += f.lag;
    }
    expect(lagTotal / finishes.length).toBeLessThanOrEqual(bound / 2);
    expect(lagTotal).toBeLessThan(fixedLagTotal / 2);
    expect(learnedTotal).toBeLessThanOrEqual(fixedTotal);
  });

  it('past the 95th percentile: the fixed curve, so a slower task is still asked at least every max interval', () => {
    const stats = learned(90_000);
    const past = T0 + stats.p95 + 1;
    for (const attempts of [3, 8, 30]) {
      const d = expectedFinishDelay({ submittedAt: T0 }, stats, attempts, past, CTX);
      expect(d).toBe(nextPollDelay(TIMING, attempts, () => 0.5));
      expect(d).toBeLessThanOrEqual(TIMING.maxIntervalMs);
    }
  });

  it('past the 95th percentile after a burst: no denser than half the longest spacing, never past the bound', () => {
    // poller10k's setting: every interval 2 s, 10,000 tasks followed at the peak, 500 queries per second (one
    // round of the budget 20 s, the fixed curve's bound 10 s). The few tasks still running past the 95th percentile
    // no longer compete with the burst: the bare curve would ask every 2 s.
    const timing = { firstDelayMs: 2000, minIntervalMs: 2000, maxIntervalMs: 2000 };
    const stats = learned(90_000);
    const past = T0 + stats.p95 + 1;
    for (const jitter of [0, 0.5, 0.99]) {
      const ctx: ScheduleContext = { timing, load: { followed: 10_000, queriesPerSecond: 500 }, jitter };
      for (const attempts of [6, 12, 40]) {
        const d = expectedFinishDelay({ submittedAt: T0 }, stats, attempts, past, ctx);
        expect(d).toBeGreaterThanOrEqual(4500);
        expect(d).toBeLessThanOrEqual(10_000);
      }
    }
  });

  it('a vendor suddenly three times slower: every task is still found, never waiting longer than the fixed curve', () => {
    const stats = learned(90_000);
    for (const finish of [240_000, 270_000, 330_000]) {
      const q = queriesUntilSeen(stats, finish);
      expect(Math.max(...q.gaps.slice(1))).toBeLessThanOrEqual(TIMING.maxIntervalMs);
      expect(q.lag).toBeLessThanOrEqual(TIMING.maxIntervalMs);
      expect(q.lag).toBeGreaterThanOrEqual(0);
    }
  });

  it('under a busy budget the spacing follows the budget’s round, never longer than one round', () => {
    const stats = learned(90_000);
    const busy: ScheduleContext = { ...CTX, load: { followed: 10_000, queriesPerSecond: 500 } };
    const at = T0 + stats.p50;
    const d = expectedFinishDelay({ submittedAt: T0 }, stats, 5, at, busy);
    expect(d).toBeLessThanOrEqual(20_000);
    // Tasks of one kind spread their first query apart (jitter), within the 5th–10th percentile.
    const firsts = [0, 0.5, 0.99].map((jitter) =>
      expectedFinishDelay({ submittedAt: T0 }, stats, 0, T0, { ...busy, jitter }),
    );
    expect(new Set(firsts).size).toBe(3);
    for (const f of firsts) {
      expect(f).toBeGreaterThanOrEqual(stats.p05);
      expect(f).toBeLessThanOrEqual(stats.p10);
    }
  });
});
