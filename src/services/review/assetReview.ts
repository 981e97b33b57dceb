/**
 * The media review as part of a task: which files of a request need it (Manxue models take uploads only as
 * reviewed `asset://` ids), the create body with the asset ids in place, and the reuse cache of files that
 * passed (per API key, by URL without its signature, 30 days) so Re-roll and Retry never review a file twice
 * under the same key.
 */
import { createHash } from 'node:crypto';
import { findModel } from '../../catalog/models.js';
import { keys } from '../../db/keys.js';
import type { RecordStore } from '../../db/recordStore.js';
import { assetUrl } from '../seedance/assets.js';
import type { ReviewItem, TaskRecord } from '../tasks/taskRecord.js';
import type { UpstreamCreateBody } from '../validation/types.js';

export const ASSET_REUSE_MS = 30 * 86_400_000;

/** A file's name as the member knows it: the last path segment of its URL (Discord CDN URLs end with it). */
export function fileNameOf(url: string): string {
  try {
    const u = new URL(url);
    const last = u.pathname.split('/').filter(Boolean).pop();
    return last ? decodeURIComponent(last) : `${u.host}${u.pathname}`;
  } catch {
    return url.slice(0, 80);
  }
}

/** The URL without query string and fragment: Discord re-signs attachment URLs, the path stays the same. */
export function urlWithoutSignature(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return url.split(/[?#]/)[0] ?? url;
  }
}

const isAssetRef = (url: string) => url.trim().startsWith('asset://');

/** The files of a task's request that the media review must turn into asset ids (empty when none). */
export function reviewItemsOf(task: Pick<TaskRecord, 'model' | 'request'>): ReviewItem[] {
  if (!findModel(task.model)?.assetReview) return [];
  const r = task.request;
  const out: ReviewItem[] = [];
  const add = (field: ReviewItem['field'], kind: ReviewItem['kind'], urls: readonly (string | undefined)[]) =>
    urls.forEach((url, index) => {
      if (url && !isAssetRef(url)) out.push({ field, index, kind, url: url.trim(), name: fileNameOf(url) });
    });
  add('images', 'image', r.images ?? []);
  add('first_image', 'image', [r.first_image]);
  add('last_image', 'image', [r.last_image]);
  add('reference_videos', 'video', r.reference_videos ?? []);
  add('reference_audios', 'audio', r.reference_audios ?? []);
  return out;
}

/** An accepted task that must pass the media review before it is sent. */
export function needsReview(task: TaskRecord): boolean {
  return task.state === 'accepted' && !task.review?.doneAt && reviewItemsOf(task).length > 0;
}

/** Whether a card should say the media is being reviewed (before or during the review). */
export function inReview(task: TaskRecord): boolean {
  return task.state === 'review_submitting' || task.state === 'reviewing' || needsReview(task);
}

/** The exact create body: the request, with each reviewed file replaced by its `asset://` id. */
export function createBodyOf(task: Pick<TaskRecord, 'request' | 'review'>): UpstreamCreateBody {
  const body: UpstreamCreateBody = { ...task.request };
  if (!task.review?.doneAt) return body;
  const lists = {
    images: body.images ? [...body.images] : undefined,
    reference_videos: body.reference_videos ? [...body.reference_videos] : undefined,
    reference_audios: body.reference_audios ? [...body.reference_audios] : undefined,
  };
  for (const it of task.review.items) {
    if (!it.assetId) continue;
    const ref = assetUrl(it.assetId);
    if (it.field === 'first_image') body.first_image = ref;
    else if (it.field === 'last_image') body.last_image = ref;
    else {
      const list = lists[it.field];
      if (list && it.index < list.length) list[it.index] = ref;
    }
  }
  if (lists.images) body.images = lists.images;
  if (lists.reference_videos) body.reference_videos = lists.reference_videos;
  if (lists.reference_audios) body.reference_audios = lists.reference_audios;
  return body;
}

const urlHash = (url: string) => createHash('sha256').update(urlWithoutSignature(url)).digest('hex').slice(0, 32);

/** One reviewed file of the reuse cache. */
export interface ReviewedAsset {
  assetId: string;
  kind: ReviewItem['kind'];
  /** When the review accepted it (the record is used for 30 days after). */
  at: number;
}

/** Each call names the API key (its fingerprint) whose account reviewed the files; default: `fingerprint()`. */
export interface AssetCache {
  /** The asset ids of files reviewed within 30 days under this API key, by the URLs asked about. */
  lookup(urls: readonly string[], key?: string): Promise<Map<string, string>>;
  /** Remembers files the review accepted (one small transaction; losing it only costs a review). */
  remember(items: readonly ReviewItem[], key?: string): Promise<void>;
  /** Forgets files whose asset ids the video service refused (they may have expired there). */
  forget(urls: readonly string[], key?: string): Promise<void>;
}

export function createAssetCache(deps: {
  store: RecordStore;
  fingerprint: () => string;
  now: () => number;
}): AssetCache {
  const keyFor = (key: string | undefined) => (url: string) => keys.asset(key ?? deps.fingerprint(), urlHash(url));
  return {
    async lookup(urls, key) {
      const keyOf = keyFor(key);
      const wanted = [...new Set(urls)];
      const found = await deps.store.getMany<ReviewedAsset>(wanted.map(keyOf));
      const fresh = deps.now() - ASSET_REUSE_MS;
      const out = new Map<string, string>();
      for (const url of wanted) {
        const rec = found.get(keyOf(url));
        if (rec?.assetId && rec.at > fresh) out.set(url, rec.assetId);
      }
      return out;
    },
    async remember(items, key) {
      const keyOf = keyFor(key);
      const active = items.filter((it) => it.assetId);
      if (!active.length) return;
      const at = deps.now();
      await deps.store.transact(
        active.map((it) => keyOf(it.url)),
        (tx) => {
          for (const it of active)
            tx.set(keyOf(it.url), { assetId: it.assetId!, kind: it.kind, at } satisfies ReviewedAsset);
        },
      );
    },
    async forget(urls, key) {
      const keyOf = keyFor(key);
      const doomed = [...new Set(urls.map(keyOf))];
      if (!doomed.length) return;
      await deps.store.transact(doomed, (tx) => {
        for (const k of doomed) tx.delete(k);
      });
    },
  };
}
