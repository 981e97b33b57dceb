/**
 * The embedded store: one SQLite file through keyv + @keyv/sqlite, on one connection that this process
 * holds exclusively (`locking_mode=EXCLUSIVE`), so no other process can write the file while the bot runs;
 * the operating system releases the lock when the process ends, even on kill -9. Every statement goes
 * through one FIFO queue, so a transaction's BEGIN … COMMIT is never interleaved with anything else and
 * writes land in the order they were made (sqlite3 would otherwise run queued statements in parallel).
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import KeyvSqlite from '@keyv/sqlite';
import PQueue from 'p-queue';
import { decodeRecord, encodeRecord, readRecords, recordKeyv } from '../recordFormat.js';
import type { StoreBackend, Writes } from '../recordStore.js';
import { openSqliteConnection } from './sqliteConnection.js';

export interface SqliteOptions {
  /** Called while another process holds the file, every `waitLogEveryMs`. */
  onWaitingForLock?: (waitedMs: number) => void;
  /** How long one attempt waits for the lock (SQLite busy timeout). */
  busyTimeoutMs?: number;
  waitLogEveryMs?: number;
}

const TABLE = 'records';
/** The TEMP view that writes with deletes among them go through (sets and deletes in one statement). */
const WRITES = 'records_write';
const CHUNK = 400;

type Query = (sql: string, ...params: unknown[]) => Promise<Array<Record<string, unknown>>>;

