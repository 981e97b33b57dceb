/**
 * Several real bot processes on one PostgreSQL (a rolling deploy, or processes on several machines): every
 * budget stays exact, every interaction is answered once, and a process killed with kill -9 has its tasks
 * taken over by another one. Runs where PostgreSQL does (required under CI=true).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/db/openStore.js';
import { eventually, type Harness, startHarness } from '../harness.js';
import { type BotProcess, startBotProcess } from '../support/botProcesses.js';
import { quietLogger, storeKinds } from '../support/tempStore.js';

const HAS_POSTGRES = (await storeKinds()).includes('postgres');

let h: Harness | undefined;
let bots: BotProcess[] = [];
afterEach(async () => {
  for (const b of bots) b.proc.kill('SIGKILL');
  await Promise.all(bots.map((b) => b.exited));
  await h?.close();
  h = undefined;
  bots = [];
});

const member = (i: number) => ({ id: String(350_000_000_000_000_000n + BigInt(i)) });

describe.skipIf(!HAS_POSTGRES)('two bot processes on one PostgreSQL', () => {
  it('200 concurrent /video against a daily cap of 50: exactly 50 accepted and created upstream, each answered once', async () => {
    h = await startHarness({
      startApp: false,
      store: 'postgres',
      env: { LIMIT_GUILD_DAILY_TASKS: '50' },
      seedance: { defaultScript: { kind: 'succeed', queuedMs: 50, runMs: 100 } },
    });
    bots = await Promise.all([startBotProcess(h), startBotProcess(h)]);
    // Both processes receive every interaction (same token, same shard), as in a rolling deploy.
    const ixs = Array.from({ length: 200 }, (_, i) =>
      h!.discord.dispatchCommand({
        name: 'video',
        subcommand: 'text',
        user: member(i),
        options: [{ name: 'prompt', value: `p${i}` }],
      }),
    );
    const callbacks = await Promise.all(ixs.map((ix) => h!.discord.waitForCallback(ix.id, 15_000)));
    const accepted = callbacks.filter((c) => c.type === 4 && !((Number(c.data?.flags) & 64) !== 0));
    const refused = callbacks.filter((c) => (Number(c.data?.flags) & 64) !== 0);
    expect(accepted).toHaveLength(50);
    expect(refused).toHaveLength(150);
    for (const r of refused) expect(String(r.data?.content)).toContain('50 videos today');
    // Nobody answered an interaction twice: each callback route was hit once, none refused with 40060.
    const answers = h.discord.requests.filter((r) => r.route === 'POST /interactions/:id/:token/callback');
    expect(answers).toHaveLength(200);
    expect(answers.filter((r) => r.status !== 200 && r.status !== 204)).toEqual([]);
    await eventually(() => h!.seedance.createCount() === 50, 10_000, '50 creates');
    // Every task delivered, the day's count equal to the accepted tasks, nothing running.
    const app = await h.restart();
    await eventually(async () => (await app.tasks.listOpen()).length === 0, 20_000, 'all delivered');
    expect(await app.ledger.snapshot(h.discord.guilds[0]!.id, member(0).id)).toMatchObject({
      guildDay: { tasks: 50 },
      guildRunning: 0,
    });
    expect(h.seedance.createCount()).toBe(50);
  }, 60_000);

  it('kill -9 of one process: the other takes its running tasks over and delivers each once', async () => {
    h = await startHarness({ startApp: false, store: 'postgres', seedance: { defaultScript: { kind: 'stuck' } } });
    const doomed = await startBotProcess(h);
    bots.push(doomed);
    const ixs = Array.from({ length: 20 }, (_, i) =>
      h!.discord.dispatchCommand({
        name: 'video',
        subcommand: 'text',
        user: member(1000 + i),
        options: [{ name: 'prompt', value: `k${i}` }],
      }),
    );
    await Promise.all(ixs.map((ix) => h!.discord.waitForCallback(ix.id, 10_000)));
    await eventually(() => h!.seedance.createCount() === 20, 10_000, '20 creates');
    const survivor = await startBotProcess(h);
    bots.push(survivor);
    doomed.proc.kill('SIGKILL');
    expect(await doomed.exited).toBe('SIGKILL');
    const killedAt = Date.now();
    for (const t of h.seedance.tasks.values()) h.seedance.finishTask(t.taskId, { status: 'completed' });
    // The survivor (its lease 1.5 s) takes over and delivers every video, each once.
    await eventually(
      () => ixs.every((ix) => (h!.discord.originalMessage(ix.id)?.attachments.length ?? 0) === 1),
      20_000,
      'every video delivered by the survivor',
    );
    expect(Date.now() - killedAt).toBeLessThan(15_000);
    const uploads = h.discord.requests.filter((r) => r.files.some((f) => f.name.endsWith('.mp4')));
    expect(uploads).toHaveLength(20);
    expect(h.seedance.createCount()).toBe(20);
  }, 60_000);

  it('a queue shared by two processes: a running cap of 3 is never exceeded, each waiting request starts once', async () => {
    h = await startHarness({
      startApp: false,
      store: 'postgres',
      env: { LIMIT_GUILD_RUNNING: '3', LIMIT_GUILD_QUEUE: 'none', LIMIT_MEMBER_QUEUE: 'none' },
      seedance: { defaultScript: { kind: 'stuck' } },
    });
    bots = await Promise.all([startBotProcess(h), startBotProcess(h)]);
    const ixs = Array.from({ length: 12 }, (_, i) =>
      h!.discord.dispatchCommand({
        name: 'video',
        subcommand: 'text',
        user: member(2000 + i),
        options: [{ name: 'prompt', value: `q${i}` }],
      }),
    );
    const callbacks = await Promise.all(ixs.map((ix) => h!.discord.waitForCallback(ix.id, 15_000)));
    expect(callbacks.filter((c) => (Number(c.data?.flags) & 64) !== 0)).toEqual([]); // none refused
    const finished = new Set<string>();
    const unfinished = () => [...h!.seedance.tasks.values()].filter((t) => !finished.has(t.taskId));
    for (let done = 0; done < 12; done += 1) {
      await eventually(() => h!.seedance.createCount() === Math.min(12, done + 3), 10_000, `${done + 3} creates`);
      // Give a second start (an overshoot) the time to show before checking.
      await new Promise((r) => setTimeout(r, 150));
      expect(unfinished().length).toBeLessThanOrEqual(3);
      const oldest = unfinished().sort((a, b) => a.createdAt - b.createdAt)[0]!;
      finished.add(oldest.taskId);
      h.seedance.finishTask(oldest.taskId, { status: 'completed' });
    }
    const prompts = [...h.seedance.tasks.values()].map((t) => t.prompt).sort();
    expect(prompts).toEqual(Array.from({ length: 12 }, (_, i) => `q${i}`).sort());
    await eventually(
      () => ixs.every((ix) => (h!.discord.originalMessage(ix.id)?.attachments.length ?? 0) === 1),
      20_000,
      'every video delivered',
    );
    expect(h.seedance.createCount()).toBe(12);
  }, 60_000);

  it("a process starting while another runs checks the open tasks after it is ready (the running counts are the live one's)", async () => {
    h = await startHarness({ startApp: false, store: 'postgres' });
    bots = [await startBotProcess(h)];
    // An index entry whose task is gone: the repair that start-up owes, left for after the start.
    const store = await openStore(
      { databasePath: '', databaseUrl: h.env.DATABASE_URL, databaseSchema: h.env.DATABASE_SCHEMA, poolSize: 1 },
      quietLogger(),
    );
    await store.transact(['open_tasks:ghost'], (tx) => tx.set('open_tasks:ghost', { createdAt: 0, guildId: null }));
    const app = await h.restart();
    expect(app.registry.livePeers()).toBe(1);
    await eventually(async () => !(await store.get('open_tasks:ghost')), 10_000, 'the stale entry dropped');
    await eventually(() => h!.logs.some((l) => l.includes('open tasks checked')), 5000, 'the check logged');
    expect(h.logs.find((l) => l.includes('open tasks checked'))).toContain('"droppedIndexEntries":1');
    await store.close();
  });
});
