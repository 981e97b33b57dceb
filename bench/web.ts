/**
 * `npm run bench -- web`: the web dashboard's pages under a real HTTP client with a signed-in session (the fake
 * Discord's OAuth2), on a store seeded directly. One function per page adds its figures; each figure is the p99 of
 * the server time the dashboard itself logs for the request (`web request`, `ms`: from the request's arrival to
 * the reply sent), with the round trip seen by the client beside it.
 * - My videos: one member with 10,000 tasks: the first page, a deep page, and a search through the newest tasks.
 * - The operator console: 1,000 servers, one of them with 10,000 members' usage documents (which it skips).
 * The server console with 10,000 members is bench/webConsole.ts (it runs the whole bot).
 */
import { Writable } from 'node:stream';
import { keys } from '../src/db/keys.js';
import { createLogger } from '../src/logging/logger.js';
import { createKeyPool } from '../src/services/seedance/keyPool.js';
import { periodsAt } from '../src/services/usage/periods.js';
import type { RecordStore } from '../src/db/recordStore.js';
import type { TaskRecord } from '../src/services/tasks/taskRecord.js';
import { startWebServer, type WebServer } from '../src/web/webServer.js';
import { type FakeDiscord, startFakeDiscord } from '../test/fakes/discord/index.js';
import { openTempStore, type StoreKind } from '../test/support/tempStore.js';
import { seedTasks, WebClient, webTask } from '../test/support/webClient.js';
import { percentile, report } from './report.js';
import { fakeDiscordWebConfig } from '../test/support/webClient.js';

const CLIENT_SECRET = 'bench-web-client-secret-0123456789';
const MEMBER = { id: '510000000000000001', username: 'bench' };
const OPERATOR = { id: '510000000000000002', username: 'operator' };
const REQUESTS = 300;
const WARMUP = 20;

/** What every page's figures need: the store to seed, the dashboard's URL, and the server times it logged. */
export interface WebBench {
  store: RecordStore;
  discord: FakeDiscord;
  web: WebServer;
  /** Signs a member in (with their OAuth guild list) and returns their browser. */
  signIn(user: {
    id: string;
    username: string;
    guilds?: Array<{ id: string; name: string; permissions: string }>;
  }): Promise<WebClient>;
  /**
   * Requests `path` `REQUESTS` times (after a warm-up) and reports the p99 server and round-trip times; `headers`
   * per request (a page rate-limited per client address names its own with X-Forwarded-For, trusted from loopback).
   */
  timePage(
    client: WebClient,
    name: string,
    path: string,
    target: string,
    limitMs: number,
    headers?: (i: number) => Record<string, string>,
  ): Promise<void>;
}

export async function benchWeb(kind: StoreKind = (process.env.BENCH_STORE as StoreKind) || 'sqlite'): Promise<void> {
  const temp = await openTempStore('bench-web', kind);
  const discord = await startFakeDiscord({ recordRequests: false });
  discord.oauth.setClient(discord.applicationId, CLIENT_SECRET);
  const serverMs: number[] = [];
  const logger = createLogger({
    level: 'debug',
    secrets: [CLIENT_SECRET],
    destination: new Writable({
      write(chunk, _e, done) {
        const line = JSON.parse(String(chunk)) as { msg?: string; ms?: number };
        if (line.msg === 'web request' && typeof line.ms === 'number') serverMs.push(line.ms);
        done();
      },
    }),
  });
  const pool = createKeyPool({ baseUrl: 'http://127.0.0.1:9', apiKeys: ['k1', 'k2'], cooldownMs: 60_000 });
  const web = await startWebServer({
    config: fakeDiscordWebConfig(discord, CLIENT_SECRET, { operatorIds: [OPERATOR.id] }),
    store: temp.store,
    logger,
    prices: { currency: 'USD', prices: {} },
    operator: {
      keys: () => pool.states(),
      processId: 'bench',
      shards: { count: 1, ids: [0] },
    },
  });
  const bench: WebBench = {
    store: temp.store,
    discord,
    web,
    async signIn(user) {
      const client = new WebClient(web.url);
      discord.oauth.signInAs({ guilds: [], ...user });
      const hops = await client.follow('/auth/login?return_to=/videos');
      discord.oauth.signInAs(undefined);
      if (hops.at(-1)?.status !== 200) throw new Error(`signing in failed: ${hops.at(-1)?.status}`);
      return client;
    },
    async timePage(client, name, path, target, limitMs, headers) {
      const roundTrip: number[] = [];
      for (let i = 0; i < WARMUP + REQUESTS; i += 1) {
        if (i === WARMUP) serverMs.length = 0;
        const started = performance.now();
        const page = await client.request(path, headers ? { headers: headers(i) } : {});
        if (i >= WARMUP) roundTrip.push(performance.now() - started);
        if (page.status !== 200) throw new Error(`${path} answered ${page.status}`);
      }
      const p99 = percentile(serverMs, 99);
      report(`${name}_server_p99`, p99, 'ms', target);
      report(
        `${name}_round_trip_p99`,
        percentile(roundTrip, 99),
        'ms',
        'for information (client and loopback included)',
      );
      if (!(p99 < limitMs)) process.exitCode = 1;
    },
  };
  try {
    await benchMyVideos(bench);
    await benchOperatorConsole(bench);
  } finally {
    await web.close();
    await discord.close();
    await temp.cleanup();
  }
}

