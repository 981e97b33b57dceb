/**
 * What the people who run the bot see and control, end to end through the fake Discord and the fake Seedance:
 * several API keys (one refused with 20001), prices and the monthly spend cap, the /video-admin usage chart, and the
 * health and metrics HTTP server.
 */
import { existsSync, readFileSync } from 'node:fs';

import { inflateSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { keyFingerprint } from '../../src/services/seedance/keyPool.js';
import type { TaskRecord } from '../../src/services/tasks/taskRecord.js';
import type { CommandOption } from '../fakes/discord/index.js';
import { eventually, type Harness, type HarnessOptions, startHarness } from '../harness.js';

const K1 = 'sk_op_first_account_0001';
const K2 = 'sk_op_second_account_002';
const K3 = 'sk_op_third_account_0003';
const FP = { k1: keyFingerprint(K1), k2: keyFingerprint(K2), k3: keyFingerprint(K3) };
const MANAGE_GUILD = 1n << 5n;
const ADMIN = { id: '910000000000000001', username: 'admin' };
const MEMBER = { id: '910000000000000002', username: 'member' };
const OTHER = { id: '910000000000000003', username: 'other' };

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** The bot with three keys against a fake that knows all three; `keyStates` refuses or empties some. */
async function withKeys(
  keys: string[],
  keyStates: Record<string, 'refused' | 'broke'> = {},
  extra: HarnessOptions = {},
): Promise<Harness> {
  h = await startHarness({
    ...extra,
    env: { SEEDANCE_API_KEY: keys.join(','), ...extra.env },
    seedance: { apiKey: K1, apiKeys: [K2, K3], keyStates, ...extra.seedance },
  });
  return h;
}

function video(prompt: string, as: { user?: { id: string }; locale?: string } = {}) {
  return h!.discord.dispatchCommand({
    name: 'video',
    subcommand: 'text',
    user: as.user ?? MEMBER,
    locale: as.locale,
    options: [{ name: 'prompt', value: prompt }] satisfies CommandOption[],
  });
}
const callback = async (ix: { id: string }) =>
  (await h!.discord.waitForCallback(ix.id)).data as { content?: string; flags?: number };
const tasksOf = (userId: string) => h!.app.tasks.listRecentByUser(userId, 25);
const allFinal = async (userId: string, count: number) => {
  const list = await tasksOf(userId);
  return list.length === count && list.every((t) => t.toldAt) ? list : undefined;
};
const guildId = () => h!.discord.guilds[0]!.id;

/** Everything the bot wrote to its database file (SQLite file and its journal), as text. */
function databaseBytes(): string {
  const file = h!.config.databasePath;
  return [file, `${file}-wal`, `${file}-journal`]
    .filter((f) => existsSync(f))
    .map((f) => readFileSync(f).toString('latin1'))
    .join('');
}

describe('several API keys', () => {
  it('one key answers 20001: it is set aside, requests go to the others, every task is queried with its own key', async () => {
    await withKeys([K1, K2, K3], { [K1]: 'refused' });
    // Four requests at once: creates under way count as in flight, so they spread over the working keys.
    for (const user of [MEMBER, OTHER, { id: '910000000000000004' }, { id: '910000000000000005' }])
      await callback(video('a fox', { user }));
    const tasks = await eventually(
      async () => {
        const all = (
          await Promise.all(
            [MEMBER.id, OTHER.id, '910000000000000004', '910000000000000005'].map((u) => allFinal(u, 1)),
          )
        ).flat();
        return all.every(Boolean) ? (all as TaskRecord[]) : undefined;
      },
      8000,
      'four videos delivered',
    );
    expect(tasks.map((t) => t.state)).toEqual(['done', 'done', 'done', 'done']);
    // The refused key was asked once, then set aside for the cooldown.
    expect(h!.seedance.createCountFor(K1)).toBe(1);
    expect(h!.seedance.createCountFor(K2) + h!.seedance.createCountFor(K3)).toBe(4);
    // Each task stores the fingerprint of the key that made it, and was queried with that key only.
    for (const t of tasks) {
      expect([FP.k2, FP.k3]).toContain(t.upstreamKey);
      const key = t.upstreamKey === FP.k2 ? K2 : K3;
      const queries = h!.seedance.requests.filter((r) => r.method === 'GET' && r.path.endsWith(t.upstreamTaskId!));
      expect(queries.length).toBeGreaterThan(0);
      expect(queries.every((r) => r.headers.authorization === `Bearer ${key}`)).toBe(true);
    }
    expect(new Set(tasks.map((t) => t.upstreamKey)).size).toBe(2);
    // Keys never reach the logs or the database; the start-up line names how many and their fingerprints.
    const logs = h!.logs.join('');
    for (const k of [K1, K2, K3]) expect(logs).not.toContain(k);
    const lines = h!.logs.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.find((l) => l.msg === 'video service API keys loaded')).toMatchObject({
      keys: 3,
      fingerprints: [FP.k1, FP.k2, FP.k3],
    });
    expect(lines.find((l) => l.msg === 'API key set aside; new tasks go to the other keys')).toMatchObject({
      key: FP.k1,
      why: 'auth',
      code: '20001',
    });
    await h!.stopApp();
    const db = databaseBytes();
    expect(db).toContain(FP.k2);
    for (const k of [K1, K2, K3]) expect(db).not.toContain(k);
  });

  it('every key set aside: the member is told the video account is unavailable, and nothing is charged', async () => {
    await withKeys([K1, K2], { [K1]: 'refused', [K2]: 'broke' });
    const first = video('a fox');
    await callback(first);
    const [failed] = await eventually(() => allFinal(MEMBER.id, 1), 5000, 'the first request to end');
    expect(failed).toMatchObject({ state: 'failed', usage: 'refunded', lastError: { reason: 'account_unavailable' } });
    expect(JSON.stringify(h!.discord.originalMessage(first.id)!.embeds)).toContain(
      "The bot's video account is unavailable right now",
    );
    expect(h!.seedance.tasks.size).toBe(0);
    // From now on requests are refused before anything is reserved, in the member's language.
    const en = await callback(video('again'));
    expect(en.flags! & 64).toBe(64);
    expect(en.content).toBe(
      "Not started, nothing charged: the bot's video account is unavailable right now (its API keys were refused or ran out of balance). Please tell a server admin.",
    );
    const zh = await callback(video('again', { user: OTHER, locale: 'zh-CN' }));
    expect(zh.content).toContain('机器人的视频服务账户暂时不可用');
    expect(await tasksOf(OTHER.id)).toEqual([]);
    const usage = await h!.app.ledger.snapshot(guildId(), MEMBER.id);
    expect(usage.guildDay.tasks).toBe(0);
    expect(usage.guildRunning).toBe(0);
    expect(h!.seedance.createCountFor(K1) + h!.seedance.createCountFor(K2)).toBe(2);
  });

  it('after a restart each task is still queried with its own key, and counts towards its key again', async () => {
    await withKeys([K1, K2], {}, { env: { HTTP_PORT: '0', HTTP_HOST: '127.0.0.1' } });
    await callback(video('[stuck] one'));
    await callback(video('[stuck] two', { user: OTHER }));
    const running = await eventually(
      async () => {
        const all = [...(await tasksOf(MEMBER.id)), ...(await tasksOf(OTHER.id))];
        return all.length === 2 && all.every((t) => t.state === 'running') ? all : undefined;
      },
      5000,
      'both running',
    );
    expect(new Set(running.map((t) => t.upstreamKey))).toEqual(new Set([FP.k1, FP.k2]));
    await h!.restart();
    const metrics = await (await fetch(`${h!.app.http!.url}/metrics`)).text();
    expect(metrics).toContain(`seedance_bot_key_tasks_in_flight{key="${FP.k1}"} 1`);
    expect(metrics).toContain(`seedance_bot_key_tasks_in_flight{key="${FP.k2}"} 1`);
    const before = h!.seedance.requests.length;
    for (const t of running) h!.seedance.finishTask(t.upstreamTaskId!, { status: 'completed' });
    await eventually(async () => (await allFinal(MEMBER.id, 1)) && (await allFinal(OTHER.id, 1)), 8000, 'both done');
    for (const t of running) {
      const key = t.upstreamKey === FP.k1 ? K1 : K2;
      const queries = h!.seedance.requests
        .slice(before)
        .filter((r) => r.method === 'GET' && r.path.endsWith(t.upstreamTaskId!));
      expect(queries.length).toBeGreaterThan(0);
      expect(queries.every((r) => r.headers.authorization === `Bearer ${key}`)).toBe(true);
      expect((await h!.app.tasks.get(t.id))?.state).toBe('done');
    }
    const after = await (await fetch(`${h!.app.http!.url}/metrics`)).text();
    expect(after).toContain(`seedance_bot_key_tasks_in_flight{key="${FP.k1}"} 0`);
  });

  it('an uncertain create (5xx after sending) is never repeated on another key', async () => {
    await withKeys([K1, K2]);
    h!.seedance.injectFault('create', { status: 502 });
    await callback(video('a fox'));
    const [task] = await eventually(() => allFinal(MEMBER.id, 1), 5000, 'the request to end');
    expect(task).toMatchObject({ state: 'uncertain', usage: 'refunded' });
    expect(h!.seedance.createCount()).toBe(1);
    expect(h!.seedance.createCountFor(K2)).toBe(0);
  });
});

