/**
 * The web dashboard in a real browser (playwright-core driving Debian's chromium): sign in with Discord (the fake's
 * OAuth2), My videos with a video that really plays (an H.264 file the fake video service serves), no CSP
 * violation, the zh-CN page in CJK, sign-out, deleting a card (the confirmation's form, the message gone in Discord). Screenshots go to test-artifacts/web/ (gitignored). Without a
 * chromium the cases are skipped with the reason printed; under CI=true they fail instead.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { REST } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webCardDeleter } from '../../src/discord/taskCardActions.js';
import { startFakeSeedance, type FakeSeedance } from '../../src/dev/fake-seedance/index.js';
import { startWebServer, type WebServer } from '../../src/web/webServer.js';
import { type FakeDiscord, startFakeDiscord } from '../fakes/discord/index.js';
import { openTempStore, quietLogger, type TempStore } from '../support/tempStore.js';
import { makeVideo } from '../support/videos.js';
import { seedTasks, webTask } from '../support/webClient.js';
import { ARTIFACTS, browserAvailable, launchChromium } from '../support/browser.js';
import { fakeDiscordWebConfig } from '../support/webClient.js';

const haveBrowser = browserAvailable();

/** The parts of an HTMLVideoElement the test reads (the project's types have no DOM library). */
interface VideoElement {
  readyState: number;
  currentTime: number;
  duration: number;
  muted: boolean;
  play(): Promise<void>;
}

const SECRET = 'browser-test-client-secret-0123456789';
const ALICE = {
  id: '500000000000000011',
  username: 'alice',
  guilds: [{ id: '100000000000000001', name: 'Fox Den', permissions: '0' }],
};

