/**
 * `npm run bench -- web`: the web dashboard's pages under a real HTTP client with a signed-in session (the fake
 * Discord's OAuth2), on a store seeded directly. One function per page adds its figures; each figure is the p99 of
 * the server time the dashboard itself logs for the request (`web request`, `ms`: from the request's arrival to
 * the reply sent), with the round trip seen by the client beside it.
 * - My videos: one member with 10,000 tasks: the first page, a deep page, and a search through the newest tasks.
 */
import { Writable } from 'node:stream';
import { createLogger } from '../src/logging/logger.js';
import type { RecordStore } from '../src/db/recordStore.js';
import type { TaskRecord } from '../src/services/tasks/taskRecord.js';
import { startWebServer, type WebServer } from '../src/web/webServer.js';
import { type FakeDiscord, startFakeDiscord } from '../test/fakes/discord/index.js';
import { openTempStore, type StoreKind } from '../test/support/tempStore.js';
import { seedTasks, WebClient, webTask } from '../test/support/webClient.js';
import { percentile, report } from './report.js';

const CLIENT_SECRET = 'bench-web-client-secret-0123456789';
const MEMBER = { id: '510000000000000001', username: 'bench' };
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
  /** Requests `path` `REQUESTS` times (after a warm-up) and reports the p99 server and round-trip times. */
  timePage(client: WebClient, name: string, path: string, target: string, limitMs: number): Promise<void>;
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
  const web = await startWebServer({
    config: {
      port: 0,
      host: '127.0.0.1',
      clientId: discord.applicationId,
      clientSecret: CLIENT_SECRET,
      authorizeUrl: discord.oauth.authorizeUrl,
      apiBase: `${discord.restUrl}/v10`,
      operatorIds: [],
    },
    store: temp.store,
    logger,
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
    async timePage(client, name, path, target, limitMs) {
      const roundTrip: number[] = [];
      for (let i = 0; i < WARMUP + REQUESTS; i += 1) {
        if (i === WARMUP) serverMs.length = 0;
        const started = performance.now();
        const page = await client.request(path);
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
