import { describe, expect, it } from 'vitest';
import { failureText } from '../../src/discord/render/failureText.js';
import type { FailureReason, TaskError, TaskRecord } from '../../src/services/tasks/taskRecord.js';
import { ALL_REASONS } from '../support/taskValues.js';

const REASONS: readonly FailureReason[] = ALL_REASONS;
const STAGE: Record<FailureReason, TaskError['stage']> = {
  moderation: 'upstream',
  transient: 'upstream',
  quota: 'upstream',
  invalid_input: 'upstream',
  unknown: 'upstream',
  upstream_unavailable: 'submit',
  auth: 'submit',
  invalid_request: 'submit',
  not_found: 'upstream',
  no_video: 'upstream',
  cancelled: 'upstream',
  deadline: 'deadline',
  restart_submitting: 'restart',
  restart_stale: 'restart',
  reply_failed: 'delivery',
  message_deleted: 'delivery',
  undeliverable: 'delivery',
  member_cancelled: 'queue',
  account_unavailable: 'submit',
  review_failed: 'review',
  review_timeout: 'review',
  review_uncertain: 'review',
};

const failed = (reason: FailureReason, detail = 'upstream said [click](https://evil.example) # now'): TaskRecord =>
  ({
    state: 'failed',
    lastError: { stage: STAGE[reason], reason, detail },
    createdAt: 0,
    updatedAt: 0,
  }) as unknown as TaskRecord;

describe('every reason is told in the member language, naming the right stage', () => {
  it.each(REASONS)('%s', (reason) => {
    const en = failureText(failed(reason), 'en-US')!;
    const zh = failureText(failed(reason), 'zh-CN')!;
    expect(en.length).toBeGreaterThan(20);
    // Chinese text is Chinese apart from what the upstream said (quoted verbatim, escaped).
    const zhWithoutDetail = zh.replace(/upstream said.*now/, '');
    expect(zhWithoutDetail).toMatch(/[\u4e00-\u9fff]/);
    expect(zhWithoutDetail).not.toMatch(/\b(the|video|service|your|was)\b/i);
    // Discord's failures are not blamed on the video service.
    if (STAGE[reason] === 'delivery') expect(en).toMatch(/Discord|message/);
    // Upstream text never renders as a link or heading.
    expect(en).not.toMatch(/(^|[^\\])\[click\]\(https/);
  });

  it('a record of the first schema (English sentence, failure kind) still renders', () => {
    const legacy = {
      state: 'failed',
      lastError: { stage: 'upstream', message: 'boom', failureKind: 'transient' },
    } as unknown as TaskRecord;
    expect(failureText(legacy, 'zh-CN')).toContain('临时故障');
  });
});
