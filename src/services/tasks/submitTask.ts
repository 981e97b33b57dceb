/** Sends an accepted task upstream exactly once (its files to the media review first), saving each answer. */
import type { Logger } from '../../logging/logger.js';
import { LeaseLostError } from '../cluster/taskLeases.js';
import { type AssetCache, createBodyOf, needsReview, reviewItemsOf } from '../review/assetReview.js';
import type { AuditInput, AuditResult } from '../seedance/assets.js';
import { isSeedanceError } from '../seedance/errors.js';
import type { Checkpoint } from './checkpoints.js';
import { IllegalTransitionError } from './stateMachine.js';
import type { TaskError, TaskRecord } from './taskRecord.js';
import type { TransitionArgs } from './transitions.js';
import { type ApplyOptions, type TransitionRunner, UnknownTaskError } from './transitionRunner.js';

export interface SubmitUpstream {
  /** `key`: the fingerprint of the API key that made it (several keys), stored with the task. */
  /** `holdAs`: our task id, under which a key pool counts the task in flight from the moment it exists. */
  createTask(
    body: Record<string, unknown>,
    options?: { holdAs?: string },
  ): Promise<{ taskId: string; status?: string; key?: string }>;
  /** False when no API key can take a task now: requests are refused before anything is reserved. */
  available?(): boolean;
}

/** The media review of Manxue models' uploads (submission and reuse cache); without it nothing is reviewed. */
export interface ReviewSubmission {
  cache: AssetCache;
  client: { submit(items: readonly AuditInput[], key?: string): Promise<AuditResult> };
  /**
   * Fingerprint of the API key a new review goes to (one not set aside): the task is created with it (its
   * account owns the assets). A key refused before it reviewed or created anything is set aside by the pool,
   * and the files go to the next one.
   */
  key?: () => string;
}

export interface SubmitDeps {
  upstream: SubmitUpstream;
  review?: ReviewSubmission;
  logger: Logger;
  checkpoint: (name: Checkpoint, task: TaskRecord) => void;
  /** Waits before saving again what a create (or review) call answered, when the database failed to. */
  saveRetryMs?: readonly number[];
  runner: TransitionRunner;
}

/** How many times one task's media review may move to another API key (each move sets a key aside). */
const MAX_REVIEW_KEYS = 8;
const SAVE_RETRY_MS = [250, 1000, 4000];

/** What a create or review call answered, to be saved as this transition (kept in memory until it is). */
type Outcome = {
  [N in 'markRunning' | 'markUncertain' | 'fail' | 'startReview' | 'failReview']: { name: N; args: TransitionArgs<N> };
}['markRunning' | 'markUncertain' | 'fail' | 'startReview' | 'failReview'];

