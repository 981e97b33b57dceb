/** The task's state machine and its named transitions, as pure functions on a record (no store, no clock). */
import { describe, expect, it } from 'vitest';
import {
  assertTransition,
  IllegalTransitionError,
  TransitionNotApplicableError,
} from '../../src/services/tasks/stateMachine.js';
import { FINAL_STATES, type TaskRecord, type TaskState } from '../../src/services/tasks/taskRecord.js';
import { appliesTo, type TransitionName, transitions } from '../../src/services/tasks/transitions.js';
import { ALL_STATES } from '../support/taskValues.js';

const ALL: readonly TaskState[] = ALL_STATES;
/** The product's rules, restated as a table: every move not listed here is refused. */
const ALLOWED: Record<TaskState, TaskState[]> = {
  queued: ['accepted', 'failed'],
  accepted: ['submitting', 'review_submitting', 'failed'],
  review_submitting: ['reviewing', 'accepted', 'failed', 'uncertain'],
  reviewing: ['reviewing', 'accepted', 'failed'],
  submitting: ['running', 'accepted', 'failed', 'uncertain'],
  running: ['running', 'delivering', 'failed', 'timed_out'],
  delivering: ['delivering', 'done', 'failed'],
  done: [],
  failed: [],
  timed_out: [],
  uncertain: [],
};

const T0 = 1_700_000_000_000;
function task(state: TaskState, extra: Partial<TaskRecord> = {}): TaskRecord {
  return {
    id: 't1',
    guildId: 'g1',
    channelId: 'c1',
    userId: 'u1',
    locale: 'en-US',
    interaction: { applicationId: 'app', token: 'secret-token', createdAt: T0 },
    model: 'm',
    request: {} as TaskRecord['request'],
    cost: {} as TaskRecord['cost'],
    state,
    attempts: 0,
    createdAt: T0,
    updatedAt: T0,
    usage: 'reserved',
    ...extra,
  };
}

describe('which moves a task may make', () => {
  const pairs = ALL.flatMap((from) => ALL.map((to) => [from, to, ALLOWED[from].includes(to)] as const));
  it.each(pairs)('%s → %s allowed: %s', (from, to, allowed) => {
    if (allowed) expect(() => assertTransition(from, to)).not.toThrow();
    else expect(() => assertTransition(from, to)).toThrow(IllegalTransitionError);
  });

  it('the final states are exactly the states with no way out', () => {
    expect([...FINAL_STATES].sort()).toEqual(ALL.filter((s) => ALLOWED[s].length === 0).sort());
  });
});

describe('reaching a final state settles the usage once', () => {
  it('done commits it, every other end refunds it, and both record when it finished', () => {
    const at = T0 + 5000;
    const done = transitions.markDelivered(task('delivering'), { mode: 'upload', via: 'webhook' }, at);
    expect(done).toMatchObject({ state: 'done', usage: 'committed', finishedAt: at, delivery: { at } });
    const failed = transitions.fail(task('running'), { stage: 'upstream', reason: 'no_video' }, at);
    expect(failed).toMatchObject({ state: 'failed', usage: 'refunded', finishedAt: at });
    expect(transitions.timeOut(task('running'), { minutes: 30 }, at)).toMatchObject({
      state: 'timed_out',
      usage: 'refunded',
      lastError: { stage: 'deadline', reason: 'deadline', detail: '30' },
    });
    expect(
      transitions.markUncertain(task('submitting'), { stage: 'submit', reason: 'upstream_unavailable' }, at),
    ).toMatchObject({ state: 'uncertain', usage: 'refunded' });
  });

  it('usage already settled (or never reserved) is left alone', () => {
    const ended = transitions.fail(
      task('running', { usage: 'refunded' }),
      { stage: 'upstream', reason: 'x' as never },
      T0,
    );
    expect(ended.usage).toBe('refunded');
  });

  it('an ended task cannot end again', () => {
    const failed = transitions.fail(task('running'), { stage: 'upstream', reason: 'no_video' }, T0);
    expect(() => transitions.fail(failed, { stage: 'upstream', reason: 'no_video' }, T0)).toThrow(
      IllegalTransitionError,
    );
    expect(() => transitions.markDelivered(failed, { mode: 'link', via: 'dm' }, T0)).toThrow(IllegalTransitionError);
  });
});