const PRICES = JSON.stringify({ currency: 'USD', prices: { 'seedance2.0-mini-sp-720p': 0.4 } });

describe('spend in money', () => {
  it('cards, /usage me and /video-admin usage members (CSV) show the estimated cost; the monthly spend cap refuses with the figures', async () => {
    await withKeys([K1], {}, { env: { PRICES, LIMIT_GUILD_MONTHLY_SPEND: '1.00' } });
    const a = video('one');
    await callback(a);
    const b = video('two', { user: OTHER, locale: 'zh-CN' });
    await callback(b);
    await eventually(async () => (await allFinal(MEMBER.id, 1)) && (await allFinal(OTHER.id, 1)), 8000, 'both done');
    const card = JSON.stringify(h!.discord.originalMessage(a.id)!.embeds);
    expect(card).toContain('≈ $0.40 (estimated)');
    expect(JSON.stringify(h!.discord.originalMessage(b.id)!.embeds)).toContain('约 US$0.40（估算）');
    const refused = await callback(video('three'));
    expect(refused.content).toMatch(
      /^Not started, nothing charged: this server has spent an estimated \$0\.80 of its \$1\.00 this month and this video would cost \$0\.40; resets <t:\d+:R>\.$/,
    );
    expect((await tasksOf(MEMBER.id)).length).toBe(1);

    const me = await callback(h!.discord.dispatchCommand({ name: 'usage', subcommand: 'me', user: MEMBER }));
    expect(me.content).toContain('Estimated spend this month: **$0.80** / $1.00');
    const ix = h!.discord.dispatchCommand({
      name: 'video-admin',
      subcommandGroup: 'usage',
      subcommand: 'members',
      user: ADMIN,
      permissions: MANAGE_GUILD,
      options: [{ name: 'csv', value: true }],
    });
    await h!.discord.waitForCallback(ix.id);
    const edit = await eventually(
      () => h!.discord.requests.find((r) => r.method === 'PATCH' && r.files.some((f) => f.name.endsWith('.csv'))),
      5000,
      'the CSV',
    );
    expect(String(edit.body?.content)).toContain(`<@${MEMBER.id}>: 1 videos · 5 s · ≈ $0.40`);
    const csv = edit.files[0]!.data.toString().split('\n');
    expect(csv[0]).toBe('user_id,videos,seconds,per_task_units,per_second_units,content_refusals,estimated_cost_USD');
    expect(csv).toContain(`${MEMBER.id},1,5,1,0,0,0.4`);
  });
});

