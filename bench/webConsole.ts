/**
 * The web dashboard's server console with 10,000 members: the whole bot with WEB_PORT (SQLite), a server whose
 * usage documents are seeded directly (10,000 members this month, 30 days of the chart), an admin signed in through
 * the fake Discord's OAuth2; then the console page is asked for repeatedly with fastify's `inject` (server time: no
 * sockets, no client) and its p50 and p99 reported. Target: p99 < 100 ms, as My videos.
 */
import { keys } from '../src/db/keys.js';
import type { UsageDoc } from '../src/services/usage/usageDoc.js';
import { periodsAt } from '../src/services/usage/periods.js';
import { startHarness } from '../test/harness.js';
import { WebClient } from '../test/support/webClient.js';
import { percentile, report } from './report.js';

const SECRET = 'bench-web-console-secret-0123456789';
const APP_ID = '123456789012345678';

export async function benchWebConsole(members = 10_000, requests = 200): Promise<void> {
  const h = await startHarness({
    discord: { recordRequests: false },
    env: { LOG_LEVEL: 'warn', WEB_PORT: '0', DISCORD_APPLICATION_ID: APP_ID, DISCORD_CLIENT_SECRET: SECRET },
  });
  try {
    const guildId = h.discord.guildIds[0]!;
    const now = Date.now();
    const { day, month } = periodsAt(now);
    const counter = (tasks: number) => ({ tasks, seconds: tasks * 5, perTaskUnits: tasks, perSecondUnits: 0 });
    // The server's document: 30 days of the chart over three families.
    const days: Record<string, Record<string, number>> = {};
    for (let i = 0; i < 30; i++)
      days[periodsAt(now - i * 86_400_000).day] = { 'mini-sp': 20 + i, sp: 5 + (i % 7), 'fast-sp': i % 3 };
    await h.app.store.transact([keys.usage(`g${guildId}`)], (tx) =>
      tx.set(keys.usage(`g${guildId}`), {
        running: 0,
        day: { id: day, counter: counter(40) },
        month: { id: month, counter: counter(members) },
        days,
      } satisfies UsageDoc),
    );
    // 10,000 members' documents, in batches.
    for (let from = 0; from < members; from += 1000) {
      const ids = Array.from(
        { length: Math.min(1000, members - from) },
        (_, i) => `8${String(from + i).padStart(17, '0')}`,
      );
      await h.app.store.transact(
        ids.map((u) => keys.usage(`g${guildId}`, u)),
        (tx) => {
          for (const [i, u] of ids.entries())
            tx.set(keys.usage(`g${guildId}`, u), {
              running: 0,
              day: { id: day, counter: counter(1) },
              month: { id: month, counter: counter(1 + ((from + i) % 17)) },
            } satisfies UsageDoc);
        },
      );
    }
    const admin = { id: '880000000000000001', username: 'bench-admin' };
    h.discord.oauth.setClient(APP_ID, SECRET);
    h.discord.oauth.signInAs({ ...admin, guilds: [{ id: guildId, name: 'Bench', permissions: String(1n << 5n) }] });
    const client = new WebClient(h.app.web!.url);
    const signedIn = (await client.follow('/auth/login?return_to=/videos')).at(-1)!;
    if (signedIn.status !== 200) throw new Error(`sign-in failed: ${signedIn.status}`);
    const cookie = [...client.cookies()].map(([k, v]) => `${k}=${v}`).join('; ');
    const app = h.app.web!.app;
    const ask = async () => {
      const started = performance.now();
      const res = await app.inject({ method: 'GET', url: `/servers/${guildId}`, headers: { cookie } });
      const ms = performance.now() - started;
      if (res.statusCode !== 200) throw new Error(`console page: ${res.statusCode}`);
      return ms;
    };
    for (let i = 0; i < 10; i++) await ask(); // warm-up
    const times: number[] = [];
    for (let i = 0; i < requests; i++) times.push(await ask());
    report(`web_server_console_${members / 1000}k_members_server_p50`, percentile(times, 50), 'ms', 'informational');
    report(`web_server_console_${members / 1000}k_members_server_p99`, percentile(times, 99), 'ms', '< 100');
  } finally {
    await h.close();
  }
}
