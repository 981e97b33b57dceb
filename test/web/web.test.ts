/**
 * The web dashboard over real sockets: Sign in with Discord against the fake Discord's OAuth2 (state, PKCE,
 * return_to), sessions in the record store (a second web server on the same store, sign-out, expiry), CSRF on
 * writes, the CSP, My videos (only the member's own tasks, escaped, paged, filtered) and the page language.
 */
import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WebConfig } from '../../src/config/loadConfig.js';
import { keys, prefixes } from '../../src/db/keys.js';
import { createLogger } from '../../src/logging/logger.js';
import { pruneRecords } from '../../src/services/retention/pruneRecords.js';
import { startWebServer, type WebServer } from '../../src/web/webServer.js';
import { type FakeDiscord, startFakeDiscord } from '../fakes/discord/index.js';
import type { OAuthUser } from '../fakes/discord/oauth.js';
import { openTempStore, type TempStore } from '../support/tempStore.js';
import { seedTasks, WebClient, webTask } from '../support/webClient.js';
import { fakeDiscordWebConfig } from '../support/webClient.js';

const CLIENT_SECRET = 'oauth-client-secret-value-0123456789';
const GUILD_A = '100000000000000001';
const GUILD_B = '100000000000000002';
const ALICE: OAuthUser = {
  id: '500000000000000001',
  username: 'alice',
  guilds: [
    { id: GUILD_A, name: 'Alpha <b>Server</b>', permissions: '0' },
    { id: GUILD_B, name: 'Beta', permissions: '32' },
  ],
};
const BOB: OAuthUser = { id: '500000000000000002', username: 'bob', guilds: [] };
const HOSTILE = `<script>alert(1)</script>"'><img src=x onerror=alert(2)> {{7*7}} \`x\``;
const NOW = Date.now();

let discord: FakeDiscord;
let temp: TempStore;
const servers: WebServer[] = [];
const logLines: string[] = [];

function webConfig(extra: Partial<WebConfig> = {}): WebConfig {
  return fakeDiscordWebConfig(discord, CLIENT_SECRET, extra);
}

async function startWeb(extra: Partial<WebConfig> = {}, now = Date.now): Promise<WebServer> {
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
  const server = await startWebServer({
    config: webConfig(extra),
    store: temp.store,
    logger,
    now,
  });
  servers.push(server);
  return server;
}

/** Signs in through the whole flow (page → login → Discord → callback) and returns the hops. */
async function signIn(client: WebClient, returnTo = '/videos') {
  return client.follow(`/auth/login?return_to=${encodeURIComponent(returnTo)}`);
}

beforeAll(async () => {
  discord = await startFakeDiscord();
  discord.oauth.setClient(discord.applicationId, CLIENT_SECRET);
  temp = await openTempStore('web');
  const aliceTasks = [
    webTask({ userId: ALICE.id, request: { model: 'seedance2.0-mini-sp', prompt: HOSTILE, duration: 5 } }, NOW - 1000),
    ...Array.from({ length: 22 }, (_, i) =>
      webTask(
        {
          userId: ALICE.id,
          guildId: i % 2 ? GUILD_B : GUILD_A,
          state: i % 3 === 0 ? 'failed' : 'done',
          model: i % 4 === 0 ? 'seedance2.0-sp' : 'seedance2.0-mini-sp',
          request: { model: 'x', prompt: i === 5 ? 'a red fox in the snow' : `ocean waves ${i}`, duration: 5 },
        },
        NOW - 10_000 - i * 1000,
      ),
    ),
  ];
  await seedTasks(temp.store, [
    ...aliceTasks,
    webTask({ userId: BOB.id, request: { model: 'x', prompt: 'bob secret plan', duration: 5 } }, NOW - 500),
  ]);
});

afterEach(() => {
  discord.oauth.signInAs(undefined);
});

afterAll(async () => {
  for (const s of servers) await s.close();
  await discord.close();
  await temp.cleanup();
});

