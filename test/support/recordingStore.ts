/**
 * A real record store of either kind in a place of its own (a temp directory, or a fresh PostgreSQL schema) whose
 * backend notes every batch of rows it committed to the database, after the commit: for tests of what reaches it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRecordStore, type RecordStore, type StoreBackend, type Writes } from '../../src/db/recordStore.js';
import { openPostgresBackend } from '../../src/db/postgres/openPostgresStore.js';
import { openSqliteBackend } from '../../src/db/sqlite/openSqliteStore.js';
import { dropSchema, newSchema, POSTGRES_URL } from './postgres.js';
import type { StoreKind } from './tempStore.js';

/** The real backend, with every batch of rows it writes to the database noted (after the commit). */
function recording(backend: StoreBackend) {
  const batches: Writes[] = [];
  const wrapped: StoreBackend = {
    kind: backend.kind,
    location: backend.location,
    maxBatchKeys: backend.maxBatchKeys,
    getMany: (k) => backend.getMany(k),
    scan: (...a) => backend.scan(...a),
    async runBatch(k, apply) {
      let last: Writes = new Map();
      await backend.runBatch(k, (current) => (last = apply(current)));
      batches.push(last);
    },
    commitInOrder: backend.commitInOrder
      ? async (writes, abort) => {
          await backend.commitInOrder!(writes, abort);
          batches.push(writes);
        }
      : undefined,
    exclusive: backend.exclusive ? (fn) => backend.exclusive!(fn) : undefined,
    close: () => backend.close(),
  };
  return { wrapped, batches };
}

export interface RecordingStore {
  store: RecordStore;
  /** Every batch of rows committed, in order. */
  batches: Writes[];
  /** The same database opened again, without recording (after `store` was closed). */
  reopen(): Promise<RecordStore>;
  /** Removes the directory or schema (close the stores first). */
  cleanup(): Promise<void>;
}

export async function openRecordingStore(kind: StoreKind, name: string): Promise<RecordingStore> {
  const dir = mkdtempSync(join(tmpdir(), `seedance-${name}-`));
  const schema = kind === 'postgres' ? newSchema() : undefined;
  const backend = () =>
    schema ? openPostgresBackend(POSTGRES_URL, { schema, poolSize: 2 }) : openSqliteBackend(join(dir, 'bot.sqlite'));
  const r = recording(await backend());
  return {
    store: createRecordStore(r.wrapped),
    batches: r.batches,
    reopen: async () => createRecordStore(await backend()),
    async cleanup() {
      rmSync(dir, { recursive: true, force: true });
      if (schema) await dropSchema(schema);
    },
  };
}
