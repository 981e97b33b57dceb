/**
 * The poller on a fake clock, with an in-memory task service that runs the real named transitions, a
 * scripted upstream and a recording presenter: when it queries, how many queries start per second, what a
 * 429 pauses, and how a task ends (delivered, failed, timed out, undeliverable).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TaskLeases } from '../../src/services/cluster/taskLeases.js';
import { Writable } from 'node:stream';
import { createLogger } from '../../src/logging/logger.js';
import type { AssetCache } from '../../src/services/review/assetReview.js';
import { createPoller, type PollerDeps, type PollerSettings } from '../../src/services/polling/poller.js';
import { TICK_MS } from '../../src/services/polling/scheduler.js';
import { learnedPolicy } from '../../src/services/polling/pollPolicy.js';
import { createRenderStats } from '../../src/services/polling/renderStats.js';
import type { RecordStore } from '../../src/db/recordStore.js';
import type { DeliveryMode, TaskPresenter } from '../../src/services/polling/taskPresenter.js';
import { SeedanceError } from '../../src/services/seedance/errors.js';
import type { TaskSnapshot } from '../../src/services/seedance/parse.js';
import type { TaskRecord } from '../../src/services/tasks/taskRecord.js';
import { advance, memoryTasks, runningTask } from './fixtures.js';

const SETTINGS: PollerSettings = {
  firstDelayMs: 2000,
  minIntervalMs: 10_000,
  maxIntervalMs: 60_000,
  queriesPerSecond: 100,
  concurrency: 8,
  deadlineMs: 30 * 60_000,
  deliveryAttemptsPerMode: 2,
  leaseMs: 60_000,
  maxBackoffMs: 60_000,
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'], now: 1_000_000 });
});
afterEach(() => vi.useRealTimers());

const soloLeases = (ids: string[]) =>
  ({
    shared: false,
    processId: 'p1',
    holds: () => true,
    drop: () => undefined,
    findClaimable: async () => ids,
    async *claimablePages() {
      yield ids;
    },
    claim: async (x: readonly string[]) => [...x],
    renew: async () => [],
    release: async () => undefined,
  }) as unknown as TaskLeases;

/** The upstream: answers each query from a per-task script (the last answer repeats). */
function scriptedUpstream(script: (upstreamId: string, n: number) => Partial<TaskSnapshot> | Error) {
  const queries: Array<{ id: string; at: number }> = [];
  const counts = new Map<string, number>();
  return {
    queries,
    upstream: {
      async getTask(upstreamId: string, options?: { beforeSend?: () => Promise<void> }): Promise<TaskSnapshot> {
        await options?.beforeSend?.();
        queries.push({ id: upstreamId, at: Date.now() });
        const n = (counts.get(upstreamId) ?? 0) + 1;
        counts.set(upstreamId, n);
        const answer = script(upstreamId, n);
        if (answer instanceof Error) throw answer;
        return { taskId: upstreamId, state: 'running', rawStatus: 'running', known: true, ...answer };
      },
    },
  };
}

function recordingPresenter(deliver?: (t: TaskRecord, mode: DeliveryMode) => Promise<unknown>) {
  const seen: Array<{ what: string; id: string; mode?: DeliveryMode; progress?: number }> = [];
  const presenter = {
    async progress(t: TaskRecord) {
      seen.push({ what: 'progress', id: t.id, progress: t.progress });
    },
    async final(t: TaskRecord) {
      seen.push({ what: 'final', id: t.id });
      return {};
    },
    async deliver(t: TaskRecord, mode: DeliveryMode) {
      seen.push({ what: 'deliver', id: t.id, mode });
      if (deliver) return deliver(t, mode);
      return { mode: mode === 'upload' ? 'upload' : 'link', via: 'webhook' };
    },
    async queued() {},
  };
  return { presenter: presenter as unknown as TaskPresenter, seen };
}

