/**
 * The soak's invariant checks (scripts/soak/invariants.ts) on crafted stores: a consistent end state passes
 * every check, and each kind of violation makes its own check fail, so a soak that passes means something.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TaskRecord } from '../../src/services/tasks/taskRecord.js';
import type { UsageDoc } from '../../src/services/usage/usageDoc.js';
import type { BotRun } from '../../scripts/soak/botFleet.js';
import { checkInvariants, type InvariantInputs } from '../../scripts/soak/invariants.js';
import { openTempStore, type TempStore } from '../support/tempStore.js';

const T0 = Date.UTC(2026, 11, 4, 12);
const G = 'g1';
const amount = { tasks: 1, seconds: 5, perTaskUnits: 0, perSecondUnits: 5, spend: 500_000 };

function task(id: string, extra: Partial<TaskRecord> = {}): TaskRecord {
  return {
    id,
    guildId: G,
    channelId: 'c1',
    userId: 'u1',
    locale: 'en-US',
    interaction: { id: `ix-${id}`, applicationId: 'app', token: '', createdAt: T0 },
    model: 'seedance2.0-sp',
    request: { model: 'seedance2.0-sp', prompt: `soak#${id}` } as TaskRecord['request'],
    cost: {} as TaskRecord['cost'],
    state: 'done',
    attempts: 1,
    createdAt: T0,
    updatedAt: T0 + 5000,
    finishedAt: T0 + 5000,
    toldAt: T0 + 5000,
    upstreamTaskId: `up-${id}`,
    delivery: { mode: 'upload', via: 'webhook', at: T0 + 5000 },
    reservation: { docs: [`usage:g${G}`, `usage:g${G}:uu1`], day: '2026-12-04', month: '2026-12', amount, at: T0 },
    usage: 'committed',
    ...extra,
  };
}

const doc = (tasks: number): UsageDoc => ({
  running: 0,
  day: {
    id: '2026-12-04',
    counter: { ...amount, tasks, seconds: 5 * tasks, perSecondUnits: 5 * tasks, spend: 500_000 * tasks },
  },
  month: {
    id: '2026-12',
    counter: { ...amount, tasks, seconds: 5 * tasks, perSecondUnits: 5 * tasks, spend: 500_000 * tasks },
  },
});

let temp: TempStore | undefined;
let dir: string | undefined;
afterEach(async () => {
  await temp?.cleanup();
  if (dir) rmSync(dir, { recursive: true, force: true });
  temp = undefined;
  dir = undefined;
});

/** A consistent end state: two delivered tasks, one refunded failure; the given change applied on top. */
async function inputs(
  change: (i: InvariantInputs, write: (k: string, v: unknown) => Promise<void>) => Promise<void> | void = () => {},
) {
  temp = await openTempStore('soak-invariants');
  dir = mkdtempSync(join(tmpdir(), 'soak-invariants-'));
  const write = (k: string, v: unknown) => temp!.store.transact([k], (tx) => tx.set(k, v));
  const failed = task('c', {
    state: 'failed',
    usage: 'refunded',
    createdAt: T0 + 6000,
    finishedAt: T0 + 8000,
    toldAt: T0 + 8000,
    delivery: undefined,
    upstreamTaskId: undefined,
    lastError: { stage: 'upstream', reason: 'no_video' },
  });
  for (const t of [task('a'), task('b', { userId: 'u1' }), failed]) await write(`tasks:${t.id}`, t);
  await write(`usage:g${G}`, doc(2));
  await write(`usage:g${G}:uu1`, doc(2));
  const log = join(dir, 'bot.log');
  writeFileSync(log, '{"msg":"task delivered","taskId":"a"}\n');
  mkdirSync(join(dir, 'media'));
  const run: BotRun = {
    slot: 0,
    pid: 1234,
    startedAt: T0,
    readyAt: T0 + 1000,
    endedAt: T0 + 9000,
    endedBy: 'SIGTERM',
    exitCode: 0,
    exitSignal: null,
    peakRssMb: 150,
    logFile: log,
    port: 0,
  };
  const i: InvariantInputs = {
    store: temp.store,
    creates: [
      { taskId: 'up-a', prompt: 'soak#a', answered: true },
      { taskId: 'up-b', prompt: 'soak#b', answered: true },
    ],
    uploadsByMessage: new Map([
      ['m-a', 1],
      ['m-b', 1],
    ]),
    sent: [
      { id: 'ix-a', kind: 'text', guildId: G, userId: 'u1', answer: 'public' },
      { id: 'ix-x', kind: 'blocked', guildId: G, userId: 'u1', answer: 'private', mustRefuse: true },
    ],
    limitChanges: [],
    initialLimits: { guild_running: 4, member_running: 2, member_daily_tasks: 10, guild_monthly_spend: 5 },
    runs: [run],
    peakRssLimitMb: 400,
    tempDirs: [join(dir, 'media')],
    secrets: ['sk_secret_key'],
    duringRun: [],
  };
  await change(i, write);
  return i;
}

