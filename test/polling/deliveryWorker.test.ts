/**
 * The delivery worker on a fake clock, with a scripted presenter and the in-memory task service: upload, then
 * link, then DM, with back-off between tries; a card that already carries the video is not uploaded again; a
 * member who cannot be reached ends refunded; endings without a video are shown and marked told; one task is
 * handled once at a time; a lost lease stops the work.
 */
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../src/logging/logger.js';
import { createDeliveryWorker } from '../../src/services/polling/deliveryWorker.js';
import type { DeliveryMode, DeliveryOutcome, TaskPresenter } from '../../src/services/polling/taskPresenter.js';
import type { TaskRecord } from '../../src/services/tasks/taskRecord.js';
import { advance, memoryTasks, taskAt } from './fixtures.js';

const T0 = 1_000_000;
const BASE = 1000;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: T0 });
});
afterEach(() => vi.useRealTimers());

const delivering = (id: string) =>
  taskAt(id, 'delivering', T0, { upstreamTaskId: `up-${id}`, videoUrl: `https://v/${id}.mp4`, submittedAt: T0 });

const UPLOADED: DeliveryOutcome = { mode: 'upload', via: 'webhook' };

type Script = (mode: DeliveryMode, n: number) => DeliveryOutcome | { unreachable: true } | Error;

function make(
  tasks: TaskRecord[],
  script: Script,
  options: { holds?: (id: string) => boolean; landed?: boolean } = {},
) {
  const { service, byId, applied } = memoryTasks(tasks);
  const tries: Array<{ id: string; mode: DeliveryMode; at: number }> = [];
  const finals: Array<{ id: string; at: number }> = [];
  const looked: string[] = [];
  const lost: string[] = [];
  const handedBack: string[] = [];
  let finalFailures = 0;
  const presenter: TaskPresenter = {
    queued: async () => {},
    progress: async () => {},
    async final(task) {
      finals.push({ id: task.id, at: Date.now() - T0 });
      if (finalFailures > 0) {
        finalFailures -= 1;
        throw new Error('Discord is down');
      }
      return {};
    },
    async deliver(task, mode) {
      tries.push({ id: task.id, mode, at: Date.now() - T0 });
      const r = script(mode, tries.filter((t) => t.id === task.id).length);
      if (r instanceof Error) throw r;
      return r;
    },
    async alreadyDelivered(task) {
      looked.push(task.id);
      return options.landed ? UPLOADED : undefined;
    },
  };
  const worker = createDeliveryWorker({
    tasks: service,
    presenter,
    logger: createLogger({ destination: new Writable({ write: (_c, _e, d) => d() }), level: 'warn' }),
    concurrency: 4,
    attemptsPerMode: 2,
    retryBaseMs: BASE,
    maxBackoffMs: 60_000,
    own: {},
    holds: options.holds ?? (() => true),
    lost: (id) => lost.push(id),
    handBack: (task) => handedBack.push(task.id),
  });
  return {
    worker,
    byId,
    applied,
    tries,
    finals,
    looked,
    lost,
    handedBack,
    failFinals: (n: number) => {
      finalFailures = n;
    },
  };
}