function start(
  tasks: TaskRecord[],
  script: Parameters<typeof scriptedUpstream>[0],
  settings: Partial<PollerSettings> = {},
  deliver?: Parameters<typeof recordingPresenter>[0],
  extra: Pick<PollerDeps, 'review' | 'policy'> = {},
) {
  const mem = memoryTasks(tasks);
  const up = scriptedUpstream(script);
  const shown = recordingPresenter(deliver);
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
  const poller = createPoller({
    tasks: mem.service,
    upstream: up.upstream,
    presenter: shown.presenter,
    logger,
    ...extra,
    settings: { ...SETTINGS, ...settings },
    now: () => Date.now(),
    random: () => 0.5,
    leases: soloLeases(tasks.map((t) => t.id)),
  });
  /** A task the front end hands over (stored first, as the task service would have done). */
  const follow = (t: TaskRecord) => {
    mem.byId.set(t.id, t);
    poller.track(t);
  };
  return { poller, follow, logs, ...mem, ...up, ...shown };
}

describe('when a followed task is queried', () => {
  it('first after the first delay, then after the back-off (no jitter at random 0.5)', async () => {
    const t0 = Date.now();
    const { poller, follow, queries } = start([], () => ({ rawStatus: 'running', progress: 10 }));
    await poller.start();
    follow(runningTask('a'));
    await advance(1999);
    expect(queries).toHaveLength(0);
    await advance(1);
    expect(queries.map((q) => q.at - t0)).toEqual([2000]);
    await advance(10_000); // attempt 1 → the minimum interval
    await advance(12_500); // attempt 2 → a quarter more
    expect(queries.map((q) => q.at - t0)).toEqual([2000, 12_000, 24_500]);
    await poller.stop(0);
  });

  it('a task adopted at start-up is spread over the first delay, then followed', async () => {
    const t0 = Date.now();
    const { poller, queries } = start([runningTask('a')], () => ({}));
    expect(await poller.start()).toEqual({ open: 1, uncertain: 0, failed: 0 });
    await advance(1000);
    expect(queries.map((q) => q.at - t0)).toEqual([1000]); // random 0.5 × min(first delay, 5 s)
    await poller.stop(0);
  });
});

describe('a check that comes due while the same task is still being checked', () => {
  // Found by the soak (seed 5): a reviewed task was sent, its next query scheduled 0.3 s later, and the card
  // edit after the send took longer; the due check was popped while the first was in flight and dropped, so
  // the task was never queried again (running for ever, its usage held).
  it('is run once the first ends, not dropped', async () => {
    const t0 = Date.now();
    const reviewed = runningTask('a', {
      state: 'accepted',
      upstreamTaskId: undefined,
      review: { items: [], startedAt: t0, checks: 1, doneAt: t0 },
    });
    const { poller, queries, presenter, service } = start([reviewed], () => ({ rawStatus: 'running' }));
    // The send succeeds at once; the card edit that follows it is slow (Discord rate limits, say).
    (service as unknown as { submit: (id: string) => Promise<TaskRecord> }).submit = async (id) => {
      await service.apply(id, 'startSubmitting', undefined);
      return service.apply(id, 'markRunning', { upstreamTaskId: 'up-a' });
    };
    presenter.progress = () => new Promise((r) => setTimeout(r, 5000));
    await poller.start();
    await advance(20_000);
    expect(queries.length).toBeGreaterThan(0);
    expect(queries[0]!.at - t0).toBeLessThanOrEqual(6000);
    await poller.stop(0);
  });
});

