/** Safe display of member-provided text: markdown neutralised, mentions defused, length capped. */
import { escapeMarkdown } from 'discord.js';

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A prompt as a block quote that cannot format, ping or break out of the quote. */
export function quotePrompt(prompt: string, max = 1000): string {
  const safe = escapeMarkdown(truncate(prompt.trim(), max))
    .replace(/@(everyone|here)/g, '@\u200b$1')
    .replace(/<(@[!&]?|#)(\d+)>/g, '<\u200b$1$2>');
  return safe
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

export const NO_MENTIONS = { parse: [] as never[] };
