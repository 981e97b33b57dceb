/** Runs named transitions, each in one transaction on the record read there (settling usage on a final state). */
import { keys } from '../../db/keys.js';
import type { RecordStore, Tx } from '../../db/recordStore.js';
import type { Logger } from '../../logging/logger.js';
import { LeaseLostError, type OpenEntry, type TaskLeases } from '../cluster/taskLeases.js';
import type { GuildLedger } from '../usage/guildLedger.js';
import type { MemberSettingsRecord } from '../memberSettings/memberSettings.js';
import { type DmNotice, owesDmNotice } from '../notify/dmNotices.js';
import type { Checkpoint } from './checkpoints.js';
import { TransitionNotApplicableError } from './stateMachine.js';
import { placeKeys, slotEntry } from './taskPlaces.js';
import { isFinal, type TaskRecord, type TaskState } from './taskRecord.js';
import { readOneTask, readTask, taskKeys, writeTask } from './taskStorage.js';
import { appliesTo, type TransitionArgs, type TransitionName, transitions } from './transitions.js';

export interface ApplyOptions {
  /** Only if this process still holds the task's lease (else LeaseLostError, nothing written). */
  owner?: string;
  /** May wait this long to be committed with other changes (the poller's saves: see TransactOptions). */
  gatherMs?: number;
}

/** A transition applied (the task as saved), or refused: the task is in a state it does not apply to (as it is). */
export type Transitioned =
  | { ok: true; task: TaskRecord }
  | { ok: false; refused: TransitionNotApplicableError; task: TaskRecord };

/** The transitions that end a task without a video. */
export type EndName = 'fail' | 'abandon' | 'timeOut' | 'markUncertain' | 'failReview' | 'timeOutReview';

/** The transitions that tell the member how their task ended (they set `toldAt`). */
const TELLS: ReadonlySet<TransitionName> = new Set(['markDelivered', 'markTold', 'abandon']);

/**
 * Whether a transition may end a task or take it out of the queue: only those read and write the usage documents,
 * the queue place, the running slot and the finished index (every other one declares just the task and its open
 * entry, so a saved progress reads three records, not seven). Listed for every transition: a new one must choose.
 */
const SETTLES: Record<TransitionName, boolean> = {
  startFromQueue: true,
  cancelQueued: true,
  startSubmitting: false,
  useReviewedAssets: false,
  startReviewSubmitting: false,
  reviewElsewhere: false,
  startReview: false,
  markReviewed: false,
  failReview: true,
  timeOutReview: true,
  markRunning: false,
  recordProgress: false,
  markDelivering: false,
  markDelivered: true,
  fail: true,
  abandon: true,
  timeOut: true,
  markUncertain: true,
  attachMessage: false,
  markTold: false,
};

export class UnknownTaskError extends Error {
  constructor(id: string) {
    super(`unknown task ${id}`);
  }
}

export interface TransitionRunnerDeps {
  store: RecordStore;
  ledger: GuildLedger;
  logger: Logger;
  now: () => number;
  checkpoint: (name: Checkpoint, task: TaskRecord) => void;
  leases?: TaskLeases;
  /**
   * More writes of the transaction that makes a task `done` (markDelivered): the records it reads and writes,
   * declared up front, and the writes (the gallery queues the video there: services/gallery/galleryJobs.ts).
   */
  onDelivered?: { keys(task: TaskRecord): string[]; write(tx: Tx, done: TaskRecord, at: number): void };
}

