/**
 * The dashboard's refusals in a real browser (playwright-core driving Debian's chromium) beside the whole bot: a
 * member without Manage Server is refused the server console and its API, also by editing the server id in the
 * address; a write without the CSRF token is refused and changes nothing; after Sign out the old cookie no longer
 * opens anything. Without a chromium the cases are skipped with the reason printed; under CI=true they fail instead.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../harness.js';
import { browserAvailable, launchChromium } from '../support/browser.js';

const haveBrowser = browserAvailable();

const SECRET = 'security-browser-secret-0123456789';
const APP_ID = '123456789012345678';
const MANAGE_GUILD = 1n << 5n;
const OTHER_GUILD = '940000000000000099';
const MEMBER = { id: '940000000000000001', username: 'member' };
const ADMIN = { id: '940000000000000002', username: 'admin' };

describe.skipIf(!haveBrowser)('what the dashboard refuses, in chromium', () => {
  let h: Harness;
  let browser: Browser;
  let guildId: string;
  let base: string;

  beforeAll(async () => {
    h = await startHarness({
      env: { WEB_PORT: '0', DISCORD_APPLICATION_ID: APP_ID, DISCORD_CLIENT_SECRET: SECRET },
    });
    guildId = h.discord.guildIds[0]!;
    base = h.app.web!.url;
    h.discord.oauth.setClient(APP_ID, SECRET);
    h.discord.setMemberPermissions(guildId, ADMIN.id, MANAGE_GUILD);
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  /** A browser signed in as `user` (the fake Discord's OAuth2 answers for them), on My videos. */
  async function signedIn(user: typeof MEMBER, permissions: bigint): Promise<BrowserContext> {
    h.discord.oauth.signInAs({
      ...user,
      guilds: [
        { id: guildId, name: 'Fox Den', permissions: String(permissions) },
        { id: OTHER_GUILD, name: 'Elsewhere', permissions: '0' },
      ],
    });
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${base}/videos`);
    await page.getByRole('link', { name: 'Sign in with Discord' }).click();
    await page.waitForURL(`${base}/videos`);
    return context;
  }

  it('a member without Manage Server gets 403 on the console and its API, whatever id the address names', async () => {
    const context = await signedIn(MEMBER, 0n);
    const page = await context.newPage();
    for (const id of [guildId, OTHER_GUILD, '940000000000000777']) {
      const answer = await page.goto(`${base}/servers/${id}`);
      expect(answer?.status(), `console of ${id}`).toBe(403);
      expect((await context.request.get(`${base}/servers/${id}/usage.csv`)).status(), `CSV of ${id}`).toBe(403);
    }
    // A write with a valid CSRF token (read from a page) is still refused: authorization, not the token.
    await page.goto(`${base}/videos`);
    const token = await page.locator('input[name="_csrf"]').first().inputValue();
    const write = await context.request.post(`${base}/servers/${guildId}/settings/limit`, {
      form: { _csrf: token, name: 'guild_daily_tasks', value: '1' },
    });
    expect(write.status()).toBe(403);
    expect((await h.app.ledger.limitsFor(guildId)).guild_daily_tasks).not.toBe(1);
    await context.close();
  }, 60_000);

  it('a write without the CSRF token is refused and changes nothing; with it, the same write is saved', async () => {
    const context = await signedIn(ADMIN, MANAGE_GUILD);
    const before = (await h.app.ledger.limitsFor(guildId)).guild_daily_tasks;
    const without = await context.request.post(`${base}/servers/${guildId}/settings/limit`, {
      form: { name: 'guild_daily_tasks', value: '7' },
      maxRedirects: 0,
    });
    expect(without.status()).toBe(403);
    expect((await h.app.ledger.limitsFor(guildId)).guild_daily_tasks).toBe(before);
    const page = await context.newPage();
    await page.goto(`${base}/servers/${guildId}`);
    const token = await page.locator('#form-limit input[name="_csrf"]').inputValue();
    const withToken = await context.request.post(`${base}/servers/${guildId}/settings/limit`, {
      form: { _csrf: token, name: 'guild_daily_tasks', value: '7' },
      maxRedirects: 0,
    });
    expect(withToken.status()).toBe(303);
    expect((await h.app.ledger.limitsFor(guildId)).guild_daily_tasks).toBe(7);
    await context.close();
  }, 60_000);

  it('after Sign out the old cookie opens nothing', async () => {
    const context = await signedIn(MEMBER, 0n);
    const cookies = await context.cookies();
    expect(cookies.map((c) => c.name)).toContain('sid');
    const page = await context.newPage();
    await page.goto(`${base}/videos`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForLoadState();
    // The cookie kept from before signing out, in a fresh browser: sent to sign in again, never My videos.
    const replay = await browser.newContext({ locale: 'en-US' });
    await replay.addCookies(cookies);
    const again = await replay.newPage();
    await again.goto(`${base}/videos`);
    expect(new URL(again.url()).pathname).not.toBe('/videos');
    expect(await again.getByRole('link', { name: 'Sign in with Discord' }).count()).toBe(1);
    await replay.close();
    await context.close();
  }, 60_000);
});
