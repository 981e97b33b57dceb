/**
 * The checker on a fake clock, with the real scheduler, query gate and hand-off, an in-memory task service
 * running the real named transitions, a scripted upstream, and recording delivery and review workers: what
 * one status answer changes, the budget and the capped 429 pause, the deadline, failures of a check.
 */
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../src/logging/logger.js';
import { LeaseLostError, type TaskLeases } from '../../src/services/cluster/taskLeases.js';
import {
  type CheckerDeps,
  createChecker,
  PROGRESS_SAVE_MS,
  SAVE_GATHER_MS,
} from '../../src/services/polling/checker.js';
import { createFollowedTasks } from '../../src/services/polling/followedTasks.js';
import { createHandOff } from '../../src/services/polling/handOff.js';
import { createQueryGate } from '../../src/services/polling/queryGate.js';
import { createScheduler, type DelayPolicy } from '../../src/services/polling/scheduler.js';
import type { TaskPresenter } from '../../src/services/polling/taskPresenter.js';
import { SeedanceError } from '../../src/services/seedance/errors.js';
import type { TaskSnapshot } from '../../src/services/seedance/parse.js';
import type { TaskRecord } from '../../src/services/tasks/taskRecord.js';
import { advance, memoryTasks, runningTask } from './fixtures.js';

const T0 = 1_000_000;
const TIMING = { firstDelayMs: 2000, minIntervalMs: 10_000, maxIntervalMs: 60_000 };
const DEADLINE = 30 * 60_000;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: T0 });
});
afterEach(() => vi.useRealTimers());

const rateLimited = (retryAfterMs: number) =>
  new SeedanceError({ kind: 'rate_limited', message: '429', retryAfterMs, mayHaveReachedServer: false });

interface Options {
  queriesPerSecond?: number;
  concurrency?: number;
  maxBackoffMs?: number;
  delay?: DelayPolicy;
  get?: (id: string) => Promise<TaskRecord | undefined>;
}

function make(
  tasks: TaskRecord[],
  script: (upstreamId: string, n: number) => Partial<TaskSnapshot> | Error,
  o: Options = {},
) {
  const { service, byId, applied } = memoryTasks(tasks, { get: o.get });

  const queries: Array<{ id: string; at: number }> = [];
  const counts = new Map<string, number>();
  const upstream = {
    async getTask(upstreamId: string, options?: { beforeSend?: () => Promise<void> }): Promise<TaskSnapshot> {
      await options?.beforeSend?.();
      queries.push({ id: upstreamId, at: Date.now() - T0 });
      const n = (counts.get(upstreamId) ?? 0) + 1;
      counts.set(upstreamId, n);
      const answer = script(upstreamId, n);
      if (answer instanceof Error) throw answer;
      return { taskId: upstreamId, state: 'running', rawStatus: 'running', known: true, ...answer };
    },
  };
  const shown: Array<{ id: string; progress?: number }> = [];
  const presenter = {
    async progress(t: TaskRecord) {
      shown.push({ id: t.id, progress: t.progress });
    },
  } as unknown as TaskPresenter;
  const handed: Array<{ to: 'deliver' | 'tell' | 'review'; id: string; state: string }> = [];
  const delivery = {
    deliver: (t: TaskRecord) => void handed.push({ to: 'deliver', id: t.id, state: t.state }),
    tell: (t: TaskRecord) => void handed.push({ to: 'tell', id: t.id, state: t.state }),
  };
  const forgotten: string[] = [];
  const logs: Array<Record<string, unknown>> = [];
  const logger = createLogger({
    level: 'info',
    destination: new Writable({
      write: (c, _e, done) => {
        logs.push(JSON.parse(String(c)) as Record<string, unknown>);
        done();
      },
    }),
  });
  const leases = { shared: false, holds: () => true, drop: () => undefined } as unknown as TaskLeases;
  const maxBackoffMs = o.maxBackoffMs ?? 60_000;
  const queriesPerSecond = o.queriesPerSecond ?? 100;
  const concurrency = o.concurrency ?? 8;
  const scheduler = createScheduler({
    now: () => Date.now(),
    timing: TIMING,
    random: () => 0.5,
    delay: o.delay,
    room: () => checker.room(),
    dispatch: (id) => checker.dispatch(id),
  });
  const gate = createQueryGate({
    now: () => Date.now(),
    queriesPerSecond,
    minIntervalMs: TIMING.minIntervalMs,
    maxBackoffMs,
    logger,
    isRunning: () => scheduler.running,
  });
  const followed = createFollowedTasks(service, leases, (id) => scheduler.has(id) || checker.has(id));
  const handOff = createHandOff({
    tasks: service,
    presenter,
    delivery,
    followed,
    scheduler,
    minIntervalMs: TIMING.minIntervalMs,
    own: {},
  });
  const deps: CheckerDeps = {
    tasks: service,
    upstream,
    presenter,
    logger,
    now: () => Date.now(),
    concurrency,
    queriesPerSecond,
    deadlineMs: DEADLINE,
    maxBackoffMs,
    minIntervalMs: TIMING.minIntervalMs,
    own: {},
    leases,
    followed,
    scheduler,
    gate,
    delivery,
    review: { check: async (t) => void handed.push({ to: 'review', id: t.id, state: t.state }) },
    handOff,
    forget: (id) => void forgotten.push(id),
  };
  const checker = createChecker(deps);
  scheduler.start();
  /** Due now: as the scheduler hands a task over. */
  const due = (id: string, inMs = 0) => scheduler.later(id, inMs);
  const stop = async () => {
    scheduler.stop();
    await checker.stop(0);
  };
  return { checker, scheduler, gate, followed, due, stop, byId, applied, queries, shown, handed, forgotten, logs };
}

