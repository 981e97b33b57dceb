/**
 * My videos' rules without a server: which link plays a task's video (the video service's while it lives, then
 * the card's upload signed anew), the short cache of signed URLs, and the search budget over a long history.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { REST } from 'discord.js';
import { attachmentResigner } from '../../src/discord/taskCardActions.js';
import type { TaskRecord } from '../../src/services/tasks/taskRecord.js';
import {
  cachedResigner,
  listMyVideos,
  RESIGNED_TTL_MS,
  SEARCH_BUDGET,
  UNSIGNED_TTL_MS,
  urlsToResign,
  videoLinkOf,
} from '../../src/web/myVideos.js';
import { openTempStore, quietLogger, type TempStore } from '../support/tempStore.js';
import { seedTasks, webTask } from '../support/webClient.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 5, 12);
const FILE = 'https://cdn.discordapp.com/attachments/1/2/seedance-a.mp4?ex=1';
const SIGNED = 'https://cdn.discordapp.com/attachments/1/2/seedance-a.mp4?ex=fresh';

describe('which link plays a video', () => {
  const done = (finishedAt: number, delivery?: TaskRecord['delivery']) =>
    webTask({ userId: 'u1', finishedAt, ...(delivery ? { delivery } : {}) }, finishedAt - 60_000);
  const upload = { mode: 'upload' as const, via: 'channel' as const, at: NOW - 4 * DAY, fileUrl: FILE };
  const signed = new Map([[FILE, SIGNED]]);

  it.each([
    ['the video service keeps the file: its link, nothing to sign', done(NOW - DAY, upload), 'vendor', []],
    ['an upload after the service forgot it: the card file, signed anew', done(NOW - 4 * DAY, upload), SIGNED, [FILE]],
    [
      'delivered as a link, forgotten: expired',
      done(NOW - 4 * DAY, { mode: 'link', via: 'channel', at: NOW - 4 * DAY }),
      'expired',
      [],
    ],
    ['delivered by an earlier version (no file URL kept): expired', done(NOW - 4 * DAY), 'expired', []],
  ])('%s', (_what, task, expected, toSign) => {
    expect(urlsToResign([task], NOW)).toEqual(toSign);
    const link = videoLinkOf(task, NOW, signed);
    if (expected === 'vendor') expect(link).toEqual({ kind: 'play', url: task.videoUrl });
    else if (expected === 'expired') expect(link).toEqual({ kind: 'expired' });
    else expect(link).toEqual({ kind: 'play', url: expected });
  });

  it('an upload Discord did not sign anew shows as expired', () => {
    expect(videoLinkOf(done(NOW - 4 * DAY, upload), NOW, new Map())).toEqual({ kind: 'expired' });
  });
  it('a task not done has no video', () => {
    expect(videoLinkOf(webTask({ userId: 'u1', state: 'running' }, NOW), NOW)).toEqual({ kind: 'none' });
  });
});

describe('signed URLs are reused for a while', () => {
  it('one call per URL within the TTL, a new one after it; one Discord left out is asked again sooner', async () => {
    let now = NOW;
    const asked: string[][] = [];
    const resign = cachedResigner(
      async (urls) => {
        asked.push([...urls]);
        return new Map(urls.filter((u) => u !== 'b').map((u) => [u, `${u}!`]));
      },
      () => now,
    );
    expect(await resign(['a', 'b'])).toEqual(new Map([['a', 'a!']]));
    expect(await resign(['a', 'b'])).toEqual(new Map([['a', 'a!']]));
    now += UNSIGNED_TTL_MS + 1;
    await resign(['a', 'b']);
    now += RESIGNED_TTL_MS;
    await resign(['a']);
    expect(asked).toEqual([['a', 'b'], ['b'], ['a']]);
  });

  it('Discord leaving one URL out (its card deleted) does not stop the others from playing', async () => {
    const deleted = 'https://cdn.discordapp.com/attachments/1/3/seedance-b.mp4?ex=1';
    const rest = {
      post: async () => ({ refreshed_urls: [{ original: FILE, refreshed: SIGNED }] }),
    } as unknown as REST;
    const resign = attachmentResigner({ rest, logger: quietLogger(), now: () => NOW });
    expect(await resign([FILE, deleted])).toEqual(new Map([[FILE, SIGNED]]));
  });

  it('a failed call is not remembered', async () => {
    let fail = true;
    const resign = cachedResigner(
      async (urls) => {
        if (fail) throw new Error('Discord is down');
        return new Map(urls.map((u) => [u, `${u}!`]));
      },
      () => NOW,
    );
    await expect(resign(['a'])).rejects.toThrow('Discord is down');
    fail = false;
    expect(await resign(['a'])).toEqual(new Map([['a', 'a!']]));
  });
});

describe('a search reads a bounded part of a long history', () => {
  let temp: TempStore;
  beforeAll(async () => {
    temp = await openTempStore('my-videos-budget');
    const tasks = Array.from({ length: SEARCH_BUDGET + 100 }, (_, i) =>
      webTask(
        {
          userId: 'u1',
          request: { model: 'x', prompt: i === SEARCH_BUDGET + 50 ? 'the oldest fox' : `p${i}`, duration: 5 },
        },
        NOW - i * 60_000,
      ),
    );
    await seedTasks(temp.store, tasks);
  });
  afterAll(async () => {
    await temp.cleanup();
  });

  it('the newest SEARCH_BUDGET tasks are searched, and the page says how many', async () => {
    const page = await listMyVideos(temp.store, 'u1', { q: 'fox', page: 1 });
    expect(page.items).toEqual([]);
    expect(page.searched).toBe(SEARCH_BUDGET);
  });
  it('without a filter, every task is reachable by paging', async () => {
    // Task number SEARCH_BUDGET + 50 (newest first) is on page 106 of 110.
    const deep = await listMyVideos(temp.store, 'u1', { page: (SEARCH_BUDGET + 50) / 10 + 1 });
    expect(deep.items.map((t) => t.request.prompt)[0]).toBe('the oldest fox');
    expect(deep.hasNext).toBe(true);
    const last = await listMyVideos(temp.store, 'u1', { page: (SEARCH_BUDGET + 100) / 10 });
    expect(last.items).toHaveLength(10);
    expect(last.hasNext).toBe(false);
  });
  it('a search that ends before the budget says nothing of one', async () => {
    expect((await listMyVideos(temp.store, 'u1', { q: 'p3', page: 1 })).searched).toBeUndefined();
  });
});
