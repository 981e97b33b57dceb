/**
 * My videos: every task of the signed-in member across servers, newest first, paged, from their index of every
 * task (`member_tasks:<user>:…`, key order is newest first): a page is one range scan of the index and one batched
 * read of its tasks. Filters (server, state, model, words of the prompt) read the index and the tasks a chunk at a
 * time, the newest SEARCH_BUDGET tasks at most (the page then says so). Also: which link plays a task's video.
 */
import { prefixes } from '../db/keys.js';
import type { RecordStore } from '../db/recordStore.js';
import { TASK_STATES } from '../services/tasks/stateMachine.js';
import type { TaskRecord, TaskState } from '../services/tasks/taskRecord.js';
import { isFinal, VIDEO_URL_LIFETIME_MS } from '../services/tasks/taskRecord.js';
import { readTasks } from '../services/tasks/taskStorage.js';

export const PAGE_SIZE = 10;
/** Most tasks a filtered page reads (the newest): a search never reads a member's whole history. */
export const SEARCH_BUDGET = 1000;
/** Index rows (and tasks) read per step of a filtered page. */
const CHUNK = 200;
/** The deepest page (an unfiltered page scans the index rows before it: 10 bytes each). */
export const MAX_PAGE = 5000;
/** The server filter's value for direct messages (tasks without a server). */
export const DM_FILTER = 'dm';

export interface VideoFilter {
  guild?: string;
  state?: string;
  model?: string;
  q?: string;
  page: number;
}

export interface VideoPage {
  items: TaskRecord[];
  page: number;
  /** A later page has tasks (or, filtered, may have: the budget was not spent yet). */
  hasNext: boolean;
  /** Filtered pages only, when the budget stopped the search: how many of the newest tasks were searched. */
  searched?: number;
}

const text = (v: unknown, max: number) => (typeof v === 'string' ? v.trim().slice(0, max) : '');

export const isFiltered = (f: VideoFilter) => !!(f.guild || f.state || f.model || f.q);

/** The filter from a query string, every value bounded (unknown values simply match nothing). */
export function readFilter(query: Record<string, unknown>): VideoFilter {
  const page = Number.parseInt(text(query.page, 6), 10);
  return {
    guild: text(query.guild, 32) || undefined,
    state: text(query.state, 32) || undefined,
    model: text(query.model, 64) || undefined,
    q: text(query.q, 200) || undefined,
    page: Number.isFinite(page) && page > 0 ? Math.min(page, MAX_PAGE) : 1,
  };
}

const idOfRow = (key: string) => key.slice(key.lastIndexOf(':') + 1);

/** The member's tasks of these index rows, in index order (a task not theirs, or gone, left out). */
async function tasksOf(store: RecordStore, userId: string, rows: Array<[string, unknown]>): Promise<TaskRecord[]> {
  const ids = rows.map(([k]) => idOfRow(k));
  const found = await readTasks(store, ids);
  return ids.map((id) => found.get(id)).filter((t): t is TaskRecord => !!t && t.userId === userId);
}

export async function listMyVideos(store: RecordStore, userId: string, filter: VideoFilter): Promise<VideoPage> {
  const prefix = prefixes.memberTasksOf(userId);
  const skip = (filter.page - 1) * PAGE_SIZE;
  if (!isFiltered(filter)) {
    // The rows before the page are skipped in the scan's result (tiny values); only the page's tasks are read.
    const rows = await store.scan<unknown>(prefix, { limit: skip + PAGE_SIZE + 1 });
    return {
      items: await tasksOf(store, userId, rows.slice(skip, skip + PAGE_SIZE)),
      page: filter.page,
      hasNext: rows.length > skip + PAGE_SIZE,
    };
  }
  const words = filter.q?.toLocaleLowerCase();
  const matches = (t: TaskRecord) =>
    (!filter.guild || (t.guildId ?? DM_FILTER) === filter.guild) &&
    (!filter.state || t.state === filter.state) &&
    (!filter.model || t.model === filter.model) &&
    (!words || t.request.prompt.toLocaleLowerCase().includes(words));
  const found: TaskRecord[] = [];
  let searched = 0;
  let after: string | undefined;
  let more = true;
  while (more && searched < SEARCH_BUDGET && found.length <= skip + PAGE_SIZE) {
    const limit = Math.min(CHUNK, SEARCH_BUDGET - searched);
    const rows = await store.scan<unknown>(prefix, { limit, ...(after ? { after } : {}) });
    searched += rows.length;
    more = rows.length === limit;
    if (!rows.length) break;
    after = rows[rows.length - 1]![0];
    for (const t of await tasksOf(store, userId, rows)) if (matches(t)) found.push(t);
  }
  const budgetSpent = more && searched >= SEARCH_BUDGET;
  return {
    items: found.slice(skip, skip + PAGE_SIZE),
    page: filter.page,
    hasNext: found.length > skip + PAGE_SIZE,
    ...(budgetSpent ? { searched } : {}),
  };
}

