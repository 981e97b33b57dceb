/**
 * Ten languages (issue 22 §5): Discord's locales map to our tables, and every table renders every key with
 * its parameters filled, keeping Discord's markup (timestamps, mentions, code spans) as en-US has it.
 */
import { describe, expect, it } from 'vitest';
import { formatMonth } from '../../src/i18n/dates.js';
import { enUS } from '../../src/i18n/en-US.js';
import { LOCALES, type Locale, type MessageKey, resolveLocale, t } from '../../src/i18n/index.js';
import { bytes, localizeNumbers, money } from '../../src/i18n/params.js';

const KEYS = Object.keys(enUS) as MessageKey[];

describe("Discord's locale picks a table", () => {
  it.each([
    ['en-US', 'en-US'],
    ['en-GB', 'en-US'],
    ['zh-CN', 'zh-CN'],
    ['zh-TW', 'zh-TW'],
    ['ja', 'ja'],
    ['ko', 'ko'],
    ['es-ES', 'es-ES'],
    ['es-419', 'es-ES'],
    ['pt-BR', 'pt-BR'],
    ['fr', 'fr'],
    ['de', 'de'],
    ['ru', 'ru'],
    // Unknown or absent: English.
    ['uk', 'en-US'],
    ['tr', 'en-US'],
    ['it', 'en-US'],
    ['', 'en-US'],
    [null, 'en-US'],
    [undefined, 'en-US'],
  ] as const)('%s → %s', (discord, ours) => {
    expect(resolveLocale(discord)).toBe(ours);
  });
});

/**
 * Renders a key with a marker for every parameter it reads (`⟦name⟧`), so a text that drops or invents a
 * parameter shows it; numbers are never given, so plural switches (`Number(count) === 1`) take their general form.
 */
function withMarkers(locale: Locale, key: MessageKey): string {
  const params = new Proxy({} as Record<string, string>, { get: (_t, name) => `⟦${String(name)}⟧` });
  return (t as (l: Locale, k: MessageKey, p: unknown) => string)(locale, key, params);
}
const markers = (text: string) => [...text.matchAll(/⟦\w+⟧/g)].map((m) => m[0]).sort();
const count = (text: string, what: RegExp) => text.match(what)?.length ?? 0;
/** Discord's markup that must survive translation: timestamps, mentions, code spans, bold. */
const MARKUP = { timestamp: /<t:/g, mention: /<@/g, channel: /<#/g, code: /`/g, bold: /\*\*/g };

describe.each(LOCALES.filter((l) => l !== 'en-US'))('the %s table', (locale) => {
  it.each(KEYS)('%s: renders, with the parameters and markup en-US has', (key) => {
    const en = withMarkers('en-US', key);
    const text = withMarkers(locale, key);
    expect(text.trim()).not.toBe('');
    expect(text).not.toMatch(/undefined|NaN|\[object|\$\{/);
    expect(markers(text)).toEqual(markers(en));
    for (const [name, re] of Object.entries(MARKUP)) expect(count(text, re), name).toBe(count(en, re));
    // With nothing given, optional parts drop out and nothing reads "undefined".
    expect((t as (l: Locale, k: MessageKey, p: unknown) => string)(locale, key, {})).not.toMatch(/undefined|NaN/);
  });

  it('is not English left untranslated (at most a few words equal to en-US: names, units, "Video")', () => {
    // Model family names are names (Mini, MD, "Standard" in French and German) and are not counted.
    const same = KEYS.filter(
      (k) => !k.startsWith('usage.chart.family.') && withMarkers(locale, k) === withMarkers('en-US', k),
    );
    expect(same.length, same.join(', ')).toBeLessThanOrEqual(12);
  });
});

describe('numbers and dates follow the locale; Discord timestamps stay', () => {
  it('writes counts and decimals the locale way, leaving timestamps as digits', () => {
    const p = { used: 12_000, limit: 20_000, needed: 2.5, resetAt: 1_796_083_200 };
    const de = t('de', 'limit.guild_monthly_seconds', p);
    expect(de).toContain('12.000 von seinen 20.000');
    expect(de).toContain('braucht 2,5');
    expect(de).toContain('<t:1796083200:R>');
    expect(t('fr', 'limit.guild_monthly_seconds', p)).toMatch(/12\s000 de ses 20\s000/);
    expect(t('en-US', 'limit.guild_monthly_seconds', p)).toContain('12,000 of its 20,000');
    // Four digits stay as written (1920×1080, 2026).
    expect(t('de', 'videos.resolution', { name: 'a.mp4', width: 1920, height: 1080, min: 300, max: 6000 })).toContain(
      '1920×1080',
    );
  });
  it('writes money in the reader locale', () => {
    expect(localizeNumbers('de', { a: money(12.5, 'USD') }).a).toMatch(/^12,50\s\$$/);
    expect(localizeNumbers('en-US', { a: money(12.5, 'USD') }).a).toBe('$12.50');
    expect(localizeNumbers('ja', { a: money(1200, 'JPY') }).a).toMatch(/1,200/);
  });
  it('writes sizes in the locale units', () => {
    const p = { field: 'images', name: 'a.png', size: bytes(42_467_328), max: bytes(30 * 1024 * 1024) };
    expect(t('en-US', 'media.tooLarge', p)).toBe('images: a.png is 40.5 MB; the limit is 30 MB.');
    expect(t('fr', 'media.tooLarge', p)).toMatch(/40,5\sMo.*30\sMo/);
    expect(t('ru', 'media.tooLarge', p)).toMatch(/40,5\sМБ/);
    expect(localizeNumbers('de', { a: bytes(300 * 1024) }).a).toMatch(/^300\skB$/);
  });
  it('names a month the locale way', () => {
    expect(formatMonth('en-US', '2026-11')).toBe('November 2026');
    expect(formatMonth('ja', '2026-11')).toBe('2026年11月');
    expect(formatMonth('de', '2026-11')).toBe('November 2026');
    expect(formatMonth('ru', '2026-11')).toMatch(/^ноябрь 2026/);
  });
});
