/**
 * The takeover on a fake clock, with scripted leases and an in-memory task service running the real named
 * transitions: what each adopted task becomes, the spread of adopted running tasks, and the lease rounds of a
 * shared store (renew, forget what was lost, adopt what an expired owner left).
 */
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../src/logging/logger.js';
import type { TaskLeases } from '../../src/services/cluster/taskLeases.js';
import { createTakeover, START_PAGE } from '../../src/services/polling/takeover.js';
import { IllegalTransitionError } from '../../src/services/tasks/stateMachine.js';
import type { TaskRecord } from '../../src/services/tasks/taskRecord.js';
import type { TaskService } from '../../src/services/tasks/taskService.js';
import { type TransitionArgs, type TransitionName, transitions } from '../../src/services/tasks/transitions.js';
import { taskAt } from './fixtures.js';

const T0 = 1_000_000;
const task = (id: string, state: TaskRecord['state'], extra: Partial<TaskRecord> = {}) => taskAt(id, state, T0, extra);
const DEADLINE = 30 * 60_000;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'Date'], now: T0 });
});
afterEach(() => vi.useRealTimers());

function make(tasks: TaskRecord[], shared: boolean, random = 0.5) {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const getManyOf = async (ids: readonly string[]) => ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  let getMany = getManyOf;
  const service = {
    getMany: (ids: readonly string[]) => getMany(ids),
    async end<N extends TransitionName>(id: string, name: N, args: TransitionArgs<N>) {
      const fn = transitions[name] as (t: TaskRecord, a: TransitionArgs<N>, at: number) => TaskRecord;
      try {
        const next = fn(byId.get(id)!, args, Date.now());
        byId.set(id, next);
        return next;
      } catch (err) {
        if (err instanceof IllegalTransitionError) return undefined;
        throw err;
      }
    },
  } as unknown as TaskService;
  /** Ids claimable on the next round; what the next renewal says was taken by another process. */
  const claimable: string[][] = [tasks.map((t) => t.id)];
  const lost: string[][] = [];
  const calls: string[] = [];
  /** What `nextExpiry` says: the soonest end of another process's lease. */
  const expiry: { at?: number } = {};
  /** What `mayHaveOrphans` says. */
  const orphans = { may: true };
  const dropped: string[] = [];
  const leases = {
    shared,
    findClaimable: async (o: { includeHeld?: boolean }) => {
      calls.push(`find${o.includeHeld ? ':held' : ''}`);
      return claimable.shift() ?? [];
    },
    // The scan in pages of the index (here: of 1,000 ids).
    async *claimablePages(o: { includeHeld?: boolean }) {
      calls.push(`find${o.includeHeld ? ':held' : ''}`);
      const ids = claimable.shift() ?? [];
      for (let i = 0; i < ids.length; i += 1000) yield ids.slice(i, i + 1000);
    },
    claim: async (ids: readonly string[]) => [...ids],
    renew: async () => {
      calls.push('renew');
      return lost.shift() ?? [];
    },
    drop: (id: string) => void dropped.push(id),
    nextExpiry: () => expiry.at,
    mayHaveOrphans: async () => orphans.may,
  } as unknown as TaskLeases;
  const scheduled: Array<[string, number]> = [];
  const delivered: string[] = [];
  const forgotten: string[] = [];
  const remembered: string[] = [];
  let running = true;
  let arms = 0;
  const logger = createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, d) => d() }) });
  const takeover = createTakeover({
    tasks: service,
    leases,
    logger,
    now: () => Date.now(),
    random: () => random,
    deadlineMs: DEADLINE,
    firstDelayMs: 10_000,
    leaseMs: 30_000,
    own: {},
    scheduler: {
      get running() {
        return running;
      },
      put: (id, due) => void scheduled.push([id, due - T0]),
      arm: () => void (arms += 1),
      earliestDue: () => (scheduled.length ? T0 + Math.min(...scheduled.map(([, due]) => due)) : undefined),
    },
    delivery: { deliver: (t) => void delivered.push(t.id) },
    forget: (id) => void forgotten.push(id),
    remember: (t) => void remembered.push(t.id),
  });
  return {
    takeover,
    remembered,
    byId,
    getMany: getManyOf,
    setGetMany: (fn: typeof getManyOf) => {
      getMany = fn;
    },
    claimable,
    lost,
    calls,
    expiry,
    orphans,
    dropped,
    scheduled,
    delivered,
    forgotten,
    arms: () => arms,
    stopRunning: () => {
      running = false;
    },
  };
}