/** What Delete did: the card deleted, already gone, or out of the bot's reach (where only the member's install is). */
export type DeleteOutcome = 'deleted' | 'gone' | 'unreachable';
export const DELETE_OUTCOMES: readonly DeleteOutcome[] = ['deleted', 'gone', 'unreachable'];

/**
 * Deletes a task's card in Discord, as the card's Delete button does (implemented in src/discord, passed in by the
 * composition root); the caller has checked the member may (their own task).
 */
export type DeleteCard = (task: TaskRecord, byUserId: string) => Promise<DeleteOutcome>;

/**
 * Whether the page offers Delete for a task's card: as the card itself does (its Delete button is on final cards
 * only), when the card exists. Who may is checked apart: only the member's own tasks are ever on the page.
 */
export const mayDeleteCard = (task: TaskRecord): boolean => isFinal(task.state) && !!task.messageId;

/** The choices the state filter offers: every state a task can be in. */
export const STATE_CHOICES: readonly TaskState[] = TASK_STATES;

/**
 * Signs stale Discord attachment URLs anew (implemented in src/discord, passed in by the composition root): every
 * URL given maps to one that plays now; a URL it could not sign is left out.
 */
export type ResignUrls = (urls: readonly string[]) => Promise<ReadonlyMap<string, string>>;

/** How long a URL signed anew is reused (Discord's signatures last about a day). */
export const RESIGNED_TTL_MS = 30 * 60_000;
/** How long a URL Discord would not sign (its card deleted) is not asked again. */
export const UNSIGNED_TTL_MS = 5 * 60_000;

/**
 * `resign` with a short cache, so page views in a row make one call per URL at most every RESIGNED_TTL_MS (a URL
 * Discord left out: every UNSIGNED_TTL_MS). A failed call is not remembered: the next page view asks again.
 */
export function cachedResigner(resign: ResignUrls, now: () => number, max = 5000): ResignUrls {
  const cache = new Map<string, { url?: string; until: number }>();
  const remember = (u: string, url: string | undefined, until: number) => {
    if (cache.size >= max) cache.delete(cache.keys().next().value!);
    cache.set(u, url ? { url, until } : { until });
  };
  return async (urls) => {
    const at = now();
    const out = new Map<string, string>();
    const missing: string[] = [];
    for (const u of new Set(urls)) {
      const hit = cache.get(u);
      if (!hit || hit.until <= at) missing.push(u);
      else if (hit.url) out.set(u, hit.url);
    }
    if (missing.length) {
      const fresh = await resign(missing);
      for (const u of missing) {
        const url = fresh.get(u);
        if (url) out.set(u, url);
        remember(u, url, at + (url ? RESIGNED_TTL_MS : UNSIGNED_TTL_MS));
      }
    }
    return out;
  };
}

/** The video service's link of a finished task, while the service keeps the file (VIDEO_URL_LIFETIME_MS). */
function vendorLink(task: TaskRecord, now: number): string | undefined {
  if (!task.videoUrl || !/^https?:\/\//i.test(task.videoUrl)) return undefined;
  const finished = task.finishedAt ?? task.updatedAt;
  return finished + VIDEO_URL_LIFETIME_MS > now ? task.videoUrl : undefined;
}

/** The Discord attachment URLs a page needs signed anew: uploaded videos whose vendor link has expired. */
export function urlsToResign(tasks: readonly TaskRecord[], now: number): string[] {
  return tasks.flatMap((t) =>
    t.state === 'done' && !vendorLink(t, now) && t.delivery?.mode === 'upload' && t.delivery.fileUrl
      ? [t.delivery.fileUrl]
      : [],
  );
}

export type VideoLink = { kind: 'play'; url: string } | { kind: 'expired' } | { kind: 'none' };

/**
 * What the page can show of a task's video: the video service's link while it lives (it keeps the file about
 * VIDEO_URL_LIFETIME_MS after the task finished), then the uploaded file on the card, signed anew (`resigned`:
 * the attachment URL → a URL that plays now), while Discord keeps it; "expired" otherwise.
 */
export function videoLinkOf(task: TaskRecord, now: number, resigned?: ReadonlyMap<string, string>): VideoLink {
  if (task.state !== 'done') return { kind: 'none' };
  const vendor = vendorLink(task, now);
  if (vendor) return { kind: 'play', url: vendor };
  const file = task.delivery?.mode === 'upload' ? task.delivery.fileUrl : undefined;
  const signed = file ? resigned?.get(file) : undefined;
  if (signed && /^https:\/\//i.test(signed)) return { kind: 'play', url: signed };
  return task.videoUrl || file ? { kind: 'expired' } : { kind: 'none' };
}