export function createSubmitter(deps: SubmitDeps) {
  const { checkpoint } = deps;
  const { get, apply, tryApply } = deps.runner;
  const logFor = (t: TaskRecord) =>
    deps.logger.child({ taskId: t.id, guildId: t.guildId, upstreamTaskId: t.upstreamTaskId });
  /** Submits under way in this process (how many, by task id): a `submitting` task listed here is not stuck. */
  const sending = new Map<string, number>();
  /** Answers of the video service whose saving failed even after retries: `resumeSubmit` saves them. */
  const unsaved = new Map<string, Outcome>();

  /**
   * Saves what a create or review call answered. A database failure is tried again a few times, then the
   * answer is kept for `resumeSubmit` (the caller hands the task to the poller): the call is never repeated.
   * A refusal means an earlier try did commit, or another path moved the task on: the task as it is.
   */
  async function saveOutcome(task: TaskRecord, outcome: Outcome): Promise<TaskRecord> {
    const delays = deps.saveRetryMs ?? SAVE_RETRY_MS;
    for (let attempt = 0; ; attempt += 1) {
      try {
        const saved = await tryApply(task.id, outcome.name, outcome.args as never, task);
        unsaved.delete(task.id);
        return saved.task;
      } catch (err) {
        if (err instanceof UnknownTaskError || err instanceof LeaseLostError) throw err;
        if (attempt >= delays.length) {
          unsaved.set(task.id, outcome);
          logFor(task).error(
            { err, transition: outcome.name },
            "could not save the video service's answer; the poller saves it later",
          );
          throw err;
        }
        logFor(task).warn(
          { err, transition: outcome.name, attempt: attempt + 1 },
          "could not save the video service's answer; trying again",
        );
        await new Promise((r) => setTimeout(r, delays[attempt]));
      }
    }
  }

  /**
   * Sends the request's files to the media review, once: files reviewed before under this API key are reused
   * (when all are, nothing is sent and the task stays `accepted`, ready to be created); otherwise
   * `review_submitting` is saved before the call, so a crash during it leaves a task that recovery marks
   * uncertain instead of submitting twice. Returns the task as it ends up (`reviewing` for the poller).
   */
  async function startReview(task: TaskRecord, elsewhere = 0): Promise<TaskRecord> {
    const review = deps.review!;
    const wanted = reviewItemsOf(task);
    const key = review.key?.();
    const known = await review.cache.lookup(
      wanted.map((it) => it.url),
      key,
    );
    const items = wanted.map((it) => {
      const assetId = known.get(it.url);
      return assetId ? { ...it, assetId, status: 'Active', reused: true } : it;
    });
    const toSend = items.filter((it) => !it.assetId);
    try {
      if (!toSend.length) return await apply(task.id, 'useReviewedAssets', { items, key }, task);
      task = await apply(task.id, 'startReviewSubmitting', { items, key }, task);
    } catch (err) {
      if (!(err instanceof IllegalTransitionError)) throw err;
      return (await get(task.id))!; // someone else moved it on
    }
    checkpoint('task.review_submitting', task);
    const log = logFor(task);
    let result: AuditResult;
    try {
      result = await review.client.submit(
        toSend.map((it) => ({ url: it.url, kind: it.kind })),
        key,
      );
    } catch (err) {
      const uncertain = isSeedanceError(err) ? err.mayHaveReachedServer : true;
      log.warn({ err, uncertain, files: toSend.length }, 'media review submission failed');
      if (canReviewElsewhere(err, elsewhere)) {
        const again = await apply(task.id, 'reviewElsewhere', undefined, task);
        log.info({ key }, 'media review key refused; reviewing under another key');
        return startReview(again, elsewhere + 1);
      }
      if (uncertain)
        return saveOutcome(task, { name: 'markUncertain', args: { stage: 'review', reason: 'review_uncertain' } });
      return saveOutcome(task, { name: 'fail', args: { ...submitError(err), stage: 'review' } });
    }
    if (result.refused.length) {
      // Every refused file is named, each with the review's reason.
      const nameOf = (url: string) => toSend.find((it) => it.url === url)?.name ?? url;
      const file = result.refused.map((r) => nameOf(r.url)).join(', ');
      const detail = [...new Set(result.refused.map((r) => r.reason))].join('; ');
      log.info({ refused: result.refused.length }, 'media review refused a file at submission');
      return saveOutcome(task, { name: 'failReview', args: { file, detail } });
    }
    const reviewing = await saveOutcome(task, {
      name: 'startReview',
      args: { assets: result.assets.map((a) => ({ url: a.url, assetId: a.assetId, status: a.rawStatus })) },
    });
    log.info({ files: toSend.length, reused: items.length - toSend.length }, 'media review submitted');
    checkpoint('task.reviewing', reviewing);
    return reviewing;
  }

  /**
   * The key a review went to was refused or is out of balance, proven before it reviewed or created anything,
   * and another key can take work: the files go to that one (at most once per key).
   */
  function canReviewElsewhere(err: unknown, elsewhere: number): boolean {
    if (!deps.review?.key || !isSeedanceError(err) || err.mayHaveReachedServer) return false;
    if (err.kind !== 'auth' && err.kind !== 'quota' && err.kind !== 'unavailable') return false;
    return elsewhere < MAX_REVIEW_KEYS && (deps.upstream.available?.() ?? false);
  }

  /** One send of an `accepted` task (see `submit`); `elsewhere`: how often its review moved to another key. */
  async function submitOnce(id: string, elsewhere = 0): Promise<TaskRecord> {
    let task: TaskRecord;
    if (deps.review) {
      const current = await get(id);
      if (current && needsReview(current)) {
        const reviewed = await startReview(current, elsewhere);
        if (reviewed.state !== 'accepted') return reviewed;
      }
    }
    try {
      task = await apply(id, 'startSubmitting', undefined);
    } catch (err) {
      if (!(err instanceof IllegalTransitionError)) throw err;
      // Someone else sent it (or it ended): nothing to do here.
      return (await get(id))!;
    }
    checkpoint('task.submitting', task);
    let created: { taskId: string; status?: string; key?: string };
    try {
      // Asset ids from the media review belong to the account of the key that reviewed them: create there.
      created = await deps.upstream.createTask(
        { ...createBodyOf(task) },
        { holdAs: id, ...(task.review && task.upstreamKey ? { key: task.upstreamKey } : {}) },
      );
    } catch (err) {
      const error = submitError(err);
      const uncertain = isSeedanceError(err) ? err.mayHaveReachedServer : true;
      logFor(task).warn({ err, uncertain }, 'task submission failed');
      // The account owning the reviewed assets refused (nothing was created): review under another key.
      if (task.review && canReviewElsewhere(err, elsewhere)) {
        await apply(id, 'reviewElsewhere', undefined, task);
        logFor(task).info({ key: task.upstreamKey }, 'review key refused the create; reviewing under another key');
        return submitOnce(id, elsewhere + 1);
      }
      // Refused with reused asset ids: they may have expired upstream, so the next try reviews the files again.
      const reused = task.review?.items.filter((it) => it.reused) ?? [];
      if (!uncertain && reused.length && deps.review)
        await deps.review.cache
          .forget(
            reused.map((it) => it.url),
            task.upstreamKey,
          )
          .catch((e: unknown) => {
            logFor(task).warn({ err: e }, 'could not forget the reused assets');
          });
      return saveOutcome(task, { name: uncertain ? 'markUncertain' : 'fail', args: error });
    }
    checkpoint('task.created_upstream', task);
    const running = await saveOutcome(task, {
      name: 'markRunning',
      args: { upstreamTaskId: created.taskId, status: created.status, upstreamKey: created.key },
    });
    checkpoint('task.running', running);
    return running;
  }

  return {
    /**
     * Sends the task upstream, once: only an `accepted` task moves to `submitting` (checked inside the
     * transaction), and `submitting` is saved before the create call, so a crash during the call leaves a
     * task that recovery marks uncertain instead of sending twice. Returns the task as it ends up.
     */
    async submit(id: string): Promise<TaskRecord> {
      sending.set(id, (sending.get(id) ?? 0) + 1);
      try {
        return await submitOnce(id);
      } finally {
        const left = (sending.get(id) ?? 1) - 1;
        if (left > 0) sending.set(id, left);
        else sending.delete(id);
      }
    },

    /**
     * A task found `submitting` or `review_submitting` (the poller, on a task this process holds): still being
     * sent here, undefined (look again later); the call's answer could not be saved, saved now; else no call
     * is under way and nothing says what became of it (its first write failed, or the process lost track),
     * so it ends `uncertain`: never resent, refunded, the member told. Returns the task as it is then.
     */
    async resumeSubmit(task: TaskRecord, options: ApplyOptions = {}): Promise<TaskRecord | undefined> {
      if (sending.has(task.id)) return undefined;
      const outcome = unsaved.get(task.id);
      if (outcome) {
        const saved = await tryApply(task.id, outcome.name, outcome.args as never, task, options);
        unsaved.delete(task.id);
        return saved.task;
      }
      const reason = task.state === 'review_submitting' ? 'review_uncertain' : 'upstream_unavailable';
      const stage = task.state === 'review_submitting' ? 'review' : 'submit';
      return (await deps.runner.tryEnd(task.id, 'markUncertain', { stage, reason }, task, options)).task;
    },
  };
}

function submitError(err: unknown): TaskError {
  if (isSeedanceError(err)) {
    const reason =
      err.kind === 'auth'
        ? 'auth'
        : err.kind === 'unavailable'
          ? 'account_unavailable'
          : err.kind === 'quota'
            ? 'quota'
            : err.kind === 'invalid_request'
              ? 'invalid_request'
              : 'upstream_unavailable';
    return { stage: 'submit', reason, detail: err.upstreamMsg ?? err.message };
  }
  return { stage: 'submit', reason: 'upstream_unavailable', detail: err instanceof Error ? err.message : String(err) };
}
