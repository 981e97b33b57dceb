/**
 * The operator console over real sockets: only the ids in OPERATOR_USER_IDS see it (page and CSV; everyone else
 * 403, a signed-out visitor is sent to sign in), the figures match the seeded store (every server's month and
 * estimated spend, paged and sorted by spend; the queue; failures of the last 24 h by reason; processes with their
 * shards and leases; the key pool by fingerprint), members' usage documents are skipped, not read, and no API key,
 * token or client secret reaches the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys, prefixes } from '../../src/db/keys.js';
import type { RecordStore } from '../../src/db/recordStore.js';
import { createKeyPool, keyFingerprint } from '../../src/services/seedance/keyPool.js';
import { periodsAt } from '../../src/services/usage/periods.js';
import type { UsageDoc } from '../../src/services/usage/usageDoc.js';
import { readServerUsage } from '../../src/web/operatorConsole.js';
import { SERVERS_PER_PAGE } from '../../src/web/pages/operatorPage.js';
import { startWebServer, type WebServer } from '../../src/web/webServer.js';
import { type FakeDiscord, startFakeDiscord } from '../fakes/discord/index.js';
import type { OAuthUser } from '../fakes/discord/oauth.js';
import { openTempStore, quietLogger, storeKinds, type TempStore } from '../support/tempStore.js';
import { seedTasks, WebClient, webTask } from '../support/webClient.js';
import { fakeDiscordWebConfig } from '../support/webClient.js';

const CLIENT_SECRET = 'operator-test-client-secret-0123456789';
const API_KEYS = ['sk_live_operator_key_AAAAAAAAAAAA', 'sk_live_operator_key_BBBBBBBBBBBB'];
const OPERATOR: OAuthUser = {
  id: '500000000000000101',
  username: 'olga',
  guilds: [{ id: '100000000000000002', name: 'Big <i>Spender</i>', permissions: '0' }],
};
const MEMBER: OAuthUser = { id: '500000000000000102', username: 'max', guilds: [] };
const NOW = Date.now();
const MONTH = periodsAt(NOW).month;
/** A time zone whose month may differ from UTC's: the figures follow the server's own month. */
const TOKYO_MONTH = periodsAt(NOW, 'Asia/Tokyo').month;

/** The servers seeded: id → this month's videos and spend (micros); the order the console must show them in. */
const BIG = '100000000000000002';
const SMALL = '100000000000000003';
/** An id that starts with SMALL's: its documents sort between SMALL's own and SMALL's members'. */
const LONGER = '1000000000000000031';
const OLD = '100000000000000004';
const MEMBERS_OF_BIG = 300;

const counter = (tasks: number, spend?: number) => ({
  tasks,
  seconds: tasks * 5,
  perTaskUnits: tasks,
  perSecondUnits: 0,
  ...(spend !== undefined ? { spend } : {}),
});

let discord: FakeDiscord;
let temp: TempStore;
let web: WebServer;
/** Rows the store returned for scans of usage documents (members' documents must be skipped, not read). */
let usageRowsRead = 0;

function countingStore(store: RecordStore): RecordStore {
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'scan')
        return async (prefix: string, options?: unknown) => {
          const rows = await target.scan(prefix, options as never);
          if (prefix.startsWith(prefixes.usage)) usageRowsRead += rows.length;
          return rows;
        };
      const v = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

/** The operator's signed-in client, made once (sign-in is rate limited). */
let operatorClient: Promise<WebClient> | undefined;
const asOperator = () => (operatorClient ??= signIn(OPERATOR));

async function signIn(user: OAuthUser): Promise<WebClient> {
  const client = new WebClient(web.url);
  discord.oauth.signInAs(user);
  const hops = await client.follow('/auth/login?return_to=%2Fvideos');
  expect(hops.at(-1)!.status).toBe(200);
  discord.oauth.signInAs(undefined);
  return client;
}

/** The text of the table cells of the row marked `attr="value"`. */
function cells(body: string, attr: string, value: string): string[] {
  const row = new RegExp(`<tr ${attr}="${value}">(.*?)</tr>`).exec(body);
  if (!row) throw new Error(`no row ${attr}=${value}`);
  return [...row[1]!.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '').trim());
}

