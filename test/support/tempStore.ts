/** A real record store on a SQLite file in its own temp directory, for tests that need storage but not the bot. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { openStore } from '../../src/db/openStore.js';
import type { RecordStore } from '../../src/db/recordStore.js';
import { createLogger } from '../../src/logging/logger.js';
import type { Limits } from '../../src/services/usage/limits.js';

export const NO_LIMITS: Limits = {
  guild_daily_tasks: null,
  guild_monthly_tasks: null,
  guild_monthly_seconds: null,
  member_daily_tasks: null,
  member_running: null,
  guild_running: null,
  cooldown_seconds: null,
};

export const quietLogger = () =>
  createLogger({
    level: 'silent',
    destination: new Writable({
      write: (_c, _e, done) => done(),
    }),
  });

export interface TempStore {
  store: RecordStore;
  file: string;
  dir: string;
  /** Closes the store and opens the same file again (a restart). */
  reopen(): Promise<RecordStore>;
  cleanup(): Promise<void>;
}

export async function openTempStore(name = 'test'): Promise<TempStore> {
  const dir = mkdtempSync(join(tmpdir(), `seedance-${name}-`));
  const file = join(dir, 'bot.sqlite');
  const logger = quietLogger();
  const temp: TempStore = {
    store: await openStore({ databasePath: file }, logger),
    file,
    dir,
    async reopen() {
      await temp.store.close();
      temp.store = await openStore({ databasePath: file }, logger);
      return temp.store;
    },
    async cleanup() {
      await temp.store.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return temp;
}
