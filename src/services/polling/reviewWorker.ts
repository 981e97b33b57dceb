/** Follows tasks whose files are in the media review: batched asset status queries, the verdict, the time limit. */
import type { Logger } from '../../logging/logger.js';
import type { AssetCache } from '../review/assetReview.js';
import type { AssetStatus } from '../seedance/assets.js';
import { isSeedanceError } from '../seedance/errors.js';
import type { TaskRecord } from '../tasks/taskRecord.js';
import type { ApplyOptions, TaskService } from '../tasks/taskService.js';
import type { FollowedTasks } from './followedTasks.js';
import type { HandOff } from './handOff.js';
import type { QueryGate } from './queryGate.js';
import type { Scheduler } from './scheduler.js';

/** The media review's status queries and the reuse cache (Manxue models). */
export interface ReviewDeps {
  /** `key`: the fingerprint of the API key whose account reviews the files (their task's `upstreamKey`). */
  status(assetIds: readonly string[], beforeSend?: () => Promise<void>, key?: string): Promise<AssetStatus[]>;
  cache: AssetCache;
}

export interface ReviewWorkerDeps {
  /** Without it, tasks in review wait for the time limit. */
  review?: ReviewDeps;
  tasks: TaskService;
  logger: Logger;
  now: () => number;
  /** How long the media review of a task's files may take (ASSET_REVIEW_TIMEOUT_MIN; default 10 min). */
  reviewTimeoutMs?: number;
  /** A status seen within half of it is as good as asking again. */
  minIntervalMs: number;
  /** Nothing to ask with: looked at again after this long. */
  maxIntervalMs: number;
  own: ApplyOptions;
  followed: FollowedTasks;
  scheduler: Pick<Scheduler, 'later' | 'curve'>;
  gate: Pick<QueryGate, 'pass' | 'slowDown' | 'pauseFor' | 'stats'>;
  handOff: Pick<HandOff, 'endAndTell' | 'submitRecovered'>;
}

/** Most asset ids asked about in one status query (ASSUMED: the vendor documents no maximum). */
const MAX_ASSET_IDS_PER_QUERY = 20;

export function createReviewWorker(deps: ReviewWorkerDeps) {
  const { now, followed, scheduler, gate, handOff } = deps;
  const log = (t: Pick<TaskRecord, 'id' | 'guildId' | 'upstreamTaskId'>) =>
    deps.logger.child({ taskId: t.id, guildId: t.guildId, upstreamTaskId: t.upstreamTaskId });

  /** Asset statuses seen lately, by asset id: one status query answers for the files of several tasks. */
  const assetSeen = new Map<string, { status: AssetStatus; at: number }>();
  /** Seen within half the shortest polling interval: as good as asking again. */
  const seenLately = (assetId: string) => {
    const seen = assetSeen.get(assetId);
    return !!seen && now() - seen.at < deps.minIntervalMs / 2;
  };
  /** Statuses of files no followed task asks about any more (their task moved on elsewhere) go after a while. */
  function forgetOldAssets(at: number): void {
    if (assetSeen.size < 10_000) return;
    for (const [id, seen] of assetSeen) if (at - seen.at > (deps.reviewTimeoutMs ?? 600_000)) assetSeen.delete(id);
  }

  /**
   * A task whose files are in the media review: asks for their status (within the query budget) until every
   * asset is Active (then the task is created with the asset ids), one is Failed (the file is named, refunded),
   * or the review's time limit passes (refunded).
   */
  async function check(task: TaskRecord): Promise<void> {
    const review = task.review;
    const limitMs = deps.reviewTimeoutMs ?? 10 * 60_000;
    if (now() - (review?.startedAt ?? task.updatedAt) > limitMs)
      return handOff.endAndTell(task, 'timeOutReview', { minutes: Math.max(1, Math.round(limitMs / 60_000)) });
    // Nothing to ask with: wait for the limit.
    if (!review || !deps.review) return scheduler.later(task.id, deps.maxIntervalMs);
    const pending = review.items.filter((it) => it.assetId && !it.reused);
    const ids = pending.map((it) => it.assetId!);
    try {
      // One query answers for several tasks: statuses seen lately are used as they are, and a query that has
      // to go out also asks about other followed tasks' files, up to its size.
      if (!ids.every(seenLately)) {
        // Only files of the same account: an asset id is known only to the key that reviewed it.
        const others = [...followed.records.values()]
          .filter((t) => t.id !== task.id && t.state === 'reviewing' && t.upstreamKey === task.upstreamKey)
          .flatMap((t) => t.review?.items ?? [])
          .filter((it) => it.assetId && !it.reused && !seenLately(it.assetId))
          .map((it) => it.assetId!);
        const ask = [...new Set([...ids, ...others])].slice(0, Math.max(ids.length, MAX_ASSET_IDS_PER_QUERY));
        gate.stats.queries += 1;
        const statuses = await deps.review.status(ask, gate.pass, task.upstreamKey);
        const at = now();
        for (const st of statuses) assetSeen.set(st.assetId, { status: st, at });
        forgetOldAssets(at);
      }
    } catch (err) {
      const checks = followed.countQuery(task.id, review.checks);
      const limited = isSeedanceError(err) && err.kind === 'rate_limited';
      if (limited) gate.slowDown(err);
      else log(task).warn({ err }, 'media review status query failed; will try again');
      scheduler.later(task.id, Math.max(scheduler.curve(checks), limited ? gate.pauseFor(err) : 0));
      return;
    }
    const checks = followed.countQuery(task.id, review.checks);
    const byId = new Map<string, AssetStatus>();
    for (const id of ids) {
      const seen = assetSeen.get(id);
      if (seen) byId.set(id, seen.status);
    }
    const decided = () => {
      for (const id of ids) assetSeen.delete(id);
    };
    const failed = pending.filter((it) => byId.get(it.assetId!)?.state === 'failed');
    if (failed.length) {
      // Every refused file is named, with the review's reason.
      const reasons = failed.map((it) => byId.get(it.assetId!)!).map((st) => st.reason ?? st.rawStatus);
      decided();
      return handOff.endAndTell(task, 'failReview', {
        file: failed.map((it) => it.name).join(', '),
        detail: [...new Set(reasons)].join('; '),
      });
    }
    if (pending.every((it) => byId.get(it.assetId!)?.state === 'active')) {
      const reviewed = await deps.tasks.apply(task.id, 'markReviewed', { checks }, task, deps.own);
      decided();
      followed.attempts.delete(task.id);
      log(task).info({ files: pending.length, checks }, 'media review passed');
      await deps.review.cache
        .remember(reviewed.review?.items.filter((it) => !it.reused) ?? [], reviewed.upstreamKey)
        .catch((err: unknown) => log(task).warn({ err }, 'could not remember the reviewed files'));
      return handOff.submitRecovered(reviewed);
    }
    scheduler.later(task.id, scheduler.curve(checks));
  }

  return { check };
}

export type ReviewWorker = ReturnType<typeof createReviewWorker>;
