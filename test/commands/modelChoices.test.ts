/**
 * Model autocomplete entries fit Discord's 100 characters by leaving out whole facts or words, never by cutting a
 * word, and say the most useful facts first (name, resolutions, lengths, what it takes, billing, id).
 */
import { describe, expect, it } from 'vitest';
import { MODELS } from '../../src/catalog/models.js';
import { describeModelChoice, modelChoiceFacts, modelChoices } from '../../src/commands/video/modelChoices.js';
import { joinFacts, shortenOnWords } from '../../src/discord/render/shortText.js';
import { LOCALES, t } from '../../src/i18n/index.js';

const SEP = ' · ';

/** `short` is `full` with whole facts or whole words left out at the end (an ellipsis marks a shortened fact). */
function cutOnWords(short: string, full: string): boolean {
  if (short === full) return true;
  const kept = short.endsWith('…') ? short.slice(0, -1) : short;
  if (!full.startsWith(kept)) return false;
  const next = full.slice(kept.length);
  // Either the next fact starts here, or the next word of this fact does.
  return next.startsWith(SEP) || /^[\s/]/.test(next) || /^[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u.test(next);
}

describe('model autocomplete labels', () => {
  it.each(LOCALES)('%s: the longest entry fits 100 characters, cut on a word, name first', (locale) => {
    const byLength = [...MODELS].sort(
      (a, b) => modelChoiceFacts(b, locale).join(SEP).length - modelChoiceFacts(a, locale).join(SEP).length,
    );
    const longest = byLength[0]!;
    const full = modelChoiceFacts(longest, locale).join(SEP);
    const mark = t(locale, 'settings.yourDefault');
    const marked = modelChoiceFacts(longest, locale, mark).join(SEP);
    for (const [short, whole] of [
      [describeModelChoice(longest, locale), full],
      [describeModelChoice(longest, locale, mark), marked],
    ] as const) {
      expect(short.length).toBeLessThanOrEqual(100);
      expect(cutOnWords(short, whole), `${short}\n${whole}`).toBe(true);
    }
    const label = locale === 'zh-CN' ? longest.label.zh : longest.label.en;
    expect(describeModelChoice(longest, locale).startsWith(`${label}${SEP}`)).toBe(true);
    expect(describeModelChoice(longest, locale, mark).startsWith(`${mark}${SEP}${label}${SEP}`)).toBe(true);
    // Resolutions and lengths come right after the name, before what it takes and the id.
    const facts = describeModelChoice(longest, locale).split(SEP);
    expect(facts.slice(1, 3)).toEqual([
      longest.resolution.allowed.join('/'),
      `${longest.duration.min}-${longest.duration.max}s`,
    ]);
  });

  it('the longest entries are over 100 characters unshortened (so the tests above do shorten)', () => {
    const over = LOCALES.filter((locale) =>
      MODELS.some((m) => modelChoiceFacts(m, locale, t(locale, 'settings.yourDefault')).join(SEP).length > 100),
    );
    expect(over.length).toBeGreaterThanOrEqual(8);
  });

  it.each(LOCALES)('%s: every model and mode, with and without the mark, fits and is cut on words', (locale) => {
    for (const m of MODELS)
      for (const mark of [undefined, t(locale, 'settings.yourDefault')]) {
        const short = describeModelChoice(m, locale, mark);
        expect(short.length).toBeLessThanOrEqual(100);
        expect(cutOnWords(short, modelChoiceFacts(m, locale, mark).join(SEP)), short).toBe(true);
      }
    for (const mode of ['text', 'images', 'frames', 'references'] as const)
      for (const c of modelChoices(mode, '', locale, undefined, MODELS[0]!.id)) expect(c.name.length).toBeLessThan(101);
  });
});

describe('shortening on words', () => {
  it('keeps whole facts, shortens the first that does not fit on a word, drops the rest', () => {
    expect(joinFacts(['alpha', 'beta gamma delta', 'epsilon'], 20)).toBe('alpha · beta gamma…');
    expect(joinFacts(['alpha', 'img/frames/video/audio', 'x'], 22)).toBe('alpha · img/frames…');
    expect(joinFacts(['alpha', 'betagammadelta'], 12)).toBe('alpha');
    expect(joinFacts(['a', 'b'], 100)).toBe('a · b');
  });
  it('a prompt: whole words then an ellipsis; CJK between characters; one long word cut where it must', () => {
    expect(shortenOnWords('a red fox   jumps over the dog', 16)).toBe('a red fox jumps…');
    expect(shortenOnWords('一只红色的狐狸跳过了懒狗', 6)).toBe('一只红色的…');
    expect(shortenOnWords('supercalifragilistic expialidocious', 12)).toBe('supercalifr…');
    expect(shortenOnWords('short', 12)).toBe('short');
  });
});
