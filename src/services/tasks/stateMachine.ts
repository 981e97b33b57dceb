/** The allowed moves of a task's state; any other move is refused (IllegalTransitionError). */
import type { TaskState } from './taskRecord.js';

const NEXT: Record<TaskState, readonly TaskState[]> = {
  // queued → accepted when a running slot frees up; → failed when the member cancels it (refunded).
  queued: ['accepted', 'failed'],
  // accepted → failed when the reply could not be posted, or a restart found it too old to send.
  // accepted → review_submitting when the media review is sent first (Manxue models with uploads).
  accepted: ['submitting', 'review_submitting', 'failed'],
  // review_submitting → uncertain when the process died or the submission's outcome is unknown (never resent).
  // review_submitting → accepted when the review's API key was refused (nothing reviewed): reviewed under another.
  review_submitting: ['reviewing', 'accepted', 'failed', 'uncertain'],
  // reviewing → accepted when every asset is Active (then sent like any task); → failed when refused or too slow.
  reviewing: ['reviewing', 'accepted', 'failed'],
  // submitting → uncertain when the process died or the create call's outcome is unknown.
  // submitting → accepted when the account owning its reviewed assets refused the create (nothing was made):
  // the files are reviewed again under another key.
  submitting: ['running', 'accepted', 'failed', 'uncertain'],
  running: ['running', 'delivering', 'failed', 'timed_out'],
  delivering: ['delivering', 'done', 'failed'],
  done: [],
  failed: [],
  timed_out: [],
  uncertain: [],
};

/** Every state a task can be in (the keys of the table above), e.g. for metrics by state. */
export const TASK_STATES = Object.keys(NEXT) as readonly TaskState[];

export class IllegalTransitionError extends Error {
  constructor(
    readonly from: TaskState,
    readonly to: TaskState,
  ) {
    super(`task cannot move from ${from} to ${to}`);
  }
}

/** A named transition was asked of a task in a state it does not apply to (the task moved on): nothing written. */
export class TransitionNotApplicableError extends IllegalTransitionError {
  constructor(
    from: TaskState,
    readonly expected: readonly TaskState[],
  ) {
    super(from, from);
    this.message = `this change applies to a task ${expected.join(' or ')}, not ${from}`;
  }
}

export function assertTransition(from: TaskState, to: TaskState): void {
  if (!NEXT[from].includes(to)) throw new IllegalTransitionError(from, to);
}
