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
import { COMMAND_LOCALES } from '../../src/i18n/commandLocalizations.js';
import { t } from '../../src/i18n/index.js';

/*
 * Discord's rules for application commands (discord-api-docs, docs/interactions/application-commands.mdx):
 * - "Application Command Naming": names match ^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$ (unicode flag), and
 *   "if there is a lowercase variant of any letters used, you must use those"; localized names follow the same
 *   restrictions. We allow no apostrophe (stricter). "USER and MESSAGE commands may be mixed case and can include
 *   spaces" (still 1-32 characters, localized names too).
 * - descriptions 1-100 characters; choice names 1-100; at most 25 options and 25 choices.
 * - "Localization": localized option names "must be distinct from all other default option names of that
 *   command, as well as all other option names within that locale on that command" (checked among siblings).
 * - "Slash commands can have a maximum of 4000 characters for combined name, description, and value
 *   properties for each command, its options (including subcommands and groups), and choices. When
 *   localization fields are present, only the longest localization for each field (including the default
 *   value) is counted" (newer pages say 8000; we hold the stricter 4000, which also bounds every locale's total).
 */
const NAME = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const LOCALE_CODES = Object.keys(COMMAND_LOCALES);

interface Opt {
  name: string;
  description: string;
  name_localizations?: Record<string, string>;
  description_localizations?: Record<string, string>;
  options?: Opt[];
  choices?: Array<{ name: string; value: unknown; name_localizations?: Record<string, string> }>;
  required?: boolean;
}

function check(o: Opt, path: string, problems: string[]) {
  const names = [o.name, ...Object.values(o.name_localizations ?? {})];
  for (const n of names) if (!NAME.test(n) || n !== n.toLowerCase()) problems.push(`${path}: bad name ${n}`);
  for (const d of [o.description, ...Object.values(o.description_localizations ?? {})])
    if (!d || d.length > 100) problems.push(`${path}: description length ${d?.length}`);
  for (const locale of LOCALE_CODES) {
    if (!o.name_localizations?.[locale]) problems.push(`${path}: no ${locale} name`);
    if (!o.description_localizations?.[locale]) problems.push(`${path}: no ${locale} description`);
  }
  for (const c of o.choices ?? [])
    for (const n of [c.name, ...Object.values(c.name_localizations ?? {})])
      if (!n || n.length > 100) problems.push(`${path}: choice ${String(c.value)} name length ${n?.length}`);
  if ((o.options?.length ?? 0) > 25) problems.push(`${path}: ${o.options!.length} options`);
  if ((o.choices?.length ?? 0) > 25) problems.push(`${path}: ${o.choices!.length} choices`);
  const opts = o.options ?? [];
  const firstOptional = opts.findIndex((x) => !x.required && !x.options);
  if (firstOptional >= 0 && opts.slice(firstOptional).some((x) => x.required))
    problems.push(`${path}: required option after an optional one`);
  if (new Set(opts.map((x) => x.name)).size !== opts.length) problems.push(`${path}: duplicate option names`);
  // In each locale, sibling names stay distinct, and none takes another sibling's default name.
  for (const locale of LOCALE_CODES) {
    const local = opts.map((x) => x.name_localizations?.[locale] ?? x.name);
    if (new Set(local).size !== local.length) problems.push(`${path}: duplicate ${locale} option names ${local}`);
    local.forEach((name, i) => {
      if (opts.some((y, j) => j !== i && y.name === name))
        problems.push(`${path}: ${locale} name ${name} is another option's name`);
    });
  }
  for (const child of opts) check(child, `${path} ${child.name}`, problems);
}

/** The longest of a field's default and localized values. */
const longest = (value: string, localized?: Record<string, string>) =>
  Math.max(value.length, ...Object.values(localized ?? {}).map((v) => v.length));

/** Characters counted against the command's limit: each field at its longest localization. */
function size(o: Opt): number {
  return (
    longest(o.name, o.name_localizations) +
    longest(o.description, o.description_localizations) +
    (o.choices ?? []).reduce((n, c) => n + longest(c.name, c.name_localizations) + String(c.value).length, 0) +
    (o.options ?? []).reduce((n, x) => n + size(x), 0)
  );
}

/** The command's characters in one locale (what a member of that locale is shown). */
function sizeIn(o: Opt, locale: string): number {
  return (
    (o.name_localizations?.[locale] ?? o.name).length +
    (o.description_localizations?.[locale] ?? o.description).length +
    (o.choices ?? []).reduce(
      (n, c) => n + (c.name_localizations?.[locale] ?? c.name).length + String(c.value).length,
      0,
    ) +
    (o.options ?? []).reduce((n, x) => n + sizeIn(x, locale), 0)
  );
}