describe('spend in money, under concurrency', () => {
  it('eight members at once against $2.00 left at $0.40 a video: exactly five start, three are refused', async () => {
    await withKeys([K1], {}, { env: { PRICES, LIMIT_GUILD_MONTHLY_SPEND: '2' } });
    const users = Array.from({ length: 8 }, (_, i) => ({ id: `92000000000000000${i}` }));
    const answers = await Promise.all(users.map((user) => video('at once', { user })).map((ix) => callback(ix)));
    const refused = answers.filter((a) => a.content?.includes('this server has spent an estimated'));
    expect(refused).toHaveLength(3);
    for (const r of refused) expect(r.content).toContain('$2.00 this month and this video would cost $0.40');
    await eventually(() => h!.seedance.createCount() === 5, 5000, 'five creates');
    const month = (await h!.app.ledger.snapshot(guildId(), users[0]!.id)).guildMonth;
    expect(month).toMatchObject({ tasks: 5, spend: 2_000_000 });
  });
});

/** Width, height and pixel rows of a PNG, after inflating its image data (a real decode, not just a header read). */
function decodePng(png: Buffer): { width: number; height: number; rowsOk: boolean } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect(data[8]).toBe(8); // bit depth
      channels = { 2: 3, 6: 4, 0: 1, 4: 2 }[data[9]!] ?? 0;
    }
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  return { width, height, rowsOk: channels > 0 && raw.length === height * (1 + width * channels) };
}

