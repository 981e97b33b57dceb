/**
 * Creates tasks and moves them through their named transitions. Each change is one transaction: creating a
 * task writes it with its usage reservation, its open-index entry and the member's task list; reaching a
 * final state writes the state with the usage settlement; being told drops it from the open index.
 */
import { randomBytes } from 'node:crypto';
import { idOf, keys, prefixes } from '../../db/keys.js';
import type { RecordStore, Tx } from '../../db/recordStore.js';
import type { Logger } from '../../logging/logger.js';
import { LeaseLostError, type OpenEntry, type TaskLeases } from '../cluster/taskLeases.js';
import { createBodyOf, needsReview, reviewItemsOf, type AssetCache } from '../review/assetReview.js';
import type { AuditInput, AuditResult } from '../seedance/assets.js';
import { isSeedanceError } from '../seedance/errors.js';
import { type GuildLedger, type Refusal, scopeOf } from '../usage/guildLedger.js';
import type { UsageDoc } from '../usage/usageDoc.js';
import { IllegalTransitionError, TransitionNotApplicableError } from './stateMachine.js';
import { isFinal, type NewTask, type TaskError, type TaskRecord, type TaskState } from './taskRecord.js';
import { appliesTo, type TransitionArgs, type TransitionName, transitions } from './transitions.js';

export type { NewTask };

/** Where a test may stop the process (kill -9) to prove that no crash point loses or double-counts anything. */
export type Checkpoint =
  | 'task.created'
  | 'task.submitting'
  | 'task.review_submitting'
  | 'task.reviewing'
  | 'task.created_upstream'
  | 'task.running'
  | 'task.settled'
  | 'task.delivered_unsaved'
  | 'task.delivered';

export interface TaskServiceDeps {
  store: RecordStore;
  upstream: {
    /** `key`: the fingerprint of the API key that made it (several keys), stored with the task. */
    /** `holdAs`: our task id, under which a key pool counts the task in flight from the moment it exists. */
    createTask(
      body: Record<string, unknown>,
      options?: { holdAs?: string },
    ): Promise<{ taskId: string; status?: string; key?: string }>;
    /** False when no API key can take a task now: requests are refused before anything is reserved. */
    available?(): boolean;
  };
  ledger: GuildLedger;
  logger: Logger;
  now?: () => number;
  /** Called at each checkpoint (no-op in production). */
  checkpoint?: (name: Checkpoint, task: TaskRecord) => void;
  /** Which process works on which task; a task this process creates is leased to it. */
  leases?: TaskLeases;
  /**
   * Waits before saving again what a create (or review) call answered, when the database failed to save it
   * (a hiccup): the answer exists only in memory, so it is not given up at the first failure.
   */
  saveRetryMs?: readonly number[];
  /** The media review of Manxue models' uploads (submission and reuse cache); without it nothing is reviewed. */
  review?: {
    cache: AssetCache;
    client: { submit(items: readonly AuditInput[], key?: string): Promise<AuditResult> };
    /**
     * Fingerprint of the API key a new review goes to (one not set aside): the task is created with it (its
     * account owns the assets). A key refused before it reviewed or created anything is set aside by the pool,
     * and the files go to the next one.
     */
    key?: () => string;
  };
}

export interface ApplyOptions {
  /** Only if this process still holds the task's lease (else LeaseLostError, nothing written). */
  owner?: string;
}

/** Another process sharing the database took this interaction first: it answers, this one stays silent. */
export type Claimed = { ok: false; claimed: true };
/** A transition applied (the task as saved), or refused: the task is in a state it does not apply to (as it is). */
export type Transitioned =
  | { ok: true; task: TaskRecord }
  | { ok: false; refused: TransitionNotApplicableError; task: TaskRecord };
export type CreateResult = { ok: true; task: TaskRecord } | Refusal | Claimed;

