/**
 * The one sqlite3 connection the embedded store uses, with its statements prepared once and reused. sqlite3's
 * `Database#all` prepares, runs and finalizes a statement each time: three hops to its worker thread, not one.
 * A statement with parameters (every read and write of records, keyv's included) is kept once prepared (the
 * least recently used is dropped past STATEMENTS); one without (pragmas, schema, BEGIN … COMMIT) runs once.
 * Measured (this kind of machine, a delivered task's change: one read, one write): 170–180 µs of CPU, all
 * threads, prepared each time; 76–86 µs reused.
 */
import sqlite3 from 'sqlite3';

export type Row = Record<string, unknown>;

export interface SqliteConnection {
  /** Runs one statement and returns its rows (one statement at a time: callers queue them). */
  all(sql: string, ...params: unknown[]): Promise<Row[]>;
  close(): Promise<void>;
}

/** Statements kept prepared: the few the store runs, and multi-row writes of the common sizes. */
const STATEMENTS = 64;

export async function openSqliteConnection(file: string, busyTimeoutMs: number): Promise<SqliteConnection> {
  const db = await new Promise<sqlite3.Database>((resolve, reject) => {
    const opened: sqlite3.Database = new sqlite3.Database(file, (err) => (err ? reject(err) : resolve(opened)));
  });
  db.configure('busyTimeout', busyTimeoutMs);
  const kept = new Map<string, sqlite3.Statement>();

  const once = (sql: string, params: unknown[]) =>
    new Promise<Row[]>((resolve, reject) =>
      db.all(sql, params, (err, rows: Row[]) => (err ? reject(err) : resolve(rows))),
    );

  /** The statement prepared for `sql`, kept (or prepared now: a statement that does not prepare is not kept). */
  async function statement(sql: string): Promise<sqlite3.Statement> {
    const known = kept.get(sql);
    if (known) {
      // Most recently used last: the first is the one dropped.
      kept.delete(sql);
      kept.set(sql, known);
      return known;
    }
    // sqlite3 never runs (nor answers) what was asked of a statement that failed to prepare: wait for it first.
    const st = await new Promise<sqlite3.Statement>((resolve, reject) => {
      const prepared: sqlite3.Statement = db.prepare(sql, (err: Error | null) =>
        err ? reject(err) : resolve(prepared),
      );
    });
    if (kept.size >= STATEMENTS) {
      const [oldest, stale] = kept.entries().next().value as [string, sqlite3.Statement];
      kept.delete(oldest);
      stale.finalize();
    }
    kept.set(sql, st);
    return st;
  }

  return {
    async all(sql, ...params) {
      if (!params.length) return once(sql, params);
      const st = await statement(sql);
      return new Promise<Row[]>((resolve, reject) =>
        st.all(params, (err: Error | null, rows: Row[]) => {
          if (!err) return resolve(rows);
          // A statement that failed is not used again.
          if (kept.get(sql) === st) kept.delete(sql);
          st.finalize();
          reject(err);
        }),
      );
    },
    async close() {
      const finalized = [...kept.values()].map((st) => new Promise<void>((resolve) => st.finalize(() => resolve())));
      kept.clear();
      await Promise.all(finalized);
      await new Promise<void>((resolve, reject) => db.close((err) => (err ? reject(err) : resolve())));
    },
  };
}
