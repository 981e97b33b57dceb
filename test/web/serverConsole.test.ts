/**
 * The server console over real sockets, beside the whole bot (fake Discord with its OAuth2 and REST, fake
 * Seedance): who may open it (Manage Server in the sign-in guild list, for the exact server in the URL), the
 * re-check with Discord on every write, CSRF, a limit set on the page refusing the next /video and showing in
 * /video-admin show, a change made in Discord showing on the page, the chart, the members' CSV and the queue.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../src/db/keys.js';
import { breakdownCsv } from '../../src/services/usage/usageReport.js';
import type { CommandOption } from '../fakes/discord/index.js';
import type { OAuthGuild } from '../fakes/discord/oauth.js';
import { eventually, startHarness, type Harness } from '../harness.js';
import { WebClient } from '../support/webClient.js';

const SECRET = 'console-client-secret-0123456789';
const APP_ID = '123456789012345678';
const MANAGE_GUILD = 1n << 5n;
const ADMIN = { id: '910000000000000001', username: 'admin' };
const MEMBER = { id: '910000000000000002', username: 'member' };
const OTHER = { id: '910000000000000003', username: 'other' };
const NOT_IN = '199999999999999999';

let h: Harness;
let A: string;
let B: string;

beforeAll(async () => {
  h = await startHarness({
    discord: { guilds: 2 },
    // Videos stay rendering: the queue has something to show, and every reservation stays counted.
    seedance: { defaultScript: { kind: 'stuck' } },
    env: { WEB_PORT: '0', DISCORD_APPLICATION_ID: APP_ID, DISCORD_CLIENT_SECRET: SECRET },
  });
  [A, B] = h.discord.guildIds as [string, string];
  h.discord.oauth.setClient(APP_ID, SECRET);
}, 30_000);
afterAll(async () => {
  await h?.close();
});

/** A browser signed in as `user` with this guild list (what Discord said at sign-in). */
async function signedIn(user: { id: string; username: string }, guilds: OAuthGuild[]): Promise<WebClient> {
  h.discord.oauth.signInAs({ ...user, guilds });
  const client = new WebClient(h.app.web!.url);
  const hops = await client.follow('/auth/login?return_to=/servers');
  expect(hops.at(-1)!.status).toBe(200);
  return client;
}

/** The console page and its CSRF token. */
async function consolePage(client: WebClient, guildId: string, query = '') {
  const page = await client.request(`/servers/${guildId}${query}`);
  return { ...page, csrf: page.status === 200 ? WebClient.csrfOf(page.body) : '' };
}

const storedSettings = (guildId: string) => h.app.store.get<Record<string, unknown>>(keys.settings(guildId));
/** One stored limit of a server (undefined: not set there). */
const storedLimit = async (guildId: string, name: string) =>
  ((await storedSettings(guildId))?.limits as Record<string, unknown> | undefined)?.[name];

async function slash(name: string, subcommand: string, options: CommandOption[], user = ADMIN, permissions?: bigint) {
  const ix = h.discord.dispatchCommand({
    name,
    subcommand,
    options,
    user,
    guildId: A,
    ...(permissions === undefined ? {} : { permissions }),
  });
  return (await h.discord.waitForCallback(ix.id)).data as {
    content?: string;
    embeds?: unknown[];
    flags?: number;
  };
}