describe.skipIf(!haveBrowser)('the web dashboard in chromium', () => {
  let discord: FakeDiscord;
  let seedance: FakeSeedance;
  let temp: TempStore;
  let web: WebServer;
  let browser: Browser;
  let dir: string;
  let cardId: string;
  let cardTaskId: string;
  const cspViolations: string[] = [];

  async function newPage(locale = 'en-US'): Promise<Page> {
    const context = await browser.newContext({ locale, viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    page.on('console', (m) => {
      if (/Content.Security.Policy/i.test(m.text())) cspViolations.push(m.text());
    });
    return page;
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'seedance-web-browser-'));
    const file = join(dir, 'fox.mp4');
    await makeVideo(file, { seconds: 2, width: 320, height: 180, bitsPerSec: 200_000, audio: false });
    discord = await startFakeDiscord();
    discord.oauth.setClient(discord.applicationId, SECRET);
    discord.oauth.signInAs(ALICE);
    seedance = await startFakeSeedance({ apiKey: 'sk_browser_test' });
    seedance.enqueueScript({ kind: 'succeed', queuedMs: 0, runMs: 0, videoFile: file });
    const created = await fetch(`${seedance.url}/api/open-api/v1/seedance/videos`, {
      method: 'POST',
      headers: { authorization: 'Bearer sk_browser_test', 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'seedance2.0-mini-sp', prompt: 'a fox', duration: 5 }),
    }).then((r) => r.json() as Promise<{ data: { task_id: string } }>);
    const videoUrl = `${seedance.url}/files/${created.data.task_id}.mp4`;
    temp = await openTempStore('web-browser');
    const now = Date.now();
    await seedTasks(temp.store, [
      webTask(
        {
          userId: ALICE.id,
          videoUrl,
          request: { model: 'seedance2.0-mini-sp', prompt: '雪地里的一只红狐狸 <b>not bold</b>', duration: 5 },
        },
        now - 1000,
      ),
      webTask({ userId: ALICE.id, state: 'running', videoUrl: undefined }, now - 500),
    ]);
    // A task whose card is a real message in the fake Discord (Delete reaches it there).
    const guildId = discord.guildIds[0]!;
    const channelId = discord.channelIdOf(guildId);
    cardId = discord.messages.create(channelId, { content: 'the card' }, []).id;
    const withCard = webTask(
      { userId: ALICE.id, guildId, channelId, messageId: cardId, state: 'failed', videoUrl: undefined },
      now - 2000,
    );
    cardTaskId = withCard.id;
    await seedTasks(temp.store, [withCard]);
    const rest = new REST({ api: discord.restUrl }).setToken(discord.botToken);
    web = await startWebServer({
      config: fakeDiscordWebConfig(discord, SECRET),
      store: temp.store,
      logger: quietLogger(),
      allowInsecureMedia: true,
      deleteCard: webCardDeleter({ rest, logger: quietLogger(), now: Date.now }),
    });
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await seedance?.close();
    await discord?.close();
    await temp?.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('signs in with Discord, shows My videos with a video that plays, and signs out', async () => {
    const page = await newPage('en-US');
    await page.goto(`${web.url}/videos`);
    await page.getByRole('link', { name: 'Sign in with Discord' }).click();
    await page.waitForURL(`${web.url}/videos`);
    await expect.poll(() => page.getByRole('heading', { name: 'My videos' }).count()).toBe(1);
    // The prompt shown as text: its markup is not markup.
    expect(await page.locator('.prompt', { hasText: '红狐狸' }).textContent()).toBe(
      '雪地里的一只红狐狸 <b>not bold</b>',
    );
    expect(await page.locator('.prompt b').count()).toBe(0);
    // The video loads and plays (its metadata read, time moving).
    const video = page.locator('video');
    expect(await video.count()).toBe(1);
    // Runs in the page: only what the function itself holds.
    const state = () =>
      video.evaluate((v) => {
        const el = v as unknown as VideoElement;
        return { readyState: el.readyState, currentTime: el.currentTime, duration: el.duration };
      });
    await expect.poll(async () => (await state()).readyState, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    await video.evaluate(async (v) => {
      const el = v as unknown as VideoElement;
      el.muted = true;
      await el.play();
    });
    await expect.poll(async () => (await state()).currentTime, { timeout: 10_000 }).toBeGreaterThan(0.2);
    expect((await state()).duration).toBeGreaterThan(1.5);
    await page.screenshot({ path: join(ARTIFACTS, 'my-videos-en-US.png'), fullPage: true });

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${web.url}/auth/login-page`);
    await page.goto(`${web.url}/videos`);
    expect(page.url()).toContain('/auth/login-page');
    expect(cspViolations).toEqual([]);
  }, 60_000);

  it('the zh-CN page renders Chinese text', async () => {
    const page = await newPage('zh-CN');
    await page.goto(`${web.url}/auth/login-page`);
    await page.screenshot({ path: join(ARTIFACTS, 'sign-in-zh-CN.png'), fullPage: true });
    await page.getByRole('link', { name: '使用 Discord 登录' }).click();
    await page.waitForURL(`${web.url}/videos`);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await expect.poll(() => page.getByRole('heading', { name: '我的视频' }).count()).toBe(1);
    expect(await page.locator('.state-done').first().textContent()).toBe('已完成');
    // The heading's four CJK characters are drawn by a font that covers Chinese (else they are empty boxes).
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'h1' });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    const chinese = new Set(
      execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' })
        .split(/[\n,]/)
        .map((f) => f.trim())
        .filter(Boolean),
    );
    expect(
      fonts.filter((f) => chinese.has(f.familyName)).reduce((n, f) => n + f.glyphCount, 0),
      `fonts used: ${JSON.stringify(fonts)}; no Chinese font installed? (apt-get install fonts-wqy-microhei)`,
    ).toBe(4);
    await page.screenshot({ path: join(ARTIFACTS, 'my-videos-zh-CN.png'), fullPage: true });
    // The switch takes the member to English and back.
    await page.getByRole('link', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'My videos' }).count()).toBe(1);
    await page.screenshot({ path: join(ARTIFACTS, 'sign-in-en-US.png') });
    expect(cspViolations).toEqual([]);
  }, 60_000);

  it('deletes a card: the confirmation asks, its form (with the CSRF token) deletes the message in Discord', async () => {
    const page = await newPage('en-US');
    await page.goto(`${web.url}/videos`);
    await page.getByRole('link', { name: 'Sign in with Discord' }).click();
    await page.waitForURL(`${web.url}/videos`);
    await page.locator(`li[data-task="${cardTaskId}"]`).getByRole('link', { name: 'Delete the card' }).click();
    await page.waitForURL(`${web.url}/videos/${cardTaskId}/delete`);
    await expect.poll(() => page.getByRole('heading', { name: 'Delete this card?' }).count()).toBe(1);
    await page.screenshot({ path: join(ARTIFACTS, 'delete-card-en-US.png'), fullPage: true });
    expect(discord.messages.byId.get(cardId)!.deleted).toBe(false);
    await page.getByRole('button', { name: 'Delete the card' }).click();
    await page.waitForURL(`${web.url}/videos?notice=deleted`);
    expect(await page.getByRole('status').textContent()).toBe('The card was deleted in Discord.');
    expect(discord.messages.byId.get(cardId)!.deleted).toBe(true);
    expect(cspViolations).toEqual([]);
  }, 60_000);
});
