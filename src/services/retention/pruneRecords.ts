/**
 * Retention: deletes what the product no longer needs, in small transactions. Finished tasks older than
 * the retention period (the member has long been told; their buttons then answer "no longer known") and
 * the usage documents of members who have asked for nothing in two months (usage documents keep only the
 * current day and month and the previous month anyway), interaction claims older than an hour, and reviewed
 * files of the media review's reuse cache after their 30 days, the gallery's unconfirmed purges and old digest claims,
 * and web dashboard sessions past their expiry.
 * Nothing open, reserved or current is touched.
 */
import { claimsBefore, finishedBefore, keys, prefixes } from '../../db/keys.js';
import type { RecordStore } from '../../db/recordStore.js';
import { ASSET_REUSE_MS, type ReviewedAsset } from '../review/assetReview.js';
import type { TaskRecord } from '../tasks/taskRecord.js';
import { deleteTask, memberIndexKey, readTasks, taskKeys } from '../tasks/taskStorage.js';
import type { UsageDoc } from '../usage/usageDoc.js';

export interface PruneReport {
  tasks: number;
  members: number;
  claims: number;
  /** Reviewed files of the media review's reuse cache, past their 30 days. */
  assets: number;
  /** Gallery purges never confirmed (after an hour) and weekly digest claims (after 30 days). */
  gallery: number;
  /** Web dashboard sessions past their expiry. */
  webSessions: number;
}

const PAGE = 500;
const DAY = 86_400_000;

/** `YYYY-MM` in UTC, to compare with the month of a usage document. */
const utcMonth = (at: number) => new Date(at).toISOString().slice(0, 7);
const MEMBER_DOC = /^usage:[^:]+:u\d+$/;

export async function pruneRecords(
  store: RecordStore,
  options: { now: number; taskRetentionMs: number },
): Promise<PruneReport> {
  const report: PruneReport = { tasks: 0, members: 0, claims: 0, assets: 0, gallery: 0, webSessions: 0 };

  // Finished tasks, oldest first, through the index of finish times.
  const upTo = finishedBefore(options.now - options.taskRetentionMs);
  for (;;) {
    const page = await store.scan<{ id: string }>(prefixes.finished, { before: upTo, limit: PAGE });
    if (!page.length) break;
    const ids = page.map(([k]) => k.slice(k.lastIndexOf(':') + 1));
    // Each task's row in its member's index goes with it. Who asked and when never change after creation, so
    // read before the transaction they name the row it deletes (a task already gone has none left to name).
    const indexed = await readTasks(store, ids);
    const memberRows = new Map([...indexed].map(([id, t]) => [id, memberIndexKey(t)]));
    const declared = [...page.map(([k]) => k), ...ids.flatMap(taskKeys), ...memberRows.values()];
    const removed = await store.transact(declared, (tx) => {
      let n = 0;
      page.forEach(([indexKey], i) => {
        // The hot record says whether the member was told (a whole record of an earlier version too).
        const task = tx.get<Pick<TaskRecord, 'toldAt'>>(keys.task(ids[i]!));
        // A task still open (its member not yet told) stays, and so does its index entry.
        if (task && !task.toldAt) return;
        if (task) n += 1;
        deleteTask(tx, ids[i]!);
        const row = memberRows.get(ids[i]!);
        if (row) tx.delete(row);
        tx.delete(indexKey);
      });
      return n;
    });
    report.tasks += removed;
    if (page.length < PAGE) break;
  }

  // Members idle for two months: nothing running or waiting, no request, no usage this month or the previous one (guild
  // time zones differ from UTC by less than a day, so "two months ago in UTC" is safely past for every guild).
  const today = new Date(options.now);
  const oldMonth = utcMonth(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1) - DAY);
  report.members = await deleteWhere(store, prefixes.usage, (key, value) => {
    if (!MEMBER_DOC.test(key)) return false;
    const doc = value as UsageDoc;
    return (
      doc.running === 0 &&
      !doc.queued &&
      (doc.last ?? 0) < options.now - 62 * DAY &&
      (!doc.month || doc.month.id <= oldMonth)
    );
  });
  // Interaction claims: an interaction cannot be answered after 15 minutes; an hour is plenty.
  for (;;) {
    const page = await store.scan<unknown>(prefixes.claim, {
      before: claimsBefore(options.now - 3_600_000),
      limit: PAGE,
    });
    if (!page.length) break;
    await store.transact(
      page.map(([k]) => k),
      (tx) => {
        for (const [k] of page) tx.delete(k);
      },
    );
    report.claims += page.length;
    if (page.length < PAGE) break;
  }
  // The media review's reuse cache: a file is reused for 30 days after its review, then forgotten.
  report.assets = await deleteWhere(
    store,
    prefixes.asset,
    (_key, value) => ((value as Partial<ReviewedAsset>).at ?? 0) <= options.now - ASSET_REUSE_MS,
  );
  // The gallery's short-lived records: a purge waits an hour for its confirmation; a week's digest claim is only
  // needed during its Monday. Posts stay (the top list of all time reads them).
  report.gallery =
    (await deleteWhere(
      store,
      prefixes.galleryPurge,
      (_key, value) => ((value as { at?: number }).at ?? 0) <= options.now - 3_600_000,
    )) +
    (await deleteWhere(
      store,
      prefixes.galleryDigest,
      (_key, value) => ((value as { firstAt?: number }).firstAt ?? 0) <= options.now - 30 * DAY,
    ));
  // Web sessions past their expiry (never accepted after it anyway: src/web/sessionStore.ts).
  report.webSessions = await deleteWhere(
    store,
    prefixes.webSession,
    (_key, value) => ((value as { expiresAt?: number }).expiresAt ?? 0) <= options.now,
  );
  await store.reclaim?.();
  return report;
}

/**
 * Deletes, page by page, the records of a collection that `drop` selects. The page read outside a transaction
 * only names candidates: each is decided again on its value inside the deleting transaction, so a record
 * changed in between (a member's new reservation) is kept.
 */
async function deleteWhere(store: RecordStore, prefix: string, drop: (key: string, value: unknown) => boolean) {
  let removed = 0;
  for await (const page of store.pages<unknown>(prefix, PAGE * 2)) {
    const candidates = page.filter(([k, v]) => drop(k, v)).map(([k]) => k);
    if (!candidates.length) continue;
    removed += await store.transact(candidates, (tx) => {
      let n = 0;
      for (const k of candidates) {
        const value = tx.get<unknown>(k);
        if (value === undefined || !drop(k, value)) continue;
        tx.delete(k);
        n += 1;
      }
      return n;
    });
  }
  return removed;
}
