/** The plain-words reason shown for a task that did not end with a video, in the member's language, or undefined. */
import type { Arg } from '../../i18n/params.js';
import { type KeysTaking, type Locale, t } from '../../i18n/index.js';
import type { FailureReason, TaskRecord } from '../../services/tasks/taskRecord.js';
import { escapeUntrusted, truncate } from './text.js';

/** Each reason has its own text; records of the first schema stored a failure kind and an English sentence. */
const KEY: Record<FailureReason, KeysTaking<{ detail: Arg; file: Arg; minutes: Arg }>> = {
  moderation: 'failure.moderation',
  transient: 'failure.transient',
  quota: 'failure.quota',
  invalid_input: 'failure.invalid_input',
  unknown: 'failure.unknown',
  upstream_unavailable: 'failure.upstream_unavailable',
  auth: 'failure.auth',
  invalid_request: 'failure.invalid_request',
  not_found: 'failure.not_found',
  no_video: 'failure.no_video',
  cancelled: 'failure.cancelled',
  deadline: 'failure.timed_out',
  restart_submitting: 'failure.uncertain',
  restart_stale: 'failure.restart_stale',
  reply_failed: 'failure.reply_failed',
  message_deleted: 'failure.message_deleted',
  undeliverable: 'failure.undeliverable',
  member_cancelled: 'failure.member_cancelled',
  account_unavailable: 'failure.account_unavailable',
  review_failed: 'failure.review_failed',
  review_timeout: 'failure.review_timeout',
  review_uncertain: 'failure.uncertain',
};

export function failureText(task: TaskRecord, locale: Locale): string | undefined {
  const error = task.lastError;
  // Upstream or Discord text, shown verbatim but never as markup.
  const detail = escapeUntrusted(truncate(error?.detail ?? error?.message ?? '', 300));
  const minutes = Math.max(
    1,
    Math.round(((task.finishedAt ?? task.updatedAt) - (task.submittedAt ?? task.createdAt)) / 60_000),
  );
  switch (task.state) {
    case 'uncertain':
      return t(locale, 'failure.uncertain');
    case 'timed_out':
      return t(locale, 'failure.timed_out', { minutes });
    case 'failed': {
      const reason = error?.reason ?? error?.failureKind ?? 'unknown';
      // The media review names the member's file (escaped like any upstream text); a time limit is in `detail`.
      const file = escapeUntrusted(truncate(error?.file ?? '', 120));
      const limit = Number(error?.detail);
      return t(locale, KEY[reason] ?? 'failure.unknown', {
        detail,
        file,
        minutes: Number.isFinite(limit) ? limit : minutes,
      });
    }
    default:
      return undefined;
  }
}
