/**
 * A small browser for HTTP-level web tests: fetch over real sockets with a cookie jar per origin, redirects
 * followed by hand (so a test can stop at any hop), and helpers to sign in through the fake Discord's OAuth2.
 */
import { keys } from '../../src/db/keys.js';
import type { RecordStore } from '../../src/db/recordStore.js';
import type { TaskRecord } from '../../src/services/tasks/taskRecord.js';
import { memberIndexKey, writeTask } from '../../src/services/tasks/taskStorage.js';
import type { WebConfig } from '../../src/config/loadConfig.js';
import type { FakeDiscord } from '../fakes/discord/index.js';

export interface Hop {
  status: number;
  url: string;
  location?: string;
  body: string;
  headers: Headers;
}

export class WebClient {
  /** origin → cookie name → value */
  readonly jar = new Map<string, Map<string, string>>();
  constructor(readonly base: string) {}

  cookies(origin = new URL(this.base).origin): Map<string, string> {
    let c = this.jar.get(origin);
    if (!c) this.jar.set(origin, (c = new Map()));
    return c;
  }

  async request(pathOrUrl: string, init: RequestInit & { headers?: Record<string, string> } = {}): Promise<Hop> {
    const url = new URL(pathOrUrl, this.base);
    const jar = this.cookies(url.origin);
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(cookie ? { cookie } : {}), ...init.headers },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (!value || /expires=Thu, 01 Jan 1970/i.test(line) || /max-age=0/i.test(line)) jar.delete(name);
      else jar.set(name, value);
    }
    const location = response.headers.get('location') ?? undefined;
    return {
      status: response.status,
      url: url.toString(),
      ...(location ? { location: new URL(location, url).toString() } : {}),
      body: await response.text(),
      headers: response.headers,
    };
  }

  /** Follows redirects (across origins, cookies kept per origin) until a page answers; every hop returned. */
  async follow(pathOrUrl: string, init?: RequestInit & { headers?: Record<string, string> }, max = 10): Promise<Hop[]> {
    const hops: Hop[] = [];
    let next: string | undefined = pathOrUrl;
    let first = true;
    while (next && hops.length < max) {
      const hop = await this.request(next, first ? init : {});
      first = false;
      hops.push(hop);
      next = hop.status >= 300 && hop.status < 400 ? hop.location : undefined;
    }
    return hops;
  }

  /** The CSRF token of the page's sign-out form. */
  static csrfOf(body: string): string {
    const m = /name="_csrf" value="([^"]+)"/.exec(body);
    if (!m) throw new Error('no CSRF token on the page');
    return m[1]!;
  }

  async post(path: string, form: Record<string, string>, headers: Record<string, string> = {}): Promise<Hop> {
    return this.request(path, {
      method: 'POST',
      body: new URLSearchParams(form).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    });
  }
}

/** Writes tasks (both records), each member's recent-task index and their index of every task, as createTask does. */
export async function seedTasks(store: RecordStore, tasks: TaskRecord[]): Promise<void> {
  const users = [...new Set(tasks.map((t) => t.userId))];
  await store.transact(
    [
      ...tasks.flatMap((t) => [keys.task(t.id), keys.taskDetails(t.id), memberIndexKey(t)]),
      ...users.map((u) => keys.userTasks(u)),
    ],
    (tx) => {
      for (const t of tasks) {
        writeTask(tx, t);
        tx.set(memberIndexKey(t), 1);
      }
      for (const u of users) {
        const ids = tasks
          .filter((t) => t.userId === u)
          .sort((a, b) => b.createdAt - a.createdAt)
          .map((t) => t.id);
        tx.set(keys.userTasks(u), [...ids, ...(tx.get<string[]>(keys.userTasks(u)) ?? [])].slice(0, 25));
      }
    },
  );
}

let n = 0;
/** A task record for page tests (done with a live video link unless told otherwise). */
export function webTask(extra: Partial<TaskRecord> & { userId: string }, at: number): TaskRecord {
  n += 1;
  return {
    id: `w${n.toString(36).padStart(5, '0')}`,
    guildId: '100000000000000001',
    channelId: '200000000000000001',
    locale: 'en-US',
    interaction: { applicationId: 'app', token: 'interaction-token-secret', createdAt: at },
    model: 'seedance2.0-mini-sp',
    request: { model: 'seedance2.0-mini-sp', prompt: `prompt ${n}`, duration: 5, resolution: '720p', ratio: '16:9' },
    cost: { billing: 'per_task', units: 1, seconds: 5, billedAs: 'seedance2.0-mini-sp-720p' },
    state: 'done',
    videoUrl: `https://videos.example.com/${n}.mp4`,
    attempts: 3,
    createdAt: at,
    updatedAt: at,
    finishedAt: at + 60_000,
    usage: 'committed',
    messageId: '300000000000000001',
    ...extra,
  } as TaskRecord;
}

/** The dashboard's settings against the fake Discord (its OAuth2 and REST), on a free loopback port. */
export function fakeDiscordWebConfig(
  discord: Pick<FakeDiscord, 'applicationId' | 'restUrl' | 'oauth'>,
  clientSecret: string,
  extra: Partial<WebConfig> = {},
): WebConfig {
  return {
    port: 0,
    host: '127.0.0.1',
    clientId: discord.applicationId,
    clientSecret,
    authorizeUrl: discord.oauth.authorizeUrl,
    apiBase: `${discord.restUrl}/v10`,
    operatorIds: [],
    ...extra,
  };
}
