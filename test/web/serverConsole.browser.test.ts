/**
 * The server console in a real browser (playwright-core driving Debian's chromium) beside the whole bot: an admin
 * signs in with Discord (the fake's OAuth2), opens their server from the list, changes a limit with the form (pick,
 * type, click Save) and sees it saved; the bot then applies it. No CSP violation (the page has no script). Screenshots
 * in en-US and zh-CN go to test-artifacts/web/. Without a chromium the case is skipped with the reason printed;
 * under CI=true it fails instead.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startHarness, type Harness } from '../harness.js';
import { ARTIFACTS, browserAvailable, launchChromium } from '../support/browser.js';

const haveBrowser = browserAvailable();

const SECRET = 'console-browser-secret-0123456789';
const APP_ID = '123456789012345678';
const MANAGE_GUILD = 1n << 5n;
const ADMIN = { id: '930000000000000001', username: 'admin' };

describe.skipIf(!haveBrowser)('the server console in chromium', () => {
  let h: Harness;
  let browser: Browser;
  let guildId: string;
  const cspViolations: string[] = [];

  beforeAll(async () => {
    h = await startHarness({
      seedance: { defaultScript: { kind: 'stuck' } },
      env: { WEB_PORT: '0', DISCORD_APPLICATION_ID: APP_ID, DISCORD_CLIENT_SECRET: SECRET },
    });
    guildId = h.discord.guildIds[0]!;
    h.discord.oauth.setClient(APP_ID, SECRET);
    h.discord.oauth.signInAs({
      ...ADMIN,
      guilds: [{ id: guildId, name: 'Fox Den', permissions: String(MANAGE_GUILD) }],
    });
    h.discord.setMemberPermissions(guildId, ADMIN.id, MANAGE_GUILD);
    // Something in the chart, the members' table and the queue.
    for (const [i, user] of ['930000000000000011', '930000000000000012', '930000000000000011'].entries()) {
      const ix = h.discord.dispatchCommand({
        name: 'video',
        subcommand: 'text',
        user: { id: user, username: `member${i}` },
        options: [{ name: 'prompt', value: `a fox ${i}` }],
      });
      await h.discord.waitForCallback(ix.id);
    }
    await eventually(async () => (await h.app.ledger.memberBreakdown(guildId)).rows.length === 2, 10_000, 'usage');
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  /** Signs in, opens the server from the list and sets a limit with the form; returns the page. */
  async function setLimitOnThePage(locale: string, value: string, labels: { signIn: string; save: string }) {
    const context = await browser.newContext({ locale, viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    page.on('console', (m) => {
      if (/Content.Security.Policy/i.test(m.text())) cspViolations.push(m.text());
    });
    await page.goto(`${h.app.web!.url}/servers`);
    await page.getByRole('link', { name: labels.signIn }).click();
    await page.waitForURL(`${h.app.web!.url}/servers`);
    await page.getByRole('link', { name: 'Fox Den' }).click();
    await page.waitForURL(`${h.app.web!.url}/servers/${guildId}`);
    const form = page.locator('#form-limit');
    await form.locator('select[name="name"]').selectOption('guild_daily_tasks');
    await form.locator('input[name="value"]').fill(value);
    await form.getByRole('button', { name: labels.save }).click();
    await page.waitForURL(new RegExp(`/servers/${guildId}\\?saved=limit`));
    await expect.poll(() => page.locator('[role="status"]').count()).toBe(1);
    expect(await page.locator('dd[data-limit="guild_daily_tasks"]').textContent()).toBe(value);
    return page;
  }

  it('an admin changes a limit on the page, sees it saved, and the bot applies it (en-US, zh-CN)', async () => {
    const en = await setLimitOnThePage('en-US', '5', { signIn: 'Sign in with Discord', save: 'Save' });
    expect(await en.locator('[role="status"]').textContent()).toContain('Saved.');
    // The chart: one bar per day with its value on hover (an SVG <title>), and the switch to members.
    expect(await en.locator('svg rect.hit title').count()).toBe(30);
    expect(await en.locator('svg rect.c0 title').last().textContent()).toMatch(/: 3 videos$/);
    await en.screenshot({ path: join(ARTIFACTS, 'server-console-en-US.png'), fullPage: true });
    expect((await h.app.ledger.limitsFor(guildId)).guild_daily_tasks).toBe(5);

    const zh = await setLimitOnThePage('zh-CN', '3', { signIn: '使用 Discord 登录', save: '保存' });
    expect(await zh.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await zh.getByRole('heading', { name: '最近 30 天的视频' }).count()).toBe(1);
    await zh.getByRole('link', { name: '按成员' }).click();
    await expect.poll(() => zh.locator('svg rect.c0 title').first().textContent()).toContain('成员 930000000000000011');
    await zh.screenshot({ path: join(ARTIFACTS, 'server-console-zh-CN.png'), fullPage: true });
    // A fourth video today is refused by the limit set on the page.
    const ix = h.discord.dispatchCommand({
      name: 'video',
      subcommand: 'text',
      user: { id: '930000000000000013', username: 'late' },
      options: [{ name: 'prompt', value: 'one more' }],
    });
    const refused = (await h.discord.waitForCallback(ix.id)).data as { content?: string };
    expect(refused.content).toMatch(/this server has used 3 of its 3 videos today/);
    expect(cspViolations).toEqual([]);
  }, 90_000);
});
