/**
 * The scheduler on a fake clock: tasks are handed to the checker at their due time, earliest first, only as
 * many as it has room for, on a grid of TICK_MS; nothing runs before start or after stop; the delay policy is
 * injected (today's curve by default).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createScheduler, curvePolicy, type DelayPolicy, TICK_MS } from '../../src/services/polling/scheduler.js';
import type { TaskRecord } from '../../src/services/tasks/taskRecord.js';

const TIMING = { firstDelayMs: 2000, minIntervalMs: 10_000, maxIntervalMs: 60_000 };
const T0 = 1_000_000;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: T0 });
});
afterEach(() => vi.useRealTimers());

const task = (id: string, extra: Partial<TaskRecord> = {}) => ({ id, state: 'running', ...extra }) as TaskRecord;

function make(options: { room?: () => number; delay?: DelayPolicy; random?: () => number } = {}) {
  const dispatched: Array<{ id: string; at: number }> = [];
  const scheduler = createScheduler({
    now: () => Date.now(),
    timing: TIMING,
    random: options.random ?? (() => 0.5),
    delay: options.delay,
    room: options.room ?? (() => 100),
    dispatch: (id) => dispatched.push({ id, at: Date.now() - T0 }),
  });
  return { scheduler, dispatched };
}

describe('when a task is handed to the checker', () => {
  it('at its due time, earliest first; scheduling a task again replaces its older time', () => {
    const { scheduler, dispatched } = make();
    scheduler.start();
    scheduler.later('b', 3000);
    scheduler.later('a', 1000);
    scheduler.later('c', 5000);
    scheduler.later('c', 2000); // supersedes 5000
    vi.advanceTimersByTime(10_000);
    expect(dispatched).toEqual([
      { id: 'a', at: 1000 },
      { id: 'c', at: 2000 },
      { id: 'b', at: 3000 },
    ]);
    expect(scheduler.size).toBe(0);
  });

  it('on a TICK_MS grid: tasks due within one tick are handed over together, at its end, never early', () => {
    expect(T0 % TICK_MS).toBe(0);
    const { scheduler, dispatched } = make();
    scheduler.start();
    scheduler.later('a', TICK_MS + 1);
    scheduler.later('b', 2 * TICK_MS - 1);
    scheduler.later('c', 2 * TICK_MS + 1);
    vi.advanceTimersByTime(2 * TICK_MS - 1);
    expect(dispatched).toEqual([]); // 'b' is due, but the tick has not ended
    vi.advanceTimersByTime(1);
    expect(dispatched).toEqual([
      { id: 'a', at: 2 * TICK_MS },
      { id: 'b', at: 2 * TICK_MS },
    ]);
    vi.advanceTimersByTime(TICK_MS);
    expect(dispatched.at(-1)).toEqual({ id: 'c', at: 3 * TICK_MS });
  });

  it('only as many due tasks as the checker has room for; the rest 50 ms later, still in due order', () => {
    let room = 2;
    const { scheduler, dispatched } = make({ room: () => room });
    scheduler.start();
    for (const id of ['t1', 't2', 't3', 't4', 't5']) scheduler.later(id, 1000);
    vi.advanceTimersByTime(1000);
    expect(dispatched.map((d) => d.id)).toEqual(['t1', 't2']);
    room = 0;
    vi.advanceTimersByTime(500); // full: looked at every 50 ms, nothing taken
    expect(dispatched).toHaveLength(2);
    room = 2;
    vi.advanceTimersByTime(50);
    expect(dispatched.map((d) => d.id)).toEqual(['t1', 't2', 't3', 't4']);
    expect(dispatched[2]!.at).toBeGreaterThan(1500);
    vi.advanceTimersByTime(50);
    expect(dispatched.map((d) => d.id)).toEqual(['t1', 't2', 't3', 't4', 't5']);
  });

  it('nothing before start; `put` waits for `arm`; nothing after stop', () => {
    const { scheduler, dispatched } = make();
    scheduler.later('early', 0); // handed over before start: kept, not fired
    vi.advanceTimersByTime(1000);
    expect(dispatched).toEqual([]);
    scheduler.start();
    scheduler.put('batch', Date.now());
    vi.advanceTimersByTime(1000);
    expect(dispatched).toEqual([]); // no timer yet
    scheduler.arm();
    vi.advanceTimersByTime(0);
    expect(dispatched.map((d) => d.id)).toEqual(['early', 'batch']);
    scheduler.later('late', 1000);
    scheduler.stop();
    vi.advanceTimersByTime(5000);
    expect(dispatched).toHaveLength(2);
    expect(scheduler.running).toBe(false);
  });

  it('a removed task is not handed over', () => {
    const { scheduler, dispatched } = make();
    scheduler.start();
    scheduler.later('a', 1000);
    scheduler.later('b', 1000);
    scheduler.remove('a');
    vi.advanceTimersByTime(1000);
    expect(dispatched.map((d) => d.id)).toEqual(['b']);
    expect(scheduler.has('b')).toBe(false);
  });
});

describe('the delay policy', () => {
  it('default: today’s curve (first delay, minimum interval, a quarter more per query, at most the maximum)', () => {
    const { scheduler, dispatched } = make();
    scheduler.start();
    const t = task('a');
    expect([0, 1, 2, 3, 20].map((n) => scheduler.delayFor(t, n))).toEqual([2000, 10_000, 12_500, 15_625, 60_000]);
    scheduler.next(t, 2);
    vi.advanceTimersByTime(12_499);
    expect(dispatched).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(dispatched).toEqual([{ id: 'a', at: 12_500 }]);
  });

  it('the default curve jitters ±10 % within [min, max]', () => {
    const low = curvePolicy(TIMING, () => 0);
    const high = curvePolicy(TIMING, () => 0.999_999);
    expect(low(task('a'), 3, T0)).toBe(14_063); // 15 625 × 0.9
    expect(high(task('a'), 3, T0)).toBe(17_187); // just under 15 625 × 1.1
    expect(low(task('a'), 1, T0)).toBe(10_000); // never below the minimum
    expect(high(task('a'), 20, T0)).toBe(60_000); // never above the maximum
  });

  it('an injected policy decides, given the task, the queries made and the time', () => {
    const calls: Array<[string, number, number]> = [];
    const expected: DelayPolicy = (t, attempts, now) => {
      calls.push([t.id, attempts, now - T0]);
      return t.model === 'slow' ? 90_000 : 4000;
    };
    const { scheduler, dispatched } = make({ delay: expected });
    scheduler.start();
    vi.advanceTimersByTime(500);
    scheduler.next(task('s', { model: 'slow' }), 0);
    scheduler.next(task('f', { model: 'fast' }), 7);
    expect(calls).toEqual([
      ['s', 0, 500],
      ['f', 7, 500],
    ]);
    expect(scheduler.delayFor(task('f'), 1)).toBe(4000);
    vi.advanceTimersByTime(90_000);
    expect(dispatched).toEqual([
      { id: 'f', at: 4500 },
      { id: 's', at: 90_500 },
    ]);
    expect(scheduler.curve(0)).toBe(2000); // the media review keeps today's curve
  });
});
