/**
 * `npm run soak -- --minutes N --processes P [--seed S]`: the chaos soak. Runs P real bot processes (SQLite
 * when P = 1, the local PostgreSQL otherwise) against the fake Discord and the fake Seedance, sends a steady
 * seeded mix of members' and admins' requests, injects vendor, Discord and process faults at random
 * (reproducible from the seed), lets everything settle, then checks the invariants (scripts/soak/invariants.ts),
 * printing one line each. Exits 1 on any violation, 2 on bad arguments.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openStore } from '../../src/db/openStore.js';
import { startFakeSeedance } from '../../src/dev/fake-seedance/index.js';
import { createLogger } from '../../src/logging/logger.js';
import { startFakeDiscord } from '../../test/fakes/discord/index.js';
import { createFleet } from './botFleet.js';
import { createChaos } from './chaos.js';
import { checkInvariants } from './invariants.js';
import { createMembers } from './members.js';
import { createRng } from './rng.js';

const USAGE =
  'usage: npm run soak -- --minutes N --processes P [--seed S] [--rate R] [--settle-min M] [--keep] [--log-level L]';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '1' },
    processes: { type: 'string', default: '2' },
    seed: { type: 'string' },
    rate: { type: 'string', default: '2' },
    'settle-min': { type: 'string', default: '5' },
    keep: { type: 'boolean', default: false },
    'log-level': { type: 'string', default: 'info' },
    'rss-limit-mb': { type: 'string', default: '400' },
  },
  strict: true,
});
const minutes = Number(values.minutes);
const processes = Number(values.processes);
const seed = values.seed === undefined ? randomBytes(4).readUInt32BE() : Number(values.seed);
const rate = Number(values.rate);
const settleMin = Number(values['settle-min']);
if (
  !(minutes > 0) ||
  !Number.isInteger(processes) ||
  processes < 1 ||
  processes > 8 ||
  !Number.isFinite(seed) ||
  !(rate > 0)
) {
  process.stderr.write(`${USAGE}\n`);
  process.exit(2);
}

const started = Date.now();
const say = (line: string) =>
  process.stdout.write(`[soak ${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s] ${line}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const POSTGRES = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** A password in the URL (trust auth ignores it) that must never reach a log line. */
const DB_PASSWORD = `soak-db-pw-${randomBytes(6).toString('hex')}`;
const LEASE_SEC = 3;
const rng = createRng(seed);
const dir = mkdtempSync(join(tmpdir(), `seedance-soak-${seed}-`));
const mediaDir = join(dir, 'media');
const botTmp = join(dir, 'tmp');
mkdirSync(mediaDir);
mkdirSync(botTmp);
const useSqlite = processes === 1;
const schema = useSqlite ? undefined : `soak_${seed}_${randomBytes(3).toString('hex')}`;
const databaseUrl = (() => {
  const u = new URL(POSTGRES);
  u.password = DB_PASSWORD;
  return u.toString();
})();

say(
  `seed ${seed}, ${processes} process(es) on ${useSqlite ? 'SQLite' : `PostgreSQL (schema ${schema})`}, ${minutes} min of traffic at ${rate}/s, folder ${dir}`,
);

const apiKeys = [`sk_soak_${randomBytes(8).toString('hex')}`, `sk_soak_${randomBytes(8).toString('hex')}`];
const seedance = await startFakeSeedance({
  apiKey: apiKeys[0],
  apiKeys: apiKeys.slice(1),
  defaultScript: { kind: 'succeed', queuedMs: 400, runMs: 1500 },
  assetReviewMs: 1200,
  recordRequests: false,
});
const discord = await startFakeDiscord({ guilds: 3, recordRequests: false });
const metricsToken = `soak-metrics-${randomBytes(8).toString('hex')}`;