describe('/video-admin usage chart', () => {
  it('gives admins a PNG chart of the last 30 days in their language; others are refused', async () => {
    await withKeys([K1]);
    await callback(video('one'));
    await callback(video('two', { user: OTHER }));
    await eventually(async () => (await allFinal(MEMBER.id, 1)) && (await allFinal(OTHER.id, 1)), 8000, 'both done');
    const denied = await callback(
      h!.discord.dispatchCommand({ name: 'video-admin', subcommandGroup: 'usage', subcommand: 'chart', user: MEMBER }),
    );
    expect(denied.content).toMatch(/Only members with Manage Server/);

    for (const locale of ['en-US', 'zh-CN']) {
      const ix = h!.discord.dispatchCommand({
        name: 'video-admin',
        subcommandGroup: 'usage',
        subcommand: 'chart',
        user: ADMIN,
        permissions: MANAGE_GUILD,
        locale,
      });
      const cb = await h!.discord.waitForCallback(ix.id);
      expect(cb.type).toBe(5); // acknowledged first, privately
      expect(cb.data?.flags).toBe(64);
      const edit = await eventually(
        () =>
          h!.discord.requests.find(
            (r) => r.method === 'PATCH' && r.path.includes(ix.token) && r.files.some((f) => f.name.endsWith('.png')),
          ),
        8000,
        'the chart',
      );
      const file = edit.files[0]!;
      expect(file.name).toMatch(new RegExp(`^usage-${guildId()}-\\d{4}-\\d{2}-\\d{2}\\.png$`));
      expect(decodePng(file.data)).toEqual({ width: 1000, height: 520, rowsOk: true });
      expect(edit.body?.allowed_mentions).toEqual({ parse: [] });
      expect(String(edit.body?.content)).toBe(
        locale === 'en-US'
          ? 'Videos per day over the last 30 days (UTC): 2 in all, 2 this month.'
          : '最近 30 天每日视频数（UTC）：共 2 个，本月 2 个。',
      );
    }
    const history = await h!.app.ledger.dailyHistory(guildId());
    expect(history.days.at(-1)!.byFamily).toEqual({ 'mini-sp': 2 });
  });
});