describe('the member is told once, and the token is forgotten then', () => {
  it('markTold applies only to a final state, and drops the interaction token', () => {
    expect(() => transitions.markTold(task('running'), {}, T0)).toThrow(IllegalTransitionError);
    const told = transitions.markTold(
      transitions.fail(task('running'), { stage: 'upstream', reason: 'no_video' }, T0),
      {},
      T0 + 1,
    );
    expect(told.toldAt).toBe(T0 + 1);
    expect(told.interaction.token).toBe('');
    expect(told.interaction.applicationId).toBe('app');
  });

  it('a delivered or abandoned task is told at once; a failed one waits for markTold', () => {
    expect(transitions.markDelivered(task('delivering'), { mode: 'link', via: 'channel' }, T0).toldAt).toBe(T0);
    expect(transitions.abandon(task('delivering'), { stage: 'delivery', reason: 'undeliverable' }, T0).toldAt).toBe(T0);
    expect(transitions.fail(task('running'), { stage: 'upstream', reason: 'no_video' }, T0).toldAt).toBeUndefined();
  });

  it('a card that moved is remembered with its new place', () => {
    const place = { channelId: 'dm1', messageId: 'm9' };
    const told = transitions.markTold(
      transitions.fail(task('running'), { stage: 'upstream', reason: 'no_video' }, T0),
      { movedTo: place },
      T0,
    );
    expect(told).toMatchObject({ ...place, messageMoved: true });
  });
});

describe('each named transition keeps to the states it is for', () => {
  it('cancelQueued only cancels a queued task, refunded, naming who cancelled', () => {
    expect(transitions.cancelQueued(task('queued'), { by: 'mod1' }, T0)).toMatchObject({
      state: 'failed',
      usage: 'refunded',
      lastError: { stage: 'queue', reason: 'member_cancelled', detail: 'mod1' },
    });
    expect(() => transitions.cancelQueued(task('accepted'), { by: 'u1' }, T0)).toThrow(IllegalTransitionError);
  });

  it('startFromQueue records when the slot was given', () => {
    expect(transitions.startFromQueue(task('queued'), undefined, T0 + 9)).toMatchObject({
      state: 'accepted',
      startedAt: T0 + 9,
    });
    expect(() => transitions.startFromQueue(task('running'), undefined, T0)).toThrow(IllegalTransitionError);
  });

  it('startSubmitting only leaves accepted, so a task is never sent twice', () => {
    expect(transitions.startSubmitting(task('accepted'), undefined, T0).state).toBe('submitting');
    for (const s of ALL.filter((x) => x !== 'accepted')) {
      expect(() => transitions.startSubmitting(task(s), undefined, T0)).toThrow(IllegalTransitionError);
    }
  });

  it('markRunning keeps the upstream id and the creating key, and defaults the status word', () => {
    const running = transitions.markRunning(task('submitting'), { upstreamTaskId: 'up1', upstreamKey: 'k1' }, T0 + 3);
    expect(running).toMatchObject({
      state: 'running',
      upstreamTaskId: 'up1',
      upstreamKey: 'k1',
      upstreamStatus: 'queued',
      submittedAt: T0 + 3,
    });
  });

  it('recordProgress only on a running task, keeping the last percentage when none is given', () => {
    const t = transitions.recordProgress(task('running', { progress: 40 }), { status: 'processing', attempts: 3 }, T0);
    expect(t).toMatchObject({ state: 'running', progress: 40, upstreamStatus: 'processing', attempts: 3 });
    expect(() => transitions.recordProgress(task('delivering'), { status: 'x', attempts: 1 }, T0)).toThrow(
      IllegalTransitionError,
    );
  });

  it('markDelivering sets the video and full progress', () => {
    expect(
      transitions.markDelivering(task('running'), { videoUrl: 'https://v', status: 'succeeded', attempts: 7 }, T0),
    ).toMatchObject({
      state: 'delivering',
      videoUrl: 'https://v',
      progress: 100,
      attempts: 7,
    });
  });

  it('the media review: failReview only while reviewing (or submitting it), naming the file; refunded', () => {
    expect(transitions.failReview(task('reviewing'), { file: 'a.png', detail: 'refused' }, T0)).toMatchObject({
      state: 'failed',
      usage: 'refunded',
      lastError: { stage: 'review', reason: 'review_failed', file: 'a.png' },
    });
    expect(() => transitions.failReview(task('running'), { file: 'a.png', detail: 'x' }, T0)).toThrow(
      IllegalTransitionError,
    );
    expect(() => transitions.timeOutReview(task('review_submitting'), { minutes: 5 }, T0)).toThrow(
      IllegalTransitionError,
    );
    expect(() => transitions.markReviewed(task('accepted'), { checks: 1 }, T0)).toThrow(IllegalTransitionError);
  });

  it('reviewElsewhere: a refused review key sends the task back to accepted without its review or key', () => {
    const review = { items: [], startedAt: T0, checks: 0 };
    for (const from of ['review_submitting', 'submitting'] as const) {
      const back = transitions.reviewElsewhere({ ...task(from), review, upstreamKey: 'k1' }, undefined, T0 + 1);
      expect(back).toMatchObject({ state: 'accepted', usage: 'reserved', updatedAt: T0 + 1 });
      expect(back.review).toBeUndefined();
      expect(back.upstreamKey).toBeUndefined();
    }
    // Only a reviewed task, and never once it runs.
    expect(() => transitions.reviewElsewhere(task('submitting'), undefined, T0)).toThrow(IllegalTransitionError);
    expect(() => transitions.reviewElsewhere({ ...task('running'), review }, undefined, T0)).toThrow(
      IllegalTransitionError,
    );
  });

  it('transitions never change the record they are given', () => {
    const t = Object.freeze(task('running'));
    expect(() => transitions.markDelivering(t, { videoUrl: 'https://v', status: 's', attempts: 1 }, T0)).not.toThrow();
    expect(t.state).toBe('running');
  });
});