describe('what a query changes', () => {
  it('a new status word or percentage is shown at once; the record takes them once its last save is a minute old', async () => {
    const answers = [
      { rawStatus: 'running', progress: 11 },
      { rawStatus: 'running', progress: 15 },
      { rawStatus: 'running', progress: 15 },
      { rawStatus: 'running', progress: 21 },
    ];
    const { poller, follow, seen, applied } = start([], (_id, n) => answers[Math.min(n, answers.length) - 1]!);
    await poller.start();
    follow(runningTask('a'));
    // (each query on the scheduler's grid: up to TICK_MS after it is due)
    await advance(2000 + 10_000 + 12_500 + 15_625 + TICK_MS);
    expect(seen.filter((s) => s.what === 'progress').map((s) => s.progress)).toEqual([11, 15, 21]);
    // A new word with 11, then 21 in a new tenth: all within a minute of the record's last save (its submission).
    expect(applied).toEqual([]);
    // Later answers change nothing on the card; the first one a minute after that save brings the record up to date.
    await advance(50_000);
    expect(seen.filter((s) => s.what === 'progress')).toHaveLength(3);
    expect(applied.map((a) => [a.name, (a.args as { progress: number }).progress])).toEqual([['recordProgress', 21]]);
    await poller.stop(0);
  });

  it('success → delivering → delivered as an upload, usage committed, member told', async () => {
    const { poller, follow, byId, seen } = start([], () => ({
      state: 'succeeded',
      rawStatus: 'succeeded',
      videoUrl: 'https://v/a.mp4',
    }));
    await poller.start();
    follow(runningTask('a'));
    await advance(2000);
    expect(seen.filter((s) => s.what === 'deliver')).toEqual([{ what: 'deliver', id: 'a', mode: 'upload' }]);
    expect(byId.get('a')).toMatchObject({ state: 'done', usage: 'committed', videoUrl: 'https://v/a.mp4' });
    expect(byId.get('a')!.toldAt).toBeDefined();
    expect(poller.pending).toBe(0);
    await poller.stop(0);
  });

  it('an upstream failure ends the task refunded and the member is told', async () => {
    const { poller, follow, byId, seen } = start([], () => ({
      state: 'failed',
      rawStatus: 'failed',
      failureKind: 'content_policy' as never,
    }));
    await poller.start();
    follow(runningTask('a'));
    await advance(2000);
    expect(byId.get('a')).toMatchObject({ state: 'failed', usage: 'refunded', lastError: { stage: 'upstream' } });
    expect(seen.map((s) => s.what)).toEqual(['final']);
    expect(byId.get('a')!.toldAt).toBeDefined();
    await poller.stop(0);
  });

  it('past the deadline, one more query that finds it still running times it out', async () => {
    const old = runningTask('a', { submittedAt: Date.now() - SETTINGS.deadlineMs - 1 });
    const { poller, follow, byId, queries } = start([], () => ({ rawStatus: 'running', progress: 80 }));
    await poller.start();
    follow(old);
    await advance(2000);
    expect(queries).toHaveLength(1);
    expect(byId.get('a')).toMatchObject({ state: 'timed_out', lastError: { detail: '30' } });
    await poller.stop(0);
  });

  it('five "not found" answers in a row end it as not_found', async () => {
    const notFound = () => new SeedanceError({ kind: 'not_found', message: 'gone', mayHaveReachedServer: false });
    const { poller, follow, byId, queries } = start([], notFound);
    await poller.start();
    follow(runningTask('a'));
    await advance(10 * 60_000);
    expect(queries).toHaveLength(5);
    expect(byId.get('a')).toMatchObject({ state: 'failed', lastError: { reason: 'not_found' } });
    await poller.stop(0);
  });
});

describe('the query budget and a 429 hold for every task', () => {
  it('at most `queriesPerSecond` queries start in any rolling second, every task still gets its turn', async () => {
    const t0 = Date.now();
    const { poller, follow, queries } = start([], () => ({}), { queriesPerSecond: 3, concurrency: 20 });
    await poller.start();
    for (let i = 0; i < 12; i += 1) follow(runningTask(`t${i}`));
    await advance(2000 + 5000);
    expect(new Set(queries.map((q) => q.id)).size).toBe(12);
    const at = queries.map((q) => q.at - t0);
    for (const t of at) expect(at.filter((u) => u >= t && u < t + 1000).length).toBeLessThanOrEqual(3);
    expect(at.slice(0, 3)).toEqual([2000, 2000, 2000]);
    await poller.stop(0);
  });

  it('a 429 pauses every task’s queries for Retry-After', async () => {
    const t0 = Date.now();
    const { poller, follow, queries, byId } = start([], (id, n) =>
      id === 'up-a' && n === 1
        ? new SeedanceError({ kind: 'rate_limited', message: '429', retryAfterMs: 30_000, mayHaveReachedServer: false })
        : {},
    );
    await poller.start();
    follow(runningTask('a'));
    await advance(2000);
    follow(runningTask('b'));
    await advance(29_000);
    expect(queries.map((q) => q.id)).toEqual(['up-a']);
    await advance(1000);
    expect(queries.map((q) => [q.id, q.at - t0])).toEqual([
      ['up-a', 2000],
      ['up-b', 32_000],
      ['up-a', 32_000],
    ]);
    expect(poller.stats.rateLimited).toBe(1);
    expect(byId.get('a')!.state).toBe('running');
    await poller.stop(0);
  });
});