describe("command definitions follow Discord's limits and are localised", () => {
  it.each(COMMANDS.map((c) => [c.name, c] as const))('/%s', (_n, command) => {
    const problems: string[] = [];
    check(command.definition as unknown as Opt, `/${command.name}`, problems);
    expect(problems).toEqual([]);
  });
  it.each(COMMANDS.map((c) => [c.name, c] as const))(
    '/%s: at most 4,000 characters, each field counted at its longest localization (so in every locale too)',
    (_n, command) => {
      const def = command.definition as unknown as Opt;
      expect(size(def)).toBeLessThanOrEqual(4000);
      for (const locale of ['en-US', ...LOCALE_CODES])
        expect(sizeIn(def, locale), locale).toBeLessThanOrEqual(size(def));
    },
  );
  it('es-419 reads the es-ES texts', () => {
    for (const c of COMMANDS) {
      const d = c.definition as unknown as Opt;
      expect(d.name_localizations?.['es-419']).toBe(d.name_localizations?.['es-ES']);
      expect(d.description_localizations?.['es-419']).toBe(d.description_localizations?.['es-ES']);
    }
  });
  it('at most 100 global commands, names unique', () => {
    expect(new Set(COMMANDS.map((c) => c.name)).size).toBe(COMMANDS.length);
  });
  it('members have /settings (show, defaults, notify with a required dm, gallery with a required share) and /help, usable in servers and DMs', () => {
    const byName = new Map(COMMANDS.map((c) => [c.name, c.definition]));
    const settings = byName.get('settings')!;
    expect(settings.options?.map((o) => o.name)).toEqual(['show', 'defaults', 'notify', 'gallery']);
    const notify = settings.options![2] as { options: Array<{ name: string; required: boolean }> };
    expect(notify.options[0]).toMatchObject({ name: 'dm', name_localizations: { 'zh-CN': '私信', de: 'dm' } });
    expect(notify.options[0]!.required).toBe(true);
    const gallery = settings.options![3] as { options: Array<{ name: string; required: boolean }> };
    expect(gallery.options[0]).toMatchObject({
      name: 'share',
      required: true,
      name_localizations: { 'zh-CN': '分享' },
    });
    expect(byName.get('help')!.options).toEqual([]);
    for (const name of ['settings', 'help']) {
      expect(byName.get(name)!.contexts).toEqual([0, 1]);
      expect(byName.get(name)!.default_member_permissions).toBeUndefined();
    }
  });
});