beforeAll(async () => {
  discord = await startFakeDiscord();
  discord.oauth.setClient(discord.applicationId, CLIENT_SECRET);
  temp = await openTempStore('web-operator');
  const store = temp.store;
  const lastMonth = periodsAt(NOW - 40 * 86_400_000).month;
  const docs: Array<[string, UsageDoc | object]> = [
    [keys.usage(`g${BIG}`), { running: 2, queued: 1, month: { id: MONTH, counter: counter(40, 12_500_000) } }],
    ...Array.from({ length: MEMBERS_OF_BIG }, (_, i): [string, UsageDoc] => [
      keys.usage(`g${BIG}`, `7${String(i).padStart(17, '0')}`),
      { running: 0, month: { id: MONTH, counter: counter(1, 40_000) } },
    ]),
    [keys.usage(`g${SMALL}`), { running: 0, month: { id: TOKYO_MONTH, counter: counter(3, 750_000) } }],
    [keys.usage(`g${SMALL}`, '700000000000000001'), { running: 0, month: { id: TOKYO_MONTH, counter: counter(3) } }],
    [keys.usage(`g${LONGER}`), { running: 1, month: { id: MONTH, counter: counter(7, 2_000_000) } }],
    [keys.usage(`g${LONGER}`, '700000000000000002'), { running: 1, month: { id: MONTH, counter: counter(7) } }],
    // Last month's usage only: nothing this month.
    [keys.usage(`g${OLD}`), { running: 0, month: { id: lastMonth, counter: counter(99, 99_000_000) } }],
    [keys.settings(SMALL), { timeZone: 'Asia/Tokyo' }],
    // Direct messages and user installs are no server.
    [keys.usage(`dm${MEMBER.id}`), { running: 0, month: { id: MONTH, counter: counter(5, 5_000_000) } }],
    [keys.usage(`u${MEMBER.id}`), { running: 0, month: { id: MONTH, counter: counter(6, 6_000_000) } }],
    // Enough servers for a second page (one video each, no spend).
    ...Array.from({ length: SERVERS_PER_PAGE }, (_, i): [string, UsageDoc] => [
      keys.usage(`g2${String(i).padStart(17, '0')}`),
      { running: 0, month: { id: MONTH, counter: counter(1) } },
    ]),
    // The queue: three waiting, two running, over several scopes.
    [keys.queue(`g${BIG}`, NOW - 3000, 'q1'), { userId: MEMBER.id }],
    [keys.queue(`g${BIG}`, NOW - 2000, 'q2'), { userId: MEMBER.id }],
    [keys.queue(`dm${MEMBER.id}`, NOW - 1000, 'q3'), { userId: MEMBER.id }],
    [keys.slot(`g${BIG}`, 's1'), { at: NOW }],
    [keys.slot(`g${LONGER}`, 's2'), { at: NOW }],
    // Another process, alive, running shard 1 of 2 with a live lease; a gone one whose lease ended.
    [keys.process('proc-other'), { at: NOW - 1500, shards: { count: 2, ids: [1] }, sees: 2, since: NOW - 60_000 }],
    [keys.lease('proc-other'), { until: NOW + 20_000 }],
    [keys.lease('proc-gone'), { until: NOW - 600_000 }],
  ];
  await store.transact(
    docs.map(([k]) => k),
    (tx) => {
      for (const [k, v] of docs) tx.set(k, v);
    },
  );
  // Finished tasks: failures of the last day by reason, one done, one failure from two days ago (not counted).
  const ended = [
    webTask({ userId: MEMBER.id, state: 'failed', lastError: { stage: 'upstream', reason: 'quota' } }, NOW - 3_600_000),
    webTask({ userId: MEMBER.id, state: 'failed', lastError: { stage: 'upstream', reason: 'quota' } }, NOW - 7_200_000),
    webTask(
      { userId: MEMBER.id, state: 'failed', lastError: { stage: 'upstream', reason: 'moderation' } },
      NOW - 60_000,
    ),
    webTask(
      { userId: MEMBER.id, state: 'timed_out', lastError: { stage: 'deadline', reason: 'deadline' } },
      NOW - 60_000,
    ),
    webTask({ userId: MEMBER.id, state: 'done' }, NOW - 120_000),
    webTask(
      { userId: MEMBER.id, state: 'failed', lastError: { stage: 'upstream', reason: 'auth' } },
      NOW - 2 * 86_400_000,
    ),
  ];
  await seedTasks(store, ended);
  await store.transact(
    ended.map((t) => keys.finished(t.createdAt + 1000, t.id)),
    (tx) => {
      for (const t of ended) tx.set(keys.finished(t.createdAt + 1000, t.id), { id: t.id });
    },
  );

  const pool = createKeyPool({ baseUrl: 'http://127.0.0.1:9', apiKeys: API_KEYS, cooldownMs: 600_000 });
  pool.hold('in-flight-1', keyFingerprint(API_KEYS[1]!));
  pool.hold('in-flight-2', keyFingerprint(API_KEYS[1]!));
  web = await startWebServer({
    config: fakeDiscordWebConfig(discord, CLIENT_SECRET, { operatorIds: [OPERATOR.id] }),
    store: countingStore(store),
    logger: quietLogger(),
    prices: { currency: 'USD', prices: {} },
    operator: {
      keys: () =>
        pool.states().map((k, i) => (i === 0 ? { ...k, available: false, asideFor: 'quota', asideUntil: NOW } : k)),
      processId: 'proc-self',
      shards: { count: 2, ids: [0] },
    },
    now: () => NOW,
  });
});

