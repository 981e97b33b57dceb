/**
 * Opens the embedded SQLite file through keyv + @keyv/sqlite and hands out one Keyv per kind of record
 * (tasks, usage, guild settings), each under its own key prefix in one table on one connection.
 * One connection means writers never wait on each other's file locks (SQLite busy waits are slow).
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';

export interface Database {
  /** A Keyv whose keys live under `name:`; the same Keyv is returned for the same name. */
  collection<V>(name: string): Keyv<V>;
  /** Every key of a collection, without its prefix (one SQL query; keyv's iterator pages with OFFSET). */
  keys(name: string, prefix?: string): Promise<string[]>;
  /**
   * Writes many records of any collections in one statement (one SQLite transaction), in keyv's own
   * format, so `collection(name).get` reads them back. Values must be plain JSON.
   */
  setMany(entries: ReadonlyArray<{ collection: string; key: string; value: unknown }>): Promise<void>;
  /** Reads many records written as plain JSON (by keyv or setMany) in one statement; absent keys are left out. */
  getMany(keys: readonly string[]): Promise<Map<string, unknown>>;
  close(): Promise<void>;
  path: string;
}

export async function openDatabase(path: string): Promise<Database> {
  const file = path === ':memory:' ? path : resolve(path);
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const store = new KeyvSqlite({ uri: `sqlite://${file}`, table: 'records', busyTimeout: 10_000 });
  // WAL with NORMAL sync survives a killed process (the failure we design for) and spares an fsync per
  // write; only a power cut can lose the last few transactions.
  await store.query('PRAGMA journal_mode=WAL');
  await store.query('PRAGMA synchronous=NORMAL');
  const collections = new Map<string, Keyv<unknown>>();
  return {
    path: file,
    collection<V>(name: string) {
      if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`invalid collection name: ${name}`);
      let kv = collections.get(name);
      if (!kv) {
        kv = new Keyv<unknown>({ store, namespace: name });
        collections.set(name, kv);
      }
      return kv as Keyv<V>;
    },
    async keys(name, prefix = '') {
      const like = `${name}:${prefix}`.replace(/[\\%_]/g, (c) => `\\${c}`);
      const rows = (await store.query("SELECT key FROM records WHERE key LIKE ? ESCAPE '\\'", `${like}%`)) as Array<{
        key: string;
      }>;
      return rows.map((r) => r.key.slice(name.length + 1));
    },
    async getMany(keys) {
      const out = new Map<string, unknown>();
      for (let i = 0; i < keys.length; i += 500) {
        const chunk = keys.slice(i, i + 500);
        const rows = (await store.query(
          `SELECT key, value FROM records WHERE key IN (${chunk.map(() => '?').join(', ')})`,
          ...chunk,
        )) as Array<{ key: string; value: string }>;
        for (const r of rows) out.set(r.key, (JSON.parse(r.value) as { value: unknown }).value);
      }
      return out;
    },
    async setMany(entries) {
      for (let i = 0; i < entries.length; i += 400) {
        const chunk = entries.slice(i, i + 400);
        const sql = `INSERT INTO records (key, value) VALUES ${chunk.map(() => '(?, ?)').join(', ')} ON CONFLICT(key) DO UPDATE SET value = excluded.value`;
        await store.query(
          sql,
          ...chunk.flatMap((e) => [`${e.collection}:${e.key}`, JSON.stringify({ value: e.value })]),
        );
      }
    },
    async close() {
      collections.clear();
      await store.disconnect();
    },
  };
}
