/** A real record store on a SQLite file in its own temp directory, for tests that need storage but not the bot. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { openStore } from '../../src/db/openStore.js';
import type { RecordStore } from '../../src/db/recordStore.js';
import { createLogger } from '../../src/logging/logger.js';
import { dropSchema, newSchema, POSTGRES_URL, postgresAvailable } from './postgres.js';
import type { Limits } from '../../src/services/usage/limits.js';

export const NO_LIMITS: Limits = {
  guild_daily_tasks: null,
  guild_monthly_tasks: null,
  guild_monthly_seconds: null,
  guild_monthly_spend: null,
  member_daily_tasks: null,
  member_running: null,
  guild_running: null,
  cooldown_seconds: null,
  guild_queue: 0,
  member_queue: 0,
};

export const quietLogger = () =>
  createLogger({
    level: 'silent',
    destination: new Writable({
      write: (_c, _e, done) => done(),
    }),
  });

export type StoreKind = 'sqlite' | 'postgres';

export interface TempStore {
  kind: StoreKind;
  store: RecordStore;
  file: string;
  dir: string;
  /** The PostgreSQL schema (postgres only). */
  schema?: string;
  /** Closes the store and opens the same file again (a restart). */
  reopen(): Promise<RecordStore>;
  cleanup(): Promise<void>;
}

/** A store of either kind in a place of its own: a temp directory, or a fresh PostgreSQL schema. */
export async function openTempStore(name = 'test', kind: StoreKind = 'sqlite'): Promise<TempStore> {
  const dir = mkdtempSync(join(tmpdir(), `seedance-${name}-`));
  const file = join(dir, 'bot.sqlite');
  const schema = kind === 'postgres' ? newSchema() : undefined;
  const settings = {
    databasePath: file,
    databaseUrl: schema ? POSTGRES_URL : undefined,
    databaseSchema: schema,
    poolSize: 4,
  };
  const logger = quietLogger();
  const temp: TempStore = {
    kind,
    store: await openStore(settings, logger),
    file,
    dir,
    schema,
    async reopen() {
      await temp.store.close();
      temp.store = await openStore(settings, logger);
      return temp.store;
    },
    async cleanup() {
      await temp.store.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
      if (schema) await dropSchema(schema);
    },
  };
  return temp;
}

/** The store kinds a suite runs on here: SQLite always, PostgreSQL when it answers (required under CI=true). */
export async function storeKinds(): Promise<StoreKind[]> {
  return (await postgresAvailable()) ? ['sqlite', 'postgres'] : ['sqlite'];
}