/** My videos of a member with `count` tasks (seeded as createTask writes them: records and both indexes). */
async function benchMyVideos(b: WebBench, count = 10_000): Promise<void> {
  const now = Date.now();
  const states: TaskRecord['state'][] = ['done', 'done', 'done', 'failed', 'running'];
  for (let i = 0; i < count; i += 500) {
    const batch = Array.from({ length: Math.min(500, count - i) }, (_, j) => {
      const n = i + j;
      return webTask(
        {
          userId: MEMBER.id,
          guildId: `10000000000000000${n % 3}`,
          state: states[n % states.length]!,
          request: { model: 'seedance2.0-mini-sp', prompt: `bench video ${n} of a fox in the snow`, duration: 5 },
        },
        now - n * 60_000,
      );
    });
    await seedTasks(b.store, batch);
  }
  const client = await b.signIn(MEMBER);
  const tasks = `${count / 1000}k_tasks`;
  await b.timePage(client, `web_my_videos_page1_${tasks}`, '/videos', '< 100', 100);
  // Page 100: the scan skips 990 index rows (a few bytes each) before the page's 10 tasks.
  await b.timePage(client, `web_my_videos_page100_${tasks}`, '/videos?page=100', '< 100', 100);
  // A search that matches nothing reads the whole budget: the newest 1000 tasks.
  await b.timePage(
    client,
    `web_my_videos_search_${tasks}`,
    '/videos?q=no-such-words',
    '< 250 (reads the newest 1000 tasks)',
    250,
  );
}

/** Every record in transactions of 500. */
async function putAll(store: RecordStore, records: Array<[string, unknown]>): Promise<void> {
  for (let i = 0; i < records.length; i += 500) {
    const part = records.slice(i, i + 500);
    await store.transact(
      part.map(([k]) => k),
      (tx) => {
        for (const [k, v] of part) tx.set(k, v);
      },
    );
  }
}

/** The operator console over `servers` servers' month, one of them with `members` members' usage documents. */
async function benchOperatorConsole(b: WebBench, servers = 1_000, members = 10_000): Promise<void> {
  const month = periodsAt(Date.now()).month;
  const usage = (tasks: number) => ({
    running: 0,
    month: {
      id: month,
      counter: { tasks, seconds: tasks * 5, perTaskUnits: tasks, perSecondUnits: 0, spend: tasks * 300_000 },
    },
  });
  const big = `1${'0'.repeat(17)}`;
  await putAll(b.store, [
    ...Array.from({ length: servers }, (_, i): [string, unknown] => [
      keys.usage(`g${String(BigInt(big) + BigInt(i))}`),
      usage(i + 1),
    ]),
    ...Array.from({ length: members }, (_, i): [string, unknown] => [
      keys.usage(`g${big}`, `7${String(i).padStart(17, '0')}`),
      usage(1),
    ]),
  ]);
  const client = await b.signIn(OPERATOR);
  await b.timePage(
    client,
    `web_operator_console_${servers}_servers_${members / 1000}k_members`,
    '/operator',
    '< 500',
    500,
    (i) => ({ 'x-forwarded-for': `10.9.${i >> 8}.${i & 255}` }),
  );
}
