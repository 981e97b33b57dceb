/**
 * Every change a task can go through, as named pure functions from the stored record to the next one.
 * Each owns its rules (which states it applies to, what it records, whether the member has been told);
 * the task service runs one inside a transaction, on the record read there (never a caller's copy), and
 * settles the usage when a final state is reached: committed when the member got the video, refunded otherwise.
 * A transition given a task in a state it does not list in `from` refuses (TransitionNotApplicableError):
 * it is never applied to a task that moved on meanwhile.
 */
import { assertTransition, TASK_STATES, TransitionNotApplicableError } from './stateMachine.js';
import {
  type Delivery,
  FINAL_STATES,
  isFinal,
  type ReviewItem,
  type ShownVia,
  type TaskError,
  type TaskRecord,
  type TaskState,
} from './taskRecord.js';

export interface MessagePlace {
  channelId: string;
  messageId: string;
}

function moveTo(t: TaskRecord, state: TaskState, at: number): TaskRecord {
  assertTransition(t.state, state);
  const next: TaskRecord = { ...t, state, updatedAt: at };
  if (isFinal(state)) {
    next.finishedAt = at;
    if (t.usage === 'reserved') next.usage = state === 'done' ? 'committed' : 'refunded';
  }
  return next;
}

/** A named transition: `fn`, applied only to a task in one of the states `from` lists (else refused). */
function only<A>(from: readonly TaskState[], fn: (t: TaskRecord, a: A, at: number) => TaskRecord) {
  const checked = (t: TaskRecord, a: A, at: number): TaskRecord => {
    if (!from.includes(t.state)) throw new TransitionNotApplicableError(t.state, from);
    return fn(t, a, at);
  };
  return Object.assign(checked, { from });
}

/** The member has seen the outcome: the interaction token is no longer needed, so it is not kept. */
const told = (t: TaskRecord, at: number): TaskRecord => ({
  ...t,
  toldAt: at,
  interaction: { ...t.interaction, token: '' },
});