export function createTransitionRunner(deps: TransitionRunnerDeps) {
  const { store, ledger, now } = deps;
  const stateListeners: Array<(task: TaskRecord, previous: TaskState) => void> = [];
  const savedListeners: Array<(task: TaskRecord) => void> = [];
  const get = (id: string) => readOneTask(store, id);

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
    const settling = SETTLES[name];
    const settles =
      settling && known.usage === 'reserved' && known.reservation ? ledger.settlementKeys(known.reservation) : [];
    const finishedKey = keys.finished(at, id);
    const place = placeKeys(known);
    const placeKeyList = settles.length ? [place.slot, ...(place.queue ? [place.queue] : [])] : [];
    // A member who asked for a DM when their video ends (/settings notify) is owed one once told: their choice
    // is read, and the notice written, by the change that tells them.
    const noticeKeys = TELLS.has(name) && !known.toldAt ? [keys.memberSettings(known.userId), keys.dmNotice(id)] : [];
    // A video made done may be queued for its server's gallery in the same change (its keys declared here).
    const extra = name === 'markDelivered' && deps.onDelivered ? deps.onDelivered.keys(known) : [];
    const declared = [
      ...taskKeys(id),
      keys.open(id),
      ...(settling ? [finishedKey] : []),
      ...settles,
      ...placeKeyList,
      ...noticeKeys,
      ...extra,
    ];
    type Outcome =
      | { refused: TransitionNotApplicableError; current: TaskRecord }
      | { next: TaskRecord; previous: TaskRecord };
    const decide = (tx: Tx): Outcome => {
      const current = readTask(tx, id);
      if (!current) throw new UnknownTaskError(id);
      const entry = tx.get<OpenEntry>(keys.open(id));
      if (options.owner && entry?.owner && entry.owner !== options.owner) throw new LeaseLostError(id);
      if (!appliesTo(name, current.state))
        return { refused: new TransitionNotApplicableError(current.state, transitions[name].from), current };
      const fn = transitions[name] as (t: TaskRecord, a: TransitionArgs<N>, at: number) => TaskRecord;
      // The change's time is read here, with the records held: a slot freed and a slot taken are dated in the
      // order they happened (a time read before waiting for the records could date a later change earlier).
      const inside = now();
      let next = fn(current, args, inside);
      const leavesQueue = current.state === 'queued' && next.state !== 'queued';
      const ends = isFinal(next.state) && !isFinal(current.state);
      if (!settling && (leavesQueue || ends)) throw new Error(`${name} is not listed in SETTLES, yet moved task ${id}`);
      if (leavesQueue) {
        if (!place.queue) throw new Error(`task ${id} is queued without a place in the queue`);
        tx.delete(place.queue);
        if (next.state === 'accepted') startInTx(tx, next, inside);
        // Taken out of the queue another way (a Cancel, maybe answered by another process): this process holds
        // it from now on and tells the member. The process that held it waits on the queue and never looks again.
        else holdInTx(tx, next);
      }
      if (ends) {
        if (current.usage === 'reserved' && current.reservation) {
          if (!settles.length) throw new Error(`task ${id} gained a reservation while settling`);
          const slot = current.state === 'queued' ? 'queued' : 'running';
          ledger.settle(tx, current.reservation, next.usage === 'committed' ? 'committed' : 'refunded', slot);
          if (next.lastError?.reason === 'moderation') ledger.countModerated(tx, current.reservation);
          tx.delete(place.slot);
        }
        tx.set(finishedKey, { id });
      }
      if (noticeKeys.length && !current.toldAt) {
        const wants = tx.get<MemberSettingsRecord>(keys.memberSettings(next.userId))?.notifyDm === true;
        if (owesDmNotice(next, wants)) {
          next = { ...next, dmNoticeOwed: true };
          tx.set(keys.dmNotice(id), { taskId: id, userId: next.userId, at: inside } satisfies DmNotice);
        }
      }
      writeTask(tx, next);
      if (next.toldAt) tx.delete(keys.open(id));
      if (extra.length && next.state === 'done') deps.onDelivered?.write(tx, next, inside);
      return { next, previous: current };
    };
    const result = await store.transact(declared, decide, options);
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

  /**
   * Ends a task without a video, if the transition applies to the task as it is now: a task that already
   * ended, or moved on to a state the transition is not for, is refused (`ok: false`) and left as it is.
   */
  async function tryEnd<N extends EndName>(
    id: string,
    name: N,
    args: TransitionArgs<N>,
    known?: TaskRecord,
    options: ApplyOptions = {},
  ): Promise<Transitioned> {
    const ended = await tryApply(id, name, args, known, options);
    if (ended.ok) deps.checkpoint('task.settled', ended.task);
    return ended;
  }

  /** Inside a transaction: a queued task (already `accepted`) takes its running slot, leased to this process. */
  function startInTx(tx: Tx, t: TaskRecord, at: number): void {
    if (t.reservation) ledger.start(tx, t.reservation);
    tx.set(placeKeys(t).slot, slotEntry(t, at));
    holdInTx(tx, t);
  }

  /** Inside a transaction: the task's open entry names this process (which then holds the task's lease). */
  function holdInTx(tx: Tx, t: TaskRecord): void {
    const entry = tx.get<OpenEntry>(keys.open(t.id));
    tx.set(keys.open(t.id), deps.leases?.entryFor(t.id, entry?.createdAt ?? t.createdAt, t.guildId) ?? entry);
  }

  /** Tells the listeners about a saved change (and logs a change of state). */
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

  return {
    get,
    tryApply,
    apply,
    tryEnd,
    startInTx,
    emit,
    onStateChange(listener: (task: TaskRecord, previous: TaskState) => void) {
      stateListeners.push(listener);
    },
    /** Called after every saved change of a task (state or not), with the record as saved. */
    onSaved(listener: (task: TaskRecord) => void) {
      savedListeners.push(listener);
    },
  };
}

export type TransitionRunner = ReturnType<typeof createTransitionRunner>;
