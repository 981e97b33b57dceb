/** What a gallery post says, as plain data: its title from the prompt, and its forum tags (model family, ratio). */
import { findModel } from '../../catalog/models.js';
import type { TaskRecord } from '../tasks/taskRecord.js';

/** Discord's limits: a thread name 1-100 characters; at most 20 tags on a forum, 5 on a post; a tag name 20. */
export const MAX_TITLE = 100;
export const MAX_FORUM_TAGS = 20;
export const MAX_POST_TAGS = 5;
export const MAX_TAG_NAME = 20;

/** The prompt on one line, cut on a word boundary to fit `max` (with an ellipsis when cut). */
export function postTitle(prompt: string, max = MAX_TITLE): string {
  const line = prompt.replace(/\s+/g, ' ').trim() || '…';
  if (line.length <= max) return line;
  const room = line.slice(0, max - 1);
  // The room ends where a word ends: keep it whole.
  const cut = line[max - 1] === ' ' ? room.length : room.lastIndexOf(' ');
  // CJK text has no spaces: cut where it fits.
  return `${(cut >= max / 3 ? room.slice(0, cut) : room).trimEnd()}…`;
}

/** The tags a video's post wants: its model family and its ratio (when it has one). */
export function wantedTags(task: Pick<TaskRecord, 'model' | 'request'>): string[] {
  const family = findModel(task.model)?.family ?? task.model;
  const tags = [family.slice(0, MAX_TAG_NAME)];
  if (task.request.ratio) tags.push(task.request.ratio);
  return tags;
}

export interface TagPlan {
  /** Tags to create on the forum (those missing, as long as the forum has room). */
  create: string[];
  /** Wanted tags that could not be created: the forum has 20 already. */
  noRoom: string[];
}

/** Which wanted tags must be created, reusing existing ones (same name, any case), never going past 20. */
export function planTags(existing: readonly string[], wanted: readonly string[]): TagPlan {
  const have = new Set(existing.map((n) => n.toLowerCase()));
  const missing = [...new Set(wanted)].filter((n) => !have.has(n.toLowerCase()));
  const room = Math.max(0, MAX_FORUM_TAGS - existing.length);
  return { create: missing.slice(0, room), noRoom: missing.slice(room) };
}
