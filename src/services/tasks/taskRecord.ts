/**
 * One member request and everything needed to finish it after a restart: who asked where, how to edit
 * the reply, the validated upstream body, the usage it holds, the upstream task id, and where in its life it is.
 */
import type { Locale } from '../../i18n/index.js';
import type { FailureKind } from '../seedance/parse.js';
import type { Reservation } from '../usage/guildLedger.js';
import type { UpstreamCreateBody, UsageCost } from '../validation/types.js';

/**
 * (queued →) accepted → submitting → running → delivering → done
 *    ↘ failed (cancelled)  ↘ uncertain   ↘ failed | timed_out
 * Each state is written before the side effect it allows (see stateMachine.ts and transitions.ts).
 * `queued`: usage reserved, waiting in its scope's queue for a running slot (see services/queue).
 */
export type TaskState =
  | 'queued'
  | 'accepted'
  /** The media review's submission is under way (saved before the call: a crash here never resubmits). */
  | 'review_submitting'
  /** The media review has the files; the poller asks for their status until each is Active (→ accepted). */
  | 'reviewing'
  | 'submitting'
  | 'running'
  | 'delivering'
  | 'done'
  | 'failed'
  | 'timed_out'
  | 'uncertain';

export const FINAL_STATES: readonly TaskState[] = ['done', 'failed', 'timed_out', 'uncertain'];

/** Why a task ended without a video; each has its own message key (`failure.<reason>`) in every locale. */
export type FailureReason =
  | FailureKind
  | 'upstream_unavailable'
  | 'auth'
  | 'invalid_request'
  | 'not_found'
  | 'no_video'
  | 'cancelled'
  | 'deadline'
  | 'restart_submitting'
  | 'restart_stale'
  | 'reply_failed'
  | 'message_deleted'
  | 'undeliverable'
  | 'member_cancelled'
  /** Every API key of the bot is set aside (refused, or out of balance): nothing was sent. */
  | 'account_unavailable'
  /** The media review refused a file (named in `file`, the upstream reason in `detail`). */
  | 'review_failed'
  /** The media review took longer than ASSET_REVIEW_TIMEOUT_MIN. */
  | 'review_timeout'
  /** The review submission's outcome is unknown (no answer, an unreadable one, or a restart during it). */
  | 'review_uncertain';

export interface TaskError {
  /** Where it went wrong: sending upstream, the video service, the deadline, a restart, or Discord. */
  stage: 'queue' | 'review' | 'submit' | 'upstream' | 'deadline' | 'restart' | 'delivery';
  reason: FailureReason;
  /** What the upstream or Discord said, verbatim (shown escaped, never trusted as markup). */
  detail?: string;
  /** The member's file the failure is about (its name, else its URL without the query string). */
  file?: string;
  /** Records of the first schema carried an English sentence here; read only to render them. */
  message?: string;
  failureKind?: FailureReason;
}

/** Where a message reached the member: the interaction's webhook, the channel route, a fresh post, or a DM. */
export type ShownVia = 'webhook' | 'channel' | 'new_message' | 'dm';
/** How a finished video reached the member: uploaded or as a link, and where. */
export interface Delivery {
  mode: 'upload' | 'link';
  via: ShownVia;
  at: number;
  /**
   * An upload: the file's Discord attachment URL as the card got it (signed; the web's My videos signs it anew to
   * play it after the video service's link expired). Absent for links and on tasks delivered by earlier versions.
   */
  fileUrl?: string;
}

/** One file of a request that goes through the vendor's media review (Manxue models). */
export interface ReviewItem {
  /** Where it is in the request: `images[1]`, `first_image`, … (field and index). */
  field: 'images' | 'first_image' | 'last_image' | 'reference_videos' | 'reference_audios';
  index: number;
  kind: 'image' | 'video' | 'audio';
  /** The URL as it is in the request (a Discord CDN URL). */
  url: string;
  /** The file name shown to the member. */
  name: string;
  assetId?: string;
  /** The review's last status word for it (`Processing`, `Active`, `Failed`). */
  status?: string;
  /** Taken from the reuse cache: reviewed before under the same API key. */
  reused?: boolean;
}

/** The media review of a task's files: submitted once, then polled until every asset is Active. */
export interface TaskReview {
  items: ReviewItem[];
  /** When the submission was saved as under way, and when the review accepted it. */
  startedAt: number;
  submittedAt?: number;
  /** Status queries made. */
  checks: number;
  /** All Active: the create body uses the asset ids. */
  doneAt?: number;
}

