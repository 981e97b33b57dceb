/**
 * The PostgreSQL the tests may use: TEST_DATABASE_URL, or the local one this project's machines run
 * (127.0.0.1:5432, user postgres, database test). Without it the PostgreSQL cases are skipped with a printed
 * reason, except under CI=true, where they are required: a CI run that skipped them would prove nothing.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

let checked: Promise<string | undefined> | undefined;

/** Undefined when PostgreSQL answers; else why it does not. */
function problem(): Promise<string | undefined> {
  checked ??= (async () => {
    const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return undefined;
    } catch (err) {
      return err instanceof Error ? err.message : String(err);
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return checked;
}

/** Whether the PostgreSQL cases run here; prints why not, and fails under CI=true. */
export async function postgresAvailable(): Promise<boolean> {
  const why = await problem();
  if (!why) return true;
  if (process.env.CI === 'true') throw new Error(`CI requires PostgreSQL at ${POSTGRES_URL}: ${why}`);
  console.warn(
    `PostgreSQL cases skipped: no PostgreSQL at ${POSTGRES_URL} (${why}); set TEST_DATABASE_URL to run them.`,
  );
  return false;
}

/** A fresh schema name for one test; dropSchema removes it with everything in it. */
export const newSchema = () => `t_${randomBytes(6).toString('hex')}`;

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
