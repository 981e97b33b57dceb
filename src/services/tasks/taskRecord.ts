/**
 * One member request and everything needed to finish it after a restart: who asked where, how to edit
 * the reply, the validated upstream body, the upstream task id, and where in its life it is.
 */
import type { Locale } from '../../i18n/index.js';
import type { FailureKind } from '../seedance/parse.js';
import type { UpstreamCreateBody, UsageCost } from '../validation/types.js';

/**
 * accepted → submitting → running → delivering → done
 *                 ↘ uncertain   ↘ failed | timed_out
 * Each state is written before the side effect it allows (see stateMachine.ts).
 */
export type TaskState =
  | 'accepted'
  | 'submitting'
  | 'running'
  | 'delivering'
  | 'done'
  | 'failed'
  | 'timed_out'
  | 'uncertain';

export const FINAL_STATES: readonly TaskState[] = ['done', 'failed', 'timed_out', 'uncertain'];

export interface TaskError {
  /** Where it went wrong: upstream create/query, the video itself, or Discord. */
  stage: 'submit' | 'upstream' | 'deadline' | 'restart' | 'delivery';
  message: string;
  failureKind?: FailureKind | 'upstream_unavailable' | 'auth' | 'invalid_request';
}

/** Who asked, where, in which language, and how to reach the reply: plain data from the interaction. */
export interface TaskOrigin {
  guildId: string | null;
  channelId: string;
  userId: string;
  locale: Locale;
  /** The interaction's webhook: valid for 15 minutes after `createdAt`. */
  interaction: { applicationId: string; token: string; createdAt: number };
  /** Largest file Discord accepts in this interaction (`attachment_size_limit`), when it said. */
  uploadLimitBytes?: number;
}

/** What a new task is made of: its origin and the validated request. */
export interface NewTask extends TaskOrigin {
  model: string;
  request: UpstreamCreateBody;
  cost: UsageCost;
  /** Set when the task is a re-roll or retry of another one. */
  parentId?: string;
}

export interface TaskRecord extends NewTask {
  /** Our id: short, url-safe, used in button custom_ids and shown to members. */
  id: string;
  /** The public reply this task edits (set once the reply exists). */
  messageId?: string;
  /** The reply was deleted and re-posted by the bot: edit it through the channel, not the interaction webhook. */
  messageMoved?: boolean;
  state: TaskState;
  upstreamTaskId?: string;
  upstreamStatus?: string;
  progress?: number;
  videoUrl?: string;
  /** Status queries made so far. */
  attempts: number;
  createdAt: number;
  updatedAt: number;
  submittedAt?: number;
  finishedAt?: number;
  lastError?: TaskError;
  /** How the finished video reached the member. */
  delivery?: { mode: 'upload' | 'link'; via: 'webhook' | 'channel' | 'new_message' | 'dm'; at: number };
  /** Usage settlement: reserved when accepted, then committed on success or refunded once otherwise. */
  usage: 'reserved' | 'committed' | 'refunded';
}

export const isFinal = (state: TaskState) => FINAL_STATES.includes(state);