describe('one status answer', () => {
  it('progress: shown every time, not saved within a minute of the last save, next query when the policy says', async () => {
    const answers = [{ progress: 11 }, { progress: 15 }, { progress: 15 }, { progress: 21 }];
    const policyCalls: number[] = [];
    const delay: DelayPolicy = (_t, attempts) => {
      policyCalls.push(attempts);
      return 1000 * attempts;
    };
    const c = make([runningTask('a')], (_id, n) => answers[n - 1]!, { delay });
    c.due('a');
    await advance(1000 + 2000 + 3000);
    expect(c.queries.map((q) => q.at)).toEqual([0, 1000, 3000, 6000]);
    expect(policyCalls).toEqual([1, 2, 3, 4]);
    expect(c.shown.map((s) => s.progress)).toEqual([11, 15, 21]);
    // A new word with 11, then 21 in a new tenth: the record was saved (submitted) only 0–6 s before.
    expect(c.applied).toEqual([]);
    expect(c.byId.get('a')).toMatchObject({ state: 'running', upstreamStatus: 'queued', attempts: 0 });
    expect(c.byId.get('a')!.progress).toBeUndefined();
    await c.stop();
  });

  it('a new status word or a percentage in a new tenth is saved once the last save is a minute old', async () => {
    const answers: Array<Partial<TaskSnapshot>> = [
      { progress: 11 },
      { progress: 21 },
      { progress: 31 },
      { progress: 35 },
      { progress: 41 },
      { progress: 45, rawStatus: 'finishing' },
      { progress: 45, rawStatus: 'finishing' },
    ];
    const c = make([runningTask('a')], (_id, n) => answers[n - 1]!, { delay: () => PROGRESS_SAVE_MS / 2 });
    c.due('a');
    await advance(5 * (PROGRESS_SAVE_MS / 2));
    expect(c.shown.map((s) => s.progress)).toEqual([11, 21, 31, 35, 41, 45]);
    // Queries 30 s apart; the record was saved when the task was submitted (0 s). 11 (a new word) and 21: under
    // a minute after that save; 31: a minute after it (saved, with the word); 35: the same tenth; 41: a new
    // tenth a minute after 31 (saved); a new word 30 s after that waits.
    expect(c.applied.map((a) => (a.args as { progress: number }).progress)).toEqual([31, 41]);
    expect(c.byId.get('a')).toMatchObject({ progress: 41, upstreamStatus: 'running', attempts: 5 });
    // The same answer again, a minute after the last save: nothing new on the card, the record catches up.
    await advance(PROGRESS_SAVE_MS / 2);
    expect(c.shown).toHaveLength(6);
    expect(c.applied.map((a) => (a.args as { status: string }).status)).toEqual(['running', 'running', 'finishing']);
    expect(c.byId.get('a')).toMatchObject({ progress: 45, upstreamStatus: 'finishing', attempts: 7 });
    // Saves nobody waits on: each may wait to be committed with others.
    expect(c.applied.map((a) => a.options?.gatherMs)).toEqual([SAVE_GATHER_MS, SAVE_GATHER_MS, SAVE_GATHER_MS]);
    await c.stop();
  });

  it('a task remembered when taken on is checked without a database read; any other, read once', async () => {
    const reads: string[] = [];
    const tasks = [runningTask('a'), runningTask('b')];
    const c = make(tasks, () => ({ progress: 5 }), {
      delay: () => 1000,
      get: async (id) => {
        reads.push(id);
        return tasks.find((t) => t.id === id);
      },
    });
    c.followed.remember(tasks[0]!);
    c.due('a');
    c.due('b');
    await advance(3000);
    expect(c.queries.filter((q) => q.id === 'up-a').length).toBeGreaterThanOrEqual(3);
    expect(c.queries.filter((q) => q.id === 'up-b').length).toBeGreaterThanOrEqual(3);
    expect(reads).toEqual(['b']);
    await c.stop();
  });

  it('a video: delivering, handed to the delivery worker', async () => {
    const c = make([runningTask('a')], () => ({ state: 'succeeded', rawStatus: 'succeeded', videoUrl: 'https://v/a' }));
    c.due('a');
    await advance(0);
    expect(c.applied.map((a) => a.name)).toEqual(['markDelivering']);
    expect(c.applied[0]!.options?.gatherMs).toBe(SAVE_GATHER_MS);
    expect(c.handed).toEqual([{ to: 'deliver', id: 'a', state: 'delivering' }]);
    expect(c.scheduler.has('a')).toBe(false);
    await c.stop();
  });

  it('a failure upstream, or success without a video: failed, handed over to tell the member', async () => {
    const c = make([runningTask('a'), runningTask('b')], (id) =>
      id === 'up-a'
        ? { state: 'failed', rawStatus: 'failed', failureKind: 'content_policy' as never }
        : { state: 'succeeded', rawStatus: 'succeeded' },
    );
    c.due('a');
    c.due('b');
    await advance(0);
    expect(c.byId.get('a')).toMatchObject({ state: 'failed', lastError: { reason: 'content_policy' } });
    expect(c.byId.get('b')).toMatchObject({ state: 'failed', lastError: { reason: 'no_video' } });
    // An ending (it settles the usage) is committed at once.
    expect(c.applied.map((a) => [a.name, a.options?.gatherMs])).toEqual([
      ['fail', undefined],
      ['fail', undefined],
    ]);
    expect(c.handed.map((h) => [h.to, h.id])).toEqual([
      ['tell', 'a'],
      ['tell', 'b'],
    ]);
    await c.stop();
  });

  it('tasks in review go to the review worker, finished ones to the delivery worker, untouched', async () => {
    const c = make(
      [
        runningTask('r', { state: 'reviewing', upstreamTaskId: undefined }),
        runningTask('d', { state: 'delivering', videoUrl: 'https://v/d' }),
        runningTask('q', { state: 'queued' }),
      ],
      () => ({}),
    );
    for (const id of ['r', 'd', 'q']) c.due(id);
    await advance(0);
    expect(c.handed.map((h) => [h.to, h.id])).toEqual([
      ['review', 'r'],
      ['deliver', 'd'],
    ]);
    expect(c.queries).toEqual([]);
    await c.stop();
  });
});

