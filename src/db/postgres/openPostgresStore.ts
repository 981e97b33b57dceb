/**
 * The shared store: one PostgreSQL table through keyv + @keyv/postgres for single-record reads, and the
 * same pool's SQL (`pg`) for what keyv cannot express. A batch of transactions is one database
 * transaction that first takes an advisory lock per key it declared (in one global order, so two
 * processes never deadlock), then reads, decides and writes, in two round trips to the server (lock and
 * read; write and commit): any number of processes on any number of machines stay exact, because the
 * database decides who waits. A batch declares at most MAX_BATCH_KEYS
 * keys unless one transaction alone declares more (start-up repairs, retention and upgrade pages).
 */
import { createHash } from 'node:crypto';
import KeyvPostgres from '@keyv/postgres';
import pg from 'pg';
import { decodeRecord, encodeRecord, readRecords, recordKeyv } from '../recordFormat.js';
import type { StoreBackend, Writes } from '../recordStore.js';

export interface PostgresOptions {
  /** PostgreSQL schema of the table (created when missing); default `public`. */
  schema?: string;
  /** Connections in the pool (default 8). */
  poolSize?: number;
}

const TABLE = 'records';
const RETRYABLE = new Set(['40P01', '40001']); // deadlock detected, serialization failure
/**
 * Most advisory locks one batch takes when it groups several transactions. PostgreSQL's lock table holds
 * max_locks_per_transaction × max_connections locks for every session together (6,400 by default): a few
 * processes, each committing one batch at a time, stay far below it.
 */
const MAX_BATCH_KEYS = 500;

/** A keyv store on our pool (the package's own keeps one global pool per process and ends it on disconnect). */
class PooledKeyvPostgres extends KeyvPostgres {
  override async connect() {
    const pool = (this.opts as unknown as { pool: pg.Pool }).pool;
    return async (sql: string, values?: unknown[]) => (await pool.query(sql, values)).rows;
  }
  override async disconnect() {}
}

/**
 * A string as an SQL literal, whatever `standard_conforming_strings` says: an E'' string, quotes and backslashes
 * doubled (a regular expression: pg's escapeLiteral walks the string a character at a time). Text holds no NUL
 * character (PostgreSQL refuses one, in a parameter too; JSON writes it as \u0000).
 */
export const quote = (s: string): string => `E'${s.replace(/[\\']/g, (c) => c + c)}'`;

interface Row {
  key: string;
  value: string;
}

/** A stable signed 64-bit number per key, for pg_advisory_xact_lock. */
export function lockId(key: string): bigint {
  return createHash('sha256').update(key).digest().readBigInt64BE(0);
}

/** The URL without its password, for logs. */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparsable URL)';
  }
}

export async function openPostgresBackend(url: string, options: PostgresOptions = {}): Promise<StoreBackend> {
  const schema = options.schema ?? 'public';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`invalid PostgreSQL schema name: ${schema}`);
  const table = `"${schema}".${TABLE}`;
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 8 });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  // Created here, before keyv would create its own: byte-order collation, so key ranges are prefix ranges
  // served by the primary key whatever the database's default collation. A second start changes nothing;
  // processes starting together take turns (CREATE … IF NOT EXISTS alone is not safe against a race).
  await exclusive(url, schema, async (client) => {
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${table} (key TEXT COLLATE "C" PRIMARY KEY, value TEXT NOT NULL)`);
  });
  const store = new PooledKeyvPostgres({ uri: url, schema: `"${schema}"`, table: TABLE, pool } as never);
  store.on('error', () => undefined);
  const keyv = recordKeyv(store as never);
  const encode = encodeRecord;
  const decode = decodeRecord;

  async function readMany(client: pg.Pool | pg.PoolClient, keys: readonly string[]) {
    const out = new Map<string, unknown>();
    if (!keys.length) return out;
    const { rows } = await client.query<{ key: string; value: string }>(
      `SELECT key, value FROM ${table} WHERE key = ANY($1::text[])`,
      [keys],
    );
    for (const r of rows) out.set(r.key, decode(r.value));
    return out;
  }

  /** The statements that make `writes` (each ending in `; `), values inline. */
  function writeStatements(writes: Writes): string {
    const sets: string[] = [];
    const deletes: string[] = [];
    for (const [k, v] of writes) {
      if (v === undefined) deletes.push(quote(k));
      else sets.push(`(${quote(k)},${quote(encode(v))})`);
    }
    return (
      (sets.length
        ? `INSERT INTO ${table} (key, value) VALUES ${sets.join(',')} ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value; `
        : '') + (deletes.length ? `DELETE FROM ${table} WHERE key IN (${deletes.join(',')}); ` : '')
    );
  }

  return {
    kind: 'postgres',
    location: `${safeUrl(url)} (schema ${schema})`,
    maxBatchKeys: MAX_BATCH_KEYS,
    getMany: (keys) => readRecords(keyv, keys, (k) => readMany(pool, k)),
    async scan(lower, upper, inclusiveLower, limit) {
      const { rows } = await pool.query<{ key: string; value: string }>(
        `SELECT key, value FROM ${table} WHERE key ${inclusiveLower ? '>=' : '>'} $1 AND key < $2 ORDER BY key${limit ? ' LIMIT $3' : ''}`,
        limit ? [lower, upper, limit] : [lower, upper],
      );
      return rows.map((r) => [r.key, decode(r.value)] as [string, unknown]);
    },
    async runBatch(keys, apply) {
      // One global order (by lock id) for every process: two batches wait for each other, never deadlock.
      const ids = [...new Set(keys.map(lockId))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      // Two round trips, not six: a simple query may hold several statements (values inline, quoted here). In READ
      // COMMITTED (named, whatever the database's default) each statement reads its own snapshot: the SELECT sees
      // every commit made before the locks were granted.
      const lockAndRead =
        `BEGIN ISOLATION LEVEL READ COMMITTED; SELECT count(pg_advisory_xact_lock(id)) FROM unnest('{${ids.join(',')}}'::bigint[]) AS id; ` +
        `SELECT key, value FROM ${table} WHERE key IN (${keys.length ? keys.map(quote).join(',') : 'NULL'})`;
      for (let attempt = 1; ; attempt += 1) {
        const client = await pool.connect();
        try {
          const results = (await client.query(lockAndRead)) as unknown as pg.QueryResult<Row>[];
          const current = new Map<string, unknown>();
          for (const r of results[2]!.rows) current.set(r.key, decode(r.value));
          await client.query(`${writeStatements(apply(current))}COMMIT`);
          return;
        } catch (err) {
          await client.query('ROLLBACK').catch(() => undefined);
          if (attempt >= 5 || !RETRYABLE.has(String((err as { code?: unknown }).code))) throw err;
        } finally {
          client.release();
        }
      }
    },
    exclusive: (fn) => exclusive(url, schema, () => fn()),
    async close() {
      await pool.end();
    },
  };
}

/**
 * Runs `fn` while holding a session advisory lock of this schema: one process at a time (schema set-up,
 * upgrades). The lock lives on a connection of its own, so `fn` has the whole pool (even a pool of one).
 */
async function exclusive<T>(url: string, schema: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  const id = String(lockId(`seedance-bot:setup:${schema}`));
  try {
    await client.query('SELECT pg_advisory_lock($1::bigint)', [id]);
    return await fn(client);
  } finally {
    // Closing the session releases its advisory lock.
    await client.end().catch(() => undefined);
  }
}
