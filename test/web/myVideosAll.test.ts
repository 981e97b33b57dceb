/**
 * My videos beyond the 25 newest, over real sockets against the fake Discord: every task of the member paged from
 * their index, Delete of a card (confirmation, CSRF, only their own tasks, the message deleted in Discord with the
 * card button's log line), and an uploaded video played from its attachment URL signed anew once the video
 * service's link has expired.
 */
import { Writable } from 'node:stream';
import { REST } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentResigner, webCardDeleter } from '../../src/discord/taskCardActions.js';
import { createLogger } from '../../src/logging/logger.js';
import type { TaskRecord } from '../../src/services/tasks/taskRecord.js';
import { startWebServer, type WebServer } from '../../src/web/webServer.js';
import { type FakeDiscord, startFakeDiscord } from '../fakes/discord/index.js';
import type { OAuthUser } from '../fakes/discord/oauth.js';
import { openTempStore, type TempStore } from '../support/tempStore.js';
import { seedTasks, WebClient, webTask } from '../support/webClient.js';
import { fakeDiscordWebConfig } from '../support/webClient.js';

const CLIENT_SECRET = 'oauth-client-secret-value-0123456789';
const DAY = 86_400_000;
const NOW = Date.now();
const ALICE: OAuthUser = { id: '500000000000000001', username: 'alice', guilds: [] };
const BOB: OAuthUser = { id: '500000000000000002', username: 'bob', guilds: [] };
const STALE_FILE = 'https://cdn.discordapp.com/attachments/1/2/seedance-old.mp4?ex=1&is=1&hm=old';

let discord: FakeDiscord;
let temp: TempStore;
let web: WebServer;
const logLines: string[] = [];
let older: TaskRecord[];
let uploaded: TaskRecord;
let mine: TaskRecord;
let bobs: TaskRecord;
let rendering: TaskRecord;

const ids = (body: string) => [...body.matchAll(/data-task="([^"]+)"/g)].map((m) => m[1]!);
const attr = (s: string) => s.replaceAll('&#61;', '=').replaceAll('&amp;', '&');

async function signedIn(user: OAuthUser): Promise<WebClient> {
  const client = new WebClient(web.url);
  discord.oauth.signInAs(user);
  // Back to an empty page: no page view before the test's own.
  await client.follow(`/auth/login?return_to=${encodeURIComponent('/videos?page=99')}`);
  discord.oauth.signInAs(undefined);
  return client;
}

beforeAll(async () => {
  discord = await startFakeDiscord();
  discord.oauth.setClient(discord.applicationId, CLIENT_SECRET);
  temp = await openTempStore('web-all');
  const guildId = discord.guildIds[0]!;
  const channelId = discord.channelIdOf(guildId);
  const card = () => discord.messages.create(channelId, { content: 'a card' }, []).id;
  const where = { guildId, channelId };
  // 37 older tasks (more than the 25 the recent list keeps), then three newer ones with cards in the fake.
  older = Array.from({ length: 37 }, (_, i) => webTask({ userId: ALICE.id, ...where }, NOW - DAY - i * 60_000));
  uploaded = webTask(
    {
      userId: ALICE.id,
      ...where,
      messageId: card(),
      finishedAt: NOW - 4 * DAY,
      delivery: { mode: 'upload', via: 'channel', at: NOW - 4 * DAY, fileUrl: STALE_FILE },
    },
    NOW - 1000,
  );
  mine = webTask({ userId: ALICE.id, ...where, messageId: card() }, NOW - 2000);
  bobs = webTask({ userId: BOB.id, ...where, messageId: card() }, NOW - 500);
  rendering = webTask({ userId: ALICE.id, ...where, messageId: card(), state: 'running' }, NOW - DAY + 30_000);
  await seedTasks(temp.store, [...older, uploaded, mine, bobs, rendering]);
  const logger = createLogger({
    level: 'debug',
    secrets: [CLIENT_SECRET],
    destination: new Writable({
      write(chunk, _e, done) {
        logLines.push(String(chunk));
        done();
      },
    }),
  });
  const rest = new REST({ api: discord.restUrl }).setToken(discord.botToken);
  web = await startWebServer({
    config: fakeDiscordWebConfig(discord, CLIENT_SECRET),
    store: temp.store,
    logger,
    deleteCard: webCardDeleter({ rest, logger, now: Date.now }),
    resignUrls: attachmentResigner({ rest, logger, now: Date.now }),
  });
});

afterAll(async () => {
  await web.close();
  await discord.close();
  await temp.cleanup();
});

