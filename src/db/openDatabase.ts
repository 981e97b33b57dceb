/**
 * Opens the embedded SQLite file through keyv + @keyv/sqlite and hands out one Keyv per kind of record
 * (tasks, usage, guild settings), each in its own table of the same file, in WAL mode.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';

export interface Database {
  /** A Keyv over the table `name` (created on first use); the same Keyv is returned for the same name. */
  collection<V>(name: string): Keyv<V>;
  /** Every key of a collection (one SQL query; keyv's own iterator pages with OFFSET). */
  keys(name: string): Promise<string[]>;
  close(): Promise<void>;
  path: string;
}

function openStore(file: string, table: string): KeyvSqlite {
  return new KeyvSqlite({ uri: `sqlite://${file}`, table, busyTimeout: 10_000 });
}

export async function openDatabase(path: string): Promise<Database> {
  const file = path === ':memory:' ? path : resolve(path);
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  // WAL lets status look-ups read while the poller writes, and survives a killed process.
  const meta = openStore(file, 'meta');
  await meta.query('PRAGMA journal_mode=WAL');
  const stores = new Map<string, { store: KeyvSqlite; keyv: Keyv<unknown> }>();
  const entry = (name: string) => {
    if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`invalid collection name: ${name}`);
    let found = stores.get(name);
    if (!found) {
      const store = openStore(file, name);
      found = { store, keyv: new Keyv<unknown>({ store, useKeyPrefix: false }) };
      stores.set(name, found);
    }
    return found;
  };
  return {
    path: file,
    collection: <V>(name: string) => entry(name).keyv as Keyv<V>,
    async keys(name) {
      const rows = (await entry(name).store.query(`SELECT key FROM ${name}`)) as Array<{ key: string }>;
      return rows.map((r) => r.key);
    },
    async close() {
      await Promise.all([...stores.values()].map((e) => e.store.disconnect()));
      await meta.disconnect();
      stores.clear();
    },
  };
}
