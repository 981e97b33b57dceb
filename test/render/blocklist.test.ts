import { describe, expect, it } from 'vitest';
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