describe('delivery falls back from upload to link to DM, then gives up refunded', () => {
  it('two tries per way (as configured), backing off between them', async () => {
    const { poller, follow, byId, seen } = start(
      [],
      () => ({ state: 'succeeded', rawStatus: 'succeeded', videoUrl: 'https://v/a.mp4' }),
      {},
      async () => {
        throw new Error('Discord said no');
      },
    );
    await poller.start();
    follow(runningTask('a'));
    await advance(2000 + 10 * 60_000);
    expect(seen.filter((s) => s.what === 'deliver').map((s) => s.mode)).toEqual([
      'upload',
      'upload',
      'link',
      'link',
      'dm',
      'dm',
    ]);
    expect(byId.get('a')).toMatchObject({ state: 'failed', usage: 'refunded', lastError: { reason: 'undeliverable' } });
    expect(byId.get('a')!.toldAt).toBeDefined();
    await poller.stop(0);
  });

  it('a card gone with DMs closed ends it refunded at once', async () => {
    const { poller, follow, byId } = start(
      [],
      () => ({ state: 'succeeded', rawStatus: 'succeeded', videoUrl: 'https://v/a.mp4' }),
      {},
      async () => ({ unreachable: true }),
    );
    await poller.start();
    follow(runningTask('a'));
    await advance(2000);
    expect(byId.get('a')).toMatchObject({ state: 'failed', lastError: { reason: 'message_deleted' } });
    await poller.stop(0);
  });
});

const rateLimited = (retryAfterMs: number) =>
  new SeedanceError({ kind: 'rate_limited', message: '429', retryAfterMs, mayHaveReachedServer: false });
const READY = { state: 'succeeded', rawStatus: 'succeeded', videoUrl: 'https://v/x.mp4' } as const;

