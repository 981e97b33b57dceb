import { describe, expect, it } from 'vitest';
import { renderBlocklist } from '../../src/discord/render/blocklistText.js';
import { renderRefusal } from '../../src/discord/render/refusal.js';

describe('a blocked prompt is refused naming the term, which cannot render as markup or ping', () => {
  it.each([
    ['en-US', 'gore', 'Not started, nothing charged: the prompt contains “gore”, which this server does not allow.'],
    ['zh-CN', '血腥', '未开始，未扣除额度：提示词包含本服务器不允许的“血腥”。'],
    ['en-US', '**bold** @everyone', 'the prompt contains “\\*\\*bold\\*\\* @\u200beveryone”'],
    ['en-US', '[free](https://x.example) <@&123>', 'the prompt contains “\\[free](https://x.example) <\u200b@&123>”'],
  ] as const)('%s, %j', (locale, term, expected) => {
    expect(renderRefusal({ kind: 'blocked', term }, locale)).toContain(expected);
  });
});

describe('the blocklist as one message', () => {
  // 500 terms of 100 characters, each doubled in length by escaping.
  const terms = Array.from({ length: 500 }, (_, i) => `${i}${'*_'.repeat(49)}`.slice(0, 100));

  it.each(['en-US', 'zh-CN'] as const)('(%s) fits 2,000 characters and says how many more there are', (locale) => {
    const text = renderBlocklist(terms, locale);
    expect(text.length).toBeLessThanOrEqual(2000);
    expect(text).toMatch(locale === 'en-US' ? /\n…and \d+ more$/ : /\n…以及另外 \d+ 个$/);
    const shown = text.split('\n').filter((l) => l.startsWith('• '));
    expect(shown.length + Number(/(\d+)\D*$/.exec(text)![1])).toBe(500);
    expect(shown[0]).toBe(`• 0${'\\*\\_'.repeat(49)}`.slice(0, 2 + 1 + 49 * 4));
  });

  it('every term shown when they fit; an empty list says so', () => {
    expect(renderBlocklist(['a', '<@123>'], 'en-US')).toBe('Blocked prompt terms (2):\n• a\n• <\u200b@123>');
    expect(renderBlocklist([], 'zh-CN')).toBe('本服务器没有屏蔽任何提示词。');
  });
});
