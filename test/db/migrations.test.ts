import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keys, prefixes } from '../../src/db/keys.js';
import { migrate, SCHEMA_VERSION } from '../../src/db/migrations.js';
import { listMyVideos } from '../../src/web/myVideos.js';
import { openTempStore, quietLogger, type TempStore, type StoreKind, storeKinds } from '../support/tempStore.js';

const KINDS = await storeKinds();

describe.each(KINDS)('%s', (kind: StoreKind) => {
  let temp: TempStore;
  beforeEach(async () => {
    temp = await openTempStore('migrate', kind);
  });
  afterEach(async () => {
    await temp.cleanup();
  });

  const c = (tasks: number) => ({ tasks, seconds: tasks * 5, perTaskUnits: tasks, perSecondUnits: 0 });
  const at = Date.UTC(2026, 10, 20);

  /** Records as the first release wrote them. */
  async function writeFirstSchema() {
    const legacy: Record<string, unknown> = {
      'meta:schema_version': undefined,
      'usage:gG:d:2026-11-19': c(1),
      'usage:gG:d:2026-11-20': c(3),
      'usage:gG:m:2026-10': c(7),
      'usage:gG:m:2026-11': c(4),
      'usage:gG:u1:d:2026-11-20': c(2),
      'usage:gG:u1:m:2026-11': c(2),
      'usage:gG:u2:d:2026-11-20': c(1),
      'usage:gG:u2:m:2026-11': c(1),
      'usage:dm9:u9:m:2026-11': c(1),
      'running:gG': 2,
      'running:gG:u1': 1,
      'running:gG:u2': 1,
      'last_request:gG:u1': at,
      'tasks:open1': {
        id: 'open1',
        state: 'running',
        usage: 'reserved',
        createdAt: at,
        interaction: { token: 'tok1' },
      },
      'tasks:done1': {
        id: 'done1',
        state: 'done',
        usage: 'committed',
        createdAt: at,
        finishedAt: at + 60_000,
        interaction: { token: 'tok2' },
      },
      'reservations:open1': {
        taskId: 'open1',
        counters: ['usage:gG:d:2026-11-20', 'usage:gG:m:2026-11', 'usage:gG:u1:d:2026-11-20', 'usage:gG:u1:m:2026-11'],
        running: ['running:gG', 'running:gG:u1'],
        amount: c(1),
        state: 'reserved',
        at,
      },
      'reservations:done1': {
        taskId: 'done1',
        counters: ['usage:gG:d:2026-11-20', 'usage:gG:m:2026-11', 'usage:gG:u1:d:2026-11-20', 'usage:gG:u1:m:2026-11'],
        running: ['running:gG', 'running:gG:u1'],
        amount: c(1),
        state: 'committed',
        at,
      },
      // Written by a crash between the reservation and the task: no task, a slot held forever.
      'reservations:lost1': {
        taskId: 'lost1',
        counters: ['usage:gG:d:2026-11-20', 'usage:gG:m:2026-11', 'usage:gG:u2:d:2026-11-20', 'usage:gG:u2:m:2026-11'],
        running: ['running:gG', 'running:gG:u2'],
        amount: c(1),
        state: 'reserved',
        at,
      },
    };
    const entries = Object.entries(legacy);
    await temp.store.transact(
      entries.map(([k]) => k),
      (tx) => {
        for (const [k, v] of entries) {
          if (v === undefined) tx.delete(k);
          else tx.set(k, v);
        }
      },
    );
  }

  describe('upgrading the records of the first release', () => {
    it('folds counters into usage documents, embeds reservations, refunds the orphan, marks finished tasks told', async () => {
      await writeFirstSchema();
      expect(await migrate(temp.store, quietLogger())).toEqual({ from: 0, to: SCHEMA_VERSION });
      const s = await temp.reopen();
      // The guild: latest day and month, the month before, running less the orphan; the orphan refunded.
      expect(await s.get('usage:gG')).toEqual({
        running: 1,
        day: { id: '2026-11-20', counter: c(2) },
        month: { id: '2026-11', counter: c(3) },
        prevMonth: { id: '2026-10', counter: c(7) },
      });
      expect(await s.get('usage:gG:u1')).toEqual({
        running: 1,
        day: { id: '2026-11-20', counter: c(2) },
        month: { id: '2026-11', counter: c(2) },
        last: at,
      });
      expect(await s.get('usage:gG:u2')).toEqual({
        running: 0,
        day: { id: '2026-11-20', counter: c(0) },
        month: { id: '2026-11', counter: c(0) },
      });
      expect(await s.get('usage:dm9:u9')).toEqual({ running: 0, month: { id: '2026-11', counter: c(1) } });
      expect(await s.get(keys.task('open1'))).toMatchObject({
        usage: 'reserved',
        reservation: { docs: ['usage:gG', 'usage:gG:u1'], day: '2026-11-20', month: '2026-11', amount: c(1) },
      });
      expect(await s.get(keys.task('done1'))).toMatchObject({ toldAt: at + 60_000, interaction: { token: '' } });
      expect(await s.get(keys.finished(at + 60_000, 'done1'))).toEqual({ id: 'done1' });
      // Nothing of the first schema is left.
      const left = (await s.scan(''))
        .map(([k]) => k)
        .filter((k) => /^(reservations|running|last_request):|^usage:.*:[dm]:/.test(k));
      expect(left).toEqual([]);
    });

    it('a second run changes nothing more', async () => {
      await writeFirstSchema();
      await migrate(temp.store, quietLogger());
      const before = await temp.store.scan('');
      expect(await migrate(temp.store, quietLogger())).toEqual({ from: SCHEMA_VERSION, to: SCHEMA_VERSION });
      expect(await temp.store.scan('')).toEqual(before);
    });

    it('from version 1, whole task records stay as they are (read whole, split when next written); the version is recorded', async () => {
      const whole = { id: 'w1', state: 'running', attempts: 2, userId: 'u1', request: { prompt: 'a fox' } };
      await temp.store.transact([keys.task('w1'), keys.meta('schema_version')], (tx) => {
        tx.set(keys.task('w1'), whole);
        tx.set(keys.meta('schema_version'), 1);
      });
      expect(await migrate(temp.store, quietLogger())).toEqual({ from: 1, to: SCHEMA_VERSION });
      expect(await temp.store.get(keys.task('w1'))).toEqual(whole);
      expect(await temp.store.get(keys.meta('schema_version'))).toBe(SCHEMA_VERSION);
    });

    it('refuses a database written by a newer version', async () => {
      await temp.store.transact([keys.meta('schema_version')], (tx) => tx.set(keys.meta('schema_version'), 99));
      await expect(migrate(temp.store, quietLogger())).rejects.toThrow(/newer version/);
    });
  });

  describe("version 3: every task gets its row in its member's index (My videos)", () => {
    const HOUR = 3_600_000;
    /** A version-2 store: split tasks, one whole record of version 1, no index rows. */
    async function writeVersion2(count: number) {
      const records = new Map<string, unknown>([[keys.meta('schema_version'), 2]]);
      for (let i = 0; i < count; i += 1) {
        const id = `t${String(i).padStart(5, '0')}`;
        records.set(keys.task(id), { id, state: 'done', createdAt: at + i * HOUR, attempts: 1 });
        records.set(keys.taskDetails(id), { userId: i % 3 ? 'u1' : 'u2', request: { prompt: `p${i}` } });
      }
      records.set(keys.task('whole'), { id: 'whole', state: 'failed', createdAt: at - HOUR, userId: 'u1' });
      await temp.store.transact([...records.keys()], (tx) => {
        for (const [k, v] of records) tx.set(k, v);
      });
    }
    const rowsOf = async (user: string) =>
      (await temp.store.scan(prefixes.memberTasksOf(user))).map(([k]) => k.slice(k.lastIndexOf(':') + 1));

    it('backfills every task, newest first, across pages of the upgrade; My videos then lists them', async () => {
      await writeVersion2(1100);
      expect(await migrate(temp.store, quietLogger())).toEqual({ from: 2, to: 3 });
      const u1 = await rowsOf('u1');
      expect(u1).toHaveLength(1100 - 367 + 1);
      expect(u1[0]).toBe('t01099');
      expect(u1.at(-1)).toBe('whole');
      expect(await rowsOf('u2')).toHaveLength(367);
      expect(await temp.store.get(keys.memberTask('u1', at - HOUR, 'whole'))).toBe(1);
      const page = await listMyVideos(temp.store, 'u1', { page: 2 });
      expect(page.items.map((t) => t.id)).toEqual(u1.slice(10, 20));
      expect(page.hasNext).toBe(true);
    });

    it('a crash mid-way (some rows written, the version not) is finished by the next start, with no duplicates', async () => {
      await writeVersion2(30);
      // What an interrupted run leaves: the rows of a first page, the version still 2.
      await temp.store.transact([keys.memberTask('u1', at + HOUR, 't00001')], (tx) =>
        tx.set(keys.memberTask('u1', at + HOUR, 't00001'), 1),
      );
      expect(await migrate(temp.store, quietLogger())).toEqual({ from: 2, to: 3 });
      const all = await temp.store.scan(prefixes.memberTask);
      expect(all).toHaveLength(31);
      expect(new Set(all.map(([k]) => k.slice(k.lastIndexOf(':') + 1))).size).toBe(31);
      const before = await temp.store.scan('');
      expect(await migrate(temp.store, quietLogger())).toEqual({ from: 3, to: 3 });
      expect(await temp.store.scan('')).toEqual(before);
    });
  });
});
