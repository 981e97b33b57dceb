/**
 * My videos: the signed-in member's tasks across servers, newest first, filtered (server, state, model, words of
 * the prompt) and paged. Reads the member's index of recent tasks (`user_tasks:<user>`, the one /tasks list
 * reads; it keeps the RECENT_PER_USER newest), so a page costs one index read and one batched task read.
 */
import { RECENT_PER_USER } from '../services/tasks/createTask.js';
import type { TaskRecord, TaskState } from '../services/tasks/taskRecord.js';
import { VIDEO_URL_LIFETIME_MS } from '../services/tasks/taskRecord.js';

export const PAGE_SIZE = 10;
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
  pages: number;
  /** Tasks matching the filter. */
  total: number;
  /** How many tasks the index held (the most this page can ever list). */
  listed: number;
  /** The choices the filters offer: what the member's tasks have. */
  choices: { guilds: string[]; states: TaskState[]; models: string[] };
}

export interface MemberTasks {
  listRecentByUser(userId: string, limit?: number): Promise<TaskRecord[]>;
}

const text = (v: unknown, max: number) => (typeof v === 'string' ? v.trim().slice(0, max) : '');

/** The filter from a query string, every value bounded (unknown values simply match nothing). */
export function readFilter(query: Record<string, unknown>): VideoFilter {
  const page = Number.parseInt(text(query.page, 6), 10);
  return {
    guild: text(query.guild, 32) || undefined,
    state: text(query.state, 32) || undefined,
    model: text(query.model, 64) || undefined,
    q: text(query.q, 200) || undefined,
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

export async function listMyVideos(tasks: MemberTasks, userId: string, filter: VideoFilter): Promise<VideoPage> {
  const all = (await tasks.listRecentByUser(userId, RECENT_PER_USER))
    .filter((t) => t.userId === userId)
    .sort((a, b) => b.createdAt - a.createdAt);
  const words = filter.q?.toLocaleLowerCase();
  const matching = all.filter(
    (t) =>
      (!filter.guild || (t.guildId ?? DM_FILTER) === filter.guild) &&
      (!filter.state || t.state === filter.state) &&
      (!filter.model || t.model === filter.model) &&
      (!words || t.request.prompt.toLocaleLowerCase().includes(words)),
  );
  const pages = Math.max(1, Math.ceil(matching.length / PAGE_SIZE));
  const page = Math.min(filter.page, pages);
  return {
    items: matching.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
    page,
    pages,
    total: matching.length,
    listed: all.length,
    choices: {
      guilds: [...new Set(all.map((t) => t.guildId ?? DM_FILTER))],
      states: [...new Set(all.map((t) => t.state))],
      models: [...new Set(all.map((t) => t.model))].sort(),
    },
  };
}

export type VideoLink = { kind: 'play'; url: string } | { kind: 'expired' } | { kind: 'none' };

/**
 * What the page can show of a task's video: the video service's link while it lives (it keeps the file about
 * VIDEO_URL_LIFETIME_MS after the task finished), "expired" after that (the card in Discord keeps the upload).
 */
export function videoLinkOf(task: TaskRecord, now: number): VideoLink {
  if (task.state !== 'done' || !task.videoUrl) return { kind: 'none' };
  if (!/^https?:\/\//i.test(task.videoUrl)) return { kind: 'none' };
  const finished = task.finishedAt ?? task.updatedAt;
  return finished + VIDEO_URL_LIFETIME_MS > now ? { kind: 'play', url: task.videoUrl } : { kind: 'expired' };
}
