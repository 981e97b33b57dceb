/**
 * Message parameters are typed by the en-US table: a missing or misspelled parameter does not compile
 * (`npm run typecheck` fails on an unused @ts-expect-error, so these lines guard the types themselves).
 */
import { describe, expect, it } from 'vitest';
import { type Message, type MessageKey, message, t, tMessage } from '../../src/i18n/index.js';
import { enUS } from '../../src/i18n/en-US.js';
import { zhCN } from '../../src/i18n/zh-CN.js';

describe('a message key knows its parameters', () => {
  it('renders with exactly its parameters', () => {
    expect(t('en-US', 'limit.cooldown', { seconds: 10, resetAt: 1_700_000_000 })).toBe(
      'please wait 10 s between videos (try again <t:1700000000:R>).',
    );
    expect(t('zh-CN', 'button.retry')).toBe(zhCN['button.retry']({}));
    expect(t('en-US', 'status.running', {})).toBe('🎬 Rendering');
  });

  it('a missing, misspelled or unexpected parameter does not compile', () => {
    const compileErrors = () => [
      // @ts-expect-error resetAt is missing
      t('en-US', 'limit.cooldown', { seconds: 10 }),
      // @ts-expect-error secnds is not a parameter of limit.cooldown
      t('en-US', 'limit.cooldown', { secnds: 10, resetAt: 1 }),
      // @ts-expect-error the parameters are required
      t('en-US', 'delivery.reason.tooLarge'),
      // @ts-expect-error a key that does not exist
      t('en-US', 'limit.nope'),
      // @ts-expect-error a message as data is checked the same way
      message('admin.saved', { whta: 'x' }),
    ];
    expect(compileErrors).toBeTypeOf('function');
  });

  it('a key chosen at run time needs every parameter any of its texts reads', () => {
    const key = 'failure.transient' as 'failure.transient' | 'failure.timed_out';
    const compileErrors = () =>
      // @ts-expect-error failure.timed_out reads minutes
      t('en-US', key, { detail: 'x' });
    expect(compileErrors).toBeTypeOf('function');
    expect(t('en-US', key, { detail: 'nsfw', minutes: 3 })).toContain('nsfw');
  });

  it('messages carried as data render in either language', () => {
    const m: Message = message('limit.guild_queue', { used: 3, limit: 3 });
    expect(tMessage('en-US', m)).toContain('3 of 3 waiting');
    expect(tMessage('zh-CN', m)).toContain('3');
  });
});

describe('zh-CN has every key of en-US', () => {
  it('the same keys, no more', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(enUS).sort());
    const keys: MessageKey[] = Object.keys(enUS) as MessageKey[];
    expect(keys.length).toBeGreaterThan(200);
  });
});
