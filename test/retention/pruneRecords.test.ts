import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keys, prefixes } from '../../src/db/keys.js';
import type { RecordStore } from '../../src/db/recordStore.js';
import { createSettingsStore } from '../../src/services/guildConfig/settingsStore.js';
import { createGuildLedger } from '../../src/services/usage/guildLedger.js';
import { pruneRecords } from '../../src/services/retention/pruneRecords.js';
import { createAssetCache } from '../../src/services/review/assetReview.js';
import { keyFingerprint } from '../../src/services/seedance/keyPool.js';
import { NO_LIMITS, openTempStore, type TempStore, type StoreKind, storeKinds } from '../support/tempStore.js';

const KINDS = await storeKinds();

describe.each(KINDS)('%s', (kind: StoreKind) => {
  let temp: TempStore;
  beforeEach(async () => {
    temp = await openTempStore('prune', kind);
  });
  afterEach(async () => {
    await temp.cleanup();
  });

  const DAY = 86_400_000;
  const NOW = Date.UTC(2026, 10, 24, 12);
  const counter = { tasks: 1, seconds: 5, perTaskUnits: 1, perSecondUnits: 0 };

  async function put(records: Record<string, unknown>) {
    const entries = Object.entries(records);
    await temp.store.transact(
      entries.map(([k]) => k),
      (tx) => {
        for (const [k, v] of entries) tx.set(k, v);
      },
    );
  }

  describe('retention keeps what the product shows and deletes the rest', () => {
    it('finished tasks older than the retention period go, with their index entries; recent and open ones stay', async () => {
      // A task is two records (hot and details); one written whole by an earlier version is one.
      // Each with its row in the member's index of every task (My videos): by `listedAt`, else by `createdAt`.
      const task = (id: string, finishedAt: number, toldAt?: number) => ({
        [keys.task(id)]: { id, state: 'done', createdAt: finishedAt - 60_000, finishedAt, toldAt },
        [keys.taskDetails(id)]: { userId: 'u1', request: { prompt: id }, listedAt: finishedAt - 60_001 },
        [keys.finished(finishedAt, id)]: { id },
        [keys.memberTask('u1', finishedAt - 60_001, id)]: 1,
      });
      const wholeTask = (id: string, finishedAt: number, toldAt: number) => ({
        [keys.task(id)]: {
          id,
          state: 'done',
          createdAt: finishedAt - 60_000,
          finishedAt,
          toldAt,
          userId: 'u1',
          request: { prompt: id },
        },
        [keys.finished(finishedAt, id)]: { id },
        [keys.memberTask('u1', finishedAt - 60_000, id)]: 1,
      });
      await put({
        ...task('old', NOW - 31 * DAY, NOW - 31 * DAY),
        ...wholeTask('oldWhole', NOW - 32 * DAY, NOW - 32 * DAY),
        ...task('recent', NOW - 29 * DAY, NOW - 29 * DAY),
        // Finished long ago, but its member was never told (still open): kept until told.
        ...task('untold', NOW - 40 * DAY),
      });
      const report = await pruneRecords(temp.store, { now: NOW, taskRetentionMs: 30 * DAY });
      expect(report.tasks).toBe(2);
      for (const id of ['old', 'oldWhole']) {
        expect(await temp.store.get(keys.task(id))).toBeUndefined();
        expect(await temp.store.get(keys.taskDetails(id))).toBeUndefined();
      }
      for (const id of ['recent', 'untold']) {
        expect(await temp.store.get(keys.task(id))).toBeDefined();
        expect(await temp.store.get(keys.taskDetails(id))).toBeDefined();
      }
      expect((await temp.store.scan('finished_tasks:')).map(([, v]) => (v as { id: string }).id).sort()).toEqual([
        'recent',
        'untold',
      ]);
      // The member's index keeps exactly the tasks that are left (newest first).
      expect((await temp.store.scan(prefixes.memberTasksOf('u1'))).map(([k]) => k.split(':').at(-1))).toEqual([
        'recent',
        'untold',
      ]);
    });

    it('usage documents of members idle for two months go; guilds, active and running members stay', async () => {
      const month = (id: string) => ({ id, counter });
      await put({
        'usage:g1': { running: 0, month: month('2026-08') },
        'usage:g1:u1': { running: 0, month: month('2026-11'), last: NOW - DAY },
        'usage:g1:u2': { running: 0, month: month('2026-10'), last: NOW - 40 * DAY },
        'usage:g1:u3': { running: 0, month: month('2026-08'), last: NOW - 90 * DAY },
        'usage:g1:u4': { running: 1, month: month('2026-08'), last: NOW - 90 * DAY },
        'usage:dm5:u5': { running: 0, month: month('2026-07'), last: NOW - 120 * DAY },
      });
      expect((await pruneRecords(temp.store, { now: NOW, taskRetentionMs: 30 * DAY })).members).toBe(2);
      expect((await temp.store.scan('usage:')).map(([k]) => k)).toEqual([
        'usage:g1',
        'usage:g1:u1',
        'usage:g1:u2',
        'usage:g1:u4',
      ]);
    });
  });

  describe('a request made while retention runs', () => {
    it('a reservation landing between the decision and the delete is not lost', async () => {
      const month = (id: string) => ({ id, counter });
      await put({
        'usage:g1:u3': { running: 0, month: month('2026-08'), last: NOW - 90 * DAY },
        'usage:g1:u5': { running: 0, month: month('2026-08'), last: NOW - 90 * DAY },
      });
      const ledger = createGuildLedger({
        store: temp.store,
        settings: createSettingsStore(temp.store),
        defaults: NO_LIMITS,
        dmEnabled: true,
        now: () => NOW,
      });
      // Member and guild ids are Discord snowflakes (digits). The idle member 3 asks again just after retention chose their document and before it deletes it.
      const racing: RecordStore = Object.create(temp.store);
      let reserved: unknown;
      racing.transact = async (keys, fn) => {
        if (!reserved && keys.includes('usage:g1:u3')) {
          const plan = await ledger.plan({
            guildId: '1',
            userId: '3',
            model: 'seedance2.0-mini-sp',
            cost: { billing: 'per_task', units: 1, seconds: 5, billedAs: 'seedance2.0-mini-sp-720p' },
          });
          reserved = await temp.store.transact(plan.keys, (tx) => plan.reserve(tx));
        }
        return temp.store.transact(keys, fn);
      };
      const report = await pruneRecords(racing, { now: NOW, taskRetentionMs: 30 * DAY });
      expect(reserved).toMatchObject({ ok: true });
      expect(report.members).toBe(1);
      expect(await temp.store.get('usage:g1:u5')).toBeUndefined();
      expect(await temp.store.get('usage:g1:u3')).toMatchObject({
        running: 1,
        month: { id: '2026-11', counter: { tasks: 1 } },
        last: NOW,
      });
    });
  });

  describe('claims', () => {
    it('interaction claims older than an hour go', async () => {
      const snow = (at: number) => ((BigInt(at) - 1420070400000n) << 22n).toString();
      await put({
        [`claims:${snow(NOW - 2 * 3_600_000)}`]: { taskId: 'a' },
        [`claims:${snow(NOW - 60_000)}`]: { taskId: 'b' },
      });
      expect((await pruneRecords(temp.store, { now: NOW, taskRetentionMs: 30 * DAY })).claims).toBe(1);
      expect((await temp.store.scan('claims:')).map(([, v]) => v)).toEqual([{ taskId: 'b' }]);
    });
  });

  describe('the media review reuse cache', () => {
    it('reviewed files are reused for 30 days, looked up per API key and by URL without its signature, then pruned', async () => {
      let now = NOW - 31 * DAY;
      const cacheFor = (apiKey: string) =>
        createAssetCache({ store: temp.store, fingerprint: () => keyFingerprint(apiKey), now: () => now });
      const url = 'https://cdn.discordapp.com/attachments/1/2/cat.png?ex=1&is=2&hm=3';
      const item = (u: string, assetId: string) =>
        ({ field: 'images', index: 0, kind: 'image', url: u, name: 'cat.png', assetId }) as const;
      await cacheFor('sk_a').remember([item(url, 'old-asset')]);
      now = NOW - DAY;
      await cacheFor('sk_a').remember([item('https://cdn.discordapp.com/attachments/1/3/dog.png?ex=9', 'new-asset')]);
      now = NOW;
      const cache = cacheFor('sk_a');
      // Re-signed URLs (another ex/is/hm) find the same file; the 31-day-old one is no longer used.
      const found = await cache.lookup([
        url.replace('ex=1', 'ex=7'),
        'https://cdn.discordapp.com/attachments/1/3/dog.png?ex=10',
      ]);
      expect([...found.values()]).toEqual(['new-asset']);
      // Another API key's account has other assets.
      expect((await cacheFor('sk_b').lookup(['https://cdn.discordapp.com/attachments/1/3/dog.png'])).size).toBe(0);
      // The key itself is never stored, only a sha256 prefix of it.
      const stored = await temp.store.scan('assets:');
      expect(JSON.stringify(stored)).not.toContain('sk_a');
      expect(stored.every(([k]) => k.startsWith(`assets:${keyFingerprint('sk_a')}:`))).toBe(true);
      expect((await pruneRecords(temp.store, { now: NOW, taskRetentionMs: 30 * DAY })).assets).toBe(1);
      expect((await temp.store.scan<{ assetId: string }>('assets:')).map(([, v]) => v.assetId)).toEqual(['new-asset']);
    });
  });
});

