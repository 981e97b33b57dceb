/**
 * 100,000 open tasks over four bot processes on one PostgreSQL, sharing one query budget (issue 21 §1): start-up
 * times, memory, CPU per query, lease rounds, queries started in any second (counted at the fake Seedance, and
 * per process), detection delay against its bound; then a kill -9 of one process (takeover time, tasks lost,
 * videos delivered twice) and a restart of all four at once (time until every open task is asked about again).
 * Deliveries go to a card server here that counts them per task, so a double delivery or a lost task shows.
 * Skipped, with the reason printed, where no PostgreSQL answers.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openStore } from '../src/db/openStore.js';
import { startFakeSeedance } from '../src/dev/fake-seedance/index.js';
import { createLogger } from '../src/logging/logger.js';
import { createSettingsStore } from '../src/services/guildConfig/settingsStore.js';
import { SeedanceClient } from '../src/services/seedance/client.js';
import { createTaskService } from '../src/services/tasks/taskService.js';
import { createGuildLedger } from '../src/services/usage/guildLedger.js';
import { NO_LIMITS } from '../test/support/tempStore.js';
import { POSTGRES_URL, postgresProblem, withSchema } from './cluster.js';
import { botNodeArgs } from './botNodeArgs.js';
import { percentile, report } from './report.js';
import { seedOpenTasks } from './seedOpenTasks.js';

const TASKS = 100_000;
const PROCESSES = 4;
/**
 * Queries per second for all four processes together: what the fake and two cores shared with other work serve
 * (1,000/s was asked for; on the loaded machine the four processes managed about 300/s).
 */
const BUDGET = 500;
/** Render times (from when the processes start): uniform over this spread. */
const RENDER_MS = { min: 60_000, max: 300_000 };
/** The bot's default poll timing, as the child runs it (POLL_SCHEDULE=fixed). */
const MIN_INTERVAL_MS = 10_000;
const LEASE_MS = 30_000;
const KILL_AFTER_MS = 90_000;
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

interface ChildStats {
  index: number;
  rssMb: number;
  peakRssMb: number;
  cpuMs: number;
  queries: number;
  maxIn1s: number;
  rounds: number[];
  renewals: number[];
  /** Query starts since its previous stats line. */
  starts: number[];
}
interface Ready {
  index: number;
  processId: string;
  readyMs: number;
  takeoverMs: number;
  adopted: number;
}

/** Every query start every process reported (printed every 2 s; a killed process loses its last two seconds). */
const clientStarts: number[] = [];

/** A child process of the bench: its `ready` line, its latest `stats` line, its exit. */
function startChild(index: number, args: string[], env: NodeJS.ProcessEnv) {
  const proc: ChildProcess = spawn(
    process.execPath,
    [...botNodeArgs(), here('./scale100kChild.js'), ...args, String(index)],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
      env: { ...process.env, ...env },
    },
  );
  const state: { ready?: Ready; stats?: ChildStats; reconciledMs?: number; reconcileSkipped?: boolean } = {};
  const ready = new Promise<Ready>((resolve, reject) => {
    createInterface({ input: proc.stdout! }).on('line', (line) => {
      const space = line.indexOf(' ');
      const kind = line.slice(0, space);
      if (kind === 'ready') resolve((state.ready = JSON.parse(line.slice(space + 1)) as Ready));
      if (kind === 'stats') {
        state.stats = JSON.parse(line.slice(space + 1)) as ChildStats;
        for (const at of state.stats.starts) clientStarts.push(at);
      }
      if (kind === 'reconciled') {
        const r = JSON.parse(line.slice(space + 1)) as { ms?: number; skipped?: boolean };
        state.reconciledMs = r.ms;
        state.reconcileSkipped = r.skipped === true;
      }
    });
    proc.once('exit', (code) => reject(new Error(`scale100k child ${index} exited with ${code} before ready`)));
  });
  const exited = new Promise<number>((resolve) => proc.once('close', () => resolve(Date.now())));
  return { index, proc, state, ready, exited };
}
type Child = ReturnType<typeof startChild>;

/** Waits until `check` holds; false when it still does not after `timeoutMs` (the figure then shows the wait). */
async function waitFor(what: string, check: () => boolean, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) {
      process.stderr.write(`scale100k: gave up waiting for ${what} after ${timeoutMs / 1000} s\n`);
      return false;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return true;
}

/** The most entries of sorted times within any rolling second. */
function maxInAnySecond(sorted: readonly number[]): number {
  let max = 0;
  for (let i = 0, j = 0; i < sorted.length; i += 1) {
    while (sorted[i]! - sorted[j]! >= 1000) j += 1;
    max = Math.max(max, i - j + 1);
  }
  return max;
}

