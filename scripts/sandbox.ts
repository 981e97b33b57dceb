/**
 * `npm run sandbox`: the bot with no tokens. Starts the fake Discord, the fake Seedance and the real bot
 * (real discord.js, real SQLite in a temp folder), plays a short scripted session and prints what members
 * would see, in order: a good request rendered to the end, a refused one, a failing one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config/loadConfig.js';
import { startFakeSeedance } from '../src/dev/fake-seedance/index.js';
import { createLogger } from '../src/logging/logger.js';
import { startFakeDiscord, type RecordedRestRequest } from '../test/fakes/discord/index.js';

const started = Date.now();
const stamp = () => `[${((Date.now() - started) / 1000).toFixed(2).padStart(6)}s]`;
const say = (who: string, text: string) => process.stdout.write(`${stamp()} ${who.padEnd(8)} ${text}\n`);

type Embed = { description?: string; fields?: Array<{ name: string; value: string }> };
type Body = {
  type?: number;
  data?: Body;
  content?: string;
  embeds?: Embed[];
  components?: Array<{ components?: Array<{ label?: string }> }>;
  flags?: number;
};

function describeBody(r: RecordedRestRequest): string | undefined {
  const raw = (r.body ?? {}) as Body;
  const body = r.route.includes('/callback') ? (raw.data ?? {}) : raw;
  if (r.route.includes('/callback') && raw.type === 5) return 'is thinking…';
  const ephemeral = ((body.flags ?? 0) & 64) !== 0 ? ' (only the member sees this)' : '';
  const embed = body.embeds?.[0];
  const status = embed?.description
    ?.split('\n')
    .filter((l) => l.startsWith('**'))
    .pop()
    ?.replace(/\*\*/g, '');
  const fields = (embed?.fields ?? [])
    .filter((f) => ['Task', 'Status', 'Video'].includes(f.name))
    .map((f) => `${f.name}: ${f.value}`);
  const buttons = (body.components ?? [])
    .flatMap((row) => row.components ?? [])
    .map((c) => c.label)
    .filter(Boolean);
  const files = r.files.map((f) => `📎 ${f.name} (${(f.size / 1024).toFixed(1)} KB)`);
  const parts = [body.content, status, ...fields, ...files, buttons.length ? `[${buttons.join('] [')}]` : ''].filter(
    Boolean,
  );
  return parts.length ? `${parts.join(' · ')}${ephemeral}` : undefined;
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'seedance-sandbox-'));
  const seedance = await startFakeSeedance({ defaultScript: { kind: 'succeed', queuedMs: 2000, runMs: 9000 } });
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
      POLL_FIRST_DELAY_SEC: '0.5',
      POLL_MIN_INTERVAL_SEC: '0.5',
      POLL_MAX_INTERVAL_SEC: '1',
    },
    { discord: true, seedance: true },
  );
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  const quiet = new Writable({ write: (_c, _e, done) => done() });
  const app = await createApp(parsed.config, createLogger({ destination: quiet }));
  await app.start();
  say(
    'system',
    `bot logged in to the fake Discord (${discord.guilds.length} server), database ${join(dataDir, 'bot.sqlite')}`,
  );

  let seen = 0;
  const pump = setInterval(() => {
    for (const r of discord.requests.slice(seen)) {
      const text = ['POST', 'PATCH'].includes(r.method) ? describeBody(r) : undefined;
      if (text) say('bot', `${r.route.startsWith('POST /interactions') ? 'replies' : 'edits'}: ${text}`);
    }
    seen = discord.requests.length;
  }, 50);

  const alice = { id: '500000000000000001', username: 'alice' };
  say('alice', '/video images prompt:"a paper boat on a rainy street" image1:boat.png model:seedance2.0-mini-sp');
  discord.dispatchCommand({
    name: 'video',
    subcommand: 'images',
    user: alice,
    options: [
      { name: 'prompt', value: 'a paper boat on a rainy street' },
      { name: 'model', value: 'seedance2.0-mini-sp' },
    ],
    attachments: [
      { optionName: 'image1', filename: 'boat.png', contentType: 'image/png', size: 120_000, width: 1024, height: 768 },
    ],
  });
  await new Promise((r) => setTimeout(r, 800));

  say('bob', '/video text prompt:"city timelapse" model:seedance2.0-md ratio:21:9 duration:20');
  discord.dispatchCommand({
    name: 'video',
    subcommand: 'text',
    user: { id: '500000000000000002', username: 'bob' },
    options: [
      { name: 'prompt', value: 'city timelapse' },
      { name: 'model', value: 'seedance2.0-md' },
      { name: 'ratio', value: '21:9' },
      { name: 'duration', value: 20 },
    ],
  });
  await new Promise((r) => setTimeout(r, 800));

  say('carol', '/video text prompt:"[fail:moderation] a famous logo"   (the fake refuses this one)');
  discord.dispatchCommand({
    name: 'video',
    subcommand: 'text',
    user: { id: '500000000000000003', username: 'carol' },
    options: [{ name: 'prompt', value: '[fail:moderation] a famous logo' }],
  });

  const deadline = Date.now() + 25_000;
  while (Date.now() < deadline) {
    const open = await app.tasks.listOpen();
    if (open.length === 0 && seen === discord.requests.length) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  await new Promise((r) => setTimeout(r, 200));
  clearInterval(pump);
  say(
    'system',
    `done: ${seedance.createCount()} upstream task(s) created, ${seedance.queryCount()} status queries, ${discord.requests.length} Discord API calls`,
  );
  await app.stop(1000);
  await discord.close();
  await seedance.close();
  rmSync(dataDir, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  process.stderr.write(`sandbox failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