/** A metric's value from Prometheus text (the sample with exactly these labels). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const want = Object.entries(labels)
    .map(([k, v]) => `${k}="${v}"`)
    .sort()
    .join(',');
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = (m[2] ?? '').split(',').filter(Boolean).sort().join(',');
    if (have === want) return Number(m[3]);
  }
  return undefined;
}

describe('health and metrics', () => {
  it('/healthz is 200 while the gateway is ready; /metrics counts a scripted session; 503 with a reason when not', async () => {
    await withKeys(
      [K1, K2],
      { [K1]: 'refused' },
      { env: { HTTP_PORT: '0', HTTP_HOST: '127.0.0.1', LIMIT_MEMBER_DAILY_TASKS: '2' } },
    );
    const base = h!.app.http!.url;
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });

    // Two videos delivered, one refused by the member's daily limit, one stuck upstream, one failed status query.
    h!.seedance.injectFault('query', { status: 500 });
    await callback(video('one'));
    await callback(video('two'));
    expect((await callback(video('three'))).content).toMatch(/videos today/);
    await callback(video('[stuck] waits', { user: OTHER }));
    await eventually(() => allFinal(MEMBER.id, 2), 8000, 'two delivered');
    await eventually(async () => (await tasksOf(OTHER.id))[0]?.state === 'running', 5000, 'the stuck one running');

    const res = await fetch(`${base}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(sample(text, 'seedance_bot_deliveries_total', { route: 'webhook', mode: 'upload' })).toBe(2);
    expect(sample(text, 'seedance_bot_reservations_refused_total', { limit: 'member_daily_tasks' })).toBe(1);
    expect(sample(text, 'seedance_bot_task_transitions_total', { state: 'done' })).toBe(2);
    expect(sample(text, 'seedance_bot_tasks', { state: 'running' })).toBe(1);
    expect(sample(text, 'seedance_bot_tasks', { state: 'done' })).toBe(0);
    // Every task state has its sample, the media review's too.
    expect(sample(text, 'seedance_bot_tasks', { state: 'reviewing' })).toBe(0);
    expect(sample(text, 'seedance_bot_tasks', { state: 'review_submitting' })).toBe(0);
    expect(sample(text, 'seedance_bot_queue_length')).toBe(0);
    // Creates: one refused by K1 (auth), three made by K2.
    expect(sample(text, 'seedance_bot_upstream_requests_total', { route: 'create', outcome: 'ok' })).toBe(3);
    expect(sample(text, 'seedance_bot_upstream_errors_total', { route: 'create', kind: 'auth' })).toBe(1);
    expect(sample(text, 'seedance_bot_upstream_errors_total', { route: 'query', kind: 'server' })).toBe(1);
    expect(sample(text, 'seedance_bot_upstream_request_duration_seconds_count', { route: 'create' })).toBe(4);
    expect(sample(text, 'seedance_bot_upstream_requests_total', { route: 'query', outcome: 'ok' })).toBeGreaterThan(2);
    expect(sample(text, 'seedance_bot_key_tasks_in_flight', { key: FP.k2 })).toBe(1);
    expect(sample(text, 'seedance_bot_key_tasks_in_flight', { key: FP.k1 })).toBe(0);
    expect(sample(text, 'seedance_bot_key_available', { key: FP.k1 })).toBe(0);
    expect(sample(text, 'seedance_bot_key_available', { key: FP.k2 })).toBe(1);
    expect(sample(text, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
    for (const k of [K1, K2]) expect(text).not.toContain(k);

    expect((await fetch(`${base}/nothing`)).status).toBe(404);
    // The gateway goes away: 503 with the reason.
    await h!.app.discord.destroy();
    const down = await fetch(`${base}/healthz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ ok: false, reason: 'the Discord gateway is not ready' });
  });

  it('is off unless HTTP_PORT is set', async () => {
    await withKeys([K1]);
    expect(h!.app.http).toBeUndefined();
    expect(h!.config.http).toBeUndefined();
  });
});
