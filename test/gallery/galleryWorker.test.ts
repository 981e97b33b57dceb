/**
 * The gallery worker against a real store (SQLite, and PostgreSQL when it answers): two processes' workers
 * racing over the same jobs post each video once; a process that dies mid-post (its lease runs out) is taken
 * over by another that looks in the gallery first and does not post again.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { keys } from '../../src/db/keys.js';
import type { RecordStore } from '../../src/db/recordStore.js';
import type { GalleryJob, PlacedPost } from '../../src/services/gallery/galleryRecords.js';
import { createGalleryWorker, type GalleryPoster } from '../../src/services/gallery/galleryWorker.js';
import { createSettingsStore } from '../../src/services/guildConfig/settingsStore.js';
import type { TaskRecord } from '../../src/services/tasks/taskRecord.js';
import { openTempStore, quietLogger, storeKinds, type TempStore } from '../support/tempStore.js';

const KINDS = await storeKinds();
const GUILD = '100000000000000001';
let temp: TempStore | undefined;
afterEach(async () => {
  await temp?.cleanup();
  temp = undefined;
});

const task = (id: string): TaskRecord =>
  ({
    id,
    guildId: GUILD,
    channelId: '2',
    userId: '3',
    locale: 'en-US',
    state: 'done',
    videoUrl: 'https://example.com/v.mp4',
    model: 'seedance2.0-mini',
    request: { model: 'seedance2.0-mini', prompt: `video ${id}`, duration: 5 },
  }) as TaskRecord;

/** A gallery as Discord would hold it: every post made, found by task id. */
function fakeGallery(delayMs: number, hang?: (id: string) => boolean) {
  const posts: Array<{ taskId: string; at: number; placed: PlacedPost }> = [];
  const poster: GalleryPoster = {
    async post(t) {
      await new Promise((r) => setTimeout(r, delayMs));
      const placed: PlacedPost = {
        kind: 'text',
        channelId: '5',
        postId: `p${posts.length}`,
        messageId: `p${posts.length}`,
      };
      posts.push({ taskId: t.id, at: Date.now(), placed });
      // Discord took it, but this process never hears back (it dies here).
      if (hang?.(t.id)) await new Promise(() => undefined);
      return placed;
    },
    async find(t, _g, since) {
      return posts.find((p) => p.taskId === t.id && p.at >= since)?.placed;
    },
    async remove() {},
  };
  return { posts, poster };
}

async function setUp(store: RecordStore, ids: string[]) {
  await createSettingsStore(store).change(GUILD, (s) => ({
    ...s,
    gallery: { channelId: '5', kind: 'text', auto: true },
  }));
  await store.transact(
    ids.map((id) => keys.galleryJob(id)),
    (tx) => {
      for (const id of ids) {
        const job: GalleryJob = { taskId: id, guildId: GUILD, userId: '3', via: 'auto', createdAt: Date.now() };
        tx.set(keys.galleryJob(id), job);
      }
    },
  );
}

const worker = (store: RecordStore, owner: string, poster: GalleryPoster, leaseMs = 10_000) =>
  createGalleryWorker({
    store,
    settings: createSettingsStore(store, { ttlMs: 0 }),
    getTask: async (id) => task(id),
    poster,
    turnOff: async () => undefined,
    logger: quietLogger(),
    now: Date.now,
    owner,
    concurrency: 4,
    leaseMs,
    retryBaseMs: 50,
    maxBackoffMs: 200,
    sweepMs: 100,
  });

describe.each(KINDS)('gallery jobs on %s', (kind) => {
  it('two processes racing over 40 jobs: each video posted once, every post recorded, no job left', async () => {
    temp = await openTempStore('gallery-race', kind);
    const ids = Array.from({ length: 40 }, (_, i) => `t${i}`);
    await setUp(temp.store, ids);
    const gallery = fakeGallery(5);
    const a = worker(temp.store, 'A', gallery.poster);
    const b = worker(temp.store, 'B', gallery.poster);
    await Promise.all([a.start(false), b.start(false)]);
    const deadline = Date.now() + 20_000;
    while (a.posted + b.posted < ids.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await Promise.all([a.stop(100), b.stop(100)]);
    expect(gallery.posts.map((p) => p.taskId).sort()).toEqual([...ids].sort());
    expect(a.posted).toBeGreaterThan(0);
    expect(b.posted).toBeGreaterThan(0);
    expect(await temp.store.scan('gallery_jobs:')).toEqual([]);
    expect(await temp.store.scan(`gallery_posts:${GUILD}:`)).toHaveLength(ids.length);
  }, 30_000);

  it('a process dies after Discord took the post: once its lease is over another takes the job, finds the post, posts nothing', async () => {
    temp = await openTempStore('gallery-takeover', kind);
    await setUp(temp.store, ['t1']);
    const gallery = fakeGallery(5, () => gallery.posts.length <= 1);
    const dying = worker(temp.store, 'A', gallery.poster, 300);
    await dying.start(false);
    while (gallery.posts.length < 1) await new Promise((r) => setTimeout(r, 20));
    const next = worker(temp.store, 'B', gallery.poster, 300);
    await next.start(false);
    const deadline = Date.now() + 10_000;
    while (next.posted < 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await Promise.all([dying.stop(0), next.stop(100)]);
    expect(gallery.posts).toHaveLength(1);
    expect(await temp.store.get(keys.galleryPost(GUILD, 't1'))).toMatchObject({ postId: 'p0' });
  }, 20_000);
});
