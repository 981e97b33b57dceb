/**
 * Child process of the poller benchmark: the bot's side only (SQLite, task service, Seedance client,
 * poller), so its CPU and RSS are measured without the fake server. Creates its tasks upstream, follows
 * them to the end, and prints one JSON line: when it saw each task finish, query start times, CPU, RSS.
 * Optional arguments: the schedule (`fixed` or `learned`), a directory whose store keeps the learned render
 * times from one run to the next (both schedules record finishes into it), and the kinds of video (JSON).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { tmpdir } from 'node:os';
import { constants as perfConstants, PerformanceObserver } from 'node:perf_hooks';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { openStore } from '../src/db/openStore.js';
import { createLogger } from '../src/logging/logger.js';
import { allShards } from '../src/services/cluster/shards.js';
import { createTaskLeases } from '../src/services/cluster/taskLeases.js';
import { createSettingsStore } from '../src/services/guildConfig/settingsStore.js';
import { createPoller } from '../src/services/polling/poller.js';
import { fixedPolicy, learnedPolicy } from '../src/services/polling/pollPolicy.js';
import { createRenderStats } from '../src/services/polling/renderStats.js';
import { SeedanceClient } from '../src/services/seedance/client.js';
import { createHttpTransport, type Transport } from '../src/services/seedance/httpTransport.js';
import { createTaskService } from '../src/services/tasks/taskService.js';
import { createGuildLedger } from '../src/services/usage/guildLedger.js';
import { NO_LIMITS } from '../test/support/tempStore.js';

const [url, apiKey, pendingArg, budgetArg, minIntervalArg, scheduleArg, statsDir, kindsArg, runArg] =
  process.argv.slice(2);
const pending = Number(pendingArg);
const budget = Number(budgetArg);
const minIntervalMs = Number(minIntervalArg);
const schedule = scheduleArg === 'learned' ? 'learned' : 'fixed';
/** Task i is of kind i % kinds.length. */
const kinds = kindsArg
  ? (JSON.parse(kindsArg) as Array<{ seconds: number; resolution?: '480p' | '720p' | '1080p' }>)
  : [{ seconds: 5, resolution: undefined }];
const run = runArg ?? 'r';
const quiet = createLogger({ destination: new Writable({ write: (_c, _e, d) => d() }), level: 'warn' });
const dir = mkdtempSync(join(tmpdir(), 'seedance-bench-'));
// BENCH_DATABASE_URL (and BENCH_DATABASE_SCHEMA): the task records in PostgreSQL instead of a SQLite file.
const store = await openStore(
  {
    databasePath: join(dir, 'bench.sqlite'),
    databaseUrl: process.env.BENCH_DATABASE_URL,
    databaseSchema: process.env.BENCH_DATABASE_SCHEMA,
  },
  quiet,
);
// Learned render times: in a store of their own that outlives this run (the next run reads what this one learned).
const statsStore = statsDir ? await openStore({ databasePath: join(statsDir, 'render-stats.sqlite') }, quiet) : store;
const renderStats = createRenderStats(statsStore, { logger: quiet });
await renderStats.start();
const rssBaseline = process.memoryUsage().rss;
const queryStarts: number[] = [];
// The client's own transport (as the bot runs it), with each query's start noted.
const transport = createHttpTransport();
const timedFetch: Transport = (input, init) => {
  if (init.method === 'GET') queryStarts.push(Date.now());
  return transport(input, init);
};
const client = new SeedanceClient({
  baseUrl: url!,
  apiKey: apiKey!,
  timeoutMs: 10_000,
  allowInsecureVideoUrls: true,
  fetch: timedFetch,
});
const ledger = createGuildLedger({ store, settings: createSettingsStore(store), defaults: NO_LIMITS, dmEnabled: true });
const leases = createTaskLeases(store, { leaseMs: 30_000, shards: allShards(1) });
const tasks = createTaskService({ store, upstream: client, ledger, logger: quiet, leases });
// Create and send the tasks 500 at a time, so that setting up 10,000 tasks takes seconds, not the time the
// fake upstream needs to finish them (which would count against detection delay).
// Records of a real request's size (about 1.3 KB whole): snowflake ids, an interaction token as long as Discord's,
// a reference image's CDN URL (the prompt stays short: the fake picks each task's render time by it).
const snowflake = (n: number) => String(1_300_000_000_000_000_000n + BigInt(n));
const createOne = async (i: number) => {
  const kind = kinds[i % kinds.length]!;
  const created = await tasks.create({
    guildId: snowflake(1),
    channelId: snowflake(2),
    userId: snowflake(1000 + i),
    locale: 'en-US',
    interaction: {
      id: snowflake(10_000_000 + i),
      applicationId: snowflake(3),
      token: `aW50ZXJhY3Rpb246${'x'.repeat(160)}`,
      createdAt: Date.now(),
    },
    model: 'seedance2.0-mini-sp',
    request: {
      model: 'seedance2.0-mini-sp',
      prompt: `${run}-p${i}`,
      duration: kind.seconds,
      ...(kind.resolution ? { resolution: kind.resolution } : {}),
      images: [
        `https://cdn.discordapp.com/attachments/${snowflake(2)}/${snowflake(20_000_000 + i)}/reference.png?ex=6760a1b2&is=675f5032&hm=${'f'.repeat(64)}&`,
      ],
    },
    cost: {
      billing: 'per_task',
      units: 1,
      seconds: kind.seconds,
      billedAs: `seedance2.0-mini-sp-${kind.resolution ?? '720p'}`,
    },
  });
  if (!created.ok) throw new Error('refused');
  await tasks.submit(created.task.id);
};
for (let i = 0; i < pending; i += 500) {
  await Promise.all(Array.from({ length: Math.min(500, pending - i) }, (_, j) => createOne(i + j)));
}
const seenAt: Record<string, number> = {};
let seen = 0;
// BENCH_PROFILE=file.cpuprofile: a CPU profile of the polling phase only (after the tasks were created); `%run` in
// the name is replaced by the run's name (fixed, learned, postgres, slow).
const profiler = process.env.BENCH_PROFILE ? new Session() : undefined;
const post = (method: string, params?: object) =>
  new Promise<unknown>((resolve, reject) =>
    profiler!.post(method, params ?? {}, (err, result) => (err ? reject(err) : resolve(result))),
  );
