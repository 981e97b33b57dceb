import { describe, expect, it } from 'vitest';
import { COMMANDS, commandDefinitions, MESSAGE_COMMANDS } from '../../src/commands/index.js';
import {
  customIdFor,
  HELP_FAMILY_SELECT,
  parseCustomId,
  parseSourceFormId,
  sourceFormIdFor,
} from '../../src/discord/customIds.js';
import { MODEL_IDS } from '../../src/catalog/models.js';

// Discord's rules for application commands (application-commands.mdx): names, descriptions, counts.
const NAME = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

interface Opt {
  name: string;
  description: string;
  name_localizations?: Record<string, string>;
  description_localizations?: Record<string, string>;
  options?: Opt[];
  choices?: Array<{ name: string; value: unknown }>;
  required?: boolean;
}

function check(o: Opt, path: string, problems: string[]) {
  const names = [o.name, ...Object.values(o.name_localizations ?? {})];
  for (const n of names) if (!NAME.test(n) || n !== n.toLowerCase()) problems.push(`${path}: bad name ${n}`);
  for (const d of [o.description, ...Object.values(o.description_localizations ?? {})])
    if (!d || d.length > 100) problems.push(`${path}: description length ${d?.length}`);
  if (!o.name_localizations?.['zh-CN']) problems.push(`${path}: no zh-CN name`);
  if ((o.options?.length ?? 0) > 25) problems.push(`${path}: ${o.options!.length} options`);
  if ((o.choices?.length ?? 0) > 25) problems.push(`${path}: ${o.choices!.length} choices`);
  const opts = o.options ?? [];
  const firstOptional = opts.findIndex((x) => !x.required && !x.options);
  if (firstOptional >= 0 && opts.slice(firstOptional).some((x) => x.required))
    problems.push(`${path}: required option after an optional one`);
  if (new Set(opts.map((x) => x.name)).size !== opts.length) problems.push(`${path}: duplicate option names`);
  for (const child of opts) check(child, `${path} ${child.name}`, problems);
}

describe("command definitions follow Discord's limits and are localised", () => {
  it.each(COMMANDS.map((c) => [c.name, c] as const))('/%s', (_n, command) => {
    const problems: string[] = [];
    check(command.definition as unknown as Opt, `/${command.name}`, problems);
    expect(problems).toEqual([]);
  });
  it('at most 100 global commands, names unique', () => {
    expect(new Set(COMMANDS.map((c) => c.name)).size).toBe(COMMANDS.length);
  });
  it('members have /settings (show, defaults, notify with a required dm) and /help, usable in servers and DMs', () => {
    const byName = new Map(COMMANDS.map((c) => [c.name, c.definition]));
    const settings = byName.get('settings')!;
    expect(settings.options?.map((o) => o.name)).toEqual(['show', 'defaults', 'notify']);
    expect(JSON.stringify(settings.options?.[2])).toContain('"name":"dm","name_localizations":{"zh-CN":"私信"}');
    expect((settings.options![2] as { options: Array<{ required: boolean }> }).options[0]!.required).toBe(true);
    expect(byName.get('help')!.options).toEqual([]);
    for (const name of ['settings', 'help']) {
      expect(byName.get(name)!.contexts).toEqual([0, 1]);
      expect(byName.get(name)!.default_member_permissions).toBeUndefined();
    }
  });
});

describe("message context menus (type 3) follow Discord's rules", () => {
  it('Animate and Use as references: a name of 1-32 characters (spaces and capitals allowed), zh-CN too, no description or options', () => {
    expect(MESSAGE_COMMANDS.map((c) => c.name)).toEqual(['Animate', 'Use as references']);
    expect(MESSAGE_COMMANDS.length).toBeLessThanOrEqual(5);
    for (const { definition } of MESSAGE_COMMANDS) {
      expect(definition.type).toBe(3);
      for (const name of [definition.name, ...Object.values(definition.name_localizations ?? {})])
        expect(!!name && name.length <= 32 && name.trim() === name).toBe(true);
      expect(definition.name_localizations?.['zh-CN']).toBeTruthy();
      expect(definition).not.toHaveProperty('description');
      expect(definition).not.toHaveProperty('options');
    }
  });
  it('are registered with the slash commands, user-installable everywhere when USER_INSTALL is on', () => {
    const off = commandDefinitions({ userInstall: false }).filter((c) => c.type === 3);
    const on = commandDefinitions({ userInstall: true }).filter((c) => c.type === 3);
    expect(off.map((c) => [c.name, c.integration_types, c.contexts])).toEqual([
      ['Animate', [0], [0, 1]],
      ['Use as references', [0], [0, 1]],
    ]);
    expect(on.map((c) => [c.integration_types, c.contexts])).toEqual([
      [
        [0, 1],
        [0, 1, 2],
      ],
      [
        [0, 1],
        [0, 1, 2],
      ],
    ]);
  });
  it("the form's id carries the kind, the message and the model within 100 characters for every model", () => {
    const big = '18446744073709551615';
    for (const model of MODEL_IDS)
      for (const kind of ['animate', 'references'] as const) {
        const id = sourceFormIdFor({ kind, channelId: big, messageId: big, model });
        expect(id.length).toBeLessThanOrEqual(100);
        expect(parseSourceFormId(id)).toEqual({ kind, channelId: big, messageId: big, model });
        expect(parseCustomId(id)).toBeUndefined();
      }
    for (const bad of ['v1:srcform:x:1:2:m', 'v1:srcform:a:1:2:', 'v1:srcform:a:x:2:m', 'v1:remixform:abc'])
      expect(parseSourceFormId(bad)).toBeUndefined();
  });
});

describe('button custom ids', () => {
  it('carry the action and task id within 100 characters and parse back', () => {
    const id = customIdFor('reroll', 'AbC-12_x');
    expect(id.length).toBeLessThanOrEqual(100);
    expect(parseCustomId(id)).toEqual({ action: 'reroll', taskId: 'AbC-12_x' });
  });
  it("/help's family menu id fits and is never read as a task button", () => {
    expect(HELP_FAMILY_SELECT.length).toBeLessThanOrEqual(100);
    expect(parseCustomId(HELP_FAMILY_SELECT)).toBeUndefined();
  });
  it('refuse anything else', () => {
    for (const bad of ['v1:explode:abc', 'v2:reroll:abc', 'v1:reroll:', 'v1:reroll:a b', 'reroll'])
      expect(parseCustomId(bad)).toBeUndefined();
  });
});