const RECENT_PER_USER = 25;
/** How many times one task's media review may move to another API key (each move sets a key aside). */
const MAX_REVIEW_KEYS = 8;
const SAVE_RETRY_MS = [250, 1000, 4000];

/** What a create or review call answered, to be saved as this transition (kept in memory until it is). */
type Outcome = {
  [N in 'markRunning' | 'markUncertain' | 'fail' | 'startReview' | 'failReview']: { name: N; args: TransitionArgs<N> };
}['markRunning' | 'markUncertain' | 'fail' | 'startReview' | 'failReview'];

/** The transitions that end a task without a video. */
type EndName = 'fail' | 'abandon' | 'timeOut' | 'markUncertain' | 'failReview' | 'timeOutReview';

/**
 * A task waiting in its scope's queue: whose it is, and the member's roles when they asked. The running caps
 * are read when deciding who starts (server settings and role limits as they are then), never kept here: a
 * cap kept from the time of the request could block the task forever once the limit changed. A member's
 * roles are only known from an interaction, so they are what is kept (a role lost since still counts until
 * the task starts, as it did when the request was accepted).
 */
export interface QueueEntry {
  userId: string;
  roleIds?: string[];
  /**
   * Entries written before roles were kept: the member's cap then. Read only as a floor that role raises of
   * that time keep (never 0, which is exactly the frozen block this replaced).
   */
  memberRunningCap?: number | null;
}

/** Which of two member caps lets more run (null: no cap). */
const moreRoom = (a: number | null, b: number | null) => (a === null || b === null ? null : Math.max(a, b));

/** The member cap that applies to a queue entry now, from the current caps. */
function memberCapOf(entry: QueueEntry, current: (roleIds: readonly string[]) => number | null): number | null {
  const now = current(entry.roleIds ?? []);
  if (entry.roleIds || entry.memberRunningCap === undefined || entry.memberRunningCap === 0) return now;
  return moreRoom(now, entry.memberRunningCap);
}

/** A task holding a running slot in its scope (what the queue's start-time estimate reads). */
export interface SlotEntry {
  userId: string;
  at: number;
  model: string;
  seconds: number;
  resolution?: string;
}

/** The queue and slot records of a task (each scope's queue is in key order: first come, first served). */
export function placeKeys(t: Pick<TaskRecord, 'id' | 'guildId' | 'userId' | 'queuedAt'>) {
  const scope = scopeOf(t);
  return {
    scope,
    queue: t.queuedAt !== undefined ? keys.queue(scope, t.queuedAt, t.id) : undefined,
    slot: keys.slot(scope, t.id),
  };
}

const slotEntry = (t: TaskRecord, at: number): SlotEntry => ({
  userId: t.userId,
  at,
  model: t.model,
  seconds: t.cost.seconds,
  resolution: t.request.resolution,
});

// Ids are cut from a pool of random text: 6 random bytes are exactly 8 base64url characters, and one system
// call then serves 512 ids (a burst of /video would otherwise spend its time in crypto calls).
let idPool = '';
/** A short, url-safe, unguessable id (6 random bytes, base64url). */
export function newTaskId(): string {
  if (idPool.length < 8) idPool = randomBytes(6 * 512).toString('base64url');
  const id = idPool.slice(0, 8);
  idPool = idPool.slice(8);
  return id;
}

export class UnknownTaskError extends Error {
  constructor(id: string) {
    super(`unknown task ${id}`);
  }
}