describe('delivering a finished video', () => {
  it('a fresh finish is uploaded at once, without looking at the card first, and marked delivered', async () => {
    const d = make([delivering('a')], () => UPLOADED);
    d.worker.deliver(d.byId.get('a')!, { fresh: true });
    await advance(0);
    expect(d.tries).toEqual([{ id: 'a', mode: 'upload', at: 0 }]);
    expect(d.looked).toEqual([]);
    expect(d.applied.map((a) => a.name)).toEqual(['markDelivered']);
    expect(d.byId.get('a')).toMatchObject({ state: 'done' });
    expect(d.worker.pending).toBe(0);
    await d.worker.stop(0);
  });

  it('upload, upload, link, link, DM: each way tried twice, the waits doubling from the base', async () => {
    const d = make([delivering('a')], (mode) =>
      mode === 'dm' ? ({ mode: 'link', via: 'dm' } satisfies DeliveryOutcome) : new Error('429'),
    );
    d.worker.deliver(d.byId.get('a')!, { fresh: true });
    await advance(BASE + 2 * BASE + 4 * BASE + 8 * BASE);
    expect(d.tries.map((t) => [t.mode, t.at])).toEqual([
      ['upload', 0],
      ['upload', BASE],
      ['link', 3 * BASE],
      ['link', 7 * BASE],
      ['dm', 15 * BASE],
    ]);
    expect(d.byId.get('a')).toMatchObject({ state: 'done' });
    await d.worker.stop(0);
  });

  it('when even the DM fails twice, the task ends abandoned (undeliverable) and refunded', async () => {
    const d = make([delivering('a')], () => new Error('Discord is down'));
    d.worker.deliver(d.byId.get('a')!, { fresh: true });
    await advance(60_000);
    expect(d.tries.map((t) => t.mode)).toEqual(['upload', 'upload', 'link', 'link', 'dm', 'dm']);
    expect(d.applied.map((a) => [a.name, (a.args as { reason?: string }).reason])).toEqual([
      ['abandon', 'undeliverable'],
    ]);
    expect(d.byId.get('a')).toMatchObject({ state: 'failed' });
    await d.worker.stop(0);
  });

  it('not fresh (a restart, a takeover): the card is looked at first, and a video already there is not uploaded again', async () => {
    const d = make([delivering('a')], () => UPLOADED, { landed: true });
    d.worker.deliver(d.byId.get('a')!);
    await advance(0);
    expect(d.looked).toEqual(['a']);
    expect(d.tries).toEqual([]);
    expect(d.byId.get('a')).toMatchObject({ state: 'done' });
    await d.worker.stop(0);
  });

  it('a card gone and DMs closed: ended abandoned (message_deleted) at once, no retry', async () => {
    const d = make([delivering('a')], () => ({ unreachable: true }));
    d.worker.deliver(d.byId.get('a')!, { fresh: true });
    await advance(10 * BASE);
    expect(d.tries).toHaveLength(1);
    expect(d.applied.map((a) => [a.name, (a.args as { reason?: string }).reason])).toEqual([
      ['abandon', 'message_deleted'],
    ]);
    await d.worker.stop(0);
  });

  it('one task is handled once at a time: a second hand-over while the first waits is dropped', async () => {
    const d = make([delivering('a')], (_m, n) => (n === 1 ? new Error('429') : UPLOADED));
    d.worker.deliver(d.byId.get('a')!, { fresh: true });
    await advance(0);
    d.worker.deliver(d.byId.get('a')!);
    d.worker.deliver(d.byId.get('a')!);
    await advance(BASE);
    expect(d.tries.map((t) => t.at)).toEqual([0, BASE]);
    expect(d.applied.map((a) => a.name)).toEqual(['markDelivered']);
    await d.worker.stop(0);
  });

  it('a lease this process no longer holds: nothing is delivered, the poller is told', async () => {
    const d = make([delivering('a')], () => UPLOADED, { holds: () => false });
    d.worker.deliver(d.byId.get('a')!, { fresh: true });
    await advance(0);
    expect(d.tries).toEqual([]);
    expect(d.lost).toEqual(['a']);
    expect(d.byId.get('a')).toMatchObject({ state: 'delivering' });
    await d.worker.stop(0);
  });

  it('a retry finds the task moved on (no longer delivering nor ended): handed back to the poller', async () => {
    const d = make([delivering('a')], () => new Error('429'));
    d.worker.deliver(d.byId.get('a')!, { fresh: true });
    await advance(0);
    d.byId.set('a', { ...d.byId.get('a')!, state: 'running' });
    await advance(BASE);
    expect(d.handedBack).toEqual(['a']);
    expect(d.tries).toHaveLength(1);
    await d.worker.stop(0);
  });
});

describe('telling a member how a task without a video ended', () => {
  it('the ending is shown and the task marked told', async () => {
    const d = make([taskAt('f', 'failed', T0)], () => UPLOADED);
    d.worker.tell(d.byId.get('f')!);
    await advance(0);
    expect(d.finals.map((f) => f.id)).toEqual(['f']);
    expect(d.applied.map((a) => a.name)).toEqual(['markTold']);
    expect(d.byId.get('f')!.toldAt).toBe(T0);
    await d.worker.stop(0);
  });

  it('a card that cannot be edited is tried again with back-off, then given up after six tries (still marked told)', async () => {
    const d = make([taskAt('f', 'failed', T0)], () => UPLOADED);
    d.failFinals(100);
    d.worker.tell(d.byId.get('f')!);
    await advance(BASE + 2 * BASE + 4 * BASE + 8 * BASE + 16 * BASE);
    expect(d.finals.map((f) => f.at)).toEqual([0, BASE, 3 * BASE, 7 * BASE, 15 * BASE, 31 * BASE]);
    expect(d.applied.map((a) => a.name)).toEqual(['markTold']);
    await d.worker.stop(0);
  });
});