/** Who asked, where, in which language, and how to reach the reply: plain data from the interaction. */
export interface TaskOrigin {
  guildId: string | null;
  channelId: string;
  userId: string;
  locale: Locale;
  /**
   * The interaction (its id, when given, lets processes sharing a database answer it once) and its webhook:
   * valid for 15 minutes after `createdAt`; the token is dropped once the member has been told the outcome.
   */
  interaction: { id?: string; applicationId: string; token: string; createdAt: number };
  /** Largest file Discord accepts in this interaction (`attachment_size_limit`), when it said. */
  uploadLimitBytes?: number;
  /**
   * Used through the member's own install (user install) where the bot is not: a server that did not add it, or
   * a group DM. The bot cannot post there: the card is reached only through the interaction's webhook (15
   * minutes), then the member is told by DM; the usage counts in the member's own scope (`u<user>`), under the
   * operator's limits, and no server's settings apply.
   */
  userInstall?: boolean;
  /**
   * For a thread or forum post, the channel it belongs to (the server's channel allow-list reads it).
   * Only the request reads it: it is not kept on the task.
   */
  parentChannelId?: string;
}

/** What a new task is made of: its origin and the validated request. */
export interface NewTask extends TaskOrigin {
  model: string;
  request: UpstreamCreateBody;
  cost: UsageCost;
  /** Set when the task is a re-roll, retry, remix or extension of another one. */
  parentId?: string;
  parentKind?: 'reroll' | 'retry' | 'remix' | 'extend';
  /** A link to the other task's card (its jump URL), shown on this one's. */
  parentUrl?: string;
  /** The message its media came from (the Animate and Use as references menus), linked on the card. */
  source?: { kind: 'animate' | 'references'; messageUrl: string };
  /** The member's own defaults this request used (/settings defaults), shown on the card. */
  memberDefaults?: { model?: string; ratio?: string; resolution?: string; duration?: number };
}

export interface TaskRecord extends NewTask {
  /** Our id: short, url-safe, used in button custom_ids and shown to members. */
  id: string;
  /** The public reply this task edits (set once the reply exists). */
  messageId?: string;
  /** The reply lives elsewhere than the interaction's webhook (posted fresh, or sent by DM): edit it through the channel. */
  messageMoved?: boolean;
  state: TaskState;
  upstreamTaskId?: string;
  /** Fingerprint of the API key that created it upstream (queried with the same key); never the key. */
  upstreamKey?: string;
  upstreamStatus?: string;
  progress?: number;
  videoUrl?: string;
  /** Status queries made so far (saved with visible changes only). */
  attempts: number;
  createdAt: number;
  /**
   * The time in the task's key of its member's index (`member_tasks:`, see db/keys): the request's arrival, read
   * before the creating transaction declared its keys. Absent on tasks of earlier versions: `createdAt` (the upgrade
   * indexed them by it).
   */
  listedAt?: number;
  updatedAt: number;
  /** When it joined its scope's queue (it was created queued); its place in the queue's key order. */
  queuedAt?: number;
  /** When it got its running slot (at creation, or when it left the queue), read inside that transaction. */
  startedAt?: number;
  submittedAt?: number;
  finishedAt?: number;
  /** When the member was shown the final state; the task then leaves the open index and forgets its token. */
  toldAt?: number;
  lastError?: TaskError;
  /** How the finished video reached the member. */
  delivery?: Delivery;
  /** Manxue models: the media review of the request's files (absent when nothing needs one). */
  review?: TaskReview;
  /**
   * The member had asked for a DM when their video ends (/settings notify, read when they were told): the
   * transaction that told them also wrote the notice (`dm_notices:<id>`, see services/notify).
   */
  dmNoticeOwed?: boolean;
  /** The usage this task holds; settled with its final state, in the same transaction. */
  reservation?: Reservation;
  /** reserved while the task runs, then committed (a video was delivered) or refunded, exactly once. */
  usage: 'reserved' | 'committed' | 'refunded';
}

/** How long the video service keeps a finished video's file (upstream-api.md: about 3 days). */
export const VIDEO_URL_LIFETIME_MS = 3 * 86_400_000;

export const isFinal = (state: TaskState) => FINAL_STATES.includes(state);
/** Ended without a video: failed, timed out, or uncertain. */
export const endedWithoutVideo = (state: TaskState) => state !== 'done' && isFinal(state);