describe('only members who manage the server open its console', () => {
  it('a member without Manage Server gets 403 on the page, the CSV and every form, also for other ids', async () => {
    const client = await signedIn(MEMBER, [
      { id: A, name: 'Alpha', permissions: '0' },
      { id: B, name: 'Beta', permissions: String(1n << 10n) },
    ]);
    // A token of this session (the server list is the member's own page).
    const csrf = WebClient.csrfOf((await client.request('/servers')).body);
    h.discord.setMemberPermissions(A, MEMBER.id, 0n);
    const before = await storedSettings(A);
    for (const guildId of [A, B, NOT_IN, 'x', '1']) {
      expect((await client.request(`/servers/${guildId}`)).status).toBe(403);
      expect((await client.request(`/servers/${guildId}/usage.csv`)).status).toBe(403);
      const post = await client.post(`/servers/${guildId}/settings/limit`, {
        _csrf: csrf,
        name: 'guild_daily_tasks',
        value: '0',
      });
      expect(post.status).toBe(403);
    }
    expect(await storedSettings(A)).toEqual(before);
    // The list offers none of them.
    const list = await client.request('/servers');
    expect(list.body).not.toContain(`/servers/${A}`);
    expect(list.body).not.toContain(`/servers/${B}`);
  });

  it('an admin of one server cannot reach another by changing the id in the URL', async () => {
    const client = await signedIn(OTHER, [
      { id: A, name: 'Alpha', permissions: '0' },
      { id: B, name: 'Beta', permissions: String(MANAGE_GUILD) },
    ]);
    h.discord.setMemberPermissions(B, OTHER.id, MANAGE_GUILD);
    const own = await consolePage(client, B);
    expect(own.status).toBe(200);
    const list = await client.request('/servers');
    expect(list.body).toContain(`href="/servers/${B}"`);
    expect(list.body).not.toContain(`href="/servers/${A}"`);
    for (const guildId of [A, NOT_IN]) {
      expect((await client.request(`/servers/${guildId}`)).status).toBe(403);
      const post = await client.post(`/servers/${guildId}/settings/timezone`, { _csrf: own.csrf, zone: 'Asia/Tokyo' });
      expect(post.status).toBe(403);
    }
    expect((await storedSettings(A))?.timeZone).toBeUndefined();
  });

  it('a signed-out visitor is sent to sign in; a write without a session is refused', async () => {
    const client = new WebClient(h.app.web!.url);
    const page = await client.request(`/servers/${A}`);
    expect(page.status).toBe(302);
    expect(page.location).toContain('/auth/login-page');
    expect((await client.post(`/servers/${A}/settings/limit`, { name: 'guild_daily_tasks', value: '0' })).status).toBe(
      403, // no session, so no CSRF secret: the CSRF check refuses first
    );
  });
});

describe('writes are checked again with Discord, and need the CSRF token', () => {
  it('Manage Server removed in Discord after signing in: the page still reads, the write is refused', async () => {
    const admin2 = { id: '910000000000000004', username: 'demoted' };
    h.discord.setMemberPermissions(A, admin2.id, MANAGE_GUILD);
    const client = await signedIn(admin2, [{ id: A, name: 'Alpha', permissions: String(MANAGE_GUILD) }]);
    const { csrf } = await consolePage(client, A);
    const ok = await client.post(`/servers/${A}/settings/limit`, { _csrf: csrf, name: 'guild_queue', value: '3' });
    expect(ok.status).toBe(303);
    expect(await storedLimit(A, 'guild_queue')).toBe(3);
    // Taken away in Discord; the session's guild list still says Manage Server.
    h.discord.setMemberPermissions(A, admin2.id, 0n);
    const refused = await client.post(`/servers/${A}/settings/limit`, { _csrf: csrf, name: 'guild_queue', value: '9' });
    expect(refused.status).toBe(403);
    expect(await storedLimit(A, 'guild_queue')).toBe(3);
    // Gone from the server altogether: refused too.
    h.discord.setMemberPermissions(A, admin2.id, undefined);
    expect(
      (await client.post(`/servers/${A}/settings/limit`, { _csrf: csrf, name: 'guild_queue', value: '9' })).status,
    ).toBe(403);
    const reset = await signedIn(ADMIN, [{ id: A, name: 'Alpha', permissions: '0', owner: true }]);
    h.discord.setMemberPermissions(A, ADMIN.id, 1n << 3n); // Administrator
    const page = await consolePage(reset, A);
    expect(
      (await reset.post(`/servers/${A}/settings/limit`, { _csrf: page.csrf, name: 'guild_queue', value: 'default' }))
        .status,
    ).toBe(303);
  });

  it('a write without the token, or with another session’s, is refused and changes nothing', async () => {
    h.discord.setMemberPermissions(A, ADMIN.id, MANAGE_GUILD);
    const client = await signedIn(ADMIN, [{ id: A, name: 'Alpha', permissions: String(MANAGE_GUILD) }]);
    const otherSession = await signedIn(ADMIN, [{ id: A, name: 'Alpha', permissions: String(MANAGE_GUILD) }]);
    const foreign = (await consolePage(otherSession, A)).csrf;
    const before = await storedSettings(A);
    expect((await client.post(`/servers/${A}/settings/timezone`, { zone: 'Asia/Tokyo' })).status).toBe(403);
    expect((await client.post(`/servers/${A}/settings/timezone`, { _csrf: foreign, zone: 'Asia/Tokyo' })).status).toBe(
      403,
    );
    expect(await storedSettings(A)).toEqual(before);
  });
});

