/**
 * One `/metrics` scrape with 10,000 tasks known: a SQLite file holding 10,000 open tasks (running, each with its
 * open-index entry), the bot's metrics over it and its HTTP server. Prints the time of one scrape over HTTP
 * (median and p95 of 30, after one warm-up) and the size of the answer.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keys } from '../src/db/keys.js';
import { openStore } from '../src/db/openStore.js';
import { createLogger } from '../src/logging/logger.js';
import { startHttpServer } from '../src/services/monitoring/httpServer.js';
import { createMetrics } from '../src/services/monitoring/metrics.js';
import { createKeyPool, keyFingerprint } from '../src/services/seedance/keyPool.js';
import { createSettingsStore } from '../src/services/guildConfig/settingsStore.js';
import { createTaskService } from '../src/services/tasks/taskService.js';
import { createGuildLedger } from '../src/services/usage/guildLedger.js';
import { NO_LIMITS } from '../test/support/tempStore.js';
import { percentile, report } from './report.js';

const TASKS = 10_000;
const SCRAPES = 30;
const quiet = createLogger({ level: 'silent' });
const KEYS = ['bench-key-one', 'bench-key-two', 'bench-key-three'];

function runningTask(i: number, at: number) {
  const id = `m${String(i).padStart(7, '0')}`;
  return {
    id,
    guildId: String(700_000_000_000_000_000n + BigInt(i % 50)),
    channelId: '800000000000000000',
    userId: String(500_000_000_000_000_000n + BigInt(i % 2000)),
    locale: 'en-US',
    interaction: { applicationId: '1', token: 'x'.repeat(200), createdAt: at },
    model: 'seedance2.0-mini-sp',
    request: {
      model: 'seedance2.0-mini-sp',
      prompt: `a benchmark prompt of ordinary length, number ${i}, with some words`,
      duration: 5,
      resolution: '720p',
      ratio: '16:9',
    },
    cost: { billing: 'per_task', units: 1, seconds: 5, billedAs: 'seedance2.0-mini-sp-720p' },
    messageId: String(600_000_000_000_000_000n + BigInt(i)),
    state: i % 10 === 0 ? 'queued' : 'running',
    upstreamTaskId: `task_${i}`,
    upstreamKey: keyFingerprint(KEYS[i % KEYS.length]!),
    upstreamStatus: 'processing',
    progress: 40,
    attempts: 3,
    createdAt: at,
    updatedAt: at,
    submittedAt: at,
    reservation: {
      docs: ['usage:g1', 'usage:g1:u1'],
      day: '2026-11-24',
      month: '2026-11',
      amount: { tasks: 1, seconds: 5, perTaskUnits: 1, perSecondUnits: 0 },
      at,
    },
    usage: 'reserved',
  };
}

export async function benchMetrics(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'seedance-bench-metrics-'));
  const store = await openStore({ databasePath: join(dir, 'bot.sqlite') }, quiet);
  try {
    const now = Date.now();
    for (let start = 0; start < TASKS; start += 2000) {
      const entries: Array<[string, unknown]> = [];
      for (let i = start; i < Math.min(TASKS, start + 2000); i += 1) {
        const t = runningTask(i, now);
        entries.push([keys.task(t.id), t], [keys.open(t.id), { createdAt: now, guildId: t.guildId }]);
      }
      await store.transact(
        entries.map(([k]) => k),
        (tx) => {
          for (const [k, v] of entries) tx.set(k, v);
        },
      );
    }
    const ledger = createGuildLedger({
      store,
      settings: createSettingsStore(store),
      defaults: NO_LIMITS,
      dmEnabled: true,
    });
    const pool = createKeyPool({ baseUrl: 'http://127.0.0.1:9', apiKeys: KEYS, cooldownMs: 600_000 });
    const tasks = createTaskService({ store, upstream: pool, ledger, logger: quiet });
    for (let i = 0; i < TASKS; i += 1) pool.hold(`m${i}`, keyFingerprint(KEYS[i % KEYS.length]!));
    const metrics = createMetrics({ openTasksByState: () => tasks.countOpenByState(), keys: () => pool.states() });
    const http = await startHttpServer({
      port: 0,
      host: '127.0.0.1',
      logger: quiet,
      health: async () => ({ ok: true }),
      metrics: async () => ({ contentType: metrics.contentType, body: await metrics.scrape() }),
    });
    try {
      const scrape = async () => {
        const started = performance.now();
        const res = await fetch(`${http.url}/metrics`);
        const text = await res.text();
        if (!text.includes('seedance_bot_tasks{state="running"} 9000')) throw new Error('the scrape is wrong');
        return { ms: performance.now() - started, bytes: Buffer.byteLength(text) };
      };
      await scrape();
      const runs: Array<{ ms: number; bytes: number }> = [];
      for (let i = 0; i < SCRAPES; i += 1) runs.push(await scrape());
      const times = runs.map((r) => r.ms);
      report('metrics_scrape_10k_tasks_p50', percentile(times, 50), 'ms', '< 250 ms (a scrape every 15 s)');
      report('metrics_scrape_10k_tasks_p95', percentile(times, 95), 'ms', '< 500 ms');
      report('metrics_scrape_bytes', runs[0]!.bytes, 'bytes', '< 64 KB (no per-task series)');
    } finally {
      await http.close();
    }
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