describe("message context menus (type 3) follow Discord's rules", () => {
  it('Animate and Use as references: a name of 1-32 characters (spaces and capitals allowed), no description or options', () => {
    expect(MESSAGE_COMMANDS.map((c) => c.name)).toEqual(['Animate', 'Use as references']);
    expect(MESSAGE_COMMANDS.length).toBeLessThanOrEqual(5);
    for (const { definition } of MESSAGE_COMMANDS) {
      expect(definition.type).toBe(3);
      expect(definition).not.toHaveProperty('description');
      expect(definition).not.toHaveProperty('options');
    }
  });
  it.each(LOCALE_CODES)('%s: both menus have their own name there, 1-32 characters, no stray spaces', (code) => {
    const names = MESSAGE_COMMANDS.map((c) => c.definition.name_localizations?.[code as 'de'] ?? '');
    for (const name of names) {
      expect(name, code).toBeTruthy();
      expect([...name].length, name).toBeLessThanOrEqual(32);
      expect(name.trim().replace(/\s+/g, ' '), name).toBe(name);
    }
    expect(new Set(names).size, code).toBe(names.length);
  });
  it('es-419 reads the es-ES names, and no other locale is added', () => {
    for (const { definition } of MESSAGE_COMMANDS) {
      expect(Object.keys(definition.name_localizations ?? {}).sort()).toEqual([...LOCALE_CODES].sort());
      expect(definition.name_localizations?.['es-419']).toBe(definition.name_localizations?.['es-ES']);
    }
  });
  it.each(['en-US', ...LOCALE_CODES])("%s: /help names the menus as that locale's client shows them", (code) => {
    const table = code === 'en-US' ? 'en-US' : COMMAND_LOCALES[code as keyof typeof COMMAND_LOCALES];
    const help = t(table, 'source.help');
    for (const { definition } of MESSAGE_COMMANDS) {
      const name = code === 'en-US' ? definition.name : definition.name_localizations?.[code as 'de'];
      expect(help, code).toContain(`**${name}**`);
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

/** A command's registered JSON (as deploy-commands sends it) by name. */
const registered = (options: Parameters<typeof commandDefinitions>[0]) =>
  new Map(commandDefinitions(options).map((c) => [c.name, c as unknown as Opt & { contexts?: number[] }]));
const sub = (o: Opt, ...path: string[]) => path.reduce<Opt>((at, name) => at.options!.find((x) => x.name === name)!, o);

describe('registered command JSON (issue 25)', () => {
  const json = registered({ userInstall: false });

  it('/video images and references: model, duration, ratio and resolution right after the required options', () => {
    const names = (mode: string) => sub(json.get('video')!, mode).options!.map((o) => o.name);
    expect(names('images')).toEqual([
      'prompt',
      'image1',
      'model',
      'duration',
      'ratio',
      'resolution',
      ...['image2', 'image3', 'image4', 'image5', 'image6', 'image7', 'image8', 'image9'],
      'audio',
    ]);
    expect(names('references')).toEqual([
      'prompt',
      'video1',
      'model',
      'duration',
      'ratio',
      'resolution',
      'video2',
      'video3',
      ...['image1', 'image2', 'image3', 'image4', 'audio1', 'audio2', 'audio3'],
    ]);
    for (const mode of ['images', 'references']) {
      const opts = sub(json.get('video')!, mode).options!;
      expect(opts.slice(0, 2).every((o) => o.required)).toBe(true);
      expect(opts.slice(2).some((o) => o.required)).toBe(false);
    }
  });

  it('/video-admin limit and role-limit name their choices by the limit labels, in every locale', () => {
    for (const path of [
      ['limit', 'name'],
      ['role-limit', 'name'],
    ]) {
      const choices = sub(json.get('video-admin')!, ...path).choices!;
      expect(choices.length).toBeGreaterThan(3);
      for (const c of choices) {
        const key = `limit.label.${String(c.value)}` as 'limit.label.guild_daily_tasks';
        expect(c.name).toBe(t('en-US', key));
        expect(c.name).not.toBe(c.value);
        expect(c.name_localizations?.['zh-CN']).toBe(t('zh-CN', key));
        expect(c.name_localizations?.de).toBe(t('de', key));
        expect(c.name_localizations?.['es-419']).toBe(t('es-ES', key));
        expect(Object.keys(c.name_localizations ?? {}).sort()).toEqual([...LOCALE_CODES].sort());
      }
    }
    const guildLimit = sub(json.get('video-admin')!, 'limit', 'name').choices!.find(
      (c) => c.value === 'guild_monthly_seconds',
    );
    expect(guildLimit?.name).toBe('Server seconds of video per month');
  });

  it('the adaptive ratio is a word, named in every locale; the other ratios stay numbers', () => {
    for (const [command, path] of [
      ['video', ['text', 'ratio']],
      ['video-admin', ['defaults', 'ratio']],
      ['settings', ['defaults', 'ratio']],
    ] as const) {
      const choices = sub(json.get(command)!, ...path).choices!;
      const adaptive = choices.find((c) => c.value === 'adaptive')!;
      expect(adaptive.name).toBe('adaptive (matches your image or video)');
      expect(Object.keys(adaptive.name_localizations ?? {}).sort()).toEqual([...LOCALE_CODES].sort());
      expect(adaptive.name_localizations?.['zh-CN']).toContain('自适应');
      expect(adaptive.name_localizations?.ja).toContain('自動');
      for (const name of Object.values(adaptive.name_localizations ?? {})) expect(name).not.toBe('adaptive');
      expect(choices.find((c) => c.value === '16:9')).toEqual({ name: '16:9', value: '16:9' });
    }
  });

  it("/usage keeps only `me` for everyone; the server's reports are /video-admin usage members|chart (Manage Server)", () => {
    const usage = json.get('usage')!;
    expect(usage.options!.map((o) => o.name)).toEqual(['me']);
    expect((usage as { default_member_permissions?: string }).default_member_permissions).toBeUndefined();
    const admin = json.get('video-admin')!;
    expect((admin as { default_member_permissions?: string }).default_member_permissions).toBe('32');
    const group = sub(admin, 'usage') as Opt & { type: number };
    expect(group.type).toBe(2); // SUB_COMMAND_GROUP
    expect(group.options!.map((o) => [o.name, (o as { type?: number }).type])).toEqual([
      ['members', 1],
      ['chart', 1],
    ]);
    expect(sub(admin, 'usage', 'members').options!.map((o) => o.name)).toEqual(['csv']);
    expect(sub(admin, 'queue').options).toEqual([]);
    expect(group.name_localizations?.['zh-CN']).toBe('用量');
  });

  it('/tasks status id: autocompletes', () => {
    expect(sub(json.get('tasks')!, 'status', 'id')).toMatchObject({ required: true, autocomplete: true });
  });

  it('DM_ENABLED=false: no command is registered for the bot DM context (1), with or without user install', () => {
    for (const userInstall of [false, true]) {
      const on = commandDefinitions({ userInstall });
      expect(on.filter((c) => c.contexts?.includes(1)).map((c) => c.name)).toEqual([
        'video',
        'tasks',
        'usage',
        'settings',
        'help',
        'Animate',
        'Use as references',
      ]);
      const off = commandDefinitions({ userInstall, dmEnabled: false });
      expect(off.length).toBe(on.length);
      for (const c of off) {
        expect(c.contexts, c.name).not.toContain(1);
        expect(c.contexts?.length, c.name).toBeGreaterThan(0);
        expect(c.contexts, c.name).toContain(0);
      }
      // User install keeps group DMs (2): those are the member's own scope, not the bot's DMs.
      if (userInstall) expect(off.find((c) => c.name === 'video')!.contexts).toEqual([0, 2]);
    }
  });
});
