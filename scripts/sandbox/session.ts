/**
 * The sandbox's scripted session (`npm run sandbox`, and its test): the fake Discord, the fake video service and
 * the real bot (real discord.js, real SQLite in a temp folder), three members and an admin, and what each of them
 * sees, in order, as timeline lines: a video to the end, a second one waiting in the queue then starting, a request
 * refused for its input, one the video service refuses, an admin lowering a limit and a request refused by it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/loadConfig.js';
import { startFakeSeedance } from '../../src/dev/fake-seedance/index.js';
import { type Locale, t } from '../../src/i18n/index.js';
import { createLogger } from '../../src/logging/logger.js';
import {
  type CommandOption,
  MANAGE_GUILD,
  type RecordedRestRequest,
  startFakeDiscord,
} from '../../test/fakes/discord/index.js';

export interface SandboxOptions {
  /** The members' Discord language: what the bot's messages are written in. */
  locale: Locale;
  /** Called with each timeline line as it happens. */
  print?: (line: string) => void;
  /** Multiplies every wait and the fake's render times (1 reads well; the test runs faster). */
  pace?: number;
}

export interface SandboxResult {
  lines: string[];
  creates: number;
}

type Embed = { description?: string; fields?: Array<{ name: string; value: string }> };
type Body = {
  type?: number;
  data?: Body;
  content?: string;
  embeds?: Embed[];
  components?: Array<{ components?: Array<{ label?: string }> }>;
  flags?: number;
};

const PEOPLE = {
  alice: { id: '500000000000000001', username: 'alice' },
  bob: { id: '500000000000000002', username: 'bob' },
  carol: { id: '500000000000000003', username: 'carol' },
  dave: { id: '500000000000000004', username: 'dave' },
} as const;
type Person = keyof typeof PEOPLE;