describe('adopting the open tasks at start', () => {
  it('mid-submit → uncertain; stale accepted → failed; told → dropped; the rest scheduled or delivered', async () => {
    const m = make(
      [
        task('sub', 'submitting'),
        task('rsub', 'review_submitting'),
        task('stale', 'accepted', { createdAt: T0 - DEADLINE - 1 }),
        task('fresh', 'accepted'),
        task('run', 'running', { upstreamTaskId: 'u' }),
        task('rev', 'reviewing'),
        task('dlv', 'delivering', { videoUrl: 'https://v/x' }),
        task('q', 'queued', { queuedAt: T0 }),
        task('told', 'failed', { toldAt: T0 }),
      ],
      false,
    );
    expect(await m.takeover.start()).toEqual({ open: 9, uncertain: 2, failed: 1 }); // every task claimed
    expect(m.byId.get('sub')).toMatchObject({ state: 'uncertain', lastError: { reason: 'restart_submitting' } });
    expect(m.byId.get('rsub')).toMatchObject({ state: 'uncertain', lastError: { reason: 'review_uncertain' } });
    expect(m.byId.get('stale')).toMatchObject({ state: 'failed', lastError: { reason: 'restart_stale' } });
    // Running and reviewing tasks: spread over min(first delay, 5 s) (random 0.5 → 2.5 s); the rest at once.
    expect(m.scheduled).toEqual([
      ['sub', 0],
      ['rsub', 0],
      ['stale', 0],
      ['fresh', 0],
      ['run', 2500],
      ['rev', 2500],
    ]);
    // The records of tasks to be checked are kept as read: their first check reads no database.
    expect(m.remembered).toEqual(['run', 'rev']);
    expect(m.delivered).toEqual(['dlv']);
    expect(m.dropped).toEqual(['told']);
    expect(m.calls).toEqual(['find:held']); // SQLite: no lease record, no rounds
    expect(m.arms()).toBe(0); // the caller arms once after the batch
    await vi.advanceTimersByTimeAsync(60_000);
    expect(m.calls).toEqual(['find:held']);
  });
});

describe('many open tasks at start', () => {
  it(`adopts the first ${START_PAGE} before start resolves, the rest in the background, a page at a time`, async () => {
    const ids = Array.from({ length: START_PAGE + 500 }, (_, i) => `t${i}`);
    const m = make(
      ids.map((id) => task(id, 'running', { upstreamTaskId: id })),
      true,
    );
    expect(await m.takeover.start()).toEqual({ open: START_PAGE, uncertain: 0, failed: 0 });
    // A lease round meanwhile only renews: the start's adoption claims the rest itself.
    await m.takeover.settled();
    expect(m.scheduled).toHaveLength(ids.length);
    expect(new Set(m.scheduled.map(([id]) => id)).size).toBe(ids.length);
    expect(m.arms()).toBe(2); // after each background page (the caller arms after the first)
    await vi.advanceTimersByTimeAsync(10_000);
    expect(m.calls).toEqual(['renew', 'find:held', 'renew', 'find']);
    m.takeover.stop();
  });

  it('a lease round while the rest is being adopted renews but takes nothing over', async () => {
    const ids = Array.from({ length: START_PAGE + 1 }, (_, i) => `t${i}`);
    const m = make(
      ids.map((id) => task(id, 'running', { upstreamTaskId: id })),
      true,
    );
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const service = m.takeover as unknown as { start(): Promise<unknown> };
    m.claimable.push(['late']);
    // Hold the background page in getMany until the round has run.
    const original = m.getMany;
    m.setGetMany(async (wanted) => {
      if (wanted.length === 1 && wanted[0] === ids.at(-1)) await gate;
      return original(wanted);
    });
    await service.start();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(m.calls).toEqual(['renew', 'find:held', 'renew']);
    release();
    await m.takeover.settled();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(m.calls).toEqual(['renew', 'find:held', 'renew', 'renew', 'find']);
    m.takeover.stop();
  });
});

describe('lease rounds of a shared store', () => {
  it('every third of a lease: renew, forget what another process took, adopt what an expired owner left', async () => {
    const m = make([task('mine', 'running', { upstreamTaskId: 'u' }), task('orphan', 'running')], true, 0);
    m.claimable.splice(0, 1, ['mine'], ['orphan']);
    m.lost.push([], ['mine']);
    await m.takeover.start();
    expect(m.calls).toEqual(['renew', 'find:held']);
    await vi.advanceTimersByTimeAsync(9_999);
    expect(m.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(m.calls).toEqual(['renew', 'find:held', 'renew', 'find']);
    expect(m.forgotten).toEqual(['mine']);
    // The orphan has gone unasked for a lease: before every task already followed ('mine', due at 0), in
    // the spread (5 s, random 0) that ends there.
    expect(m.scheduled).toEqual([
      ['mine', 0],
      ['orphan', -5001],
    ]);
    expect(m.arms()).toBe(1);
    m.takeover.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(m.calls).toHaveLength(4);
  });

  it("one more round right when another process's lease runs out before the next regular one", async () => {
    const m = make([], true);
    await m.takeover.start();
    m.expiry.at = T0 + 13_000;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(m.calls).toEqual(['renew', 'find:held', 'renew', 'find']);
    // A live process's lease ends later than the next regular round: no extra one for it.
    m.expiry.at = T0 + 60_000;
    await vi.advanceTimersByTimeAsync(3_099);
    expect(m.calls).toHaveLength(4);
    await vi.advanceTimersByTimeAsync(1);
    expect(m.calls).toEqual(['renew', 'find:held', 'renew', 'find', 'renew', 'find']);
    await vi.advanceTimersByTimeAsync(6_899);
    expect(m.calls).toHaveLength(6);
    await vi.advanceTimersByTimeAsync(1);
    expect(m.calls).toHaveLength(8); // the regular round at 20 s
    m.takeover.stop();
  });

  it('a round scans the index only when a lease may have run out since the last scan', async () => {
    const m = make([], true);
    await m.takeover.start();
    m.orphans.may = false;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(m.calls).toEqual(['renew', 'find:held', 'renew']);
    m.orphans.may = true;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(m.calls).toEqual(['renew', 'find:held', 'renew', 'renew', 'find']);
    m.takeover.stop();
  });

  it('no round once the poller stopped', async () => {
    const m = make([], true);
    await m.takeover.start();
    m.stopRunning();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(m.calls).toEqual(['renew', 'find:held']);
  });
});
