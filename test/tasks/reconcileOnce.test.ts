/**
 * Start-up repair once per wave of starts: on a shared store (PostgreSQL) a process skips it when another one
 * completed it after this process started, waits while one is under way, takes over one gone quiet, and runs
 * it when the last run is older than its own start; alone on its store (SQLite) it always runs.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { keys } from '../../src/db/keys.js';
import { createSettingsStore } from '../../src/services/guildConfig/settingsStore.js';
import { type ReconcileMarker, reconcileOnce } from '../../src/services/tasks/reconcileOnce.js';
import { createGuildLedger } from '../../src/services/usage/guildLedger.js';
import { NO_LIMITS, openTempStore, quietLogger, storeKinds, type TempStore } from '../support/tempStore.js';

const KINDS = await storeKinds();
const MARKER = keys.meta('reconcile');
let temp: TempStore | undefined;
afterEach(async () => {
  await temp?.cleanup();
  temp = undefined;
});

async function open(kind: 'sqlite' | 'postgres') {
  temp = await openTempStore('reconcile-once', kind);
  const { store } = temp;
  const ledger = createGuildLedger({
    store,
    settings: createSettingsStore(store),
    defaults: NO_LIMITS,
    dmEnabled: true,
  });
  // Damage a repair fixes: an open-index entry of a task that does not exist.
  await store.transact([keys.open('ghost')], (tx) => tx.set(keys.open('ghost'), { createdAt: 1, guildId: 'g1' }));
  const once = (processId: string, startedAt: number, extra: { staleMs?: number; stopping?: () => boolean } = {}) =>
    reconcileOnce(store, ledger, quietLogger(), { processId, startedAt, pollMs: 10, ...extra });
  const setMarker = (m: ReconcileMarker) => store.transact([MARKER], (tx) => tx.set(MARKER, m));
  return { store, once, setMarker };
}

describe('alone on its store (SQLite)', () => {
  it('always repairs, whatever another start recorded', async () => {
    const { once, setMarker, store } = await open('sqlite');
    await setMarker({ by: 'other', beganAt: Date.now() + 60_000, doneAt: Date.now() + 60_000 });
    const r = await once('me', Date.now());
    expect(r).toMatchObject({ ran: true, report: { droppedIndexEntries: 1 } });
    expect(await store.get(keys.open('ghost'))).toBeUndefined();
  });
});

describe.skipIf(!KINDS.includes('postgres'))('several processes on one PostgreSQL', () => {
  it('processes started together repair once: the first runs, the others skip it', async () => {
    const { once, store } = await open('postgres');
    const startedAt = Date.now() - 1000;
    const results = await Promise.all(['p1', 'p2', 'p3', 'p4'].map((p) => once(p, startedAt)));
    expect(results.filter((r) => r.ran)).toHaveLength(1);
    expect(results.filter((r) => !r.ran).map((r) => !r.ran && r.why)).toEqual([
      'done by another process',
      'done by another process',
      'done by another process',
    ]);
    expect(await store.get(keys.open('ghost'))).toBeUndefined();
    const m = await store.get<ReconcileMarker>(MARKER);
    expect(m?.doneAt).toBeGreaterThanOrEqual(m!.beganAt);
  });

  it('a run that began before this process started does not count: it repairs again', async () => {
    const { once, setMarker, store } = await open('postgres');
    const startedAt = Date.now();
    await setMarker({ by: 'earlier', beganAt: startedAt - 30_000, doneAt: startedAt - 10_000 });
    expect(await once('me', startedAt)).toMatchObject({ ran: true, report: { droppedIndexEntries: 1 } });
    expect(await store.get<ReconcileMarker>(MARKER)).toMatchObject({ by: 'me' });
  });

  it('waits for a run under way and skips once it is done; takes over one gone quiet', async () => {
    const { once, setMarker } = await open('postgres');
    const startedAt = Date.now() - 1000;
    await setMarker({ by: 'busy', beganAt: Date.now() });
    const waiting = once('me', startedAt);
    await new Promise((r) => setTimeout(r, 100));
    await setMarker({ by: 'busy', beganAt: Date.now() - 50, doneAt: Date.now() });
    expect(await waiting).toEqual({ ran: false, by: 'busy', why: 'done by another process' });

    await setMarker({ by: 'dead', beganAt: Date.now() });
    const r = await once('me', startedAt, { staleMs: 200 });
    expect(r).toMatchObject({ ran: true });
  });

  it('stops waiting when the process stops', async () => {
    const { once, setMarker } = await open('postgres');
    await setMarker({ by: 'busy', beganAt: Date.now() });
    let stopping = false;
    const waiting = once('me', Date.now() - 1000, { stopping: () => stopping });
    stopping = true;
    expect(await waiting).toEqual({ ran: false, by: 'busy', why: 'stopping' });
  });
});
