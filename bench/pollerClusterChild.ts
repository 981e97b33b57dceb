/**
 * One process of the shared-budget benchmark, on the PostgreSQL of DATABASE_URL: process 0 first creates
 * every task (upstream and in the store, held by nobody); each process runs shard <index> of <processes> and
 * joins the registry (its share of the budget); on `go` it takes over its shard's tasks and follows them until
 * no task is open. Prints one JSON line: when it saw each upstream task finish.
 */
import { Writable } from 'node:stream';
import { openStore } from '../src/db/openStore.js';
import { createLogger } from '../src/logging/logger.js';
import { createProcessRegistry } from '../src/services/cluster/processRegistry.js';
import { createTaskLeases } from '../src/services/cluster/taskLeases.js';
import { createSettingsStore } from '../src/services/guildConfig/settingsStore.js';
import { createPoller } from '../src/services/polling/poller.js';
import { SeedanceClient } from '../src/services/seedance/client.js';
import { createHttpTransport, type Transport } from '../src/services/seedance/httpTransport.js';
import { createTaskService } from '../src/services/tasks/taskService.js';
import { createGuildLedger } from '../src/services/usage/guildLedger.js';
import { NO_LIMITS } from '../test/support/tempStore.js';

const [url, apiKey, pendingArg, budgetArg, indexArg, processesArg] = process.argv.slice(2);
const pending = Number(pendingArg);
const index = Number(indexArg);
const processes = Number(processesArg);
const quiet = createLogger({ destination: new Writable({ write: (_c, _e, d) => d() }), level: 'warn' });
const store = await openStore(
  { databasePath: '', databaseUrl: process.env.DATABASE_URL, databaseSchema: process.env.DATABASE_SCHEMA, poolSize: 8 },
  quiet,
);
const ledger = createGuildLedger({ store, settings: createSettingsStore(store), defaults: NO_LIMITS, dmEnabled: true });
// Query starts as this process makes them (the budget is about starts), as the single-process bench records them.
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

if (index === 0) {
  // Tasks of 30 guilds spread over the shards, created by nobody's process (no lease).
  const creator = createTaskService({ store, upstream: client, ledger, logger: quiet });
  const one = async (i: number) => {
    const created = await creator.create({
      guildId: String(BigInt(1000 + (i % 30)) << 22n),
      channelId: '2',
      userId: String(i),
      locale: 'en-US',
      interaction: { applicationId: '3', token: 't', createdAt: Date.now() },
      model: 'seedance2.0-mini-sp',
      request: { model: 'seedance2.0-mini-sp', prompt: `p${i}`, duration: 5 },
      cost: { billing: 'per_task', units: 1, seconds: 5, billedAs: 'seedance2.0-mini-sp-720p' },
    });
    if (!created.ok) throw new Error('refused');
    await creator.submit(created.task.id);
  };
  for (let i = 0; i < pending; i += 500) {
    await Promise.all(Array.from({ length: Math.min(500, pending - i) }, (_, j) => one(i + j)));
  }
}
const shards = { count: processes, ids: [index] };
const leaseMs = 30_000;
let registry: ReturnType<typeof createProcessRegistry> | undefined;
const leases = createTaskLeases(store, {
  leaseMs,
  shards,
  runElsewhere: (shard) => registry?.shardsRunElsewhere().has(shard) ?? false,
});
registry = createProcessRegistry(store, { processId: leases.processId, shards, budget: Number(budgetArg) }, quiet);
const tasks = createTaskService({ store, upstream: client, ledger, logger: quiet, leases });
const seenAt: Record<string, number> = {};
const poller = createPoller({
  tasks,
  upstream: client,
  logger: quiet,
  leases,
  settings: {
    firstDelayMs: 2000,
    minIntervalMs: 2000,
    maxIntervalMs: 2000,
    queriesPerSecond: 0,
    concurrency: 64,
    deadlineMs: 3_600_000,
    leaseMs,
  },
  presenter: {
    queued: async () => {},
    progress: async () => {},
    final: async () => ({}),
    deliver: async (task) => {
      seenAt[task.upstreamTaskId!] = Date.now();
      return { mode: 'link', via: 'webhook' };
    },
  },
});
registry.onShare((share) => poller.setQueryRate(share));
// Registered before `go`, so every process knows which shards the others run when it takes tasks over.
await registry.start();
process.stdout.write('ready\n');
await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
await poller.start();
for (;;) {
  await new Promise((r) => setTimeout(r, 1000));
  if ((await store.scan('open_tasks:', { limit: 1 })).length === 0) break;
}
await poller.stop(1000);
await registry.stop();
process.stdout.write(`${JSON.stringify({ seenAt, queryStarts })}\n`);
await store.close();
// A large last line on a pipe may still be in flight: exit once stdout has taken all of it.
process.stdout.write('', () => process.exit(0));
