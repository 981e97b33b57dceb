/**
 * One bot process of the scale100k benchmark, on the PostgreSQL of DATABASE_URL: starts as the bot does (store,
 * registry, reconciliation, the poller's takeover of its shard's open tasks), prints `ready` with its start-up
 * times, follows its tasks within its share of the query budget and delivers each finished video to the parent's
 * card server (which counts deliveries; `alreadyDelivered` asks it, as the Discord presenter looks at the card).
 * Every 2 s it prints a `stats` line (and once `reconciled`) (memory, CPU, queries, lease rounds); on `stop` it stops gracefully
 * (leases given back) and prints its last `stats` line.
 */
import { Writable } from 'node:stream';
import { openStore } from '../src/db/openStore.js';
import { createLogger } from '../src/logging/logger.js';
import { createProcessRegistry } from '../src/services/cluster/processRegistry.js';
import { createTaskLeases } from '../src/services/cluster/taskLeases.js';
import { createSettingsStore } from '../src/services/guildConfig/settingsStore.js';
import { createPoller } from '../src/services/polling/poller.js';
import { fixedPolicy } from '../src/services/polling/pollPolicy.js';
import { SeedanceClient } from '../src/services/seedance/client.js';
import { createHttpTransport, type Transport } from '../src/services/seedance/httpTransport.js';
import { reconcileOnce } from '../src/services/tasks/reconcileOnce.js';
import { createTaskService } from '../src/services/tasks/taskService.js';
import { createGuildLedger } from '../src/services/usage/guildLedger.js';
import { NO_LIMITS } from '../test/support/tempStore.js';

const [url, apiKey, budgetArg, processesArg, cardUrl, indexArg] = process.argv.slice(2);
const index = Number(indexArg);
const processes = Number(processesArg);
const quiet = createLogger({ destination: new Writable({ write: (_c, _e, d) => d() }), level: 'warn' });
const t0 = performance.now();
/** When this process started: a repair another process began after this covers what this one's previous life left. */
const startedAt = Date.now();
const store = await openStore(
  { databasePath: '', databaseUrl: process.env.DATABASE_URL, databaseSchema: process.env.DATABASE_SCHEMA, poolSize: 8 },
  quiet,
);
const ledger = createGuildLedger({ store, settings: createSettingsStore(store), defaults: NO_LIMITS, dmEnabled: true });

// Query starts, and the most started in any rolling second (a window of the last second's starts).
let queries = 0;
let maxIn1s = 0;
const window: number[] = [];
/** Starts not yet printed: the parent merges every process's starts to check the shared budget. */
const fresh: number[] = [];
const transport = createHttpTransport();
const timedFetch: Transport = (input, init) => {
  if (init.method === 'GET') {
    const at = Date.now();
    queries += 1;
    fresh.push(at);
    window.push(at);
    while (window[0]! <= at - 1000) window.shift();
    maxIn1s = Math.max(maxIn1s, window.length);
  }
  return transport(input, init);
};
const client = new SeedanceClient({
  baseUrl: url!,
  apiKey: apiKey!,
  timeoutMs: 10_000,
  allowInsecureVideoUrls: true,
  fetch: timedFetch,
});

const shards = { count: processes, ids: [index] };
const leaseMs = 30_000;
let registry: ReturnType<typeof createProcessRegistry> | undefined;
const leases = createTaskLeases(store, {
  leaseMs,
  shards,
  runElsewhere: (shard) => registry?.shardsRunElsewhere().has(shard) ?? false,
  rank: () => registry?.rank() ?? { index: 0, of: 1 },
});
// A lease round as takeover.ts runs it every lease/3: renew, then look for orphans and claim them.
const rounds: number[] = [];
/** The renewal alone (one transaction on this process's lease record). */
const renewals: number[] = [];
let roundStart: number | undefined;
const renew = leases.renew;
leases.renew = async () => {
  const start = performance.now();
  roundStart = start;
  try {
    return await renew();
  } finally {
    renewals.push(performance.now() - start);
  }
};
const claim = leases.claim;
leases.claim = async (ids) => {
  const taken = await claim(ids);
  if (roundStart !== undefined) rounds.push(performance.now() - roundStart);
  roundStart = undefined;
  return taken;
};
const budget = Number(budgetArg);
registry = createProcessRegistry(store, { processId: leases.processId, shards, budget }, quiet);
const tasks = createTaskService({ store, upstream: client, ledger, logger: quiet, leases });

const card = async (path: string, method: string) => {
  const res = await fetch(`${cardUrl}${path}`, { method });
  if (!res.ok) throw new Error(`card server answered ${res.status}`);
  return (await res.json()) as { delivered: boolean };
};
const timing = { firstDelayMs: 10_000, minIntervalMs: 10_000, maxIntervalMs: 30_000 };
const poller = createPoller({
  tasks,
  upstream: client,
  logger: quiet,
  leases,
  policy: fixedPolicy(timing),
  settings: { ...timing, queriesPerSecond: 0, concurrency: 64, deadlineMs: 3_600_000, leaseMs },
  presenter: {
    queued: async () => {},
    progress: async () => {},
    final: async () => ({}),
    deliver: async (task) => {
      await card(`/deliver/${task.upstreamTaskId}?p=${index}`, 'POST');
      return { mode: 'link', via: 'webhook' };
    },
    alreadyDelivered: async (task) =>
      (await card(`/card/${task.upstreamTaskId}`, 'GET')).delivered ? { mode: 'link', via: 'webhook' } : undefined,
  },
});
registry.onShare((share) => poller.setQueryRate(share));

const stats = () => {
  const cpu = process.cpuUsage();
  return {
    index,
    rssMb: process.memoryUsage().rss / 2 ** 20,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    cpuMs: (cpu.user + cpu.system) / 1000,
    queries,
    maxIn1s,
    rounds,
    renewals,
    starts: fresh.splice(0),
  };
};
const print = (kind: string, value: unknown) => process.stdout.write(`${kind} ${JSON.stringify(value)}\n`);

// The bot's start (app.start without Discord): registry, then the takeover (its first page before the bot takes
// interactions: `ready`), then reconciliation in the background.
await registry.start();
const alone = registry.livePeers() === 0;
const r0 = performance.now();
const adopted = await poller.start();
const r1 = performance.now();
print('ready', {
  index,
  processId: leases.processId,
  readyMs: r1 - t0,
  takeoverMs: r1 - r0,
  adopted: adopted.open,
});
// As the bot: processes started together repair once (the others wait for it, then skip).
const repaired = reconcileOnce(store, ledger, quiet, {
  processId: leases.processId,
  startedAt,
  rebuildRunning: alone,
}).then(
  (r) =>
    print('reconciled', {
      index,
      ms: performance.now() - r1,
      ...(r.ran ? { open: r.report.openTasks } : { skipped: true }),
    }),
  (err: unknown) => print('reconciled', { index, error: String(err) }),
);
const ticker = setInterval(() => print('stats', stats()), 2000);
await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
clearInterval(ticker);
await poller.stop(5000);
await repaired;
await registry.stop();
print('stats', stats());
await store.close();
process.stdout.write('', () => process.exit(0));