/** Every named transition and the states it applies to, restated from the product's rules; any other is refused. */
const APPLIES: Record<TransitionName, TaskState[]> = {
  startFromQueue: ['queued'],
  cancelQueued: ['queued'],
  startSubmitting: ['accepted'],
  useReviewedAssets: ['accepted'],
  startReviewSubmitting: ['accepted'],
  // Its review key was refused before anything was reviewed or created: reviewed again under another key.
  reviewElsewhere: ['review_submitting', 'submitting'],
  startReview: ['review_submitting'],
  markReviewed: ['reviewing'],
  failReview: ['review_submitting', 'reviewing'],
  timeOutReview: ['reviewing'],
  markRunning: ['submitting'],
  recordProgress: ['running'],
  markDelivering: ['running'],
  markDelivered: ['delivering'],
  // Not sent (a restart found it too old), its send or review submission refused, or failed upstream.
  fail: ['accepted', 'review_submitting', 'submitting', 'running'],
  // Only what was never sent upstream, or whose video could not be handed over: never a task being paid for.
  abandon: ['queued', 'accepted', 'delivering'],
  timeOut: ['running'],
  markUncertain: ['submitting', 'review_submitting'],
  // The reply exists whatever the task has become meanwhile.
  attachMessage: [...ALL],
  markTold: ['done', 'failed', 'timed_out', 'uncertain'],
};
const ARGS: { [N in TransitionName]: Parameters<(typeof transitions)[N]>[1] } = {
  startFromQueue: undefined,
  cancelQueued: { by: 'u1' },
  startSubmitting: undefined,
  useReviewedAssets: { items: [] },
  startReviewSubmitting: { items: [] },
  reviewElsewhere: undefined,
  startReview: { assets: [] },
  markReviewed: { checks: 1 },
  failReview: { file: 'a.png', detail: 'x' },
  timeOutReview: { minutes: 5 },
  markRunning: { upstreamTaskId: 'up1' },
  recordProgress: { status: 'running', attempts: 1 },
  markDelivering: { videoUrl: 'https://v', status: 'succeeded', attempts: 1 },
  markDelivered: { mode: 'upload', via: 'webhook' },
  fail: { stage: 'upstream', reason: 'no_video' },
  abandon: { stage: 'delivery', reason: 'reply_failed' },
  timeOut: { minutes: 30 },
  markUncertain: { stage: 'submit', reason: 'upstream_unavailable' },
  attachMessage: { messageId: 'm1' },
  markTold: {},
};

describe('every named transition × every state: applied only to the states it is for', () => {
  const cases = (Object.keys(APPLIES) as TransitionName[]).flatMap((name) =>
    ALL.map((state) => [name, state, APPLIES[name].includes(state)] as const),
  );
  it.each(cases)('%s on a %s task applies: %s', (name, state, applies) => {
    const run = () =>
      (transitions[name] as (t: TaskRecord, a: unknown, at: number) => TaskRecord)(
        // reviewElsewhere is only for a task whose files went to the media review.
        task(state, name === 'reviewElsewhere' ? { review: { items: [], startedAt: T0, checks: 0 } } : {}),
        ARGS[name],
        T0,
      );
    expect(appliesTo(name, state)).toBe(applies);
    if (applies) expect(() => run()).not.toThrow();
    else expect(run).toThrow(TransitionNotApplicableError);
  });

  it('a refusal is an IllegalTransitionError too (callers that catch those keep working)', () => {
    expect(() => transitions.abandon(task('running'), ARGS.abandon, T0)).toThrow(IllegalTransitionError);
  });
});