export async function benchScale100k(): Promise<void> {
  const problem = await postgresProblem();
  if (problem) {
    process.stderr.write(`scale100k skipped: no PostgreSQL at ${POSTGRES_URL} (${problem})\n`);
    return;
  }
  const benchStart = Date.now();
  // At the fake: every query's start, and per upstream task its finish, detection and last query.
  const queryStarts: number[] = [];
  const finishAt = new Map<string, number>();
  const detectedAt = new Map<string, number>();
  const lastQueryAt = new Map<string, number>();
  const fake = await startFakeSeedance({ recordRequests: false });
  fake.setFaultHook((route, { taskId }) => {
    if (route !== 'query' || !taskId) return undefined;
    const at = Date.now();
    queryStarts.push(at);
    lastQueryAt.set(taskId, at);
    const finish = finishAt.get(taskId);
    if (finish !== undefined && at >= finish && !detectedAt.has(taskId)) detectedAt.set(taskId, at);
    return undefined;
  });
  // The "cards": deliveries per upstream task and by which process (Discord's part in the real bot).
  const deliveries = new Map<string, number>();
  const deliveredBy = new Map<string, number>();
  const cards = createServer((req, res) => {
    const [, kind, id] = (req.url ?? '').split('?')[0]!.split('/');
    if (kind === 'deliver' && req.method === 'POST') {
      deliveries.set(id!, (deliveries.get(id!) ?? 0) + 1);
      deliveredBy.set(id!, Number(new URL(req.url!, 'http://x').searchParams.get('p')));
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ delivered: deliveries.has(id!) }));
  });
  await new Promise<void>((r) => cards.listen(0, '127.0.0.1', r));
  const cardUrl = `http://127.0.0.1:${(cards.address() as AddressInfo).port}`;
  const children: Child[] = [];
  try {
    await withSchema(async (schema) => {
      const quiet = createLogger({ destination: new Writable({ write: (_c, _e, d) => d() }), level: 'warn' });
      const store = await openStore(
        { databasePath: '', databaseUrl: POSTGRES_URL, databaseSchema: schema, poolSize: 4 },
        quiet,
      );
      const ledger = createGuildLedger({
        store,
        settings: createSettingsStore(store),
        defaults: NO_LIMITS,
        dmEnabled: true,
      });
      const upstream = new SeedanceClient({
        baseUrl: fake.url,
        apiKey: fake.apiKey,
        timeoutMs: 10_000,
        allowInsecureVideoUrls: true,
      });
      const renders: number[] = [];
      const seedStart = Date.now();
      const ids = await seedOpenTasks({
        store,
        tasks: createTaskService({ store, upstream, ledger, logger: quiet }),
        ledger,
        fake,
        logger: quiet,
        count: TASKS,
        // 32 guilds, 8 on each process's shard.
        guildIds: Array.from({ length: 32 }, (_, g) => String(BigInt(1000 + g) << 22n)),
        scriptOf: (i) => {
          renders[i] = RENDER_MS.min + Math.random() * (RENDER_MS.max - RENDER_MS.min);
          return { kind: 'succeed', queuedMs: 0, runMs: renders[i]! };
        },
      });
      report('scale100k_seed_seconds', (Date.now() - seedStart) / 1000, 's', 'informational (100,000 open tasks)');

      const env = { DATABASE_URL: POSTGRES_URL, DATABASE_SCHEMA: schema };
      const args = [fake.url, fake.apiKey, String(BUDGET), String(PROCESSES), cardUrl];
      const startAll = () => Array.from({ length: PROCESSES }, (_, p) => startChild(p, args, env));
      // Render clocks start with the processes.
      const spawnedAt = Date.now();
      for (const [i, id] of ids.entries()) {
        fake.tasks.get(id)!.createdAt = spawnedAt;
        finishAt.set(id, spawnedAt + renders[i]!);
      }
      const first = startAll();
      children.push(...first);
      const firstReady = await Promise.all(first.map((c) => c.ready));
      for (const r of firstReady) {
        report(
          `scale100k_p${r.index}_startup_ready_ms`,
          r.readyMs,
          'ms',
          '< 5000 (100,000 open tasks, 4 starting at once)',
        );
        report(`scale100k_p${r.index}_startup_takeover_ms`, r.takeoverMs, 'ms', 'informational');
        report(
          `scale100k_p${r.index}_startup_tasks_adopted_before_ready`,
          r.adopted,
          'tasks',
          'informational (the first page; the rest after)',
        );
      }

      // Steady state, then kill -9 one process: its still-open tasks must each be asked about by another.
      await new Promise((r) => setTimeout(r, Math.max(0, spawnedAt + KILL_AFTER_MS - Date.now())));
      const doomed = first[1]!;
      const owners = new Map(
        (await store.scan<{ owner?: string }>('open_tasks:')).map(([k, e]) => [k.slice('open_tasks:'.length), e.owner]),
      );
      const doomedTaskIds = new Set(
        [...owners].filter(([, o]) => o === doomed.state.ready!.processId).map(([id]) => id),
      );
      const tasksById = await store.getMany<{ id: string; upstreamTaskId?: string }>(
        [...doomedTaskIds].map((id) => `tasks:${id}`),
      );
      doomed.proc.kill('SIGKILL');
      const killedAt = await doomed.exited;
      const orphans = [...tasksById.values()].map((t) => t.upstreamTaskId!).filter((id) => !deliveries.has(id));
      const askedAfter = (id: string, at: number) => (lastQueryAt.get(id) ?? 0) > at;
      // Ownership: until no open-index entry names the killed process (one SQL count a second).
      let claimedAt: number | undefined;
      const sql = new pg.Client({ connectionString: POSTGRES_URL });
      await sql.connect();
      const watching = (async () => {
        while (claimedAt === undefined && Date.now() - killedAt < 150_000) {
          const { rows } = await sql.query<{ n: string }>(
            `SELECT count(*) AS n FROM "${schema}".records WHERE key LIKE 'open_tasks:%' AND value LIKE $1`,
            [`%"owner":"${doomed.state.ready!.processId}"%`],
          );
          if (Number(rows[0]!.n) === 0) claimedAt = Date.now();
          else await new Promise((r) => setTimeout(r, 1000));
        }
      })();
      await waitFor(
        'every task of the killed process asked about again',
        () => orphans.every((id) => askedAfter(id, killedAt) || deliveries.has(id)),
        150_000,
      );
      const requeried = (Date.now() - killedAt) / 1000;
      await watching;
      await sql.end();
      report(
        'scale100k_takeover_claimed_seconds_after_kill',
        ((claimedAt ?? Date.now()) - killedAt) / 1000,
        's',
        `< 60 s (lease 30 s; every open task of the killed process owned by a live one; ${orphans.length} tasks)`,
      );
      const requeryTarget = LEASE_MS / 1000 + (orphans.length / BUDGET) * 1.2 + 10;
      report(
        'scale100k_takeover_asked_again_seconds_after_kill',
        requeried,
        's',
        `< ${Math.round(requeryTarget)} s (lease 30 s + ${orphans.length} queries at ${BUDGET}/s x1.2 + 10 s)`,
      );

      // Restart all four at once (a deploy: the three survivors stop gracefully, then four new processes).
      const survivors = first.filter((c) => c !== doomed);
      for (const c of survivors) c.proc.stdin!.write('stop\n');
      await Promise.all(survivors.map((c) => c.exited));
      const openAtRestart = ids.filter((id) => !deliveries.has(id));
      const restartAt = Date.now();
      const second = startAll();
      children.push(...second);
      const secondReady = await Promise.all(second.map((c) => c.ready));
      for (const r of secondReady)
        report(
          `scale100k_restart_p${r.index}_ready_ms`,
          r.readyMs,
          'ms',
          `< 5000 (${openAtRestart.length} open tasks)`,
        );
      await waitFor(
        'every open task asked about after the restart',
        () => openAtRestart.every((id) => askedAfter(id, restartAt) || deliveries.has(id)),
        240_000,
      );
      const repolled = (Date.now() - restartAt) / 1000;
      const repollTarget = (openAtRestart.length / BUDGET) * 1.2 + 10;
      report(
        'scale100k_restart_all_polled_again_seconds',
        repolled,
        's',
        `< ${Math.round(repollTarget)} s (${openAtRestart.length} open at ${BUDGET}/s, x1.2 + 10 s)`,
      );

      // Within the bench's 12 minutes: what is still undelivered then counts as lost.
      await waitFor(
        'every task delivered',
        () => ids.every((id) => deliveries.has(id)),
        Math.max(30_000, benchStart + 11.5 * 60_000 - Date.now()),
      );
      // A little longer: a second delivery of a task would show now.
      await new Promise((r) => setTimeout(r, 3000));
      for (const c of second) c.proc.stdin!.write('stop\n');
      await Promise.all(second.map((c) => c.exited));
      await store.close();

      // Figures per process (both lives: first run, then after the restart) and in total.
      const all = [...first, ...second];
      const shareMax = Math.ceil(BUDGET / (PROCESSES - 1));
      for (const c of all) {
        const s = c.state.stats!;
        const life = c === doomed ? 'killed' : second.includes(c) ? 'second' : 'first';
        const tag = `scale100k_p${c.index}_${life}`;
        report(`${tag}_peak_rss_mb`, s.peakRssMb, 'MB', '< 512 (about 25,000 tasks followed)');
        if (c.state.reconciledMs !== undefined)
          report(
            `${tag}_reconcile_ms_after_ready`,
            c.state.reconciledMs,
            'ms',
            c.state.reconcileSkipped
              ? 'informational (waited, then skipped: another process repaired after this one started)'
              : 'informational (every open task read)',
          );
        report(
          `${tag}_cpu_ms_per_query`,
          s.queries ? s.cpuMs / s.queries : 0,
          'ms',
          "< 2 (all of the process's work over its queries)",
        );
        report(
          `${tag}_max_queries_started_in_1s`,
          s.maxIn1s,
          'queries',
          `<= ${shareMax} (its share, at most budget/3)`,
        );
        report(
          `${tag}_lease_renewal_p99_ms`,
          percentile(s.renewals, 99),
          'ms',
          `< ${LEASE_MS / 3 / 10} (one transaction renewing all its leases, every ${LEASE_MS / 3000} s)`,
        );
        report(
          `${tag}_lease_round_p99_ms`,
          percentile(s.rounds, 99),
          'ms',
          `< ${LEASE_MS / 3} (renewal + orphan scan + claims, done before the next round is due)`,
        );
      }
      // Started: by the processes' own clocks (one machine), every process's starts merged.
      report(
        'scale100k_total_max_queries_started_in_1s',
        maxInAnySecond(clientStarts.sort((a, b) => a - b)),
        'queries',
        `<= budget ${BUDGET}/s (every process's starts merged)`,
      );
      // Arrived: at the fake, which shares the machine; a starved fake sees requests bunch up.
      report(
        'scale100k_total_max_queries_arrived_in_1s_at_fake',
        maxInAnySecond(queryStarts.sort((a, b) => a - b)),
        'queries',
        `informational (arrivals bunch up when the fake waits for CPU; budget ${BUDGET}/s)`,
      );
      report('scale100k_total_queries_at_fake', queryStarts.length, 'queries', 'informational');
      const bound = Math.max(MIN_INTERVAL_MS / 2, (TASKS / (2 * BUDGET)) * 1000);
      const delays = (filter: (id: string) => boolean) =>
        ids.filter((id) => filter(id) && detectedAt.has(id)).map((id) => detectedAt.get(id)! - finishAt.get(id)!);
      // Steady state: tasks finished and seen before the kill.
      const steady = delays((id) => detectedAt.has(id) && detectedAt.get(id)! < killedAt);
      // After the restart of all four: tasks that finished once it had begun, against the bound for what was open.
      const afterRestart = delays((id) => finishAt.get(id)! > restartAt);
      const restartBound = Math.max(MIN_INTERVAL_MS / 2, (openAtRestart.length / (2 * BUDGET)) * 1000);
      report(
        'scale100k_detection_p50_to_bound_steady',
        percentile(steady, 50) / bound,
        'ratio',
        `<= 1.2 (bound ${bound} ms, ${steady.length} tasks)`,
      );
      report(
        'scale100k_detection_p50_to_bound_after_restart',
        percentile(afterRestart, 50) / restartBound,
        'ratio',
        `<= 1.5 (bound ${Math.round(restartBound)} ms, the restart included; ${afterRestart.length} tasks)`,
      );
      for (let p = 0; p < PROCESSES; p += 1) {
        const mine = delays((id) => deliveredBy.get(id) === p);
        report(
          `scale100k_p${p}_detection_p50_to_bound`,
          percentile(mine, 50) / bound,
          'ratio',
          `<= 1.5 (every phase; ${mine.length} tasks delivered)`,
        );
      }
      const lost = ids.filter((id) => !deliveries.has(id)).length;
      const doubled = [...deliveries.values()].reduce((sum, n) => sum + n - 1, 0);
      report('scale100k_tasks_lost', lost, 'tasks', '0');
      report('scale100k_videos_delivered_twice', doubled, 'deliveries', '0');
      report('scale100k_bench_minutes', (Date.now() - benchStart) / 60_000, 'min', '<= 12');
    });
  } finally {
    for (const c of children) if (c.proc.exitCode === null && c.proc.signalCode === null) c.proc.kill('SIGKILL');
    cards.closeAllConnections();
    await new Promise<void>((r) => cards.close(() => r()));
    await fake.close();
  }
}
