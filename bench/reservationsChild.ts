/**
 * One process of the PostgreSQL reservation benchmark: opens the shared store, warms up on guilds of its own,
 * waits for `go` on stdin (so every process starts its burst together), reserves `count` times at once across
 * the shared guilds, and prints one JSON line: each latency, and how many were accepted per guild.
 */
import { openStore } from '../src/db/openStore.js';
import { createLogger } from '../src/logging/logger.js';
import { createSettingsStore } from '../src/services/guildConfig/settingsStore.js';
import { createGuildLedger } from '../src/services/usage/guildLedger.js';

const [url, schema, countArg, guildsArg, limitArg, offsetArg] = process.argv.slice(2);
const count = Number(countArg);
const guilds = Number(guildsArg);
const offset = Number(offsetArg);
const store = await openStore(
  { databasePath: '', databaseUrl: url, databaseSchema: schema, poolSize: 8 },
  createLogger({ level: 'silent' }),
);
const ledger = createGuildLedger({
  store,
  settings: createSettingsStore(store),
  defaults: {
    guild_daily_tasks: Number(limitArg),
    guild_monthly_tasks: null,
    guild_monthly_seconds: null,
    guild_monthly_spend: null,
    member_daily_tasks: null,
    member_running: null,
    guild_running: null,
    cooldown_seconds: null,
    guild_queue: 0,
    member_queue: 0,
  },
  dmEnabled: true,
});
const cost = { billing: 'per_task' as const, units: 1, seconds: 5, billedAs: 'seedance2.0-md' };
const reserve = async (guildId: string, userId: string) => {
  const plan = await ledger.plan({ guildId, userId, model: 'seedance2.0-md', cost });
  return store.transact(plan.keys, (tx) => plan.reserve(tx));
};
// Warm-up on guilds nobody else uses (compiled paths, pool connections), not reported.
await Promise.all(Array.from({ length: count }, (_, i) => reserve(`warm${offset}_${i % guilds}`, `w${offset + i}`)));
process.stdout.write('ready\n');
await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
const latencies: number[] = [];
const accepted: Record<string, number> = {};
await Promise.all(
  Array.from({ length: count }, async (_, i) => {
    const guildId = `g${i % guilds}`;
    const started = performance.now();
    const r = await reserve(guildId, `u${offset + i}`);
    latencies.push(performance.now() - started);
    if (r.ok) accepted[guildId] = (accepted[guildId] ?? 0) + 1;
  }),
);
process.stdout.write(`${JSON.stringify({ latencies, accepted })}\n`);
await store.close();
// A large last line on a pipe may still be in flight: exit once stdout has taken all of it.
process.stdout.write('', () => process.exit(0));
