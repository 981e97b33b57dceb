/**
 * The README's local demo, as a newcomer runs it: `npm run fake-seedance` prints the `.env` lines, `npm start`
 * (src/main.ts, reading that `.env`) delivers a video from the fake over plain http. With
 * ALLOW_INSECURE_VIDEO_URLS off (the default) an http:// video address is still refused.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord/index.js';
import { eventually, FAST_POLL_ENV, NO_LIMITS_ENV, startHarness, type Harness } from '../harness.js';

const FAKE_SEEDANCE = fileURLToPath(new URL('../../src/dev/fake-seedance/main.ts', import.meta.url));
const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));
// tsx by its absolute address: the bot runs in a folder of its own (the one holding its .env).
const TSX = new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url).href;
const MEMBER = { id: '200000000000000001', username: 'alice' };

/** Starts `file` under tsx; resolves once its stdout matches `until`, with everything it printed so far. */
function startProcess(
  file: string,
  options: { env: Record<string, string | undefined>; cwd?: string; until: RegExp },
): { proc: ChildProcess; out: () => string; started: Promise<string> } {
  const proc = spawn(process.execPath, ['--import', TSX, file], {
    env: options.env,
    cwd: options.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const started = new Promise<string>((resolve, reject) => {
    const onData = (d: unknown) => {
      out += String(d);
      if (options.until.test(out)) resolve(out);
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.once('exit', (code) => reject(new Error(`${file} exited early (${code}):\n${out}`)));
  });
  return { proc, out: () => out, started };
}

/** The environment of the test runner without any of the bot's settings (the `.env` file must carry them). */
function cleanEnv(): Record<string, string | undefined> {
  const env = { ...process.env };
  for (const key of Object.keys(env))
    if (/^(SEEDANCE_|ALLOW_|DISCORD_|DATABASE_|LIMIT_|POLL_|FFMPEG_|LOG_)/.test(key)) delete env[key];
  return env;
}

const stopped = (proc: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (proc.exitCode !== null || proc.signalCode !== null) resolve();
    else {
      proc.once('exit', () => resolve());
      proc.kill('SIGTERM');
    }
  });

describe('the local demo: npm run fake-seedance + npm start', () => {
  const procs: ChildProcess[] = [];
  let discord: FakeDiscord | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    for (const p of procs.splice(0)) await stopped(p);
    await discord?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the printed .env lines are enough: a video made by the fake over plain http is delivered', async () => {
    const fake = startProcess(FAKE_SEEDANCE, {
      env: { ...cleanEnv(), FAKE_SEEDANCE_PORT: '0' },
      until: /ALLOW_PRIVATE_VIDEO_HOSTS=true\n/,
    });
    procs.push(fake.proc);
    const printed = await fake.started;
    const envLines = printed.split('\n').filter((l) => /^[A-Z_]+=/.test(l));
    expect(envLines).toEqual([
      expect.stringMatching(/^SEEDANCE_BASE_URL=http:\/\/127\.0\.0\.1:\d+$/),
      'SEEDANCE_API_KEY=test-key',
      'ALLOW_INSECURE_VIDEO_URLS=true',
      'ALLOW_PRIVATE_VIDEO_HOSTS=true',
    ]);

    discord = await startFakeDiscord();
    dir = mkdtempSync(join(tmpdir(), 'seedance-demo-'));
    const rest = { ...FAST_POLL_ENV, ...NO_LIMITS_ENV };
    writeFileSync(
      join(dir, '.env'),
      [
        `DISCORD_TOKEN=${discord.botToken}`,
        `DISCORD_REST_URL=${discord.restUrl}`,
        `DATABASE_PATH=${join(dir, 'bot.sqlite')}`,
        ...Object.entries(rest).map(([k, v]) => `${k}=${v}`),
        ...envLines,
        '',
      ].join('\n'),
    );
    // `npm start` in a folder holding only that .env (main.ts reads it).
    const bot = startProcess(MAIN, { env: cleanEnv(), cwd: dir, until: /bot is ready/ });
    procs.push(bot.proc);
    await bot.started;
    expect(bot.out()).toMatch(/"level":"warn"[^\n]*ALLOW_INSECURE_VIDEO_URLS is on/);

    const ix = discord.dispatchCommand({
      name: 'video',
      subcommand: 'text',
      user: MEMBER,
      options: [{ name: 'prompt', value: 'a paper boat on a rainy street' }],
    });
    const msg = await eventually(
      () => {
        const m = discord!.originalMessage(ix.id);
        return m && m.attachments.length === 1 ? m : undefined;
      },
      20_000,
      'the video upload',
    );
    expect(msg.attachments[0]!.filename).toMatch(/^seedance-.+\.mp4$/);
    expect(bot.out()).not.toMatch(/unusable video address/);
  }, 40_000);
});

describe('ALLOW_INSECURE_VIDEO_URLS off (the default): an http:// video address is refused', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
  });

  it('the task fails as unusable, nothing is downloaded or uploaded, and the member is told', async () => {
    h = await startHarness({ env: { ALLOW_INSECURE_VIDEO_URLS: 'false' } });
    expect(h.config.allowInsecureVideoUrls).toBe(false);
    const ix = h.discord.dispatchCommand({
      name: 'video',
      subcommand: 'text',
      user: MEMBER,
      options: [{ name: 'prompt', value: 'a paper boat on a rainy street' }],
    });
    const task = await eventually(
      async () => {
        const [t] = await h!.app.tasks.listRecentByUser(MEMBER.id);
        return t?.state === 'failed' && t.toldAt ? t : undefined;
      },
      8000,
      'the failed task, told',
    );
    expect(task.lastError?.detail).toMatch(/unusable video address \(http:\/\/127\.0\.0\.1/);
    expect(task.usage).toBe('refunded');
    expect(h.seedance.requests.some((r) => r.method === 'GET' && r.path.startsWith('/files/'))).toBe(false);
    expect(h.discord.originalMessage(ix.id)!.attachments).toHaveLength(0);
    expect(h.logs.join('')).not.toMatch(/ALLOW_INSECURE_VIDEO_URLS is on/);
  });
});