describe('Sign in with Discord (authorization code, state, PKCE)', () => {
  it('a signed-out visitor is sent to sign in, goes through Discord and lands back on the page asked for', async () => {
    const web = await startWeb();
    const client = new WebClient(web.url);
    const first = await client.request('/videos?page=2');
    expect(first.status).toBe(302);
    expect(first.location).toBe(`${web.url}/auth/login-page?return_to=${encodeURIComponent('/videos?page=2')}`);
    const page = await client.request(first.location!);
    expect(page.body).toContain('Sign in with Discord');
    discord.oauth.signInAs(ALICE);
    const hops = await client.follow(
      /href="([^"]+)"[^>]*>Sign in with Discord/.exec(page.body)![1]!.replaceAll('&#61;', '=').replaceAll('&amp;', '&'),
    );
    const toDiscord = new URL(hops[0]!.location!);
    expect(toDiscord.origin).toBe(new URL(discord.oauth.authorizeUrl).origin);
    expect(Object.fromEntries(toDiscord.searchParams)).toMatchObject({
      client_id: discord.applicationId,
      response_type: 'code',
      scope: 'identify guilds',
      code_challenge_method: 'S256',
      redirect_uri: `${web.url}/auth/callback`,
    });
    expect(toDiscord.searchParams.get('state')).toMatch(/^[\w-]{40,}$/);
    expect(hops.at(-1)!.url).toBe(`${web.url}/videos?page=2`);
    expect(hops.at(-1)!.status).toBe(200);
    expect(hops.at(-1)!.body).toContain('Signed in as alice');
    // The session cookie: HttpOnly, SameSite=Lax, not Secure on plain http.
    const setCookie = hops.find((h) => h.url.includes('/auth/callback'))!.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^sid=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/i);
  });

  it('a callback whose state is not the one this browser sent is refused, and nobody is signed in', async () => {
    const web = await startWeb();
    const client = new WebClient(web.url);
    discord.oauth.signInAs(ALICE);
    const start = await client.request('/auth/login');
    const atDiscord = await client.request(start.location!);
    const callback = new URL(atDiscord.location!);
    callback.searchParams.set('state', 'forged-state');
    const refused = await client.request(callback.toString());
    expect(refused.status).toBe(400);
    expect(refused.body).toContain('Signing in did not work');
    expect((await client.request('/videos')).status).toBe(302);
    // The code was never exchanged, and a second try with the right state is refused too (one try per sign-in).
    callback.searchParams.set('state', new URL(start.location!).searchParams.get('state')!);
    expect((await client.request(callback.toString())).status).toBe(400);
    // A callback in a browser that never started a sign-in.
    expect((await new WebClient(web.url).request(callback.toString())).status).toBe(400);
  });

  it("the token step checks the PKCE verifier: a code obtained for another browser's sign-in is refused", async () => {
    const web = await startWeb();
    const victim = new WebClient(web.url);
    const attacker = new WebClient(web.url);
    discord.oauth.signInAs(ALICE);
    const victimStart = await victim.request('/auth/login');
    const code = new URL((await victim.request(victimStart.location!)).location!).searchParams.get('code')!;
    // The attacker's own sign-in (own state and verifier), fed the victim's code.
    const attackerStart = await attacker.request('/auth/login');
    const state = new URL(attackerStart.location!).searchParams.get('state')!;
    const before = discord.oauth.exchanges.length;
    const refused = await attacker.request(`/auth/callback?code=${code}&state=${state}`);
    expect(refused.status).toBe(400);
    expect(discord.oauth.exchanges.slice(before)).toEqual([{ ok: false, error: 'invalid_grant: code_verifier' }]);
    expect((await attacker.request('/videos')).status).toBe(302);
  });

  it('Discord refusing (the member pressed Cancel) shows the sign-in page again', async () => {
    const web = await startWeb();
    const client = new WebClient(web.url);
    const hops = await signIn(client);
    expect(hops.at(-1)!.status).toBe(400);
    expect(hops.at(-1)!.body).toContain('Signing in did not work');
  });

  it.each([
    ['https://evil.example/x'],
    ['//evil.example/x'],
    ['/\\evil.example'],
    ['\\\\evil.example'],
    ['/\t/evil.example'],
    ['/%2F%2Fevil.example'],
    ['/%5Cevil.example'],
    ['javascript:alert(1)'],
    ['http:/evil.example'],
  ])('return_to %j never leaves the site: the member lands on My videos', async (returnTo) => {
    const web = await startWeb();
    const client = new WebClient(web.url);
    discord.oauth.signInAs(ALICE);
    const hops = await signIn(client, returnTo);
    const last = hops.at(-1)!;
    expect(new URL(last.url).origin).toBe(web.url);
    expect(last.url).toBe(`${web.url}/videos`);
    expect(hops.every((h) => !h.location || new URL(h.location).hostname !== 'evil.example')).toBe(true);
  });
});