const failing = async (i: InvariantInputs) => (await checkInvariants(i)).filter((c) => !c.ok).map((c) => c.name);

describe('the soak invariants', () => {
  it('a consistent end state passes every check', async () => {
    const checks = await checkInvariants(await inputs());
    expect(checks.filter((c) => !c.ok)).toEqual([]);
    expect(checks).toHaveLength(8);
  });

  it.each([
    [
      'a task still running',
      (_i: InvariantInputs, w: (k: string, v: unknown) => Promise<void>) =>
        w('tasks:a', task('a', { state: 'running', toldAt: undefined })),
      'every accepted request ended exactly once',
    ],
    [
      'a failed task still charged',
      (_i: InvariantInputs, w: (k: string, v: unknown) => Promise<void>) =>
        w('tasks:c', task('c', { state: 'failed', usage: 'committed' })),
      'every accepted request ended exactly once',
    ],
    [
      'a refused interaction that made a task',
      (i: InvariantInputs) =>
        void i.sent.push({
          id: 'ix-b',
          kind: 'blocked',
          guildId: G,
          userId: 'u1',
          answer: 'private',
          mustRefuse: true,
        }),
      'every accepted request ended exactly once',
    ],
    [
      'a card with two video uploads',
      (i: InvariantInputs) => void i.uploadsByMessage.set('m-a', 2),
      'every accepted request ended exactly once',
    ],
    [
      'an upstream create no task tracks',
      (i: InvariantInputs) => void i.creates.push({ taskId: 'up-z', prompt: 'soak#z', answered: true }),
      'no upstream create the bot does not track',
    ],
    [
      'a create sent twice for one task',
      (i: InvariantInputs) => void i.creates.push({ taskId: 'up-a2', prompt: 'soak#a', answered: false }),
      'no upstream create the bot does not track',
    ],
    [
      'a usage document that does not match its tasks',
      (_i: InvariantInputs, w: (k: string, v: unknown) => Promise<void>) => w(`usage:g${G}`, doc(3)),
      'stored usage equals the tasks, no cap exceeded',
    ],
    [
      'two running at once under a member cap of 1',
      (i: InvariantInputs) => void (i.initialLimits.member_running = 1),
      'stored usage equals the tasks, no cap exceeded',
    ],
    [
      'a spend over the cap',
      (i: InvariantInputs) => void (i.initialLimits.guild_monthly_spend = 0.9),
      'stored usage equals the tasks, no cap exceeded',
    ],
    [
      'a queue entry left',
      (_i: InvariantInputs, w: (k: string, v: unknown) => Promise<void>) =>
        w(`queue:g${G}:000000000000001:q`, { userId: 'u1' }),
      'no stuck queue entry, slot or lease',
    ],
    [
      'a lease seen held by a dead process',
      (i: InvariantInputs) => void i.duringRun.push('open_tasks:a held by 99'),
      'no stuck queue entry, slot or lease',
    ],
    [
      'a process that died by itself',
      (i: InvariantInputs) => void i.runs.push({ ...i.runs[0]!, pid: 5, endedBy: 'exit', exitCode: 1 }),
      'no bot process crashed',
    ],
    [
      'a job directory left',
      (i: InvariantInputs) => void mkdirSync(join(i.tempDirs[0]!, 'job-1-abc')),
      'no temp file or directory left',
    ],
    [
      'a process over the memory limit',
      (i: InvariantInputs) => void (i.runs[0]!.peakRssMb = 900),
      'memory stayed bounded',
    ],
    [
      'an API key in a log line',
      (i: InvariantInputs) => writeFileSync(i.runs[0]!.logFile, '{"msg":"x","key":"sk_secret_key"}\n'),
      'no log line carries a secret or file data',
    ],
    [
      'video bytes in a log line',
      (i: InvariantInputs) => writeFileSync(i.runs[0]!.logFile, '{"msg":"x","body":"....ftypisom...."}\n'),
      'no log line carries a secret or file data',
    ],
  ])('%s fails its check', async (_what, change, check) => {
    expect(await failing(await inputs(change))).toContain(check);
  });
});