if (profiler) {
  profiler.connect();
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  await post('Profiler.start');
}
/** CPU (s) of each of this process's threads by name, from /proc (Linux; empty elsewhere). */
const threadCpu = (): Record<string, number> => {
  const out: Record<string, number> = {};
  const tick = 100; // USER_HZ
  try {
    for (const tid of readdirSync('/proc/self/task')) {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const name = tid === String(process.pid) ? 'main' : readFileSync(`/proc/self/task/${tid}/comm`, 'utf8').trim();
      out[name] = (out[name] ?? 0) + (Number(fields[11]) + Number(fields[12])) / tick;
    }
  } catch {
    return {};
  }
  return out;
};
/**
 * How fast this machine is right now (a shared host drifts by a fifth within an hour): CPU ms for a fixed
 * workload of the poller's kind (a task record's JSON written and read 20,000 times), just before polling.
 */
const calibrationMs = (() => {
  const record = { id: 't'.repeat(26), request: { prompt: 'p'.repeat(400), images: ['u'.repeat(200)] }, n: 0 };
  const c0 = process.cpuUsage();
  let sum = 0;
  for (let i = 0; i < 20_000; i += 1) {
    record.n = i;
    sum += (JSON.parse(JSON.stringify(record)) as { n: number }).n;
  }
  const c = process.cpuUsage(c0);
  return sum >= 0 ? (c.user + c.system) / 1000 : 0;
})();
/** Garbage collections during polling, by kind: how many, and the main thread's pause in them (ms). */
const gc = { major: 0, majorMs: 0, minor: 0, minorMs: 0 };
const gcObserver = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    const kind = (e as { detail?: { kind?: number } }).detail?.kind;
    if (kind === perfConstants.NODE_PERFORMANCE_GC_MAJOR) {
      gc.major += 1;
      gc.majorMs += e.duration;
    } else if (kind === perfConstants.NODE_PERFORMANCE_GC_MINOR) {
      gc.minor += 1;
      gc.minorMs += e.duration;
    }
  }
});
gcObserver.observe({ entryTypes: ['gc'] });
const threads0 = threadCpu();
const cpu0 = process.cpuUsage();
const t0 = Date.now();
let peakRss = process.memoryUsage().rss;
/** RSS once the tasks are created and sent (what the polling phase starts from). */
const rssAtStart = peakRss;
let peakRssAt = 0;
let peakHeap = process.memoryUsage().heapUsed;
const rssTimer = setInterval(() => {
  const m = process.memoryUsage();
  if (m.rss > peakRss) {
    peakRss = m.rss;
    peakRssAt = Date.now() - t0;
  }
  peakHeap = Math.max(peakHeap, m.heapUsed);
}, 200);
let done: () => void = () => {};
const allSeen = new Promise<void>((r) => (done = r));
const timing = { firstDelayMs: minIntervalMs, minIntervalMs, maxIntervalMs: minIntervalMs };
const learned = learnedPolicy(renderStats, timing);
const poller = createPoller({
  // Both schedules learn from every finish (the fixed run is the learned run's warm-up).
  policy: schedule === 'learned' ? learned : { ...fixedPolicy(timing), finished: learned.finished },
  tasks,
  upstream: client,
  logger: quiet,
  settings: {
    ...timing,
    queriesPerSecond: budget,
    concurrency: 64,
    deadlineMs: 3_600_000,
    leaseMs: 30_000,
  },
  leases,
  presenter: {
    queued: async () => {},
    progress: async () => {},
    final: async () => ({}),
    deliver: async (task) => {
      seenAt[task.upstreamTaskId!] = Date.now();
      if (++seen === pending) done();
      return { mode: 'link', via: 'webhook' };
    },
  },
});
const queriesBefore = queryStarts.length;
await poller.start();
await allSeen;
await poller.stop(1000);
clearInterval(rssTimer);
gcObserver.disconnect();
const cpu = process.cpuUsage(cpu0);
const threads = Object.fromEntries(
  Object.entries(threadCpu()).map(([k, v]) => [k, Math.round((v - (threads0[k] ?? 0)) * 100) / 100]),
);
await renderStats.stop();
const learnedNow = kinds.map((k) => renderStats.summary({ model: 'seedance2.0-mini-sp', ...k }));
if (profiler) {
  const { profile } = (await post('Profiler.stop')) as { profile: unknown };
  writeFileSync(process.env.BENCH_PROFILE!.replace('%run', run), JSON.stringify(profile));
}
process.stdout.write(
  `${JSON.stringify({ seenAt, queryStarts: queryStarts.slice(queriesBefore), cpuSec: (cpu.user + cpu.system) / 1e6, cpuUserSec: cpu.user / 1e6, cpuSystemSec: cpu.system / 1e6, elapsedMs: Date.now() - t0, peakRss, peakRssAt, rssAtStart, peakHeap, rssBaseline, learnedNow, threads, calibrationMs, gc })}\n`,
);
await store.close();
if (statsStore !== store) await statsStore.close();
rmSync(dir, { recursive: true, force: true });
// A large last line on a pipe may still be in flight: exit once stdout has taken all of it.
process.stdout.write('', () => process.exit(0));
