/**
 * `npm run sandbox`'s session (scripts/sandbox/session.ts), run for real: its timeline shows a request waiting in
 * the queue and then starting, a refused request, an admin's limit change and a request refused by it, in the
 * locale asked for. Expected texts come from the message tables, so a reworded message does not break this.
 */
import { describe, expect, it } from 'vitest';
import { runSandbox } from '../../scripts/sandbox/session.js';
import { type Locale, t } from '../../src/i18n/index.js';

/** The text of a message up to its first Discord timestamp (the sandbox shows those as relative times). */
const beforeTimestamp = (text: string) => text.split('<t:')[0]!;

describe.each<Locale>(['en-US', 'zh-CN'])('npm run sandbox --locale %s', (locale) => {
  it('shows the queue, a refusal, an admin change and a request it refuses, in that language', async () => {
    const { lines, creates } = await runSandbox({ locale, pace: 0.3 });
    const index = (what: string, test: (line: string) => boolean) => {
      const i = lines.findIndex(test);
      expect(i, `${what} in:\n${lines.join('\n')}`).toBeGreaterThanOrEqual(0);
      return i;
    };

    // alice's second request waits behind her first ("Queued — position 1"), then starts and is delivered.
    const waiting = t(locale, 'status.waiting', { position: 1 });
    const queued = index('the queue line', (l) => l.includes('bot      replies to alice:') && l.includes(waiting));
    const taskId = /`([\w-]{8})`/.exec(lines[queued]!)?.[1];
    expect(taskId).toBeDefined();
    const firstDone = index('the first video', (l) => l.includes(t(locale, 'status.done')) && !l.includes(taskId!));
    const startedAt = index(
      'the waiting one starting',
      (l) => l.includes(taskId!) && l.includes(t(locale, 'status.queued')) && l.includes('edits to alice'),
    );
    const delivered = index('the waiting one delivered', (l) => l.includes(`📎 seedance-${taskId}.mp4`));
    expect(queued).toBeLessThan(firstDone);
    expect(firstDone).toBeLessThan(startedAt);
    expect(startedAt).toBeLessThan(delivered);

    // bob's request is refused for its input, shown to him only.
    index(
      "bob's refusal",
      (l) =>
        l.includes('replies to bob (only they see it)') && l.includes(t(locale, 'reply.problemsTitle', { count: 2 })),
    );

    // dave lowers the member daily limit; alice's next request is refused by it.
    const saved = t(locale, 'admin.saved', {
      what: t(locale, 'admin.change.limit', { label: t(locale, 'limit.label.member_daily_tasks'), value: '2' }),
    });
    const admin = index(
      'the admin change',
      (l) => l.includes('replies to dave (only they see it)') && l.includes(saved),
    );
    const refusedText = beforeTimestamp(
      t(locale, 'reply.limitRefused', {
        reason: t(locale, 'limit.member_daily_tasks', { used: 2, limit: 2, resetAt: 0 }),
      }),
    );
    const refused = index(
      'the refusal by the new limit',
      (l) => l.includes('replies to alice (only they see it)') && l.includes(refusedText),
    );
    expect(admin).toBeLessThan(refused);

    // Discord's markup is shown as members see it: no raw timestamps, bold markers or escapes.
    expect(lines.join('\n')).not.toMatch(/<t:\d+|\*\*|\\_/);
    // alice's two videos and carol's (refused by the video service); nothing for bob or alice's third.
    expect(creates).toBe(3);
  }, 40_000);
});
