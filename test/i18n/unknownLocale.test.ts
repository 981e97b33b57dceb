/**
 * A locale this version has no table for (a task saved by a newer version, in a language added since) reads
 * English instead of throwing: texts, numbers written the en-US way, and the whole task card.
 */
import { describe, expect, it } from 'vitest';
import { taskMessage } from '../../src/discord/render/taskMessage.js';
import { type Locale, message, t, tableLocale, tMessage } from '../../src/i18n/index.js';
import type { TaskRecord } from '../../src/services/tasks/taskRecord.js';

/** Locales a newer version might save: a real language we lack, a malformed tag Intl rejects, prototype names. */
const UNKNOWN = ['it', 'not a locale!', 'constructor', '__proto__', 'toString'] as unknown as Locale[];

describe('a locale without a table falls back to en-US', () => {
  it.each(UNKNOWN)('%s: tableLocale is en-US', (locale) => {
    expect(tableLocale(locale)).toBe('en-US');
  });

  it.each(UNKNOWN)('%s: t renders the English text, numbers as en-US writes them', (locale) => {
    expect(t(locale, 'task.title')).toBe('Video generation');
    expect(t(locale, 'videos.tooMany', { count: 12345, model: 'm', max: 3 })).toBe(
      t('en-US', 'videos.tooMany', { count: 12345, model: 'm', max: 3 }),
    );
  });

  it.each(UNKNOWN)('%s: tMessage renders a message carried as data in English', (locale) => {
    const m = message('prompt.tooLong', { length: 12000, model: 'sd2', max: 5000 });
    expect(tMessage(locale, m)).toBe('The prompt is 12,000 characters; sd2 accepts at most 5000.');
  });

  it('known locales still read their own table', () => {
    expect(tableLocale('de')).toBe('de');
    expect(t('de', 'task.title')).not.toBe(t('en-US', 'task.title'));
  });
});

describe('a task card whose saved locale this version lacks renders in English', () => {
  const task = (locale: Locale): TaskRecord =>
    ({
      id: 'AbCdEfGhIjKl',
      guildId: '1100000000000000000',
      channelId: '1100000000000000001',
      userId: '1100000000000000002',
      locale,
      interaction: { applicationId: 'app', token: 'tok', createdAt: 0 },
      model: 'sd2_mx_1080p',
      request: { model: 'sd2_mx_1080p', prompt: 'a fox in the snow', duration: 5, resolution: '1080p', ratio: '16:9' },
      cost: { billing: 'per_second', units: 5, seconds: 5, billedAs: 'seedance2.0-mx-1080p' },
      reservation: {
        docs: [],
        day: '2026-11-30',
        month: '2026-11',
        amount: { tasks: 1, seconds: 5, spend: 1_234_567 },
        at: 0,
        currency: 'EUR',
      },
      state: 'failed',
      failure: { reason: 'transient', detail: 'upstream 503' },
      attempts: 1,
      createdAt: 0,
      updatedAt: 125_000,
      submittedAt: 1000,
      finishedAt: 125_000,
    }) as unknown as TaskRecord;

  it.each(UNKNOWN)('%s: the same card as en-US', (locale) => {
    const card = taskMessage(task(locale), locale, 125_000);
    expect(card).toEqual(taskMessage(task('en-US'), 'en-US', 125_000));
    expect(JSON.stringify(card)).toContain('Video generation');
  });
});