describe('sessions in the bot database', () => {
  it('a session made by one web server is honoured by another on the same store (any process serves any request)', async () => {
    const one = await startWeb();
    const two = await startWeb();
    const client = new WebClient(one.url);
    discord.oauth.signInAs(ALICE);
    await signIn(client);
    const sid = client.cookies().get('sid')!;
    expect(await temp.store.scan(prefixes.webSession)).not.toHaveLength(0);
    const other = new WebClient(two.url);
    other.cookies().set('sid', sid);
    const page = await other.request('/videos');
    expect(page.status).toBe(200);
    expect(page.body).toContain('Signed in as alice');
  });

  it('sign-out deletes the stored session: the old cookie is refused afterwards', async () => {
    const web = await startWeb();
    const client = new WebClient(web.url);
    discord.oauth.signInAs(ALICE);
    const page = (await signIn(client)).at(-1)!;
    const oldSid = client.cookies().get('sid')!;
    const out = await client.post('/auth/logout', { _csrf: WebClient.csrfOf(page.body) });
    expect(out.status).toBe(303);
    expect(out.location).toBe(`${web.url}/auth/login-page`);
    const replay = new WebClient(web.url);
    replay.cookies().set('sid', oldSid);
    const refused = await replay.request('/videos');
    expect(refused.status).toBe(302);
    expect(refused.location).toContain('/auth/login-page');
  });

  it('an expired session is never accepted, and retention deletes expired ones', async () => {
    let clock = Date.now();
    const web = await startWeb({}, () => clock);
    const client = new WebClient(web.url);
    discord.oauth.signInAs(ALICE);
    await signIn(client);
    expect((await client.request('/videos')).status).toBe(200);
    clock += 8 * 86_400_000;
    expect((await client.request('/videos')).status).toBe(302);
    // Another session, left to expire without being read: retention removes it.
    const idle = new WebClient(web.url);
    clock = Date.now();
    await signIn(idle);
    const sid = decodeURIComponent(idle.cookies().get('sid')!).split('.')[0]!;
    expect(await temp.store.get(keys.webSession(sid))).toBeDefined();
    const report = await pruneRecords(temp.store, { now: clock + 8 * 86_400_000, taskRetentionMs: 365 * 86_400_000 });
    expect(report.webSessions).toBeGreaterThanOrEqual(1);
    expect(await temp.store.get(keys.webSession(sid))).toBeUndefined();
  });

  it('lifetimes are judged on the app clock, wherever it stands: 7 days from signing in by that clock', async () => {
    let clock = Date.now() + 30 * 86_400_000;
    const web = await startWeb({}, () => clock);
    const client = new WebClient(web.url);
    discord.oauth.signInAs(ALICE);
    await signIn(client);
    expect((await client.request('/videos')).status).toBe(200);
    clock += 6 * 86_400_000;
    expect((await client.request('/videos')).status).toBe(200);
    clock += 2 * 86_400_000;
    expect((await client.request('/videos')).status).toBe(302);
  });

  it('a sign-in never finished leaves a session that expires with the sign-in (10 minutes), not in 7 days', async () => {
    const web = await startWeb();
    const client = new WebClient(web.url);
    const start = await client.request('/auth/login');
    expect(start.headers.get('set-cookie')).toMatch(/Max-Age=600\b|Expires=/i);
    const sid = decodeURIComponent(client.cookies().get('sid')!).split('.')[0]!;
    const stored = await temp.store.get<{ expiresAt: number }>(keys.webSession(sid));
    expect(stored!.expiresAt - Date.now()).toBeLessThanOrEqual(600_000);
    expect(stored!.expiresAt - Date.now()).toBeGreaterThan(500_000);
    // Once signed in, the session lasts 7 days.
    discord.oauth.signInAs(ALICE);
    await signIn(client);
    const signedSid = decodeURIComponent(client.cookies().get('sid')!).split('.')[0]!;
    expect(signedSid).not.toBe(sid);
    expect(await temp.store.get(keys.webSession(sid))).toBeUndefined();
    const signed = await temp.store.get<{ expiresAt: number }>(keys.webSession(signedSid));
    expect(signed!.expiresAt - Date.now()).toBeGreaterThan(6 * 86_400_000);
  });

  it('with an https PUBLIC_URL the session cookie is Secure (sent behind the TLS proxy only)', async () => {
    const web = await startWeb({ publicUrl: 'https://bot.example.com' });
    const start = await new WebClient(web.url).request('/auth/login', { headers: { 'x-forwarded-proto': 'https' } });
    expect(start.headers.get('set-cookie')).toMatch(/^sid=.*; Secure/i);
    // Reached over plain http (not through the proxy), no session cookie is ever sent.
    expect((await new WebClient(web.url).request('/auth/login')).headers.get('set-cookie')).toBeNull();
    expect(new URL(start.location!).searchParams.get('redirect_uri')).toBe('https://bot.example.com/auth/callback');
  });

  it('forwarded headers are believed from WEB_TRUSTED_PROXIES only (a proxy on another machine)', async () => {
    // The proxy is named elsewhere: a loopback caller claiming https is not believed, so no Secure cookie is set.
    const elsewhere = await startWeb({ publicUrl: 'https://bot.example.com', trustedProxies: ['10.0.0.7'] });
    const claimed = await new WebClient(elsewhere.url).request('/auth/login', {
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(claimed.headers.get('set-cookie')).toBeNull();
    // Named as a range that holds the caller: believed.
    const trusted = await startWeb({ publicUrl: 'https://bot.example.com', trustedProxies: ['127.0.0.0/8', '::1'] });
    const start = await new WebClient(trusted.url).request('/auth/login', {
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(start.headers.get('set-cookie')).toMatch(/^sid=.*; Secure/i);
  });
});

describe('security headers and writes', () => {
  it('a write without the CSRF token (or with a wrong one) gets 403 and changes nothing', async () => {
    const web = await startWeb();
    const client = new WebClient(web.url);
    discord.oauth.signInAs(ALICE);
    await signIn(client);
    expect((await client.post('/auth/logout', {})).status).toBe(403);
    expect((await client.post('/auth/logout', { _csrf: 'not-the-token' })).status).toBe(403);
    expect((await client.request('/videos')).status).toBe(200);
  });

  it('pages carry a strict Content-Security-Policy and no inline script', async () => {
    const web = await startWeb();
    const client = new WebClient(web.url);
    discord.oauth.signInAs(ALICE);
    const page = (await signIn(client)).at(-1)!;
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(page.body).not.toMatch(/<script/i);
    expect(page.body).not.toMatch(/\sstyle=|\son[a-z]+=/i);
  });

  it('logs carry neither the client secret, the code, the state nor the access token', async () => {
    const web = await startWeb();
    const client = new WebClient(web.url);
    discord.oauth.signInAs(ALICE);
    const hops = await signIn(client);
    const callback = new URL(hops.find((h) => h.url.includes('/auth/callback'))!.url);
    const logs = logLines.join('');
    expect(logs).toContain('web sign-in');
    for (const secret of [CLIENT_SECRET, callback.searchParams.get('code')!, callback.searchParams.get('state')!])
      expect(logs).not.toContain(secret);
    expect(logs).not.toMatch(/access_token|Bearer [A-Za-z0-9]/);
  });

  it('unknown pages answer 404 with our words, never a stack', async () => {
    const web = await startWeb();
    const page = await new WebClient(web.url).request('/nope/../../etc/passwd');
    expect(page.status).toBe(404);
    expect(page.body).toContain('This page does not exist.');
  });
});

describe('My videos', () => {
  let client: WebClient;
  beforeAll(async () => {
    const web = await startWeb();
    client = new WebClient(web.url);
    discord.oauth.signInAs(ALICE);
    await signIn(client);
  });
  const ids = (body: string) => [...body.matchAll(/data-task="([^"]+)"/g)].map((m) => m[1]);

  it("lists only the member's own tasks, newest first, with the hostile prompt escaped", async () => {
    const page = await client.request('/videos');
    expect(page.status).toBe(200);
    expect(page.body).not.toContain('bob secret plan');
    expect(page.body).not.toContain('<script>alert(1)');
    expect(page.body).not.toContain('<img src=x');
    expect(page.body).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&gt;&lt;img src&#61;x onerror&#61;alert(2)&gt;',
    );
    // The server name from the member's guild list is escaped as well.
    expect(page.body).toContain('Alpha &lt;b&gt;Server&lt;/b&gt;');
    expect(ids(page.body)).toHaveLength(10);
    // A playable video while the link lives.
    expect(page.body).toMatch(/<video controls preload="metadata" src="https:\/\/videos.example.com\/\d+.mp4">/);
  });

  it('pages: 23 tasks make 3 pages of 10, 10 and 3, without repeats, each linking on while more follow', async () => {
    const seen: string[] = [];
    for (const n of [1, 2, 3]) {
      const page = await client.request(`/videos?page=${n}`);
      expect(page.body).toContain(`Page ${n}`);
      expect(page.body.includes(`rel="next" href="/videos?page&#61;${n + 1}"`)).toBe(n < 3);
      expect(page.body.includes(`rel="prev" href="/videos?page&#61;${n - 1}"`)).toBe(n > 1);
      seen.push(...ids(page.body).map(String));
    }
    expect(seen).toHaveLength(23);
    expect(new Set(seen).size).toBe(23);
    // Out of range: nothing, and the way back.
    const beyond = await client.request('/videos?page=99');
    expect(ids(beyond.body)).toHaveLength(0);
    expect(beyond.body).toContain('rel="prev" href="/videos?page&#61;98"');
  });

  it('filters by server, state and model, and searches prompts', async () => {
    const count = async (q: string) => {
      const body = (await client.request(`/videos?${q}`)).body;
      return { first: ids(body).length, body };
    };
    expect((await count(`guild=${GUILD_B}`)).first).toBe(10); // 11 on server B
    expect((await count(`guild=${GUILD_B}&page=2`)).first).toBe(1);
    expect((await count('state=failed')).first).toBe(8);
    expect((await count('model=seedance2.0-sp')).first).toBe(6);
    const fox = await count('q=RED+FOX');
    expect(fox.first).toBe(1);
    expect(fox.body).toContain('a red fox in the snow');
    expect((await count('q=nothing-like-this')).body).toContain('No videos match.');
    // Another member's server id in the filter shows nothing of theirs.
    expect((await count('q=bob')).first).toBe(0);
  });
});

describe('languages', () => {
  it('follows Accept-Language, and ?lang= switches and is remembered', async () => {
    const web = await startWeb();
    const client = new WebClient(web.url);
    discord.oauth.signInAs(ALICE);
    await signIn(client);
    const zh = await client.request('/videos', { headers: { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.5' } });
    expect(zh.body).toContain('<html lang="zh-CN">');
    expect(zh.body).toContain('我的视频');
    const ja = await client.request('/videos?lang=ja');
    expect(ja.body).toContain('マイ動画');
    // Remembered in a cookie, over the browser's preference.
    const again = await client.request('/videos', { headers: { 'accept-language': 'de' } });
    expect(again.body).toContain('<html lang="ja">');
    const fresh = new WebClient(web.url);
    expect((await fresh.request('/auth/login-page', { headers: { 'accept-language': 'fr-CA' } })).body).toContain(
      'Se connecter avec Discord',
    );
    expect(
      (await fresh.request('/auth/login-page', { headers: { 'accept-language': 'xx, en;q=0.1' } })).body,
    ).toContain('Sign in with Discord');
  });
});
