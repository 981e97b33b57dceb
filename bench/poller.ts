/**
 * The poller against the fake Seedance with many pending tasks finishing at random times, under a query
 * budget. Prints the highest query rate in any 1 s window, detection delay (upstream finished → poller
 * saw it) against the bound max(min_interval / 2, pending / (2 × budget)), CPU and peak RSS (this process
 * also runs the fake server, so both are upper bounds), and, through the fake Discord, completion-to-edit.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { openDatabase } from '../src/db/openDatabase.js';
import { createTaskStore } from '../src/db/taskStore.js';
import { startFakeSeedance } from '../src/dev/fake-seedance/index.js';
import { createLogger } from '../src/logging/logger.js';
import { createPoller } from '../src/services/polling/poller.js';
import { SeedanceClient } from '../src/services/seedance/client.js';
import { createTaskService } from '../src/services/tasks/taskService.js';
import { createOpenLedger } from '../src/services/usage/usageLedger.js';
import { eventually, startHarness } from '../test/harness.js';
import { percentile, report } from './report.js';

const quiet = createLogger({ destination: new Writable({ write: (_c, _e, d) => d() }), level: 'warn' });

export async function benchPoller(pending: number, budget: number, finishWithinMs: number, minIntervalMs = 2000): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'seedance-bench-'));
  const fake = await startFakeSeedance();
  const db = await openDatabase(join(dir, 'bench.sqlite'));
  const finishAt = new Map<string, number>();
  const seenAt = new Map<string, number>();
  try {
    const client = new SeedanceClient({ baseUrl: fake.url, apiKey: fake.apiKey, timeoutMs: 10_000, allowInsecureVideoUrls: true });
    const tasks = createTaskService({ store: createTaskStore(db), upstream: client, ledger: createOpenLedger(), logger: quiet });
    // Upstream tasks first, each with its own random finish time; then our records, already running.
    const base = Date.now();
    for (let i = 0; i < pending; i += 1) {
      const runMs = Math.floor(Math.random() * finishWithinMs);
      fake.enqueueScript({ kind: 'succeed', queuedMs: 0, runMs });
    }
    for (let i = 0; i < pending; i += 1) {
      const created = await tasks.create({
        guildId: '1', channelId: '2', userId: String(i), locale: 'en-US',
        interaction: { applicationId: '3', token: 't', createdAt: base },
        model: 'seedance2.0-mini-sp', request: { model: 'seedance2.0-mini-sp', prompt: `p${i}`, duration: 5 },
        cost: { billing: 'per_task', units: 1, seconds: 5, billedAs: 'seedance2.0-mini-sp-720p' },
      });
      if (!created.ok) throw new Error('refused');
      await tasks.submit(created.task.id);
    }
    for (const t of fake.tasks.values()) finishAt.set(t.taskId, t.createdAt + (t.script.kind === 'succeed' ? t.script.runMs : 0));
    const cpu0 = process.cpuUsage();
    const t0 = Date.now();
    let peakRss = process.memoryUsage().rss;
    const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);
    const poller = createPoller({
      tasks,
      upstream: client,
      logger: quiet,
      settings: { firstDelayMs: minIntervalMs, minIntervalMs, maxIntervalMs: minIntervalMs, queriesPerSecond: budget, concurrency: 64, deadlineMs: 3_600_000 },
      presenter: {
        progress: async () => {},
        final: async () => {},
        deliver: async (task) => {
          seenAt.set(task.upstreamTaskId!, Date.now());
          return { mode: 'link', via: 'webhook' };
        },
      },
    });
    const queriesBefore = fake.queryCount();
    await poller.start();
    await eventually(() => seenAt.size === pending, finishWithinMs + 120_000, 'every task seen');
    await poller.stop(1000);
    clearInterval(rssTimer);
    const elapsedMin = (Date.now() - t0) / 60_000;
    const cpu = process.cpuUsage(cpu0);

    const times = fake.requests.filter((r) => r.method === 'GET' && r.path.includes('/videos/')).map((r) => r.at).sort((a, b) => a - b);
    let maxWindow = 0;
    for (let i = 0, j = 0; i < times.length; i += 1) {
      while (times[i]! - times[j]! >= 1000) j += 1;
      maxWindow = Math.max(maxWindow, i - j + 1);
    }
    const delays = [...seenAt].map(([id, at]) => at - finishAt.get(id)!);
    const bound = Math.max(minIntervalMs / 2, (pending / (2 * budget)) * 1000);
    const tag = `${pending}_tasks`;
    report(`poller_${tag}_max_queries_in_1s`, maxWindow, 'queries', `<= budget ${budget}/s`);
    report(`poller_${tag}_detection_delay_p50`, percentile(delays, 50), 'ms', 'informational');
    report(`poller_${tag}_detection_delay_p99`, percentile(delays, 99), 'ms', 'informational');
    report(`poller_${tag}_detection_p50_to_bound`, percentile(delays, 50) / bound, 'ratio', `<= 1.2 (bound ${Math.round(bound)} ms)`);
    report(`poller_${tag}_cpu_per_minute`, (cpu.user + cpu.system) / 1e6 / elapsedMin, 's/min', '< 12 s/min (20% of one core), includes the fake server');
    report(`poller_${tag}_peak_rss`, peakRss / 1024 / 1024, 'MB', '< 250 MB at 10,000 tasks, includes the fake server');
    report(`poller_${tag}_queries_per_task`, (fake.queryCount() - queriesBefore) / pending, 'queries', 'informational');
  } finally {
    await db.close();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Upstream completion → the video edited into the member's message, through the real bot and fake Discord. */
export async function benchCompletionToEdit(count = 100, finishWithinMs = 20_000): Promise<void> {
  const h = await startHarness({ env: { POLL_FIRST_DELAY_SEC: '1', POLL_MIN_INTERVAL_SEC: '1', POLL_MAX_INTERVAL_SEC: '1', POLL_QUERIES_PER_SEC: '100', LOG_LEVEL: 'warn' } });
  try {
    for (let i = 0; i < count; i += 1) {
      h.seedance.enqueueScript({ kind: 'succeed', queuedMs: 0, runMs: Math.floor(Math.random() * finishWithinMs) });
      const ix = h.discord.dispatchCommand({ name: 'video', subcommand: 'text', user: { id: `8${String(i).padStart(17, '0')}` }, options: [{ name: 'prompt', value: `edit ${i}` }] });
      await h.discord.waitForCallback(ix.id);
    }
    await eventually(async () => (await h.app.tasks.listOpen()).length === 0, finishWithinMs + 60_000, 'all delivered');
    const latencies: number[] = [];
    for (const t of h.seedance.tasks.values()) {
      if (t.script.kind !== 'succeed') continue;
      const done = t.createdAt + t.script.runMs;
      const upload = h.discord.requests.find((r) => r.files.some((f) => f.name.endsWith('.mp4')) && JSON.stringify(r.body).includes(t.prompt));
      if (upload) latencies.push(upload.at - done);
    }
    report('completion_to_edit_p50', percentile(latencies, 50), 'ms', 'informational (poll interval 1 s)');
    report('completion_to_edit_p99', percentile(latencies, 99), 'ms', 'informational (poll interval 1 s)');
  } finally {
    await h.close();
  }
}
