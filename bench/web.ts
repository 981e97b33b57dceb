/**
 * `npm run bench -- web`: the web dashboard's pages over loopback, signed in through the fake Discord's OAuth2, on
 * SQLite. Figures (p50/p99 of the time from request to the last byte, an upper bound of the server time):
 * My videos with 10,000 tasks of one member (first page, a search, a later page), and the operator console with
 * 1,000 servers, one of them with 10,000 members' usage documents (which it skips). Requests go one at a time;
 * the rate limits are per client address, so each request names its own (X-Forwarded-For, trusted from loopback).
 */
import { performance } from 'node:perf_hooks';
import { keys } from '../src/db/keys.js';
import type { RecordStore } from '../src/db/recordStore.js';
import { createKeyPool } from '../src/services/seedance/keyPool.js';
import { createTaskQueries } from '../src/services/tasks/taskQueries.js';
import { periodsAt } from '../src/services/usage/periods.js';
import { startWebServer } from '../src/web/webServer.js';
import { startFakeDiscord } from '../test/fakes/discord/index.js';
import { openTempStore, quietLogger } from '../test/support/tempStore.js';
import { seedTasks, WebClient, webTask } from '../test/support/webClient.js';
import { percentile, report } from './report.js';

const SECRET = 'bench-web-client-secret-0123456789';
const MEMBER = '510000000000000001';
const TASKS = 10_000;
const SERVERS = 1_000;
const MEMBERS = 10_000;
const RUNS = 200;

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

async function seed(store: RecordStore): Promise<void> {
  const now = Date.now();
  for (let i = 0; i < TASKS; i += 500)
    await seedTasks(
      store,
      Array.from({ length: Math.min(500, TASKS - i) }, (_, j) =>
        webTask(
          {
            userId: MEMBER,
            request: { model: 'seedance2.0-mini-sp', prompt: `a fox number ${i + j} in the snow`, duration: 5 },
          },
          now - (TASKS - i - j) * 1000,
        ),
      ),
    );
  const month = periodsAt(now).month;
  const usage = (tasks: number) => ({
    running: 0,
    month: {
      id: month,
      counter: { tasks, seconds: tasks * 5, perTaskUnits: tasks, perSecondUnits: 0, spend: tasks * 300_000 },
    },
  });
  const big = '1' + '0'.repeat(17);
  await putAll(store, [
    ...Array.from({ length: SERVERS }, (_, i): [string, unknown] => [
      keys.usage(`g${String(BigInt(big) + BigInt(i))}`),
      usage(i + 1),
    ]),
    ...Array.from({ length: MEMBERS }, (_, i): [string, unknown] => [
      keys.usage(`g${big}`, `7${String(i).padStart(17, '0')}`),
      usage(1),
    ]),
  ]);
}

async function timed(client: WebClient, path: string, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    const hop = await client.request(path, { headers: { 'x-forwarded-for': `10.9.${i >> 8}.${i & 255}` } });
    times.push(performance.now() - started);
    if (hop.status !== 200) throw new Error(`${path} answered ${hop.status}`);
  }
  return times;
}

export async function benchWeb(): Promise<void> {
  const discord = await startFakeDiscord();
  const temp = await openTempStore('bench-web');
  try {
    discord.oauth.setClient(discord.applicationId, SECRET);
    await seed(temp.store);
    const pool = createKeyPool({ baseUrl: 'http://127.0.0.1:9', apiKeys: ['k1', 'k2'], cooldownMs: 60_000 });
    const web = await startWebServer({
      config: {
        port: 0,
        host: '127.0.0.1',
        clientId: discord.applicationId,
        clientSecret: SECRET,
        authorizeUrl: discord.oauth.authorizeUrl,
        apiBase: `${discord.restUrl}/v10`,
        operatorIds: [MEMBER],
      },
      store: temp.store,
      tasks: createTaskQueries(temp.store),
      logger: quietLogger(),
      prices: { currency: 'USD', prices: {} },
      operator: { keys: () => pool.states(), processId: 'bench', shards: { count: 1, ids: [0] } },
    });
    try {
      discord.oauth.signInAs({ id: MEMBER, username: 'bench', guilds: [] });
      const client = new WebClient(web.url);
      const signedIn = (await client.follow('/auth/login?return_to=/videos')).at(-1)!;
      if (signedIn.status !== 200) throw new Error(`sign-in ended with ${signedIn.status}`);
      for (const [name, path] of [
        ['my_videos_first_page', '/videos'],
        ['my_videos_search', '/videos?q=number%2042'],
        ['my_videos_page_2', '/videos?page=2'],
      ] as const) {
        await timed(client, path, 10);
        const times = await timed(client, path, RUNS);
        report(`web_${name}_${TASKS}_tasks_p50`, percentile(times, 50), 'ms', '');
        report(`web_${name}_${TASKS}_tasks_p99`, percentile(times, 99), 'ms', '< 100');
      }
      await timed(client, '/operator', 3);
      const operator = await timed(client, '/operator', 50);
      report(`web_operator_console_${SERVERS}_servers_${MEMBERS}_members_p50`, percentile(operator, 50), 'ms', '');
      report(`web_operator_console_${SERVERS}_servers_${MEMBERS}_members_p99`, percentile(operator, 99), 'ms', '< 500');
    } finally {
      await web.close();
    }
  } finally {
    await discord.close();
    await temp.cleanup();
  }
}
