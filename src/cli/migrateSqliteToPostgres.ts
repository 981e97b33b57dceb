/**
 * `npm run migrate-sqlite-to-postgres -- <file>`: copies every record of a stopped bot's SQLite file into the
 * PostgreSQL database of DATABASE_URL (DATABASE_SCHEMA), then brings them up to this version's schema there.
 * The file is opened read-only and left as it is; a target that already holds records is refused, so the
 * command never mixes two deployments. Exit 0 copied, 1 failed, 2 bad arguments.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import sqlite3 from 'sqlite3';
import { configOrExit, loadDotEnv } from '../config/loadConfig.js';
import { keys } from '../db/keys.js';
import { migrate } from '../db/migrations.js';
import { openStore } from '../db/openStore.js';
import type { RecordStore } from '../db/recordStore.js';
import { createLogger, type Logger } from '../logging/logger.js';

const PAGE = 1000;

/** Every `[key, value]` of the file's records table, in key order, a page at a time. */
async function* readRecords(file: string): AsyncGenerator<Array<[string, unknown]>> {
  const db = await new Promise<sqlite3.Database>((ok, fail) => {
    const d = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (err) => (err ? fail(err) : ok(d)));
  });
  const all = (sql: string, ...params: unknown[]) =>
    new Promise<Array<{ key: string; value: string }>>((ok, fail) =>
      db.all(sql, params, (err, rows) => (err ? fail(err) : ok(rows as Array<{ key: string; value: string }>))),
    );
  try {
    let after = '';
    for (;;) {
      const rows = await all('SELECT key, value FROM records WHERE key > ? ORDER BY key LIMIT ?', after, PAGE);
      if (!rows.length) return;
      yield rows.map((r) => [r.key, (JSON.parse(r.value) as { value: unknown } | null)?.value] as [string, unknown]);
      after = rows[rows.length - 1]!.key;
    }
  } finally {
    await new Promise<void>((ok) => db.close(() => ok()));
  }
}

export interface MigrationResult {
  records: number;
}

export async function migrateSqliteToPostgres(
  file: string,
  target: RecordStore,
  logger: Logger,
): Promise<MigrationResult> {
  if (!existsSync(file)) throw new Error(`no SQLite file at ${file}`);
  // Opening the target marked it with this version's schema; anything else means it is in use.
  if ((await target.scan('', { limit: 2 })).some(([k]) => k !== keys.meta('schema_version'))) {
    throw new Error(
      `${target.location} already holds records: migrate into an empty database (or another DATABASE_SCHEMA)`,
    );
  }
  let records = 0;
  let sourceVersion = false;
  try {
    for await (const page of readRecords(file)) {
      if (page.some(([k]) => k === keys.meta('schema_version'))) sourceVersion = true;
      const entries = page.filter(([, v]) => v !== undefined && v !== null);
      await target.transact(
        entries.map(([k]) => k),
        (tx) => {
          for (const [k, v] of entries) tx.set(k, v);
        },
      );
      records += entries.length;
      if (records % 10_000 < PAGE) logger.info({ records }, 'copying');
    }
  } catch (err) {
    if (['SQLITE_BUSY', 'SQLITE_LOCKED'].includes(String((err as { code?: unknown }).code))) {
      throw new Error(`${file} is in use: stop the bot first (it holds the file while it runs)`);
    }
    throw err;
  }
  // A file of the first release has no schema version: the copy must not look newer than it is.
  if (!sourceVersion) {
    await target.transact([keys.meta('schema_version')], (tx) => tx.delete(keys.meta('schema_version')));
  }
  // A file written by an older version is upgraded in PostgreSQL, as the bot would do at start.
  await migrate(target, logger);
  return { records };
}

async function main(): Promise<void> {
  loadDotEnv();
  const file = process.argv[2];
  if (!file || process.argv.length > 3) {
    process.stderr.write(
      'usage: npm run migrate-sqlite-to-postgres -- <path to bot.sqlite>   (with DATABASE_URL set)\n',
    );
    process.exit(2);
  }
  const config = configOrExit({});
  if (!config.database.url) {
    process.stderr.write(
      'DATABASE_URL: required — the PostgreSQL database to copy into, e.g. postgres://user:pass@host:5432/db\n',
    );
    process.exit(2);
  }
  const logger = createLogger({ level: config.logLevel });
  const target = await openStore(
    { databasePath: '', databaseUrl: config.database.url, databaseSchema: config.database.schema, poolSize: 2 },
    logger,
  );
  try {
    const { records } = await migrateSqliteToPostgres(resolve(file), target, logger);
    process.stdout.write(`copied ${records} records from ${resolve(file)} into ${target.location}\n`);
  } catch (err) {
    process.stderr.write(`migration failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  } finally {
    await target.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]).includes('migrateSqliteToPostgres')) await main();