afterAll(async () => {
  await web?.close();
  await discord?.close();
  await temp?.cleanup();
});

describe('who may see the operator console', () => {
  it('an operator sees it, and the header links it', async () => {
    const client = await asOperator();
    const page = await client.request('/operator');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<h1>Operator console</h1>');
    expect(page.body).toMatch(/<a href="\/operator">Operator<\/a>/);
    expect(page.body).toMatch(/<a href="\/servers">Servers<\/a>/);
    const csv = await client.request('/operator/servers.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
  });

  it('a signed-in member who is not an operator gets 403 on the page and the CSV, whatever the query', async () => {
    const client = await signIn(MEMBER);
    for (const path of ['/operator', '/operator?page=2', '/operator/servers.csv', '/operator/servers.csv?x=1']) {
      const hop = await client.request(path);
      expect(hop.status, path).toBe(403);
      expect(hop.body, path).not.toContain(BIG);
      expect(hop.body, path).toContain('only');
    }
    // The header offers no Operator link to them.
    const videos = await client.request('/videos');
    expect(videos.body).not.toContain('href="/operator"');
  });

  it('a signed-out visitor is sent to sign in for the page, and refused the CSV', async () => {
    const client = new WebClient(web.url);
    const page = await client.request('/operator');
    expect(page.status).toBe(302);
    expect(page.location).toBe(`${web.url}/auth/login-page?return_to=%2Foperator`);
    const csv = await client.request('/operator/servers.csv');
    expect(csv.status).toBe(403);
    expect(csv.body).not.toContain(BIG);
  });
});

describe('the figures match the store', () => {
  it('every server this month (its own month, its own time zone), most spend first, with no DM or user scope', async () => {
    const client = await asOperator();
    const csv = (await client.request('/operator/servers.csv')).body.trim().split('\n');
    expect(csv[0]).toBe(
      'guild_id,month,videos,seconds,per_task_units,per_second_units,running,queued,estimated_cost_USD',
    );
    expect(csv.slice(1, 5)).toEqual([
      `${BIG},${MONTH},40,200,40,0,2,1,12.5`,
      `${LONGER},${MONTH},7,35,7,0,1,0,2`,
      `${SMALL},${TOKYO_MONTH},3,15,3,0,0,0,0.75`,
      `2${'0'.repeat(17)},${MONTH},1,5,1,0,0,0,0`,
    ]);
    // OLD counted nothing this month: last among the servers.
    expect(csv.at(-1)).toBe(`${OLD},${MONTH},0,0,0,0,0,0,0`);
    expect(csv).toHaveLength(1 + 4 + SERVERS_PER_PAGE);
    expect(csv.some((l) => l.startsWith(MEMBER.id))).toBe(false);
  });

  it('the page shows the same rows, paged, with names only from the operator’s own guild list (escaped)', async () => {
    const client = await asOperator();
    const first = (await client.request('/operator')).body;
    expect(cells(first, 'data-guild', BIG)).toEqual([
      `Big &lt;i&gt;Spender&lt;/i&gt; ${BIG}`,
      MONTH,
      '40',
      '200',
      '$12.50',
      '2',
      '1',
    ]);
    expect(cells(first, 'data-guild', SMALL)[4]).toBe('$0.75');
    expect(first).toContain('Page 1 of 2');
    expect(first).not.toContain(`data-guild="${OLD}"`);
    const second = (await client.request('/operator?page=2')).body;
    expect(second).toContain('Page 2 of 2');
    expect(cells(second, 'data-guild', OLD)[2]).toBe('0');
    expect(second).not.toContain(`data-guild="${BIG}"`);
  });

  it('members’ usage documents are skipped, not read: one range read per server, not per member', async () => {
    const client = await asOperator();
    usageRowsRead = 0;
    await client.request('/operator/servers.csv');
    // 54 servers' documents plus at most one member key per server to notice the jump; never BIG's 300 members.
    expect(usageRowsRead).toBeGreaterThanOrEqual(4 + SERVERS_PER_PAGE);
    expect(usageRowsRead).toBeLessThan(MEMBERS_OF_BIG);
  });

  it('the queue: waiting and running totals over every scope', async () => {
    const client = await asOperator();
    const body = (await client.request('/operator')).body;
    expect(body).toMatch(/data-figure="waiting">3</);
    expect(body).toMatch(/data-figure="running">2</);
  });

  it('recent failures: the last 24 hours by reason, from every process’s tasks in the store', async () => {
    const client = await asOperator();
    const body = (await client.request('/operator')).body;
    expect(body).toContain('Tasks that ended in the last 24 h');
    expect(body).toContain('5 ended, 4 without a video');
    expect(cells(body, 'data-reason', 'quota')).toEqual(['quota', '2']);
    expect(cells(body, 'data-reason', 'moderation')).toEqual(['moderation', '1']);
    expect(cells(body, 'data-reason', 'deadline')).toEqual(['deadline', '1']);
    // Two days ago: outside the window.
    expect(body).not.toContain('data-reason="auth"');
  });

  it('the keys by fingerprint with their state and tasks in flight (this process), and no secret anywhere', async () => {
    const client = await asOperator();
    const body = (await client.request('/operator')).body;
    const [a, b] = API_KEYS.map((k) => keyFingerprint(k));
    expect(cells(body, 'data-key', a!)[1]).toContain('out of balance or quota');
    expect(cells(body, 'data-key', a!)[2]).toBe('0');
    expect(cells(body, 'data-key', b!)).toEqual([b, 'Available', '2']);
    for (const secret of [
      ...API_KEYS,
      CLIENT_SECRET,
      'interaction-token-secret',
      client.cookies().get('sid')!,
      decodeURIComponent(client.cookies().get('sid')!),
    ])
      expect(body).not.toContain(secret);
    const csv = (await client.request('/operator/servers.csv')).body;
    for (const secret of [...API_KEYS, CLIENT_SECRET]) expect(csv).not.toContain(secret);
  });

  it('the processes: this one first, with shards, heartbeats and leases', async () => {
    const client = await asOperator();
    const body = (await client.request('/operator')).body;
    expect(body.indexOf('data-process="proc-self"')).toBeLessThan(body.indexOf('data-process="proc-other"'));
    expect(cells(body, 'data-process', 'proc-self')).toEqual(['proc-self (this process)', '0 of 2', '—', '—']);
    expect(cells(body, 'data-process', 'proc-other')).toEqual(['proc-other', '1 of 2', '2 s ago', '20 s left']);
    expect(cells(body, 'data-process', 'proc-gone')).toEqual(['proc-gone', '—', '—', 'Ended']);
  });

  it('the page is in the member’s language (zh-CN)', async () => {
    const client = await asOperator();
    const body = (await client.request('/operator?lang=zh-CN')).body;
    expect(body).toContain('<h1>运营控制台</h1>');
    expect(body).toContain('过去 24 小时内结束的任务');
  });
});

describe.each(await storeKinds())('every server read past its members, in key order (%s)', (kind) => {
  it('ids that start with another id, servers without members and members without a server document', async () => {
    const t = await openTempStore('web-operator-keys', kind);
    try {
      const month = periodsAt(NOW).month;
      const doc = (tasks: number) => ({ running: 0, month: { id: month, counter: counter(tasks, tasks) } });
      // 12, 123 and 1234 nest as prefixes; 5 has members only (no server document: not a row).
      const records: Array<[string, unknown]> = [
        [keys.usage('g12'), doc(1)],
        [keys.usage('g12', '1'), doc(1)],
        [keys.usage('g123'), doc(2)],
        [keys.usage('g123', '1'), doc(1)],
        [keys.usage('g123', '2'), doc(1)],
        [keys.usage('g1234'), doc(3)],
        [keys.usage('g13'), doc(4)],
        [keys.usage('g5', '1'), doc(9)],
        [keys.usage('g6'), doc(5)],
        ...Array.from({ length: 150 }, (_, i): [string, unknown] => [keys.usage('g6', String(i)), doc(1)]),
        [keys.usage('g7'), doc(6)],
      ];
      await t.store.transact(
        records.map(([k]) => k),
        (tx) => {
          for (const [k, v] of records) tx.set(k, v);
        },
      );
      const { rows, capped } = await readServerUsage(t.store, NOW);
      expect(capped).toBe(false);
      expect(rows.map((r) => [r.guildId, r.counter.tasks])).toEqual([
        ['7', 6],
        ['6', 5],
        ['13', 4],
        ['1234', 3],
        ['123', 2],
        ['12', 1],
      ]);
    } finally {
      await t.cleanup();
    }
  });
});