describe('an uploaded video plays from its card once the video service forgot it', () => {
  it('its stale attachment URL is signed anew (one batched call per page, then cached) and used by the <video>', async () => {
    const client = await signedIn(ALICE);
    const calls = () => discord.requestsTo('POST /attachments/refresh-urls').length;
    // The first page view of the run: nothing signed yet.
    const before = calls();
    const page = await client.request('/videos');
    const card = page.body.split('<li').find((li) => li.includes(`data-task="${uploaded.id}"`))!;
    const src = attr(/<video controls preload="metadata" src="([^"]+)"/.exec(card)![1]!);
    const signed = new URL(src);
    expect(`${signed.origin}${signed.pathname}`).toBe('https://cdn.discordapp.com/attachments/1/2/seedance-old.mp4');
    // Signed anew: a day from now, not the stored (long past) expiry.
    expect(Number.parseInt(signed.searchParams.get('ex')!, 16) * 1000).toBeGreaterThan(Date.now());
    expect(calls()).toBe(before + 1);
    await client.request('/videos');
    expect(calls()).toBe(before + 1);
    // The vendor's link, while it lives, needs no signing: the other cards play it.
    expect(page.body).toContain(`src="${mine.videoUrl!.replaceAll('=', '&#61;')}"`);
  });
});

describe('My videos lists every task of the member, not only the 25 newest', () => {
  it('40 tasks make 4 pages, newest first, without repeats; the last has no next page', async () => {
    const client = await signedIn(ALICE);
    const seen: string[] = [];
    for (let n = 1; n <= 4; n += 1) {
      const page = await client.request(`/videos?page=${n}`);
      expect(page.body.includes('rel="next"')).toBe(n < 4);
      seen.push(...ids(page.body));
    }
    const expected = [uploaded, mine, rendering, ...older].map((t) => t.id);
    expect(seen).toEqual(expected);
    expect(seen).not.toContain(bobs.id);
  });

  it('a filter reads further than 25 too, and says nothing of a budget it did not reach', async () => {
    const client = await signedIn(ALICE);
    const oldest = older.at(-1)!;
    const found = await client.request(`/videos?q=${encodeURIComponent(oldest.request.prompt)}`);
    expect(ids(found.body)).toContain(oldest.id);
    expect(found.body).not.toContain('newest');
  });
});

describe('Delete a card from My videos', () => {
  it('asks first, refuses a write without the CSRF token, and then deletes the message in Discord', async () => {
    const client = await signedIn(ALICE);
    const list = await client.request('/videos');
    expect(list.body).toContain(`href="/videos/${mine.id}/delete"`);
    const confirm = await client.request(`/videos/${mine.id}/delete`);
    expect(confirm.status).toBe(200);
    expect(confirm.body).toContain(`action="/videos/${mine.id}/delete"`);
    const token = WebClient.csrfOf(confirm.body);

    expect((await client.post(`/videos/${mine.id}/delete`, {})).status).toBe(403);
    expect((await client.post(`/videos/${mine.id}/delete`, { _csrf: 'not-the-token' })).status).toBe(403);
    expect(discord.messages.byId.get(mine.messageId!)!.deleted).toBe(false);

    const done = await client.post(`/videos/${mine.id}/delete`, { _csrf: token });
    expect(done.status).toBe(303);
    expect(done.location).toBe(`${web.url}/videos?notice=deleted`);
    expect(discord.messages.byId.get(mine.messageId!)!.deleted).toBe(true);
    expect((await client.request(done.location!)).body).toContain('The card was deleted in Discord.');
    // The card button's log line, with who did it.
    const line = logLines.map((l) => JSON.parse(l)).find((l) => l.msg === 'task message deleted');
    expect(line).toMatchObject({ taskId: mine.id, by: ALICE.id });
    // Again: the card is already gone, and the page says so.
    const again = await client.post(`/videos/${mine.id}/delete`, { _csrf: token });
    expect(again.location).toBe(`${web.url}/videos?notice=gone`);
  });

  it('a card still rendering has no Delete (as in Discord: the button comes with the final card)', async () => {
    const client = await signedIn(ALICE);
    const token = WebClient.csrfOf((await client.request('/videos')).body);
    expect((await client.request('/videos')).body).not.toContain(`href="/videos/${rendering.id}/delete"`);
    expect((await client.request(`/videos/${rendering.id}/delete`)).status).toBe(404);
    expect((await client.post(`/videos/${rendering.id}/delete`, { _csrf: token })).status).toBe(404);
    expect(discord.messages.byId.get(rendering.messageId!)!.deleted).toBe(false);
  });

  it("someone else's task is not found, whether asked for by its page or its POST", async () => {
    const client = await signedIn(ALICE);
    const token = WebClient.csrfOf((await client.request('/videos')).body);
    expect((await client.request(`/videos/${bobs.id}/delete`)).status).toBe(404);
    expect((await client.post(`/videos/${bobs.id}/delete`, { _csrf: token })).status).toBe(404);
    expect((await client.post('/videos/..%2F..%2Fx/delete', { _csrf: token })).status).toBe(404);
    expect(discord.messages.byId.get(bobs.messageId!)!.deleted).toBe(false);
  });

  it('signed out, nothing is deleted', async () => {
    const client = new WebClient(web.url);
    expect((await client.request(`/videos/${bobs.id}/delete`)).status).toBe(302);
    expect([401, 403]).toContain((await client.post(`/videos/${bobs.id}/delete`, {})).status);
    expect(discord.messages.byId.get(bobs.messageId!)!.deleted).toBe(false);
  });
});