export function createTaskService(deps: TaskServiceDeps) {
  const { store, ledger } = deps;
  const now = deps.now ?? Date.now;
  const checkpoint = deps.checkpoint ?? (() => undefined);
  const stateListeners: Array<(task: TaskRecord, previous: TaskState) => void> = [];
  const savedListeners: Array<(task: TaskRecord) => void> = [];
  const refusedListeners: Array<(refusal: Refusal) => void> = [];
  const logFor = (t: TaskRecord) =>
    deps.logger.child({ taskId: t.id, guildId: t.guildId, upstreamTaskId: t.upstreamTaskId });

  const get = (id: string) => store.get<TaskRecord>(keys.task(id));
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
   * Runs one named transition in one transaction, on the record read inside it: a transition that does not
   * apply to the task's state there is refused (`ok: false`, nothing written, the task as it is). A
   * transition into a final state settles the usage the task holds (commit or refund) in the same
   * transaction; being told removes it from the open index.
   * `known` is a copy the caller already holds (any age): it only tells which usage records to declare,
   * since a reservation never changes once made, and spares a read; it never decides anything.
   */
  async function tryApply<N extends TransitionName>(
    id: string,
    name: N,
    args: TransitionArgs<N>,
    known?: TaskRecord,
    options: ApplyOptions = {},
  ): Promise<Transitioned> {
    known ??= await get(id);
    if (!known) throw new UnknownTaskError(id);
    const at = now();
    const settles = known.usage === 'reserved' && known.reservation ? ledger.settlementKeys(known.reservation) : [];
    const finishedKey = keys.finished(at, id);
    const place = placeKeys(known);
    const placeKeyList = settles.length ? [place.slot, ...(place.queue ? [place.queue] : [])] : [];
    const declared = [keys.task(id), keys.open(id), finishedKey, ...settles, ...placeKeyList];
    type Outcome =
      | { refused: TransitionNotApplicableError; current: TaskRecord }
      | { next: TaskRecord; previous: TaskRecord };
    const result = await store.transact(declared, (tx): Outcome => {
      const current = tx.get<TaskRecord>(keys.task(id));
      if (!current) throw new UnknownTaskError(id);
      const entry = tx.get<OpenEntry>(keys.open(id));
      if (options.owner && entry?.owner && entry.owner !== options.owner) throw new LeaseLostError(id);
      if (!appliesTo(name, current.state))
        return { refused: new TransitionNotApplicableError(current.state, transitions[name].from), current };
      const fn = transitions[name] as (t: TaskRecord, a: TransitionArgs<N>, at: number) => TaskRecord;
      // The change's time is read here, with the records held: a slot freed and a slot taken are dated in the
      // order they happened (a time read before waiting for the records could date a later change earlier).
      const inside = now();
      const next = fn(current, args, inside);
      if (current.state === 'queued' && next.state !== 'queued') {
        if (!place.queue) throw new Error(`task ${id} is queued without a place in the queue`);
        tx.delete(place.queue);
        if (next.state === 'accepted') startInTx(tx, next, inside);
      }
      if (isFinal(next.state) && !isFinal(current.state)) {
        if (current.usage === 'reserved' && current.reservation) {
          if (!settles.length) throw new Error(`task ${id} gained a reservation while settling`);
          const slot = current.state === 'queued' ? 'queued' : 'running';
          ledger.settle(tx, current.reservation, next.usage === 'committed' ? 'committed' : 'refunded', slot);
          if (next.lastError?.reason === 'moderation') ledger.countModerated(tx, current.reservation);
          tx.delete(place.slot);
        }
        tx.set(finishedKey, { id });
      }
      tx.set(keys.task(id), next);
      if (next.toldAt) tx.delete(keys.open(id));
      return { next, previous: current };
    });
    if ('refused' in result) return { ok: false, refused: result.refused, task: result.current };
    emit(result.next, result.previous);
    return { ok: true, task: result.next };
  }

  /** `tryApply`, for callers to whom a refusal is an error: throws it (TransitionNotApplicableError). */
  async function apply<N extends TransitionName>(
    id: string,
    name: N,
    args: TransitionArgs<N>,
    known?: TaskRecord,
    options: ApplyOptions = {},
  ): Promise<TaskRecord> {
    const result = await tryApply(id, name, args, known, options);
    if (!result.ok) throw result.refused;
    return result.task;
  }

  /** Inside a transaction: a queued task (already `accepted`) takes its running slot, leased to this process. */
  function startInTx(tx: Tx, t: TaskRecord, at: number): void {
    if (t.reservation) ledger.start(tx, t.reservation);
    tx.set(placeKeys(t).slot, slotEntry(t, at));
    const entry = tx.get<OpenEntry>(keys.open(t.id));
    tx.set(keys.open(t.id), deps.leases?.entryFor(t.id, entry?.createdAt ?? t.createdAt, t.guildId) ?? entry);
  }

  function emit(next: TaskRecord, previous: TaskRecord): void {
    for (const l of savedListeners) l(next);
    if (next.state !== previous.state) {
      // The hottest log line (every transition): bindings inline, no child logger made per call.
      if (deps.logger.isLevelEnabled('info'))
        deps.logger.info(
          {
            taskId: next.id,
            guildId: next.guildId,
            upstreamTaskId: next.upstreamTaskId,
            from: previous.state,
            to: next.state,
            error: next.lastError,
          },
          'task state changed',
        );
      for (const l of stateListeners) l(next, previous.state);
    }
  }

  /** Reserves usage and writes the task with its indexes, all in one transaction; a refusal writes nothing. */
  async function createTask(input: NewTask, options: { roleIds?: readonly string[] }): Promise<CreateResult> {
    // No API key can take it (all refused or out of balance): refused before anything is reserved.
    if (deps.upstream.available && !deps.upstream.available())
      return { ok: false, key: 'limit.account_unavailable', params: {} };
    const id = newTaskId();
    const plan = await ledger.plan({
      guildId: input.guildId,
      userId: input.userId,
      roleIds: options.roleIds,
      model: input.model,
      cost: input.cost,
    });
    const at = now();
    const place = placeKeys({ id, guildId: input.guildId, userId: input.userId, queuedAt: at });
    // Processes sharing a database all receive the interaction (a rolling deploy): the first to commit its
    // claim answers it, in the same transaction as the reservation, so no one else reserves for it.
    const claim = store.shared && input.interaction.id ? keys.claim(input.interaction.id) : undefined;
    const result = await store.transact(
      [
        keys.task(id),
        keys.open(id),
        keys.userTasks(input.userId),
        place.queue!,
        place.slot,
        ...plan.keys,
        ...(claim ? [claim] : []),
      ],
      (tx): CreateResult => {
        if (claim) {
          if (tx.get(claim)) return { ok: false, claimed: true };
          tx.set(claim, { taskId: id, at });
        }
        const reserved = plan.reserve(tx);
        if (!reserved.ok) return reserved;
        const queued = reserved.slot === 'queued';
        // Dated with the records held (see tryApply); the queue place's key carries `at`, read before.
        const inside = now();
        const task: TaskRecord = {
          ...input,
          id,
          state: queued ? 'queued' : 'accepted',
          attempts: 0,
          createdAt: inside,
          updatedAt: inside,
          ...(queued ? { queuedAt: at } : { startedAt: inside }),
          usage: 'reserved',
          reservation: reserved.reservation,
        };
        tx.set(keys.task(id), task);
        if (queued)
          tx.set(place.queue!, { userId: input.userId, roleIds: [...(options.roleIds ?? [])] } satisfies QueueEntry);
        else tx.set(place.slot, slotEntry(task, task.startedAt ?? at));
        tx.set(
          keys.open(id),
          deps.leases?.entryFor(id, at, input.guildId) ??
            ({ createdAt: at, guildId: input.guildId } satisfies OpenEntry),
        );
        const recent = tx.get<string[]>(keys.userTasks(input.userId)) ?? [];
        tx.set(keys.userTasks(input.userId), [id, ...recent.filter((x) => x !== id)].slice(0, RECENT_PER_USER));
        return { ok: true, task };
      },
    );
    if (result.ok) {
      const t = result.task;
      deps.logger.info(
        { taskId: t.id, guildId: t.guildId, model: t.model, userId: t.userId, state: t.state },
        t.state === 'queued' ? 'task queued for a running slot' : 'task accepted',
      );
      checkpoint('task.created', t);
    }
    return result;
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

  const service = {
    get,
    apply,
    tryApply,

    /**
     * Starts the first tasks of `scope`'s queue that fit, in one transaction: in queue order, while the
     * scope has a free running slot, skipping a member whose own running cap is full (they do not block those
     * behind them). The caps are the current ones (server settings, role limits with the roles each entry
     * keeps). A task another process started meanwhile is skipped: each starts exactly once. Returns the
     * started tasks (now `accepted`, to be submitted).
     */
    async startQueued(scope: string, max = 50): Promise<TaskRecord[]> {
      const prefix = prefixes.queueOf(scope);
      const entries = await store.scan<QueueEntry>(prefix, { limit: max });
      if (!entries.length) return [];
      const ids = entries.map(([k]) => k.slice(k.lastIndexOf(':') + 1));
      const known = await service.getMany(ids);
      const docs = [...new Set(known.flatMap((t) => t.reservation?.docs ?? []))];
      const declared = [
        ...docs,
        ...entries.map(([k]) => k),
        ...ids.flatMap((id) => [keys.task(id), keys.open(id), keys.slot(scope, id)]),
      ];
      const caps = await ledger.runningCaps(scope.startsWith('g') ? scope.slice(1) : null);
      const started = await store.transact(declared, (tx) => {
        // When they start is read with the records held (see tryApply).
        const at = now();
        const out: Array<{ next: TaskRecord; previous: TaskRecord }> = [];
        for (const [i, [key, entry]] of entries.entries()) {
          const t = tx.get<TaskRecord>(keys.task(ids[i]!));
          if (!tx.get(key)) continue;
          if (t?.state !== 'queued' || !t.reservation) {
            tx.delete(key); // a place left behind by a task that is no longer waiting
            continue;
          }
          const r = t.reservation;
          if (r.docs.some((d) => !docs.includes(d))) continue; // its documents were not declared: next round
          const guildDoc = r.docs.length > 1 ? tx.get<UsageDoc>(r.docs[0]!) : undefined;
          if (caps.guild !== null && guildDoc && guildDoc.running >= caps.guild) break;
          const memberDoc = tx.get<UsageDoc>(r.docs[r.docs.length - 1]!);
          const memberCap = memberCapOf(entry, caps.member);
          if (memberCap !== null && (memberDoc?.running ?? 0) >= memberCap) continue;
          const next = transitions.startFromQueue(t, undefined, at);
          tx.delete(key);
          startInTx(tx, next, at);
          tx.set(keys.task(t.id), next);
          out.push({ next, previous: t });
        }
        return out;
      });
      for (const { next, previous } of started) emit(next, previous);
      return started.map((x) => x.next);
    },

    /** The tasks waiting in `scope`'s queue, first in line first (ids and entries, no task records). */
    async waiting(scope: string, limit = 5000): Promise<Array<{ id: string; entry: QueueEntry }>> {
      const prefix = prefixes.queueOf(scope);
      const out: Array<{ id: string; entry: QueueEntry }> = [];
      for await (const page of store.pages<QueueEntry>(prefix, 1000)) {
        for (const [k, entry] of page) out.push({ id: k.slice(k.lastIndexOf(':') + 1), entry });
        if (out.length >= limit) break;
      }
      return out.slice(0, limit);
    },

    /** Every scope with a task waiting in its queue. */
    async queuedScopes(): Promise<string[]> {
      const scopes = new Set<string>();
      for await (const page of store.pages<QueueEntry>(prefixes.queue, 2000))
        for (const [k] of page) scopes.add(k.split(':')[1]!);
      return [...scopes];
    },

    /** The tasks holding a running slot in `scope`. */
    async running(scope: string): Promise<Array<{ id: string; entry: SlotEntry }>> {
      const prefix = prefixes.slotsOf(scope);
      return (await store.scan<SlotEntry>(prefix)).map(([k, entry]) => ({ id: idOf(k, prefix), entry }));
    },
    onStateChange(listener: (task: TaskRecord, previous: TaskState) => void) {
      stateListeners.push(listener);
    },
    /** Called after every saved change of a task (state or not), with the record as saved. */
    onSaved(listener: (task: TaskRecord) => void) {
      savedListeners.push(listener);
    },
    /** Called for every request refused by a limit (or because no API key can take it). */
    onRefused(listener: (refusal: Refusal) => void) {
      refusedListeners.push(listener);
    },

    /** Reserves usage and writes the `accepted` task with its indexes, all in one transaction; a refusal writes nothing. */
    async create(input: NewTask, options: { roleIds?: readonly string[] } = {}): Promise<CreateResult> {
      const result = await createTask(input, options);
      if (!result.ok && !('claimed' in result)) for (const l of refusedListeners) l(result);
      return result;
    },

    attachMessage: (id: string, messageId: string) => apply(id, 'attachMessage', { messageId }),

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
      return (await service.tryEnd(task.id, 'markUncertain', { stage, reason }, task, options)).task;
    },

    /**
     * Ends a task without a video, if the transition applies to the task as it is now: a task that already
     * ended, or moved on to a state the transition is not for, is refused (`ok: false`) and left as it is.
     */
    async tryEnd<N extends EndName>(
      id: string,
      name: N,
      args: TransitionArgs<N>,
      known?: TaskRecord,
      options: ApplyOptions = {},
    ): Promise<Transitioned> {
      const ended = await tryApply(id, name, args, known, options);
      if (ended.ok) checkpoint('task.settled', ended.task);
      return ended;
    },

    /** `tryEnd`, with undefined for a refusal. */
    async end<N extends EndName>(
      id: string,
      name: N,
      args: TransitionArgs<N>,
      known?: TaskRecord,
      options: ApplyOptions = {},
    ): Promise<TaskRecord | undefined> {
      const ended = await service.tryEnd(id, name, args, known, options);
      return ended.ok ? ended.task : undefined;
    },

    /** Tasks by id (missing ones left out). */
    async getMany(ids: readonly string[]): Promise<TaskRecord[]> {
      const found = await store.getMany<TaskRecord>(ids.map(keys.task));
      return ids.map((id) => found.get(keys.task(id))).filter((t): t is TaskRecord => !!t);
    },

    /** Tasks the bot still has work on (to submit, poll, deliver, or tell the member about). */
    async listOpen(): Promise<TaskRecord[]> {
      const out: TaskRecord[] = [];
      for await (const page of store.pages<OpenEntry>(prefixes.open, 2000)) {
        const found = await store.getMany<TaskRecord>(page.map(([k]) => keys.task(k.slice(prefixes.open.length))));
        for (const t of found.values()) if (!t.toldAt) out.push(t);
      }
      return out;
    },

    /** Open tasks (not yet told) by state: one pass over the open index (metrics). */
    async countOpenByState(): Promise<Record<string, number>> {
      const counts: Record<string, number> = {};
      for await (const page of store.pages<OpenEntry>(prefixes.open, 2000)) {
        const found = await store.getMany<TaskRecord>(page.map(([k]) => keys.task(k.slice(prefixes.open.length))));
        for (const t of found.values()) if (!t.toldAt) counts[t.state] = (counts[t.state] ?? 0) + 1;
      }
      return counts;
    },

    async listRecentByUser(userId: string, limit = 10): Promise<TaskRecord[]> {
      const ids = ((await store.get<string[]>(keys.userTasks(userId))) ?? []).slice(0, limit);
      const found = await store.getMany<TaskRecord>(ids.map(keys.task));
      return ids.map((id) => found.get(keys.task(id))).filter((t): t is TaskRecord => !!t);
    },
  };
  return service;
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

export type TaskService = ReturnType<typeof createTaskService>;