/** Discord's markup as a member sees it: timestamps as relative times, no bold markers or escapes. */
function asShown(text: string, locale: Locale): string {
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  return text
    .replace(/<t:(\d+):R>/g, (_m, sec: string) => {
      const s = Math.round(Number(sec) - Date.now() / 1000);
      if (Math.abs(s) < 90) return relative.format(s, 'second');
      if (Math.abs(s) < 90 * 60) return relative.format(Math.round(s / 60), 'minute');
      return relative.format(Math.round(s / 3600), 'hour');
    })
    .replace(/\*\*/g, '')
    .replace(/\\([\\_*~`|>#-])/g, '$1');
}

/** One REST call of the bot as a line: what the member sees (status, task, buttons, files), or undefined. */
function describeBody(r: RecordedRestRequest, locale: Locale): string | undefined {
  const raw = (r.body ?? {}) as Body;
  const body = r.route.includes('/callback') ? (raw.data ?? {}) : raw;
  if (r.route.includes('/callback') && raw.type === 5) return '…';
  const embed = body.embeds?.[0];
  const status = embed?.description
    ?.split('\n')
    .filter((l) => l.startsWith('**'))
    .pop();
  const shownFields = [t(locale, 'task.field.task'), t(locale, 'task.field.status'), t(locale, 'task.field.video')];
  const fields = (embed?.fields ?? []).filter((f) => shownFields.includes(f.name)).map((f) => `${f.name}: ${f.value}`);
  const buttons = (body.components ?? [])
    .flatMap((row) => row.components ?? [])
    .map((c) => c.label)
    .filter(Boolean);
  const files = r.files.map((f) => `📎 ${f.name} (${(f.size / 1024).toFixed(1)} KB)`);
  const parts = [body.content?.trim(), status, ...fields, ...files, buttons.length ? `[${buttons.join('] [')}]` : ''];
  const text = parts.filter(Boolean).join(' · ');
  return text ? asShown(text, locale).replace(/\n+/g, '\n                    ') : undefined;
}

export async function runSandbox(options: SandboxOptions): Promise<SandboxResult> {
  const { locale } = options;
  const pace = options.pace ?? 1;
  const ms = (n: number) => Math.round(n * pace);
  const sec = (n: number) => String(Math.max(0.05, n * pace));
  const lines: string[] = [];
  const started = Date.now();
  const say = (who: string, text: string) => {
    const line = `[${((Date.now() - started) / 1000).toFixed(2).padStart(6)}s] ${who.padEnd(8)} ${text}`;
    lines.push(line);
    options.print?.(line);
  };
  const pause = (n: number) => new Promise((r) => setTimeout(r, ms(n)));

  const dataDir = mkdtempSync(join(tmpdir(), 'seedance-sandbox-'));
  const seedance = await startFakeSeedance({
    defaultScript: { kind: 'succeed', queuedMs: ms(1500), runMs: ms(5000) },
  });
  const discord = await startFakeDiscord({ guilds: 1 });
  const parsed = loadConfig(
    {
      DISCORD_TOKEN: discord.botToken,
      DISCORD_REST_URL: discord.restUrl,
      SEEDANCE_API_KEY: seedance.apiKey,
      SEEDANCE_BASE_URL: seedance.url,
      DATABASE_PATH: join(dataDir, 'bot.sqlite'),
      // The fake Seedance serves its videos over plain http on 127.0.0.1.
      ALLOW_PRIVATE_VIDEO_HOSTS: 'true',
      ALLOW_INSECURE_VIDEO_URLS: 'true',
      // One video rendering per member at a time (a second one waits in the queue); no cooldown between requests.
      LIMIT_MEMBER_RUNNING: '1',
      LIMIT_COOLDOWN_SECONDS: 'none',
      POLL_FIRST_DELAY_SEC: sec(0.5),
      POLL_MIN_INTERVAL_SEC: sec(0.5),
      POLL_MAX_INTERVAL_SEC: sec(1),
      QUEUE_SWEEP_SEC: sec(1),
      QUEUE_EDIT_GAP_SEC: sec(0.5),
    },
    { discord: true, seedance: true },
  );
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  const quiet = new Writable({ write: (_c, _e, done) => done() });
  const app = await createApp(parsed.config, createLogger({ destination: quiet }));
  let pumping: NodeJS.Timeout | undefined;
  try {
    await app.start();
    say(
      'system',
      `the bot logged in to the fake Discord (1 server); members write in ${locale}; each member may render 1 video at a time`,
    );

    // Who each reply or edit is for: the interaction token is in the route's path.
    const ownerOfToken = new Map<string, Person>();
    let seen = 0;
    const pump = () => {
      for (const r of discord.requests.slice(seen)) {
        if (!['POST', 'PATCH'].includes(r.method)) continue;
        const text = describeBody(r, locale);
        if (!text) continue;
        const to = [...ownerOfToken].find(([token]) => r.path.includes(`/${token}/`))?.[1];
        const verb = r.route.startsWith('POST /interactions') ? 'replies' : 'edits';
        const ephemeral = ((((r.body ?? {}) as Body).data?.flags ?? 0) & 64) !== 0;
        say('bot', `${verb}${to ? ` to ${to}` : ''}${ephemeral ? ' (only they see it)' : ''}: ${text}`);
      }
      seen = discord.requests.length;
    };
    pumping = setInterval(pump, 50);

    const command = (who: Person, shown: string, name: string, subcommand: string, opts: CommandOption[]) => {
      say(who, shown);
      const ix = discord.dispatchCommand({
        name,
        subcommand,
        user: PEOPLE[who],
        locale,
        options: opts,
        ...(who === 'dave' ? { permissions: MANAGE_GUILD } : {}),
      });
      ownerOfToken.set(ix.token, who);
      return ix;
    };
    const tasksOf = (who: Person) => app.tasks.listRecentByUser(PEOPLE[who].id);
    const until = async (check: () => Promise<boolean>, limitMs: number) => {
      const deadline = Date.now() + limitMs;
      while (Date.now() < deadline && !(await check())) await new Promise((r) => setTimeout(r, 100));
    };

    say('alice', '/video images prompt:"a paper boat on a rainy street" image1:boat.png model:seedance2.0-mini-sp');
    const first = discord.dispatchCommand({
      name: 'video',
      subcommand: 'images',
      user: PEOPLE.alice,
      locale,
      options: [
        { name: 'prompt', value: 'a paper boat on a rainy street' },
        { name: 'model', value: 'seedance2.0-mini-sp' },
      ],
      attachments: [
        {
          optionName: 'image1',
          filename: 'boat.png',
          contentType: 'image/png',
          size: 120_000,
          width: 1024,
          height: 768,
        },
      ],
    });
    ownerOfToken.set(first.token, 'alice');
    await pause(800);
    command(
      'alice',
      '/video text prompt:"a lighthouse at dusk"   (her first video is still rendering: this one waits)',
      'video',
      'text',
      [
        { name: 'prompt', value: 'a lighthouse at dusk' },
        { name: 'model', value: 'seedance2.0-mini-sp' },
      ],
    );
    await pause(800);
    command('bob', '/video text prompt:"city timelapse" model:seedance2.0-md ratio:21:9 duration:20', 'video', 'text', [
      { name: 'prompt', value: 'city timelapse' },
      { name: 'model', value: 'seedance2.0-md' },
      { name: 'ratio', value: '21:9' },
      { name: 'duration', value: 20 },
    ]);
    await pause(800);
    command(
      'carol',
      '/video text prompt:"[fail:moderation] a famous logo"   (the fake video service refuses this one)',
      'video',
      'text',
      [{ name: 'prompt', value: '[fail:moderation] a famous logo' }],
    );

    // Once alice's second video has left the queue, the admin lowers the daily limit to what she has used.
    await until(async () => (await tasksOf('alice')).some((x) => x.state === 'running'), ms(30_000) + 5000);
    await until(async () => (await tasksOf('alice')).every((x) => x.state !== 'queued'), ms(30_000) + 5000);
    await pause(500);
    const admin = command(
      'dave',
      '/video-admin limit name:member_daily_tasks value:2   (dave manages the server)',
      'video-admin',
      'limit',
      [
        { name: 'name', value: 'member_daily_tasks' },
        { name: 'value', value: '2' },
      ],
    );
    await discord.waitForCallback(admin.id);
    await pause(500);
    command('alice', '/video text prompt:"a kite over the dunes"', 'video', 'text', [
      { name: 'prompt', value: 'a kite over the dunes' },
    ]);

    const deadline = Date.now() + ms(40_000) + 5000;
    while (Date.now() < deadline) {
      const open = await app.tasks.listOpen();
      if (open.length === 0 && seen === discord.requests.length) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    await new Promise((r) => setTimeout(r, 200));
    clearInterval(pumping);
    pump();
    say(
      'system',
      `done: ${seedance.createCount()} video(s) created by the video service, ${seedance.queryCount()} status queries, ${discord.requests.length} Discord API calls`,
    );
    return { lines, creates: seedance.createCount() };
  } finally {
    clearInterval(pumping);
    await app.stop(1000);
    await discord.close();
    await seedance.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