export const transitions = {
  /** queued → accepted: it got a running slot (made inside the queue's promotion transaction). */
  startFromQueue: only(
    ['queued'],
    (t: TaskRecord, _: undefined, at: number): TaskRecord => ({
      ...moveTo(t, 'accepted', at),
      startedAt: at,
    }),
  ),

  /** A queued task the member (or a moderator) cancelled: it never reaches the video service; refunded. */
  cancelQueued: only(
    ['queued'],
    (t: TaskRecord, a: { by: string }, at: number): TaskRecord => ({
      ...moveTo(t, 'failed', at),
      lastError: { stage: 'queue', reason: 'member_cancelled', detail: a.by },
    }),
  ),

  /** accepted → submitting, written before the create call: a crash after it can never resend. */
  startSubmitting: only(['accepted'], (t: TaskRecord, _: undefined, at: number) => moveTo(t, 'submitting', at)),

  /** Every file of the request was reviewed before under this API key: its asset ids are used, no review is sent. */
  useReviewedAssets: only(
    ['accepted'],
    (t: TaskRecord, a: { items: ReviewItem[]; key?: string }, at: number): TaskRecord => ({
      ...t,
      review: { items: a.items, startedAt: at, checks: 0, doneAt: at },
      ...(a.key ? { upstreamKey: a.key } : {}),
      updatedAt: at,
    }),
  ),

  /** accepted → review_submitting, written before the review call: a crash after it never resubmits the files. */
  /** `key`: the fingerprint of the API key the review goes to; asset ids belong to its account (create uses it too). */
  startReviewSubmitting: only(
    ['accepted'],
    (t: TaskRecord, a: { items: ReviewItem[]; key?: string }, at: number): TaskRecord => ({
      ...moveTo(t, 'review_submitting', at),
      review: { items: a.items, startedAt: at, checks: 0 },
      ...(a.key ? { upstreamKey: a.key } : {}),
    }),
  ),

  /**
   * review_submitting or submitting → accepted: the API key the media review went to was refused or is out of
   * balance, proven before anything was reviewed or created. The review (and its key) is dropped, so the files
   * are reviewed again under another key, and the task is created with that one.
   */
  reviewElsewhere: only(['review_submitting', 'submitting'], (t: TaskRecord, _: undefined, at: number): TaskRecord => {
    // Only a task whose files went to the media review (else there is nothing to review elsewhere).
    if (!t.review) throw new TransitionNotApplicableError(t.state, ['review_submitting', 'submitting']);
    const { review: _review, upstreamKey: _key, ...rest } = moveTo(t, 'accepted', at);
    return rest;
  }),

  /** review_submitting → reviewing: the review took the files; their asset ids are polled from now on. */
  startReview: only(
    ['review_submitting'],
    (t: TaskRecord, a: { assets: Array<{ url: string; assetId: string; status: string }> }, at: number): TaskRecord => {
      const byUrl = new Map(a.assets.map((x) => [x.url, x]));
      const items = (t.review?.items ?? []).map((it) => {
        const got = byUrl.get(it.url);
        return got && !it.assetId ? { ...it, assetId: got.assetId, status: got.status } : it;
      });
      return { ...moveTo(t, 'reviewing', at), review: { ...t.review!, items, submittedAt: at } };
    },
  ),

  /** reviewing → accepted: every asset is Active; the create body uses their asset ids (sent next). */
  markReviewed: only(['reviewing'], (t: TaskRecord, a: { checks: number }, at: number): TaskRecord => {
    const items = (t.review?.items ?? []).map((it) => ({ ...it, status: 'Active' }));
    return { ...moveTo(t, 'accepted', at), review: { ...t.review!, items, checks: a.checks, doneAt: at } };
  }),

  /** The review refused a file (at submission or later): nothing is created; usage refunded; the file is named. */
  failReview: only(
    ['review_submitting', 'reviewing'],
    (t: TaskRecord, a: { file: string; detail: string }, at: number): TaskRecord => ({
      ...moveTo(t, 'failed', at),
      lastError: { stage: 'review', reason: 'review_failed', file: a.file, detail: a.detail },
    }),
  ),

  /** The review took longer than its time limit: nothing is created; usage refunded. */
  timeOutReview: only(
    ['reviewing'],
    (t: TaskRecord, a: { minutes: number }, at: number): TaskRecord => ({
      ...moveTo(t, 'failed', at),
      lastError: { stage: 'review', reason: 'review_timeout', detail: String(a.minutes) },
    }),
  ),

  /** submitting → running: the video service took the request; its id (and the creating key) are kept. */
  markRunning: only(
    ['submitting'],
    (t: TaskRecord, a: { upstreamTaskId: string; status?: string; upstreamKey?: string }, at: number): TaskRecord => ({
      ...moveTo(t, 'running', at),
      upstreamTaskId: a.upstreamTaskId,
      ...(a.upstreamKey ? { upstreamKey: a.upstreamKey } : {}),
      upstreamStatus: a.status ?? 'queued',
      submittedAt: at,
    }),
  ),

  /** A new status word or percentage of a running task, worth saving. */
  recordProgress: only(
    ['running'],
    (t: TaskRecord, a: { status: string; progress?: number; attempts: number }, at: number): TaskRecord => ({
      ...t,
      upstreamStatus: a.status,
      progress: a.progress ?? t.progress,
      attempts: a.attempts,
      updatedAt: at,
    }),
  ),

  /** running → delivering: the video is ready upstream; it is handed over next. */
  markDelivering: only(
    ['running'],
    (t: TaskRecord, a: { videoUrl: string; status: string; attempts: number }, at: number): TaskRecord => ({
      ...moveTo(t, 'delivering', at),
      videoUrl: a.videoUrl,
      upstreamStatus: a.status,
      progress: 100,
      attempts: a.attempts,
    }),
  ),

  /** The member has the video (as an upload or a link, in place or by DM): usage committed. */
  markDelivered: only(
    ['delivering'],
    (
      t: TaskRecord,
      a: { mode: Delivery['mode']; via: ShownVia; movedTo?: MessagePlace; fileUrl?: string },
      at: number,
    ): TaskRecord =>
      told(
        {
          ...moveTo(t, 'done', at),
          delivery: { mode: a.mode, via: a.via, at, ...(a.fileUrl ? { fileUrl: a.fileUrl } : {}) },
          ...(a.movedTo ? { ...a.movedTo, messageMoved: true } : {}),
        },
        at,
      ),
  ),

  /**
   * Ended without a video (the member is told next, then `markTold`): usage refunded. For a task not sent
   * (accepted: a restart found it too old), whose send was refused, or that the video service failed.
   */
  fail: only(
    ['accepted', 'review_submitting', 'submitting', 'running'],
    (t: TaskRecord, error: TaskError, at: number): TaskRecord => ({ ...moveTo(t, 'failed', at), lastError: error }),
  ),

  /**
   * Ended without a video where there is nobody to tell (the interaction was answered elsewhere or could not
   * be answered, or the member cannot be reached): usage refunded, and it leaves the open index at once.
   * Only a task never sent upstream (queued, accepted) or whose video could not be handed over (delivering):
   * a task being sent or rendering is paid for upstream and is followed to its end instead.
   */
  abandon: only(
    ['queued', 'accepted', 'delivering'],
    (t: TaskRecord, error: TaskError, at: number): TaskRecord =>
      told({ ...moveTo(t, 'failed', at), lastError: error }, at),
  ),

  /** A running task past the deadline: usage refunded. */
  timeOut: only(
    ['running'],
    (t: TaskRecord, a: { minutes: number }, at: number): TaskRecord => ({
      ...moveTo(t, 'timed_out', at),
      lastError: { stage: 'deadline', reason: 'deadline', detail: String(a.minutes) },
    }),
  ),

  /** The create (or review) call may or may not have reached the video service: never resent, usage refunded. */
  markUncertain: only(
    ['submitting', 'review_submitting'],
    (t: TaskRecord, error: TaskError, at: number): TaskRecord => ({
      ...moveTo(t, 'uncertain', at),
      lastError: error,
    }),
  ),

  /**
   * The public reply exists: later edits go to it. In any state: the reply is posted while the task may
   * already have left the queue, been sent, or ended (the card then shows that outcome).
   */
  attachMessage: only(
    TASK_STATES,
    (t: TaskRecord, a: { messageId: string }, at: number): TaskRecord => ({
      ...t,
      messageId: a.messageId,
      updatedAt: at,
    }),
  ),

  /** The member has been shown a final state without a video. */
  markTold: only(
    FINAL_STATES,
    (t: TaskRecord, a: { movedTo?: MessagePlace }, at: number): TaskRecord =>
      told({ ...t, ...(a.movedTo ? { ...a.movedTo, messageMoved: true } : {}), updatedAt: at }, at),
  ),
} as const;

/** Whether transition `name` applies to a task in `state` (else it is refused, nothing written). */
export const appliesTo = (name: TransitionName, state: TaskState): boolean => transitions[name].from.includes(state);

export type TransitionName = keyof typeof transitions;
export type TransitionArgs<N extends TransitionName> = Parameters<(typeof transitions)[N]>[1];
