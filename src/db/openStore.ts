/**
 * Opens the record store the configuration names (the embedded SQLite file by default, PostgreSQL when a
 * database URL is set) and brings its records up to this version's schema before anything reads them.
 */
import type { Logger } from '../logging/logger.js';
import { migrate } from './migrations.js';
import { createRecordStore, type RecordStore } from './recordStore.js';
import { openPostgresBackend } from './postgres/openPostgresStore.js';
import { openSqliteBackend } from './sqlite/openSqliteStore.js';

export interface StoreSettings {
  /** SQLite file (used unless a database URL is given). */
  databasePath: string;
  /** `postgres://…`: the shared PostgreSQL store instead of the file. */
  databaseUrl?: string;
  /** PostgreSQL schema (default public). */
  databaseSchema?: string;
  /** PostgreSQL connections per process. */
  poolSize?: number;
}

export async function openStore(settings: StoreSettings, logger: Logger): Promise<RecordStore> {
  const backend = settings.databaseUrl
    ? await openPostgresBackend(settings.databaseUrl, { schema: settings.databaseSchema, poolSize: settings.poolSize })
    : await openSqliteBackend(settings.databasePath, {
        onWaitingForLock: (waitedMs) =>
          logger.warn(
            { database: settings.databasePath, waitedSec: Math.round(waitedMs / 1000) },
            'another bot process holds the SQLite file; waiting for it to stop (SQLite serves one process; use PostgreSQL for several)',
          ),
      });
  const store = createRecordStore(backend);
  try {
    // Processes starting together upgrade one after the other (the second finds nothing left to do).
    await store.exclusive(() => migrate(store, logger));
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}