describe('issue 20: a long Retry-After, deliveries behind queries, the deadline', () => {
  it('Retry-After 3600 s: no task fails without a query, every ready video is delivered within the cap', async () => {
    const t0 = Date.now();
    // The measurement: 40 tasks, ready upstream, some close to their deadline; the first query gets 429.
    const tasks = Array.from({ length: 40 }, (_, i) =>
      runningTask(`t${i}`, { submittedAt: t0 - SETTINGS.deadlineMs + 30_000 + i * 1000 }),
    );
    const { poller, follow, byId, queries, logs } = start(
      [],
      (id, n) => (id === 'up-t0' && n === 1 ? rateLimited(3_600_000) : READY),
      { concurrency: 4, queriesPerSecond: 5 },
    );
    await poller.start();
    for (const t of tasks) follow(t);
    await advance(2000 + 60_000 + 15_000); // the first query, the capped pause, 40 queries at 5 a second
    for (const t of tasks) {
      expect(byId.get(t.id)!.state, t.id).toBe('done');
      expect(queries.some((q) => q.id === `up-${t.id}`)).toBe(true);
    }
    // The first budget window's queries went out before the 429; the next one waits for the cap only.
    const after = queries.map((q) => q.at - t0).filter((at) => at > 2000);
    expect(Math.min(...after)).toBe(62_000);
    expect(Math.max(...after)).toBeLessThan(62_000 + 10_000);
    expect(logs.find((l) => l.msg?.toString().startsWith('upstream rate limit'))).toMatchObject({
      pauseMs: 60_000,
      retryAfterMs: 3_600_000,
    });
    await poller.stop(0);
  });

  it('the task’s own next query is capped too (POLL_MAX_BACKOFF_SEC)', async () => {
    const t0 = Date.now();
    const { poller, follow, byId, queries } = start([], (_id, n) => (n === 1 ? rateLimited(3_600_000) : READY), {
      maxBackoffMs: 20_000,
    });
    await poller.start();
    follow(runningTask('a'));
    await advance(2000 + 20_000);
    expect(queries.map((q) => q.at - t0)).toEqual([2000, 22_000]);
    expect(byId.get('a')!.state).toBe('done');
    await poller.stop(0);
  });

  it('a finished task is delivered at once while every query slot waits for a 429 pause', async () => {
    const t0 = Date.now();
    const uploads: number[] = [];
    const { poller, follow, byId, queries } = start(
      [],
      (id, n) => (id === 'up-a' && n === 1 ? rateLimited(30_000) : {}),
      { concurrency: 2, queriesPerSecond: 1 },
      async (_t, mode) => {
        uploads.push(Date.now() - t0);
        return { mode, via: 'webhook' };
      },
    );
    await poller.start();
    follow(runningTask('a'));
    await advance(2000); // a: 429, 30 s pause
    for (let i = 0; i < 6; i += 1) follow(runningTask(`w${i}`));
    await advance(3000); // their checks now hold every slot, waiting for the budget
    expect(queries).toHaveLength(1);
    follow(runningTask('done-upstream', { state: 'delivering', videoUrl: 'https://v/d.mp4' }));
    await advance(100);
    expect(uploads).toEqual([5000]);
    expect(byId.get('done-upstream')!.state).toBe('done');
    await poller.stop(0);
  });

  it('a failed upload is tried again after the delivery back-off, not after the queries’ pause', async () => {
    const t0 = Date.now();
    const uploads: number[] = [];
    const { poller, follow, byId } = start(
      [],
      (id, n) => (id === 'up-x' ? READY : id === 'up-a' && n === 1 ? rateLimited(50_000) : {}),
      { concurrency: 2, queriesPerSecond: 1 },
      async (_t, mode) => {
        uploads.push(Date.now() - t0);
        if (uploads.length === 1) throw new Error('Discord 500');
        return { mode, via: 'webhook' };
      },
    );
    await poller.start();
    follow(runningTask('x')); // finished upstream: found at 2 s, its first upload fails
    follow(runningTask('a')); // 429 a second later: every query paused for 50 s
    await advance(3000);
    for (let i = 0; i < 6; i += 1) follow(runningTask(`w${i}`));
    await advance(15_000);
    expect(uploads).toEqual([2000, 12_000]);
    expect(byId.get('x')!.state).toBe('done');
    await poller.stop(0);
  });

  it('a task finished upstream just before its deadline is delivered, not timed out', async () => {
    const t0 = Date.now();
    const { poller, follow, byId, queries } = start([], () => READY);
    await poller.start();
    follow(runningTask('a', { submittedAt: t0 - SETTINGS.deadlineMs + 1000 })); // first query due 1 s after it
    await advance(2000);
    expect(queries).toHaveLength(1);
    expect(byId.get('a')).toMatchObject({ state: 'done', usage: 'committed' });
    await poller.stop(0);
  });

  it('past the deadline with the queries paused, the task waits for its last query instead of failing', async () => {
    const t0 = Date.now();
    const { poller, follow, byId, queries } = start([], (id, n) =>
      id === 'up-a' && n === 1 ? rateLimited(3_600_000) : id === 'up-b' ? READY : { rawStatus: 'running' },
    );
    await poller.start();
    follow(runningTask('a', { submittedAt: t0 - SETTINGS.deadlineMs + 1000 }));
    follow(runningTask('b', { submittedAt: t0 - SETTINGS.deadlineMs + 1000 }));
    await advance(2000); // a: 429 (past its deadline now); b waits behind the pause
    expect(byId.get('a')!.state).toBe('running');
    await advance(60_000);
    expect(queries.filter((q) => q.id === 'up-a')).toHaveLength(2);
    expect(byId.get('a')).toMatchObject({ state: 'timed_out' }); // its last query said still running
    expect(byId.get('b')).toMatchObject({ state: 'done' }); // its last query found the video
    await poller.stop(0);
  });

  it('the media review’s queries: a Retry-After of an hour pauses them for the cap only', async () => {
    const t0 = Date.now();
    const asked: number[] = [];
    const task = runningTask('r', {
      state: 'reviewing',
      upstreamTaskId: undefined,
      review: {
        items: [{ field: 'images', index: 0, kind: 'image', url: 'https://cdn/a.png', name: 'a.png', assetId: 'as1' }],
        startedAt: t0,
        checks: 0,
      },
    });
    const { poller, follow, applied, logs } = start([], () => ({}), {}, undefined, {
      review: {
        async status(ids, beforeSend) {
          await beforeSend?.();
          asked.push(Date.now() - t0);
          if (asked.length === 1) throw rateLimited(3_600_000);
          return ids.map((assetId) => ({ assetId, state: 'active' as const, rawStatus: 'Active' }));
        },
        cache: { remember: async () => undefined } as unknown as AssetCache,
      },
    });
    await poller.start();
    follow(task);
    await advance(2000 + 60_000);
    expect(asked).toEqual([0, 60_000]);
    expect(applied.map((a) => a.name)).toContain('markReviewed');
    expect(logs.find((l) => l.msg?.toString().startsWith('upstream rate limit'))).toMatchObject({
      pauseMs: 60_000,
      retryAfterMs: 3_600_000,
    });
    await poller.stop(0);
  });
});