export async function openSqliteBackend(path: string, options: SqliteOptions = {}): Promise<StoreBackend> {
  const file = path === ':memory:' ? path : resolve(path);
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const started = Date.now();
  let lastLog = started;
  for (;;) {
    const opened = await tryOpen(file, options.busyTimeoutMs ?? 2000);
    if (opened) return opened;
    if (Date.now() - lastLog >= (options.waitLogEveryMs ?? 10_000)) {
      lastLog = Date.now();
      options.onWaitingForLock?.(Date.now() - started);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

const isBusy = (err: unknown) => ['SQLITE_BUSY', 'SQLITE_LOCKED'].includes(String((err as { code?: unknown }).code));

/** Opens the file and takes the exclusive lock; undefined when another process holds it. */
async function tryOpen(file: string, busyTimeout: number): Promise<StoreBackend | undefined> {
  const connection = await openSqliteConnection(file, busyTimeout);
  const raw: Query = (sql, ...params) => connection.all(sql, ...params);
  try {
    await raw('PRAGMA locking_mode=EXCLUSIVE');
    // WAL with NORMAL sync survives a killed process (the failure we design for) and spares an fsync per
    // commit; only a power cut can lose the last few transactions.
    await raw('PRAGMA journal_mode=WAL');
    await raw('PRAGMA synchronous=NORMAL');
    // Checkpoint the WAL every ~40 MB instead of every ~4 MB: a burst of transactions then rarely pays for
    // copying pages back into the main file in the middle of its commit.
    await raw('PRAGMA wal_autocheckpoint=10000');
    // Deleted records (retention) give their pages back with `incremental_vacuum`; a file made before this
    // setting existed is converted once (VACUUM).
    const [vacuum] = await raw('PRAGMA auto_vacuum');
    if (Number(vacuum?.auto_vacuum) !== 2) {
      await raw('PRAGMA auto_vacuum=INCREMENTAL');
      await raw('VACUUM');
    }
    // The records table, as @keyv/sqlite creates it (on its own connection, not used here: see below).
    await raw(`CREATE TABLE IF NOT EXISTS ${TABLE}(key VARCHAR(255) PRIMARY KEY, value TEXT )`);
    // Writes with deletes among them go through a view of this connection (TEMP: nothing added to the file)
    // whose trigger upserts a row with a value and deletes a row without one: a batch of sets and deletes is
    // one statement, atomic on its own, with no BEGIN … COMMIT around it (each statement is a round trip to
    // the database's thread). A delivered task's change was four (BEGIN, upsert, delete, COMMIT).
    await raw(`CREATE TEMP VIEW ${WRITES} AS SELECT key, value FROM main.${TABLE}`);
    await raw(
      `CREATE TEMP TRIGGER ${WRITES}_row INSTEAD OF INSERT ON ${WRITES} BEGIN ` +
        `DELETE FROM ${TABLE} WHERE NEW.value IS NULL AND key = NEW.key; ` +
        `INSERT INTO ${TABLE} (key, value) SELECT NEW.key, NEW.value WHERE NEW.value IS NOT NULL ` +
        `ON CONFLICT(key) DO UPDATE SET value = excluded.value; END`,
    );
    // The first write takes the exclusive lock, held until the connection closes.
    await raw('BEGIN IMMEDIATE');
    await raw('COMMIT');
  } catch (err) {
    await connection.close().catch(() => undefined);
    if (isBusy(err)) return undefined;
    throw err;
  }

  const serial = new PQueue({ concurrency: 1 });
  const query: Query = (sql, ...params) => serial.add(() => raw(sql, ...params));
  // keyv reads the same table through this connection and its queue (its statements kept prepared too). The
  // adapter opens a connection of its own, which cannot be reached to reuse statements: an in-memory one,
  // never used, so it never touches the file this process holds.
  const store = new KeyvSqlite({ uri: 'sqlite://:memory:', table: TABLE });
  store.on('error', () => undefined);
  (store as unknown as { query: Query }).query = query;
  // keyv reads single records in the shared row format (recordFormat.ts).
  const keyv = recordKeyv(store as never);
  const encode = encodeRecord;
  const decode = decodeRecord;

  async function readMany(run: Query, keys: readonly string[]): Promise<Map<string, unknown>> {
    const out = new Map<string, unknown>();
    for (let i = 0; i < keys.length; i += 5000) {
      const rows = await run(
        `SELECT key, value FROM ${TABLE} WHERE key IN (SELECT value FROM json_each(?))`,
        JSON.stringify(keys.slice(i, i + 5000)),
      );
      for (const r of rows) out.set(r.key as string, decode(r.value as string));
    }
    return out;
  }

  /**
   * Every set and delete in multi-row statements of CHUNK rows (inside an open transaction when more than one):
   * sets alone as a plain upsert (a statement that fires the view's trigger costs sqlite3 more to prepare),
   * sets with deletes through the view.
   */
  async function writeAll(writes: Writes): Promise<void> {
    const rows = [...writes];
    const deletes = rows.some(([, v]) => v === undefined);
    const into = deletes ? `${WRITES} (key, value)` : `${TABLE} (key, value)`;
    const upsert = deletes ? '' : ' ON CONFLICT(key) DO UPDATE SET value = excluded.value';
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      await raw(
        `INSERT INTO ${into} VALUES ${chunk.map(() => '(?, ?)').join(', ')}${upsert}`,
        ...chunk.flatMap(([k, v]) => [k, v === undefined ? null : encode(v)]),
      );
    }
  }

  /** How many statements `writeAll` runs for `writes`. */
  const statementsFor = (writes: Writes): number => Math.ceil(writes.size / CHUNK);

  return {
    kind: 'sqlite',
    location: file,
    getMany: (keys) => readRecords(keyv, keys, (k) => readMany(query, k)),
    async scan(lower, upper, inclusiveLower, limit) {
      const rows = await query(
        `SELECT key, value FROM ${TABLE} WHERE key ${inclusiveLower ? '>=' : '>'} ? AND key < ? ORDER BY key${limit ? ' LIMIT ?' : ''}`,
        ...[lower, upper, ...(limit ? [limit] : [])],
      );
      return rows.map((r) => [r.key as string, decode(r.value as string)] as [string, unknown]);
    },
    runBatch(keys, apply) {
      return serial.add(async () => {
        await raw('BEGIN IMMEDIATE');
        try {
          await writeAll(apply(await readMany(raw, keys)));
          await raw('COMMIT');
        } catch (err) {
          await raw('ROLLBACK').catch(() => undefined);
          throw err;
        }
      });
    },
    commitInOrder(writes, abort) {
      return serial.add(async () => {
        const earlier = abort();
        if (earlier) throw earlier;
        // Nothing to write: no statement. What one statement writes is atomic on its own: no BEGIN … COMMIT
        // around it (two fewer round trips to the database's thread; most batches are one saved task).
        const statements = statementsFor(writes);
        if (statements === 0) return;
        if (statements === 1) return writeAll(writes);
        await raw('BEGIN IMMEDIATE');
        try {
          await writeAll(writes);
          await raw('COMMIT');
        } catch (err) {
          await raw('ROLLBACK').catch(() => undefined);
          throw err;
        }
      });
    },
    async reclaim() {
      await query('PRAGMA incremental_vacuum');
    },
    async close() {
      await serial.onIdle();
      await store.disconnect().catch(() => undefined);
      await connection.close();
    },
  };
}

/** The query plan of a range scan, for the test that checks it is served by the primary-key index. */
export const RANGE_SCAN_SQL = `SELECT key, value FROM ${TABLE} WHERE key >= ? AND key < ? ORDER BY key`;