const dailyCap = 8 + Math.ceil(2 * minutes);
const initialLimits: Record<string, number | null> = {
  guild_running: 4,
  member_running: 2,
  member_daily_tasks: dailyCap,
  // Spend grows about 8 a minute per server at the default rate: the cap bites late, and admins raise it.
  guild_monthly_spend: Math.ceil(8 * minutes),
};
const env: Record<string, string> = {
  DISCORD_TOKEN: discord.botToken,
  DISCORD_REST_URL: discord.restUrl,
  SEEDANCE_API_KEY: apiKeys.join(','),
  SEEDANCE_BASE_URL: seedance.url,
  SEEDANCE_TIMEOUT_MS: '2000',
  ...(useSqlite
    ? { DATABASE_PATH: join(dir, 'bot.sqlite') }
    : { DATABASE_URL: databaseUrl, DATABASE_SCHEMA: schema!, DATABASE_POOL_SIZE: '4' }),
  TASK_LEASE_SEC: String(LEASE_SEC),
  LOG_LEVEL: values['log-level'],
  ALLOW_PRIVATE_VIDEO_HOSTS: 'true',
  ALLOW_INSECURE_VIDEO_URLS: 'true',
  POLL_FIRST_DELAY_SEC: '0.3',
  POLL_MIN_INTERVAL_SEC: '0.3',
  POLL_MAX_INTERVAL_SEC: '1.5',
  POLL_QUERIES_PER_SEC: '40',
  QUEUE_SWEEP_SEC: '1',
  QUEUE_EDIT_GAP_SEC: '0.5',
  TASK_DEADLINE_MIN: '1',
  ASSET_REVIEW_TIMEOUT_MIN: '0.5',
  LIMIT_GUILD_DAILY_TASKS: 'none',
  LIMIT_MEMBER_DAILY_TASKS: String(dailyCap),
  LIMIT_MEMBER_RUNNING: '2',
  LIMIT_GUILD_RUNNING: '4',
  LIMIT_COOLDOWN_SECONDS: 'none',
  LIMIT_GUILD_QUEUE: '20',
  LIMIT_MEMBER_QUEUE: '3',
  PRICES: JSON.stringify({
    currency: 'USD',
    prices: { 'seedance2.0-mini-sp': 0.2, 'seedance2.0-fast-sp': 0.05, 'seedance2.0-sp': 0.1, sd2_mx_720p: 0.1 },
  }),
  LIMIT_GUILD_MONTHLY_SPEND: String(initialLimits.guild_monthly_spend),
  MEDIA_TMP_DIR: mediaDir,
  TMPDIR: botTmp,
  ENCODE_TIMEOUT_SEC: '60',
  HTTP_HOST: '127.0.0.1',
  METRICS_TOKEN: metricsToken,
};

const fleet = createFleet({ dir, env, basePort: 20_000 + rng.int(0, 20_000), logLevel: values['log-level'] });
const members = createMembers({ discord, rng: rng.fork('members'), membersPerGuild: 8, answerWaitMs: 15_000 });
const chaos = createChaos({ seedance, discord, fleet, members, processes, rng: rng.fork('chaos'), say });

/** Open tasks across the deployment, from the tasks gauge of a live process (undefined when none answers). */
async function openTaskCount(): Promise<number | undefined> {
  for (const run of fleet.liveRuns()) {
    try {
      const res = await fetch(`http://127.0.0.1:${run.port}/metrics`, {
        headers: { authorization: `Bearer ${metricsToken}` },
        signal: AbortSignal.timeout(3000),
      });
      if (!res.ok) continue;
      const text = await res.text();
      let sum = 0;
      let seen = false;
      for (const m of text.matchAll(/^seedance_bot_tasks\{state="[a-z_]+"\} (\d+)/gm)) {
        sum += Number(m[1]);
        seen = true;
      }
      if (seen) return sum;
    } catch {
      // try the next process
    }
  }
  return undefined;
}

/** PostgreSQL only: leases held by a process that died longer ago than the lease time (plus its takeover round). */
const duringRun: string[] = [];
async function sampleLeases(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ key: string; value: string }>(
    `SELECT key, value FROM "${schema}".records WHERE key >= 'open_tasks:' AND key < 'open_tasks;'`,
  );
  const at = Date.now();
  for (const r of rows) {
    let owner: string | undefined;
    try {
      owner = (JSON.parse(r.value) as { value?: { owner?: string } }).value?.owner;
    } catch {
      continue;
    }
    const pid = owner ? Number(/-(\d+)-[0-9a-f]+$/.exec(owner)?.[1]) : Number.NaN;
    const run = fleet.runs.find((x) => x.pid === pid);
    if (run?.endedAt && at - run.endedAt > (LEASE_SEC + 12) * 1000)
      duringRun.push(`${r.key} still held by process ${pid}, gone for ${((at - run.endedAt) / 1000).toFixed(0)} s`);
  }
}

