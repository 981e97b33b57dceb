/**
 * Several processes on one PostgreSQL: reservations from two processes at once (latency, over-spend), the
 * takeover of a killed process's running tasks, and the poller's shared query budget over two and three processes.
 * Skipped, with the reason printed, where no PostgreSQL answers (TEST_DATABASE_URL or the local one).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openStore } from '../src/db/openStore.js';
import { startFakeSeedance } from '../src/dev/fake-seedance/index.js';
import { createLogger } from '../src/logging/logger.js';
import { eventually, startHarness } from '../test/harness.js';
import { botNodeArgs } from './botNodeArgs.js';
import { percentile, report } from './report.js';

export const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

export async function postgresProblem(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return undefined;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function withSchema<T>(run: (schema: string) => Promise<T>): Promise<T> {
  const schema = `bench_${Math.random().toString(16).slice(2, 10)}`;
  try {
    return await run(schema);
  } finally {
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  }
}

/** Starts a compiled child and resolves once it printed `ready`; `output` resolves with its last line. */
export function child(file: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const proc = spawn(process.execPath, [...botNodeArgs(), here(file), ...args], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  let out = '';
  const ready = new Promise<void>((resolve, reject) => {
    proc.stdout!.on('data', (d) => {
      out += String(d);
      if (out.includes('ready')) resolve();
    });
    proc.once('exit', (code) => (code ? reject(new Error(`${file} exited with ${code}`)) : undefined));
  });
  const output = new Promise<string>((resolve) =>
    // 'close', not 'exit': only then has every byte of its stdout been read.
    proc.once('close', () => resolve(out.trim().split('\n').pop() ?? '')),
  );
  return { proc, ready, output };
}

export async function benchCluster(): Promise<void> {
  const problem = await postgresProblem();
  if (problem) {
    process.stderr.write(`cluster benchmarks skipped: no PostgreSQL at ${POSTGRES_URL} (${problem})\n`);
    return;
  }
  await benchPostgresReservations();
  await benchSharedBudget(10_000, 300, 2);
  await benchSharedBudget(10_000, 300, 3);
  await benchTakeover();
}

/** 1,000 concurrent reservations across 50 guilds from two processes, each guild capped at 15. */
async function benchPostgresReservations(count = 1000, guilds = 50, perGuildLimit = 15): Promise<void> {
  await withSchema(async (schema) => {
    // The schema and table first, so the two processes do not race to create them.
    await (
      await openStore(
        { databasePath: '', databaseUrl: POSTGRES_URL, databaseSchema: schema, poolSize: 1 },
        createLogger({ level: 'silent' }),
      )
    ).close();
    const half = count / 2;
    const procs = [0, 1].map((p) =>
      child('./reservationsChild.js', [
        POSTGRES_URL,
        schema,
        String(half),
        String(guilds),
        String(perGuildLimit),
        String(p * half),
      ]),
    );
    await Promise.all(procs.map((p) => p.ready));
    for (const p of procs) p.proc.stdin!.write('go\n');
    const results = (await Promise.all(procs.map((p) => p.output))).map(
      (line) => JSON.parse(line) as { latencies: number[]; accepted: Record<string, number> },
    );
    const latencies = results.flatMap((r) => r.latencies);
    const accepted = new Map<string, number>();
    for (const r of results)
      for (const [g, n] of Object.entries(r.accepted)) accepted.set(g, (accepted.get(g) ?? 0) + n);
    const overSpent = [...accepted.values()].reduce((sum, n) => sum + Math.max(0, n - perGuildLimit), 0);
    report('reservation_latency_p50_postgres', percentile(latencies, 50), 'ms', 'informational (two processes)');
    report(
      'reservation_latency_p99_postgres',
      percentile(latencies, 99),
      'ms',
      'p99 < 100 ms (1,000 at once, 50 guilds, two processes)',
    );
    report('reservations_over_spent_postgres', overSpent, 'reservations', '0');
  });
}

/**
 * 10,000 pending tasks followed by three processes (one shard each) sharing a budget of 300 queries per
 * second: the most queries started in any second across all of them, and detection delay against the bound.
 */
export async function benchSharedBudget(
  pending = 10_000,
  budget = 300,
  processes = 3,
  finishWithinMs = 40_000,
): Promise<void> {
  const fake = await startFakeSeedance();
  try {
    await withSchema(async (schema) => {
      for (let i = 0; i < pending; i += 1)
        fake.enqueueScript({ kind: 'succeed', queuedMs: 0, runMs: Math.floor(Math.random() * finishWithinMs) });
      const env = { DATABASE_URL: POSTGRES_URL, DATABASE_SCHEMA: schema };
      const procs = Array.from({ length: processes }, (_, p) =>
        child(
          './pollerClusterChild.js',
          [fake.url, fake.apiKey, String(pending), String(budget), String(p), String(processes)],
          env,
        ),
      );
      await Promise.all(procs.map((p) => p.ready));
      // Process 0 has created every task upstream; after a few heartbeats every process knows the others.
      await new Promise((r) => setTimeout(r, 1500));
      for (const p of procs) p.proc.stdin!.write('go\n');
      const results = (await Promise.all(procs.map((p) => p.output))).map(
        (line) => JSON.parse(line) as { seenAt: Record<string, number>; queryStarts: number[] },
      );
      const starts = results.flatMap((r) => r.queryStarts).sort((a, b) => a - b);
      let maxWindow = 0;
      for (let i = 0, j = 0; i < starts.length; i += 1) {
        while (starts[i]! - starts[j]! >= 1000) j += 1;
        maxWindow = Math.max(maxWindow, i - j + 1);
      }
      const delays = results.flatMap((r) =>
        Object.entries(r.seenAt).map(([id, at]) => {
          const t = fake.tasks.get(id)!;
          return at - (t.createdAt + (t.script.kind === 'succeed' ? t.script.runMs : 0));
        }),
      );
      const bound = Math.max(1000, (pending / (2 * budget)) * 1000);
      report(
        `poller_shared_${processes}_processes_max_queries_started_in_1s`,
        maxWindow,
        'queries',
        `<= shared budget ${budget}/s`,
      );
      report(
        `poller_shared_${processes}_processes_detection_p50_to_bound`,
        percentile(delays, 50) / bound,
        'ratio',
        `<= 1.2 (bound ${Math.round(bound)} ms)`,
      );
      report(`poller_shared_${processes}_processes_tasks_seen`, delays.length, 'tasks', `${pending}`);
    });
  } finally {
    await fake.close();
  }
}

/** Two bot processes; one holding 1,000 running tasks is killed (kill -9): how long until the other holds them all. */
async function benchTakeover(tasks = 1000): Promise<void> {
  const h = await startHarness({
    startApp: false,
    store: 'postgres',
    env: {
      LOG_LEVEL: 'warn',
      TASK_LEASE_SEC: '30',
      POLL_MIN_INTERVAL_SEC: '5',
      POLL_MAX_INTERVAL_SEC: '10',
      POLL_QUERIES_PER_SEC: '200',
    },
    seedance: { defaultScript: { kind: 'stuck' } },
  });
  const bot = here('../../test/support/botProcess.ts');
  const start = () => {
    const proc = spawn(process.execPath, ['--import', 'tsx', bot], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, ...h.env },
    });
    const ready = new Promise<void>((resolve) =>
      proc.stdout!.on('data', (d) => String(d).includes('ready') && resolve()),
    );
    return { proc, ready };
  };
  const doomed = start();
  let survivor: ReturnType<typeof start> | undefined;
  try {
    await doomed.ready;
    for (let i = 0; i < tasks; i += 1) {
      h.discord.dispatchCommand({
        name: 'video',
        subcommand: 'text',
        user: { id: String(370_000_000_000_000_000n + BigInt(i)) },
        options: [{ name: 'prompt', value: `t${i}` }],
      });
      if (i % 50 === 49) await new Promise((r) => setTimeout(r, 100));
    }
    await eventually(() => h.seedance.createCount() === tasks, 120_000, 'every task created upstream');
    survivor = start();
    await survivor.ready;
    const store = await openStore(
      { databasePath: '', databaseUrl: h.env.DATABASE_URL, databaseSchema: h.env.DATABASE_SCHEMA, poolSize: 2 },
      createLogger({ level: 'silent' }),
    );
    const owners = async () => new Set((await store.scan<{ owner?: string }>('open_tasks:')).map(([, e]) => e.owner));
    const before = await owners();
    doomed.proc.kill('SIGKILL');
    const killedAt = Date.now();
    await eventually(
      async () => {
        const now = await owners();
        return now.size === 1 && ![...before].some((o) => now.has(o));
      },
      120_000,
      'the survivor holding every task',
    );
    report('takeover_seconds_after_kill_1000_tasks', (Date.now() - killedAt) / 1000, 's', '< 60 s (lease 30 s)');
    for (const t of h.seedance.tasks.values()) h.seedance.finishTask(t.taskId, { status: 'completed' });
    await eventually(async () => (await store.scan('open_tasks:')).length === 0, 180_000, 'every task delivered');
    const uploads = h.discord.requests.filter((r) => r.files.some((f) => f.name.endsWith('.mp4'))).length;
    const done = (await store.scan<{ state: string }>('tasks:')).filter(([, t]) => t.state === 'done').length;
    report('takeover_tasks_lost', tasks - done, 'tasks', '0');
    report('takeover_videos_doubled', uploads - done, 'uploads', '0');
    await store.close();
  } finally {
    doomed.proc.kill('SIGKILL');
    survivor?.proc.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    await h.close();
  }
}
