/**
 * Transactions that may wait for company (`gatherMs`: the poller's saves) are committed together, and never
 * later than they allow; anything else is committed at once and takes them along, in the order they were made.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RecordStore } from '../../src/db/recordStore.js';
import { openRecordingStore, type RecordingStore } from '../support/recordingStore.js';
import { type StoreKind, storeKinds } from '../support/tempStore.js';

const KINDS = await storeKinds();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(KINDS)('%s', (kind: StoreKind) => {
  let recorded: RecordingStore;
  let store: RecordStore;
  /** The keys of each database transaction committed so far, in order. */
  const committed = () => recorded.batches.map((w) => [...w.keys()]);

  beforeEach(async () => {
    recorded = await openRecordingStore(kind, 'gathered');
    store = recorded.store;
  });
  afterEach(async () => {
    await store.close();
    await recorded.cleanup();
  });

  const save = (key: string, value: unknown, gatherMs?: number) =>
    store.transact([key], (tx) => tx.set(key, value), { gatherMs });

  it('saves that may wait are committed together once the first has waited its time, not before', async () => {
    let settled = 0;
    const first = save('a', 1, 300).then(() => (settled += 1));
    await sleep(100);
    const second = save('b', 2, 300).then(() => (settled += 1));
    await sleep(100);
    // 200 ms after the first: neither is committed yet.
    expect([settled, committed()]).toEqual([0, []]);
    await Promise.all([first, second]);
    expect(committed()).toEqual([['a', 'b']]);
    expect(await store.getMany(['a', 'b'])).toEqual(
      new Map([
        ['a', 1],
        ['b', 2],
      ]),
    );
  });

  it('a save that may wait less than one already waiting is committed within its own time', async () => {
    const started = Date.now();
    const long = save('a', 1, 60_000);
    await save('b', 2, 50);
    await long;
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(committed()).toEqual([['a', 'b']]);
  });

  it('a change that does not wait is committed at once and takes the waiting saves along, in the order made', async () => {
    const started = Date.now();
    const waiting = save('k', 'saved first', 60_000);
    await sleep(20);
    await save('k', 'changed after');
    await waiting;
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(committed().flat()).toEqual(['k']);
    expect(await store.get('k')).toBe('changed after');
  });

  it('closing the store commits the saves still waiting', async () => {
    const waiting = save('late', true, 200);
    await store.close();
    await waiting;
    expect(committed()).toEqual([['late']]);
    store = await recorded.reopen();
    expect(await store.get('late')).toBe(true);
  });
});
