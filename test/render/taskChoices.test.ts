/**
 * /tasks status's pick list: "short prompt · state · age" within 100 characters, in the member's language, the task
 * id as the value, the prompt on one line with its mentions defused (choice names are plain text).
 */
import { describe, expect, it } from 'vitest';
import { formatAge, taskChoice } from '../../src/discord/render/taskChoices.js';
import { LOCALES } from '../../src/i18n/index.js';
import type { TaskRecord } from '../../src/services/tasks/taskRecord.js';
import { taskAt } from '../polling/fixtures.js';

const NOW = Date.UTC(2026, 0, 10, 12);
const task = (prompt: string, state: TaskRecord['state'] = 'done', agoMs = 5 * 60_000): TaskRecord => {
  const t = taskAt('tsk_abc123', state, NOW - agoMs);
  return { ...t, request: { ...t.request, prompt } };
};

describe('task choices', () => {
  it('prompt, state and age; the id as the value', () => {
    expect(taskChoice(task('a red fox in the snow'), 'en-US', NOW)).toEqual({
      name: 'a red fox in the snow · ✅ done · 5 min. ago',
      value: 'tsk_abc123',
    });
    expect(taskChoice(task('一只红狐狸', 'queued', 2 * 3600_000), 'zh-CN', NOW).name).toBe(
      '一只红狐狸 · 🕒 排队中 · 2小时前',
    );
    expect(taskChoice(task('x', 'running'), 'de', NOW).name).toBe('x · ⏳ in Arbeit · vor 5 Min.');
  });

  it.each(LOCALES)('%s: a long prompt is shortened on a word, and state and age are always shown', (locale) => {
    const long = `${'lorem ipsum dolor sit amet '.repeat(10)}end`;
    const { name } = taskChoice(task(long, 'timed_out', 3 * 86_400_000), locale, NOW);
    expect(name.length).toBeLessThanOrEqual(100);
    const [prompt, ...rest] = name.split(' · ');
    expect(prompt!.endsWith('…')).toBe(true);
    expect(long.startsWith(prompt!.slice(0, -1))).toBe(true);
    expect(long[prompt!.length - 1]).toBe(' '); // cut before a space: whole words only
    expect(rest).toHaveLength(2);
    expect(rest[1]).toBe(formatAge(locale, 3 * 86_400_000));
  });

  it('mentions, line breaks and control characters cannot act in a choice name', () => {
    const { name } = taskChoice(task('hi @everyone\n<@123456789012345678> <@&42> <#7>\u202Eevil'), 'en-US', NOW);
    expect(name).not.toMatch(/@everyone|<@\d|<@&\d|<#\d|\n|\u202E/);
    expect(name).toContain('@\u200beveryone');
    expect(taskChoice(task('   '), 'en-US', NOW).name).toBe('(no prompt) · ✅ done · 5 min. ago');
  });

  it('ages from seconds to days, in the locale', () => {
    expect(formatAge('en-US', 30_000)).toBe('30 sec. ago');
    expect(formatAge('en-US', 3 * 3600_000 + 5)).toBe('3 hr. ago');
    expect(formatAge('en-US', 86_400_000)).toBe('yesterday');
    expect(formatAge('fr', 2 * 86_400_000)).toBe('avant-hier');
  });
});