describe('the budget and the 429 pause', () => {
  it('at most the budget per rolling second; the checker takes no more due tasks than it has room for', async () => {
    const tasks = Array.from({ length: 12 }, (_, i) => runningTask(`t${i}`));
    const c = make(tasks, () => ({}), { queriesPerSecond: 2, concurrency: 3 });
    for (const t of tasks) c.due(t.id);
    vi.advanceTimersByTime(0); // the scheduler fires once
    expect(c.checker.room()).toBe(0); // 3 checks + 2 × 2 waiting taken, the other five wait in the heap
    expect(c.checker.pending).toBe(7);
    expect(c.scheduler.size).toBe(5);
    await advance(6000);
    expect(new Set(c.queries.map((q) => q.id)).size).toBe(12);
    const at = c.queries.map((q) => q.at);
    for (const t of at) expect(at.filter((u) => u >= t && u < t + 1000).length).toBeLessThanOrEqual(2);
    await c.stop();
  });

  it('Retry-After of an hour: every query waits for POLL_MAX_BACKOFF_SEC only, the asked task too', async () => {
    const c = make(
      [runningTask('a'), runningTask('b')],
      (id, n) => (id === 'up-a' && n === 1 ? rateLimited(3_600_000) : {}),
      { maxBackoffMs: 20_000 },
    );
    c.due('a');
    await advance(1000);
    c.due('b');
    await advance(18_999);
    expect(c.queries.map((q) => q.id)).toEqual(['up-a']); // b waits for the pause
    await advance(1);
    expect(c.queries).toEqual([
      { id: 'up-a', at: 0 },
      { id: 'up-b', at: 20_000 },
      { id: 'up-a', at: 20_000 },
    ]);
    expect(c.gate.stats).toEqual({ queries: 3, rateLimited: 1 });
    expect(c.logs.find((l) => String(l.msg).startsWith('upstream rate limit'))).toMatchObject({
      pauseMs: 20_000,
      retryAfterMs: 3_600_000,
    });
    expect(c.byId.get('a')!.state).toBe('running');
    await c.stop();
  });

  it('five "not found" answers in a row: failed as not_found', async () => {
    const gone = () => new SeedanceError({ kind: 'not_found', message: 'gone', mayHaveReachedServer: false });
    const c = make([runningTask('a')], gone, { delay: () => 1000 });
    c.due('a');
    await advance(10_000);
    expect(c.queries).toHaveLength(5);
    expect(c.byId.get('a')).toMatchObject({ state: 'failed', lastError: { reason: 'not_found' } });
    await c.stop();
  });
});

