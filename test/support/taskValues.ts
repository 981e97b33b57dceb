/**
 * Every task state and every failure reason, as lists for tests that go through all of them. A value added to
 * `TaskState` or `FailureReason` and missing here fails the type check (the `Missing…` checks below).
 */
import type { FailureReason, TaskState } from '../../src/services/tasks/taskRecord.js';

export const ALL_STATES = [
  'queued',
  'accepted',
  'review_submitting',
  'reviewing',
  'submitting',
  'running',
  'delivering',
  'done',
  'failed',
  'timed_out',
  'uncertain',
] as const satisfies readonly TaskState[];

export const ALL_REASONS = [
  'moderation',
  'transient',
  'quota',
  'invalid_input',
  'unknown',
  'upstream_unavailable',
  'auth',
  'invalid_request',
  'not_found',
  'no_video',
  'cancelled',
  'deadline',
  'restart_submitting',
  'restart_stale',
  'reply_failed',
  'message_deleted',
  'undeliverable',
  'member_cancelled',
  'account_unavailable',
  'review_failed',
  'review_timeout',
  'review_uncertain',
] as const satisfies readonly FailureReason[];

type MissingState = Exclude<TaskState, (typeof ALL_STATES)[number]>;
type MissingReason = Exclude<FailureReason, (typeof ALL_REASONS)[number]>;
const everyState: [MissingState] extends [never] ? true : MissingState = true;
const everyReason: [MissingReason] extends [never] ? true : MissingReason = true;
void everyState;
void everyReason;
