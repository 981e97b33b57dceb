import { describe, expect, it } from 'vitest';
import { escapeUntrusted, joinWithMore, quotePrompt, truncate } from '../../src/discord/render/text.js';

/** Lines Discord would render as a heading, subtext, list item or quote, or a masked link, if left unescaped. */
const renderable = (text: string) =>
  text.split('\n').some((line) => /^(#{1,3} |-# |[-*] |\d+\. |>)/.test(line.replace(/^> /, ''))) ||
  /(^|[^\\])\[[^\]]*\]\(https?:/.test(text);

describe('untrusted text never renders as markup or pings', () => {
  it.each([
    '[free nitro](https://evil.example)',
    'see [this](<https://evil.example>)',
    '# Heading',
    '## Heading',
    '### Heading',
    '-# subtext',
    '- item',
    '* item',
    '1. item',
    '> quote',
    '>>> quote all',
    'line\n# heading on line two',
  ])('%j', (input) => {
    expect(renderable(escapeUntrusted(input))).toBe(false);
    expect(renderable(quotePrompt(input))).toBe(false);
  });

  it('defuses every kind of mention', () => {
    const out = escapeUntrusted('@everyone @here <@123> <@!123> <@&456> <#789> </video text:1>');
    expect(out).not.toMatch(/@(everyone|here)/);
    expect(out).not.toMatch(/<(@[!&]?|#|\/)/);
  });

  it('keeps plain text readable', () => {
    expect(escapeUntrusted('a red fox, in snow')).toBe('a red fox, in snow');
  });
});

describe('truncate counts what Discord counts and never splits a character', () => {
  it.each(Array.from({ length: 20 }, (_, i) => i + 1))('ten emoji cut to %i', (max) => {
    const out = truncate('😀'.repeat(10), max);
    expect(out.length).toBeLessThanOrEqual(max);
    expect(out).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
  });
  it('leaves short text alone', () => expect(truncate('abc', 3)).toBe('abc'));
});

describe('joinWithMore', () => {
  const more = (n: number) => `…and ${n} more`;
  it('joins everything that fits', () => expect(joinWithMore(['a', 'b'], ', ', 10, more)).toBe('a, b'));
  it('ends with how many were left out, within the limit', () => {
    const items = Array.from({ length: 300 }, (_, i) => `<#${10_000_000_000_000_000 + i}>`);
    const out = joinWithMore(items, ', ', 1000, more);
    expect(out.length).toBeLessThanOrEqual(1000);
    const shown = out.split(', ').filter((x) => x.startsWith('<#')).length;
    expect(out.endsWith(more(300 - shown))).toBe(true);
  });
});
