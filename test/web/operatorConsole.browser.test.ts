/**
 * The operator console in a real browser (playwright-core driving Debian's chromium): an operator signs in with
 * Discord (the fake's OAuth2), follows the header's Operator link, and sees the console with no CSP violation
 * and no script, in en-US and zh-CN. Screenshots go to test-artifacts/web/ (gitignored). Without a chromium the
 * cases are skipped with the reason printed; under CI=true they fail instead.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../src/db/keys.js';
import { createKeyPool } from '../../src/services/seedance/keyPool.js';
import { periodsAt } from '../../src/services/usage/periods.js';
import { startWebServer, type WebServer } from '../../src/web/webServer.js';
import { type FakeDiscord, startFakeDiscord } from '../fakes/discord/index.js';
import { openTempStore, quietLogger, type TempStore } from '../support/tempStore.js';
import { ARTIFACTS, browserAvailable, launchChromium } from '../support/browser.js';
import { fakeDiscordWebConfig } from '../support/webClient.js';

const haveBrowser = browserAvailable();

const SECRET = 'operator-browser-client-secret-0123456789';
const API_KEY = 'sk_live_operator_browser_key_0123456789';
const OPERATOR = {
  id: '500000000000000201',
  username: 'olga',
  guilds: [{ id: '100000000000000021', name: 'Fox Den', permissions: '0' }],
};

describe.skipIf(!haveBrowser)('the operator console in chromium', () => {
  let discord: FakeDiscord;
  let temp: TempStore;
  let web: WebServer;
  let browser: Browser;
  const cspViolations: string[] = [];

  async function signedInPage(locale: string): Promise<Page> {
    const context = await browser.newContext({ locale, viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    page.on('console', (m) => {
      if (/Content.Security.Policy/i.test(m.text())) cspViolations.push(m.text());
    });
    await page.goto(`${web.url}/operator`);
    await page.locator('a.button').click();
    await page.waitForURL(`${web.url}/operator`);
    return page;
  }

  beforeAll(async () => {
    discord = await startFakeDiscord();
    discord.oauth.setClient(discord.applicationId, SECRET);
    discord.oauth.signInAs(OPERATOR);
    temp = await openTempStore('web-operator-browser');
    const now = Date.now();
    const month = periodsAt(now).month;
    const usage = (tasks: number, spend: number) => ({
      running: 1,
      queued: 2,
      month: { id: month, counter: { tasks, seconds: tasks * 5, perTaskUnits: tasks, perSecondUnits: 0, spend } },
    });
    const records: Array<[string, unknown]> = [
      [keys.usage('g100000000000000021'), usage(120, 36_000_000)],
      [keys.usage('g100000000000000022'), usage(45, 13_500_000)],
      [keys.usage('g100000000000000023'), usage(8, 2_400_000)],
      [keys.queue('g100000000000000021', now - 1000, 'q1'), { userId: '1' }],
      [keys.slot('g100000000000000021', 's1'), { at: now }],
      [keys.process('proc-b'), { at: now - 1000, shards: { count: 2, ids: [1] }, sees: 2, since: now - 60_000 }],
      [keys.lease('proc-b'), { until: now + 25_000 }],
    ];
    await temp.store.transact(
      records.map(([k]) => k),
      (tx) => {
        for (const [k, v] of records) tx.set(k, v);
      },
    );
    const pool = createKeyPool({ baseUrl: 'http://127.0.0.1:9', apiKeys: [API_KEY], cooldownMs: 600_000 });
    web = await startWebServer({
      config: fakeDiscordWebConfig(discord, SECRET, { operatorIds: [OPERATOR.id] }),
      store: temp.store,
      logger: quietLogger(),
      prices: { currency: 'USD', prices: {} },
      operator: { keys: () => pool.states(), processId: 'proc-a', shards: { count: 2, ids: [0] } },
    });
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await discord?.close();
    await temp?.cleanup();
  });

  it('an operator signs in, reaches the console from the header, and sees the figures (en-US)', async () => {
    const page = await signedInPage('en-US');
    await page.getByRole('link', { name: 'My videos' }).click();
    await page.getByRole('link', { name: 'Operator', exact: true }).click();
    await page.waitForURL(`${web.url}/operator`);
    await expect.poll(() => page.getByRole('heading', { name: 'Operator console' }).count()).toBe(1);
    const first = page.locator('tr[data-guild]').first();
    expect(await first.getAttribute('data-guild')).toBe('100000000000000021');
    expect(await first.locator('td').nth(4).textContent()).toBe('$36.00');
    expect(await page.locator('[data-figure="waiting"]').textContent()).toBe('1');
    expect(await page.locator('tr[data-process]').count()).toBe(2);
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.content()).not.toContain(API_KEY);
    await page.screenshot({ path: join(ARTIFACTS, 'operator-en-US.png'), fullPage: true });
    expect(cspViolations).toEqual([]);
  }, 60_000);

  it('the zh-CN console', async () => {
    const page = await signedInPage('zh-CN');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await expect.poll(() => page.getByRole('heading', { name: '运营控制台' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: '运营', exact: true }).count()).toBe(1);
    await page.screenshot({ path: join(ARTIFACTS, 'operator-zh-CN.png'), fullPage: true });
    expect(cspViolations).toEqual([]);
  }, 60_000);
});
