/**
 * The review worker on a fake clock, with a recording scheduler and hand-off: one status query answers for
 * the files of several tasks (same account, up to 20 ids), statuses seen lately are reused, a refused file
 * or the time limit ends the task, all files Active → reviewed and sent.
 */
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../src/logging/logger.js';
import type { TaskLeases } from '../../src/services/cluster/taskLeases.js';
import { createFollowedTasks } from '../../src/services/polling/followedTasks.js';
import { createQueryGate } from '../../src/services/polling/queryGate.js';
import { createReviewWorker, type ReviewDeps } from '../../src/services/polling/reviewWorker.js';
import type { AssetCache } from '../../src/services/review/assetReview.js';
import type { AssetStatus } from '../../src/services/seedance/assets.js';
import { SeedanceError } from '../../src/services/seedance/errors.js';
import type { TaskRecord } from '../../src/services/tasks/taskRecord.js';
import { memoryTasks, taskAt } from './fixtures.js';

const T0 = 1_000_000;
const MIN = 10_000;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: T0 });
});
afterEach(() => vi.useRealTimers());

function reviewing(id: string, files: number, extra: Partial<TaskRecord> = {}): TaskRecord {
  return taskAt(id, 'reviewing', T0, {
    model: 'sd2_mx_x',
    upstreamKey: 'k1',
    review: {
      items: Array.from({ length: files }, (_, i) => ({
        field: 'images' as const,
        index: i,
        kind: 'image' as const,
        url: `https://cdn/${id}-${i}.png`,
        name: `${id}-${i}.png`,
        assetId: `${id}-as${i}`,
      })),
      startedAt: T0,
      checks: 0,
    },
    ...extra,
  });
}

type Verdict = Record<string, AssetStatus['state']>;

function make(tasks: TaskRecord[], answer: (ids: readonly string[]) => Verdict | Error, withReview = true) {
  const { service, byId } = memoryTasks(tasks);
  const asked: Array<readonly string[]> = [];
  const remembered: string[] = [];
  const review: ReviewDeps = {
    async status(ids, beforeSend) {
      await beforeSend?.();
      asked.push(ids);
      const verdict = answer(ids);
      if (verdict instanceof Error) throw verdict;
      return ids.map((assetId) => ({ assetId, state: verdict[assetId] ?? 'processing', rawStatus: 'x' }));
    },
    cache: {
      remember: async (items: Array<{ assetId?: string }>) => void remembered.push(...items.map((i) => i.assetId!)),
    } as unknown as AssetCache,
  };
  const logger = createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, d) => d() }) });
  const followed = createFollowedTasks(service, { drop: () => undefined } as unknown as TaskLeases, () => true);
  for (const t of tasks) followed.records.set(t.id, t);
  const later: Array<[string, number]> = [];
  const ended: Array<{ id: string; name: string; args: unknown }> = [];
  const sent: TaskRecord[] = [];
  const gate = createQueryGate({
    now: () => Date.now(),
    queriesPerSecond: 100,
    minIntervalMs: MIN,
    maxBackoffMs: 60_000,
    logger,
    isRunning: () => true,
  });
  const worker = createReviewWorker({
    review: withReview ? review : undefined,
    tasks: service,
    logger,
    now: () => Date.now(),
    reviewTimeoutMs: 10 * 60_000,
    minIntervalMs: MIN,
    maxIntervalMs: 60_000,
    own: {},
    followed,
    scheduler: {
      later: (id, ms) => void later.push([id, ms]),
      curve: (n) => (n <= 0 ? 2000 : Math.min(60_000, MIN * 1.25 ** (n - 1))),
    },
    gate,
    handOff: {
      endAndTell: async (t, name, args) => void ended.push({ id: t.id, name, args }),
      submitRecovered: async (t) => void sent.push(t),
    },
  });
  const check = (id: string) => worker.check(followed.records.get(id) ?? byId.get(id)!);
  return { check, asked, later, ended, sent, remembered, byId, gate };
}

describe('the media review status queries', () => {
  it('one query also asks about other reviewing tasks’ files of the same account, at most 20 ids', async () => {
    const tasks = [
      reviewing('other-key', 1, { upstreamKey: 'k2' }),
      reviewing('a', 2),
      reviewing('b', 12),
      reviewing('c', 12),
    ];
    const r = make(tasks, () => ({}));
    await r.check('a');
    expect(r.asked).toHaveLength(1);
    expect(r.asked[0]).toHaveLength(20);
    expect(r.asked[0]!.slice(0, 2)).toEqual(['a-as0', 'a-as1']);
    expect(r.asked[0]).not.toContain('other-key-as0');
    await r.check('b'); // all 12 of b seen a moment ago: no query
    expect(r.asked).toHaveLength(1);
    expect(r.later.map(([id]) => id)).toEqual(['a', 'b']);
    vi.setSystemTime(T0 + MIN / 2); // half the polling interval later: asked again
    await r.check('b');
    expect(r.asked).toHaveLength(2);
  });

  it('every file Active: reviewed, remembered in the cache, sent', async () => {
    const r = make([reviewing('a', 2)], (ids) => Object.fromEntries(ids.map((id) => [id, 'active'])));
    await r.check('a');
    expect(r.byId.get('a')).toMatchObject({ state: 'accepted' });
    expect(r.remembered).toEqual(['a-as0', 'a-as1']);
    expect(r.sent.map((t) => t.id)).toEqual(['a']);
  });

  it('a refused file: failed naming it with the review’s reason', async () => {
    const r = make([reviewing('a', 2)], () => ({ 'a-as0': 'active', 'a-as1': 'failed' }));
    await r.check('a');
    expect(r.ended).toEqual([{ id: 'a', name: 'failReview', args: { file: 'a-1.png', detail: 'x' } }]);
  });

  it('past ASSET_REVIEW_TIMEOUT_MIN: timed out without a query', async () => {
    const r = make([reviewing('a', 1)], () => ({}));
    vi.setSystemTime(T0 + 10 * 60_000 + 1);
    await r.check('a');
    expect(r.asked).toEqual([]);
    expect(r.ended).toEqual([{ id: 'a', name: 'timeOutReview', args: { minutes: 10 } }]);
  });

  it('a 429 pauses the gate and waits for the capped Retry-After', async () => {
    const r = make(
      [reviewing('a', 1)],
      () =>
        new SeedanceError({ kind: 'rate_limited', message: '429', retryAfterMs: 45_000, mayHaveReachedServer: false }),
    );
    await r.check('a');
    expect(r.gate.stats.rateLimited).toBe(1);
    expect(r.later).toEqual([['a', 45_000]]);
  });

  it('nothing to ask with (no review client): looked at again after the longest interval', async () => {
    const r = make([reviewing('a', 1)], () => ({}), false);
    await r.check('a');
    expect(r.asked).toEqual([]);
    expect(r.later).toEqual([['a', 60_000]]);
  });
});