let exitCode = 0;
let pgClient: pg.Client | undefined;
try {
  // Every process starts at the same moment.
  await Promise.all(Array.from({ length: processes }, (_, i) => fleet.start(i)));
  say(`${processes} process(es) ready`);
  members.setUp({ spendCap: initialLimits.guild_monthly_spend! });
  await members.drain();

  if (!useSqlite) {
    pgClient = new pg.Client({ connectionString: POSTGRES });
    await pgClient.connect();
  }
  const sampler = setInterval(() => {
    fleet.sampleMemory();
    if (pgClient) sampleLeases(pgClient).catch(() => undefined);
  }, 2000);

  chaos.start();
  const until = Date.now() + minutes * 60_000;
  let steps = 0;
  while (Date.now() < until) {
    members.act();
    steps += 1;
    if (steps % Math.max(1, Math.round(rate * 30)) === 0)
      say(`${steps} actions, ${fleet.liveRuns().length}/${processes} processes live`);
    await sleep(rng.int(Math.round(500 / rate), Math.round(1500 / rate)));
  }
  say('traffic over: faults off, every process running again; settling');
  await chaos.stop();
  await members.drain();
  members.restoreLimits(initialLimits);
  await members.drain();

  const settleUntil = Date.now() + settleMin * 60_000;
  let zeroes = 0;
  let last: number | undefined;
  while (Date.now() < settleUntil && zeroes < 2) {
    await sleep(2000);
    fleet.sampleMemory();
    const n = await openTaskCount();
    if (n !== last) say(`open tasks: ${n ?? 'no answer'}`);
    last = n;
    zeroes = n === 0 ? zeroes + 1 : 0;
  }
  clearInterval(sampler);
  if (zeroes < 2) say(`not settled after ${settleMin} min (${last ?? '?'} open tasks)`);
  await fleet.stopAll('SIGTERM');

  const quiet = createLogger({ level: 'silent' });
  const store = await openStore(
    {
      databasePath: join(dir, 'bot.sqlite'),
      ...(useSqlite ? {} : { databaseUrl: POSTGRES, databaseSchema: schema }),
      poolSize: 2,
    },
    quiet,
  );
  const checks = await checkInvariants({
    store,
    creates: seedance.creates(),
    uploadsByMessage: discord.uploadsByMessage(),
    sent: members.sent,
    limitChanges: members.limitChanges,
    initialLimits,
    runs: fleet.runs,
    peakRssLimitMb: Number(values['rss-limit-mb']),
    tempDirs: [mediaDir, botTmp],
    secrets: [discord.botToken, ...apiKeys, DB_PASSWORD, metricsToken, 'Bearer '],
    duringRun,
  });
  await store.close();

  const answers: Record<string, number> = {};
  for (const s of members.sent) answers[s.answer ?? 'none'] = (answers[s.answer ?? 'none'] ?? 0) + 1;
  const kills = fleet.runs.filter((r) => r.endedBy === 'SIGKILL').length;
  const terms = fleet.runs.filter((r) => r.endedBy === 'SIGTERM').length;
  say(`requests: ${JSON.stringify(members.counts)}`);
  say(`answers: ${JSON.stringify(answers)}`);
  const said: Record<string, number> = {};
  for (const s of members.sent) if (s.said !== undefined) said[s.said] = (said[s.said] ?? 0) + 1;
  const top = Object.entries(said)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8);
  say(`private answers, most common: ${top.map(([t, n]) => `${n}× "${t}"`).join(', ')}`);
  say(`vendor faults: ${JSON.stringify(seedance.faultCounts())}`);
  say(`discord faults: ${JSON.stringify(discord.restFaultCounts())}`);
  say(`events: ${JSON.stringify(chaos.events)}; process runs ${fleet.runs.length}, kill -9 ${kills}, SIGTERM ${terms}`);
  for (const c of checks) {
    process.stdout.write(`${c.ok ? 'PASS' : 'FAIL'}  ${c.name}: ${c.detail}\n`);
    if (!c.ok) exitCode = 1;
  }
  const failed = checks.filter((c) => !c.ok).length;
  // The last line in the plain form CI reads: `soak: N passed, N failed`.
  process.stdout.write(`seed ${seed}: ${failed ? 'invariants violated' : 'every invariant held'}\n`);
  process.stdout.write(`soak: ${checks.length - failed} passed, ${failed} failed\n`);
} catch (err) {
  process.stderr.write(`soak aborted: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  exitCode = 1;
} finally {
  await fleet.stopAll('SIGKILL').catch(() => undefined);
  await pgClient?.end().catch(() => undefined);
  await discord.close().catch(() => undefined);
  await seedance.close().catch(() => undefined);
  if (exitCode === 0 && !values.keep) {
    rmSync(dir, { recursive: true, force: true });
    if (schema) {
      const c = new pg.Client({ connectionString: POSTGRES });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).finally(() => c.end());
    }
  } else {
    process.stdout.write(`kept for inspection: ${dir}${schema ? ` and schema ${schema}` : ''}\n`);
  }
}
process.exit(exitCode);
