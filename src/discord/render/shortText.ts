/**
 * Short labels for Discord's 100-character fields (autocomplete and choice names): cut on word boundaries, never
 * mid-word, with an ellipsis where something was left out.
 */
import { truncate } from './text.js';

/** Where a word ends: before a space or a slash (`img/frames/video`), or between two CJK characters. */
const BREAK =
  /[\s/]|(?<=[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}])(?=[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])/gu;

/** The longest start of `text` that ends at a word boundary and is at most `room` code units, or ''. */
function wordsWithin(text: string, room: number): string {
  if (text.length <= room) return text;
  let best = '';
  for (const m of text.matchAll(BREAK)) {
    if (m.index > room) break;
    const start = text.slice(0, m.index).trimEnd();
    if (start && !start.endsWith('/')) best = start;
  }
  return best;
}

/**
 * `text` within `max` code units: whole words, then `…` when some were left out. A first word longer than `max`
 * (an id, a URL) is cut where it must.
 */
export function shortenOnWords(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  return `${wordsWithin(clean, max - 1) || truncate(clean, max).slice(0, -1)}…`;
}

/**
 * Facts joined by `separator`, most useful first, within `max` code units: the facts that fit whole; the first one
 * that does not is shortened on its words (or left out when not one word fits), and the rest are left out.
 */
export function joinFacts(facts: readonly string[], max: number, separator = ' · '): string {
  let out = '';
  for (const fact of facts.filter(Boolean)) {
    const lead = out ? `${out}${separator}` : '';
    if (lead.length + fact.length <= max) {
      out = lead + fact;
      continue;
    }
    const words = wordsWithin(fact, max - lead.length - 1);
    if (words) out = `${lead}${words}…`;
    else if (!out) out = shortenOnWords(fact, max);
    break;
  }
  return out;
}
