/** The poller's due-time schedule and its back-off between status queries. */
import { describe, expect, it } from 'vitest';
import { DueSchedule } from '../../src/services/polling/dueSchedule.js';
import { nextPollDelay } from '../../src/services/polling/pollInterval.js';

describe('the schedule hands out due tasks earliest first', () => {
  it('only tasks due at or before now, in due order, ties in the order they were scheduled', () => {
    const s = new DueSchedule();
    s.schedule('c', 300);
    s.schedule('a', 100);
    s.schedule('b', 100);
    s.schedule('d', 400);
    expect(s.peekDue()).toBe(100);
    expect(s.popDue(99)).toEqual([]);
    expect(s.popDue(300)).toEqual(['a', 'b', 'c']);
    expect(s.size).toBe(1);
    expect(s.peekDue()).toBe(400);
  });

  it('a limit leaves the rest in the schedule, still in order', () => {
    const s = new DueSchedule();
    for (let i = 0; i < 10; i += 1) s.schedule(`t${i}`, 1000 - i);
    expect(s.popDue(2000, 3)).toEqual(['t9', 't8', 't7']);
    expect(s.popDue(2000)).toEqual(['t6', 't5', 't4', 't3', 't2', 't1', 't0']);
    expect(s.size).toBe(0);
    expect(s.peekDue()).toBeUndefined();
  });

  it('scheduling a task again replaces its earlier time, sooner or later', () => {
    const s = new DueSchedule();
    s.schedule('a', 100);
    s.schedule('b', 200);
    s.schedule('a', 500);
    expect(s.size).toBe(2);
    expect(s.peekDue()).toBe(200);
    expect(s.popDue(300)).toEqual(['b']);
    s.schedule('a', 50);
    expect(s.popDue(60)).toEqual(['a']);
    expect(s.popDue(10_000)).toEqual([]);
  });

  it('a removed task is never handed out', () => {
    const s = new DueSchedule();
    s.schedule('a', 1);
    s.schedule('b', 2);
    s.remove('a');
    expect(s.has('a')).toBe(false);
    expect(s.peekDue()).toBe(2);
    expect(s.popDue(10)).toEqual(['b']);
  });

  it('stays ordered over many random schedules (checked against a sort)', () => {
    const s = new DueSchedule();
    const want = new Map<string, number>();
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 2000; i += 1) {
      const id = `t${Math.floor(rand() * 300)}`;
      const due = Math.floor(rand() * 10_000);
      s.schedule(id, due);
      want.set(id, due);
    }
    const got = s.popDue(10_000);
    const dues = got.map((id) => want.get(id)!);
    expect(new Set(got).size).toBe(want.size);
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
  });
});

describe('the delay before the next status query', () => {
  const timing = { firstDelayMs: 5000, minIntervalMs: 10_000, maxIntervalMs: 60_000 };
  const middle = () => 0.5; // no jitter

  it('the first query comes after the first delay', () => {
    expect(nextPollDelay(timing, 0, middle)).toBe(5000);
  });

  it('then grows by a quarter per query, up to the maximum', () => {
    expect([1, 2, 3, 4].map((n) => nextPollDelay(timing, n, middle))).toEqual([10_000, 12_500, 15_625, 19_531]);
    expect(nextPollDelay(timing, 50, middle)).toBe(60_000);
  });

  it('jitter is ±10 % and never leaves [min, max]', () => {
    expect(nextPollDelay(timing, 3, () => 0)).toBe(Math.round(15_625 * 0.9));
    expect(nextPollDelay(timing, 3, () => 0.999999)).toBe(17_187); // 15,625 × 1.1
    expect(nextPollDelay(timing, 1, () => 0)).toBe(10_000);
    expect(nextPollDelay(timing, 50, () => 0.999999)).toBe(60_000);
  });
});
