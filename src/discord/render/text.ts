/** Safe display of member-provided and upstream text: markdown neutralised, mentions defused, length capped. */
import { escapeMarkdown } from 'discord.js';

/**
 * At most `max` UTF-16 code units (the unit of Discord's length limits), cut on a code point boundary so an
 * emoji is never split into a lone surrogate; an ellipsis marks the cut.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  const code = text.charCodeAt(end - 1);
  // Do not end on the first half of a surrogate pair.
  if (end > 0 && code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/**
 * Text from a member or the video service, shown as plain text: no markdown (bold, code, spoilers, masked
 * links, headings, subtext, lists, quotes) and no mentions (@everyone, users, roles, channels, commands).
 */
export function escapeUntrusted(text: string): string {
  return (
    escapeMarkdown(text, {
      heading: true,
      bulletedList: true,
      numberedList: true,
      maskedLink: true,
    })
      // What escapeMarkdown leaves: subtext and block quotes (a masked link keeps its text and shows its URL).
      .replace(/^(\s*)-#/gm, '$1\\-#')
      .replace(/^(\s*)>/gm, '$1\\>')
      .replace(/@(everyone|here)/g, '@\u200b$1')
      .replace(/<(@[!&]?|#|\/)([^>]*>)/g, '<\u200b$1$2')
  );
}

/** A prompt as a block quote that cannot format, ping or break out of the quote. */
export function quotePrompt(prompt: string, max = 1000): string {
  return escapeUntrusted(truncate(prompt.trim(), max))
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

/**
 * Joins as many items as fit in `maxLength` characters (the suffix included) and ends with `more(n)` when
 * `n` items had to be left out.
 */
export function joinWithMore(
  items: readonly string[],
  separator: string,
  maxLength: number,
  more: (hidden: number) => string,
): string {
  const all = items.join(separator);
  if (all.length <= maxLength) return all;
  let text = '';
  for (let i = 0; i < items.length; i += 1) {
    const next = text ? `${text}${separator}${items[i]}` : items[i]!;
    const suffix = `${separator}${more(items.length - i - 1)}`;
    if (next.length + (i < items.length - 1 ? suffix.length : 0) > maxLength) {
      return text ? `${text}${separator}${more(items.length - i)}` : more(items.length);
    }
    text = next;
  }
  return text;
}

export const NO_MENTIONS = { parse: [] as never[] };