describe('one source of rules with /video-admin', () => {
  it('a limit set on the page refuses the next /video and shows in /video-admin show at once, logged as from the web', async () => {
    h.discord.setMemberPermissions(A, ADMIN.id, MANAGE_GUILD);
    const client = await signedIn(ADMIN, [{ id: A, name: 'Alpha', permissions: String(MANAGE_GUILD) }]);
    const { csrf } = await consolePage(client, A);
    const saved = await client.post(`/servers/${A}/settings/limit`, {
      _csrf: csrf,
      name: 'guild_daily_tasks',
      value: '0',
    });
    expect(saved.status).toBe(303);
    expect(saved.location).toMatch(new RegExp(`/servers/${A}\\?saved=limit`));
    const after = await client.request(new URL(saved.location!).pathname + new URL(saved.location!).search);
    expect(after.body).toContain('role="status"');
    expect(after.body).toMatch(/data-limit="guild_daily_tasks">0</);

    const refused = await slash('video', 'text', [{ name: 'prompt', value: 'a fox' }], MEMBER);
    expect(refused.content).toMatch(/this server has used 0 of its 0 videos today/);
    expect(await h.app.tasks.listRecentByUser(MEMBER.id)).toEqual([]);

    const shown = await slash('video-admin', 'show', [], ADMIN, MANAGE_GUILD);
    expect(JSON.stringify(shown.embeds)).toContain('Server videos per day: **0**');

    const line = h.logs
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.msg === 'guild settings changed' && l.change === 'guild_daily_tasks = 0');
    expect(line).toMatchObject({ guildId: A, by: ADMIN.id, via: 'web' });

    // Garbage is refused with the bot's own words, nothing saved.
    const bad = await client.post(`/servers/${A}/settings/limit`, {
      _csrf: csrf,
      name: 'guild_daily_tasks',
      value: 'lots',
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('is not a limit');
    const notAChoice = await client.post(`/servers/${A}/settings/limit`, { _csrf: csrf, name: 'bogus', value: '1' });
    expect(notAChoice.status).toBe(400);
    expect(await storedLimit(A, 'guild_daily_tasks')).toBe(0);
    expect(
      (await client.post(`/servers/${A}/settings/limit`, { _csrf: csrf, name: 'guild_daily_tasks', value: 'default' }))
        .status,
    ).toBe(303);
  });

  it('a change made with the slash command shows on the page at once', async () => {
    h.discord.setMemberPermissions(A, ADMIN.id, MANAGE_GUILD);
    const client = await signedIn(ADMIN, [{ id: A, name: 'Alpha', permissions: String(MANAGE_GUILD) }]);
    expect((await consolePage(client, A)).body).not.toMatch(/data-limit="member_queue">7</);
    const res = await slash(
      'video-admin',
      'limit',
      [
        { name: 'name', value: 'member_queue' },
        { name: 'value', value: '7' },
      ],
      ADMIN,
      MANAGE_GUILD,
    );
    expect(res.content).toContain('= 7');
    expect((await consolePage(client, A)).body).toMatch(/data-limit="member_queue">7</);
    await slash(
      'video-admin',
      'blocklist',
      [
        { name: 'action', value: 'add' },
        { name: 'term', value: '<b>dragon</b>' },
      ],
      ADMIN,
      MANAGE_GUILD,
    );
    const page = (await consolePage(client, A)).body;
    expect(page).toContain('&lt;b&gt;dragon&lt;/b&gt;');
    expect(page).not.toContain('<b>dragon</b>');
  });

  it('every form saves through the same change as its sub-command', async () => {
    h.discord.setMemberPermissions(A, ADMIN.id, MANAGE_GUILD);
    const client = await signedIn(ADMIN, [{ id: A, name: 'Alpha', permissions: String(MANAGE_GUILD) }]);
    const { csrf } = await consolePage(client, A);
    const post = (form: string, fields: Record<string, string>) =>
      client.post(`/servers/${A}/settings/${form}`, { _csrf: csrf, ...fields });
    const channel = h.discord.channelIdOf(A);
    expect((await post('channel', { action: 'add', channel: `<#${channel}>` })).status).toBe(303);
    expect((await post('role', { role: '920000000000000001' })).status).toBe(303);
    expect((await post('role-limit', { role: '920000000000000001', name: 'member_running', value: '4' })).status).toBe(
      303,
    );
    expect((await post('model', { action: 'disable', model: 'seedance2.0-sp' })).status).toBe(303);
    expect((await post('defaults', { ratio: '9:16', duration: '8' })).status).toBe(303);
    expect((await post('timezone', { zone: 'Asia/Shanghai' })).status).toBe(303);
    expect((await post('blocklist', { action: 'add', term: 'kraken' })).status).toBe(303);
    expect((await post('defaults', { duration: '99' })).status).toBe(400);
    expect((await post('timezone', { zone: 'Mars/Olympus' })).status).toBe(400);
    expect((await post('nope', { x: '1' })).status).toBe(404);
    const s = (await storedSettings(A)) as Record<string, unknown>;
    expect(s).toMatchObject({
      channels: [channel],
      roleId: '920000000000000001',
      roleLimits: { '920000000000000001': { member_running: 4 } },
      disabledModels: ['seedance2.0-sp'],
      defaults: { ratio: '9:16', duration: 8 },
      timeZone: 'Asia/Shanghai',
    });
    expect(s.blocklist).toContain('kraken');
    const shown = JSON.stringify((await slash('video-admin', 'show', [], ADMIN, MANAGE_GUILD)).embeds);
    expect(shown).toContain('Asia/Shanghai');
    // Back to open: the tests below make videos here.
    expect((await post('channel', { action: 'clear' })).status).toBe(303);
    expect((await post('role', { role: '' })).status).toBe(303);
    expect((await post('model', { action: 'enable', model: 'seedance2.0-sp' })).status).toBe(303);
    expect((await post('blocklist', { action: 'remove', term: 'kraken' })).status).toBe(303);
  });
});

describe('what the console shows', () => {
  it('the chart, its member view, the members with the CSV of /video-admin usage members, the queue', async () => {
    h.discord.setMemberPermissions(A, ADMIN.id, MANAGE_GUILD);
    const client = await signedIn(ADMIN, [{ id: A, name: 'Alpha <i>Guild</i>', permissions: String(MANAGE_GUILD) }]);
    const { csrf } = await consolePage(client, A);
    // One running at a time: the second video waits in the queue.
    for (const [name, value] of [
      ['guild_running', '1'],
      ['guild_queue', '5'],
    ] as const)
      expect((await client.post(`/servers/${A}/settings/limit`, { _csrf: csrf, name, value })).status).toBe(303);
    await slash('video', 'text', [{ name: 'prompt', value: 'first' }], MEMBER);
    await slash('video', 'text', [{ name: 'prompt', value: 'second' }], OTHER);
    await eventually(
      async () => (await h.app.tasks.listRecentByUser(OTHER.id))[0]?.state === 'queued',
      10_000,
      'the second video waiting',
    );

    const page = (await consolePage(client, A)).body;
    expect(page).toContain('Alpha &lt;i&gt;Guild&lt;/i&gt;');
    // The family view: an SVG whose bars carry their values as <title>.
    expect(page).toMatch(/<svg role="img"/);
    expect(page).toMatch(/<title>\d{4}-\d\d-\d\d: 2 videos<\/title>/);
    expect(page).toMatch(/<rect class="c0"[^>]*><title>[^<]+: 2 videos<\/title><\/rect>/);
    expect(page).not.toMatch(/<script/i);
    // The queue: one rendering, one waiting at position 1.
    expect(page).toContain('1 rendering, 1 waiting');
    expect(page).toMatch(new RegExp(`${OTHER.id} · [^<]+ · position 1`));
    // The member view.
    const members = (await consolePage(client, A, '?view=members')).body;
    expect(members).toMatch(/aria-current="true" class="current">By member</);
    expect(members).toContain(`<title>Member ${MEMBER.id}: 1 videos, `);
    // The CSV: exactly what /video-admin usage members csv:True attaches.
    const csv = await client.request(`/servers/${A}/usage.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toMatch(
      new RegExp(`attachment; filename="usage-${A}-\\d{4}-\\d\\d\\.csv"`),
    );
    const { rows } = await h.app.ledger.memberBreakdown(A);
    expect(csv.body).toBe(breakdownCsv(rows, h.config.prices?.currency));
    expect(csv.body).toContain(`${MEMBER.id},1,`);
  });
});