describe('the deadline', () => {
  it('judged when the query goes out: a task that passed it while waiting for the budget is timed out', async () => {
    const c = make([runningTask('a', { submittedAt: T0 - DEADLINE + 5000 })], (_id, n) =>
      n === 1 ? rateLimited(10_000) : { rawStatus: 'running' },
    );
    c.due('a');
    await advance(0); // 429 before the deadline: waits 10 s
    expect(c.byId.get('a')!.state).toBe('running');
    await advance(10_000);
    expect(c.queries.map((q) => q.at)).toEqual([0, 10_000]);
    expect(c.byId.get('a')).toMatchObject({ state: 'timed_out', lastError: { detail: '30' } });
    expect(c.handed).toEqual([{ to: 'tell', id: 'a', state: 'timed_out' }]);
    await c.stop();
  });

  it('no answer at all: timed out 10 minutes after the deadline, not before', async () => {
    const c = make(
      [runningTask('a', { submittedAt: T0 - DEADLINE - 10 * 60_000 + 30_000 })],
      () => new SeedanceError({ kind: 'network', message: 'reset', mayHaveReachedServer: false }),
      { delay: () => 20_000 },
    );
    c.due('a');
    await advance(20_000);
    expect(c.byId.get('a')!.state).toBe('running');
    await advance(20_000);
    expect(c.queries).toHaveLength(3);
    expect(c.byId.get('a')).toMatchObject({ state: 'timed_out' });
    await c.stop();
  });
});

describe('a check that fails', () => {
  it('a lost lease: the task is forgotten; anything else: looked at again after the minimum interval', async () => {
    let reads = 0;
    const c = make([], () => ({}), {
      get: async (id) => {
        reads += 1;
        if (id === 'lost') throw new LeaseLostError('lost');
        if (reads <= 2) throw new Error('database hiccup');
        return runningTask(id);
      },
    });
    c.due('lost');
    c.due('x');
    await advance(0);
    expect(c.forgotten).toEqual(['lost']);
    expect(c.queries).toEqual([]);
    await advance(9_999);
    expect(c.queries).toEqual([]);
    await advance(1);
    expect(c.queries).toEqual([{ id: 'up-x', at: 10_000 }]);
    expect(c.logs.some((l) => l.msg === 'task check failed unexpectedly')).toBe(true);
    await c.stop();
  });

  it('a task already being checked is not checked twice at once', async () => {
    let release!: () => void;
    const c = make([], () => ({}), {
      get: (id) =>
        new Promise((resolve) => {
          release = () => resolve(runningTask(id));
        }),
    });
    c.checker.dispatch('a');
    c.checker.dispatch('a');
    expect(c.checker.pending).toBe(1);
    release();
    await advance(0);
    expect(c.queries).toHaveLength(1);
    expect(c.checker.pending).toBe(0);
    await c.stop();
  });
});
