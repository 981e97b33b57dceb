/**
 * The store at size: a SQLite file holding 100,000 finished tasks and 10,000 members with usage this month.
 * Prints start-up time (open, upgrade check, reconciliation, take-over, login to the fake Discord: ready to
 * take interactions), the time of /usage members through the fake Discord (deferred answer with the CSV),
 * and the file size before and after retention deletes the tasks past their retention period.
 */
import { statSync } from 'node:fs';
import { keys } from '../src/db/keys.js';
import type { RecordStore } from '../src/db/recordStore.js';
import { openStore } from '../src/db/openStore.js';
import { createLogger } from '../src/logging/logger.js';
import { periodsAt } from '../src/services/usage/periods.js';
import { eventually, startHarness } from '../test/harness.js';
import { report } from './report.js';

const TASKS = 100_000;
const MEMBERS = 10_000;
const DAY = 86_400_000;
const quiet = createLogger({ level: 'silent' });

function finishedTask(i: number, guildId: string, channelId: string, at: number) {
  const id = `b${String(i).padStart(7, '0')}`;
  return {
    id,
    guildId,
    channelId,
    userId: String(500_000_000_000_000_000n + BigInt(i % MEMBERS)),
    locale: 'en-US',
    interaction: { applicationId: '1', token: '', createdAt: at },
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
    state: 'done',
    upstreamTaskId: `task_${i}`,
    upstreamStatus: 'completed',
    progress: 100,
    videoUrl: `https://video.example/files/task_${i}.mp4`,
    attempts: 6,
    createdAt: at,
    updatedAt: at + 60_000,
    submittedAt: at,
    finishedAt: at + 60_000,
    toldAt: at + 60_000,
    delivery: { mode: 'upload', via: 'webhook', at: at + 60_000 },
    reservation: {
      docs: [],
      day: '',
      month: '',
      amount: { tasks: 1, seconds: 5, perTaskUnits: 1, perSecondUnits: 0 },
      at,
    },
    usage: 'committed',
  };
}

async function fill(store: RecordStore, guildId: string, channelId: string, now: number): Promise<void> {
  const month = periodsAt(now).month;
  const batch: Array<[string, unknown]> = [];
  const flush = async () => {
    const entries = batch.splice(0);
    await store.transact(
      entries.map(([k]) => k),
      (tx) => {
        for (const [k, v] of entries) tx.set(k, v);
      },
    );
  };
  for (let i = 0; i < TASKS; i += 1) {
    // Half finished 40 days ago (past the 30-day retention), half within the last week.
    const at = now - (i % 2 === 0 ? 40 * DAY : (i % 7) * DAY) - 60_000;
    const t = finishedTask(i, guildId, channelId, at);
    batch.push([keys.task(t.id), t], [keys.finished(t.finishedAt, t.id), { id: t.id }]);
    if (batch.length >= 4000) await flush();
  }
  for (let m = 0; m < MEMBERS; m += 1) {
    const userId = String(500_000_000_000_000_000n + BigInt(m));
    const counter = { tasks: 5, seconds: 25, perTaskUnits: 5, perSecondUnits: 0 };
    batch.push([keys.usage(`g${guildId}`, userId), { running: 0, month: { id: month, counter }, last: now - DAY }]);
    if (batch.length >= 4000) await flush();
  }
  await flush();
}

export async function benchStorage(): Promise<void> {
  // The fakes first (they give the guild and channel ids), the app later, on the filled file.
  const h = await startHarness({ startApp: false, env: { LOG_LEVEL: 'warn' } });
  try {
    const guild = h.discord.guilds[0]!;
    const store = await openStore({ databasePath: h.config.databasePath }, quiet);
    await fill(store, guild.id, guild.channelId, h.clock.now());
    await store.close();

    const t0 = performance.now();
    const app = await h.restart();
    report(
      'startup_ready_ms_100k_finished_tasks',
      performance.now() - t0,
      'ms',
      'informational (open, reconcile, take-over, gateway READY)',
    );

    const admin = { id: '700000000000000001', username: 'admin' };
    const t1 = performance.now();
    const ix = h.discord.dispatchCommand({
      name: 'usage',
      subcommand: 'members',
      user: admin,
      permissions: 1n << 5n,
      options: [{ name: 'csv', value: true }],
    });
    await eventually(
      () =>
        h.discord.requests.find((r) => r.method === 'PATCH' && r.path.includes(ix.token ?? '') && r.files.length > 0),
      30_000,
      'the /usage members answer',
    );
    report(
      'usage_members_ms_10k_members',
      performance.now() - t1,
      'ms',
      'informational (defer, one range scan, CSV upload)',
    );

    const before = statSync(h.config.databasePath).size;
    const pruned = await app.prune();
    await app.stop(0);
    const after = statSync(h.config.databasePath).size;
    report('db_file_mb_100k_finished_tasks', before / 1024 / 1024, 'MB', 'informational (before retention)');
    report(
      'db_file_mb_after_pruning',
      after / 1024 / 1024,
      'MB',
      `informational (${pruned.tasks} tasks past 30 days deleted)`,
    );
  } finally {
    await h.close();
  }
}