describe('the learned schedule (POLL_SCHEDULE=learned)', () => {
  it('asks nothing before the likely finish, then densely; the vendor’s completion time is learned', async () => {
    const kind = { model: 'm', resolution: '720p', seconds: 5 };
    const stats = createRenderStats({} as RecordStore);
    for (let i = 0; i < 40; i += 1) stats.record(kind, 90_000 * (0.8 + (0.4 * i) / 40), i * 1000);
    const learned = stats.summary(kind);
    const recorded = vi.spyOn(stats, 'record');
    const t0 = Date.now();
    const finishAt = t0 + 95_000;
    const { poller, follow, queries, applied } = start(
      [],
      () =>
        Date.now() >= finishAt
          ? {
              state: 'succeeded',
              rawStatus: 'succeeded',
              videoUrl: 'https://v.example/a.mp4',
              completedAt: new Date(finishAt),
            }
          : { rawStatus: 'running' },
      {},
      undefined,
      { policy: learnedPolicy(stats, SETTINGS, () => Date.now()) },
    );
    await poller.start();
    follow(
      runningTask('a', {
        request: { resolution: '720p' } as TaskRecord['request'],
        cost: { seconds: 5 } as TaskRecord['cost'],
      }),
    );
    await advance(130_000);
    const at = queries.map((q) => q.at - t0);
    // Nothing until the 5th–10th percentile (the fixed curve would have asked at 2 s, 12 s, 24.5 s, ...).
    expect(at[0]).toBeGreaterThanOrEqual(learned.p05);
    expect(at[0]).toBeLessThanOrEqual(learned.p10);
    // Dense around the finish: seen within half the fixed curve's bound (its waits are 10–60 s here).
    expect(applied.filter((a) => a.name === 'markDelivering')).toHaveLength(1);
    expect(at[at.length - 1]! - 95_000).toBeLessThanOrEqual(5_000);
    expect(at.length).toBeLessThanOrEqual(12);
    // The render time learned is the vendor's completion minus the submission, not when we saw it.
    expect(recorded).toHaveBeenCalledTimes(1);
    expect(recorded).toHaveBeenCalledWith(kind, 95_000, t0);
    await poller.stop(0);
  });
});