describe('the gallery’s short-lived records', () => {
  it('an unconfirmed purge goes after an hour, a digest claim after 30 days; posts stay', async () => {
    const temp = await openTempStore('prune-gallery');
    try {
      const now = Date.UTC(2026, 11, 7);
      await temp.store.transact(
        [
          'gallery_purges:1',
          'gallery_purges:2',
          'gallery_digest:9:2026-10-05',
          'gallery_digest:9:2026-11-30',
          'gallery_posts:9:t1',
        ],
        (tx) => {
          tx.set('gallery_purges:1', { at: now - 2 * 3_600_000 });
          tx.set('gallery_purges:2', { at: now - 60_000 });
          tx.set('gallery_digest:9:2026-10-05', { firstAt: now - 60 * 86_400_000 });
          tx.set('gallery_digest:9:2026-11-30', { firstAt: now - 7 * 86_400_000 });
          tx.set('gallery_posts:9:t1', { postedAt: now - 400 * 86_400_000 });
        },
      );
      const report = await pruneRecords(temp.store, { now, taskRetentionMs: 90 * 86_400_000 });
      expect(report.gallery).toBe(2);
      expect((await temp.store.scan('gallery_')).map(([k]) => k)).toEqual([
        'gallery_digest:9:2026-11-30',
        'gallery_posts:9:t1',
        'gallery_purges:2',
      ]);
    } finally {
      await temp.cleanup();
    }
  });
});
