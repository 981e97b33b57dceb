/**
 * Slash command definitions as typed data, and the arguments their handlers get, derived from them (as
 * discord-utils-bot's `ArgumentsOf`): renaming an option in a definition breaks the compile of its handler.
 * Names and descriptions come from i18n/commandTexts (en-US) and i18n/commandLocalizations (every other locale). `readArguments` reads an interaction
 * against its definition: required options present, string choices among the defined ones.
 */
import {
  ApplicationCommandOptionType as T,
  ApplicationCommandType,
  type Attachment,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type ChannelType,
  type InteractionContextType,
  type MessageContextMenuCommandInteraction,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { BotContext } from '../discord/botContext.js';
import type { MessageCommand, SlashCommand } from '../discord/interactionHandlers.js';
import { commandLocalizations, type Localizations, messageCommandLocalizations } from '../i18n/commandLocalizations.js';
import {
  COMMAND_TEXTS,
  type CommandTextKey,
  MESSAGE_COMMAND_TEXTS,
  type MessageCommandKey,
} from '../i18n/commandTexts.js';

type Texts = (typeof COMMAND_TEXTS)[CommandTextKey];
type NameOf<K extends CommandTextKey, S extends string = ''> = `${(typeof COMMAND_TEXTS)[K]['name']}${S}`;

function texts<K extends CommandTextKey, S extends string = ''>(key: K, suffix?: S) {
  const t: Texts = COMMAND_TEXTS[key];
  const end = suffix ?? '';
  const localized = commandLocalizations(key, end);
  return {
    name: `${t.name}${end}` as NameOf<K, S>,
    name_localizations: localized.name_localizations,
    description: t.description,
    description_localizations: localized.description_localizations,
  };
}

/** The texts every command, sub-command and option carries besides its name. */
interface Localized {
  name_localizations: Localizations;
  description: string;
  description_localizations: Localizations;
}

interface Choice<V extends string | number> {
  name: string;
  value: V;
  name_localizations?: Localizations;
}

/** One option as Discord takes it (the part our types read: type, name, required, choices). */
export interface OptionDef {
  type: T;
  name: string;
  required?: boolean;
  choices?: readonly Choice<string | number>[];
  options?: readonly OptionDef[];
}

/**
 * A choice shown as its own value (or as `name` when given), with its names in other languages when it has them
 * (i18n/commandLocalizations).
 */
export const choice = <V extends string>(value: V, localizations?: Localizations, name?: string): Choice<V> => ({
  name: name ?? value,
  value,
  ...(localizations ? { name_localizations: localizations } : {}),
});

type Req<R extends boolean> = { required: R };
const req = <R extends boolean>(required: R | undefined): Req<R> => ({ required: (required ?? false) as R });

/** Option builders: the key names the option (and its texts); `required` defaults to false. */
export const option = {
  string<K extends CommandTextKey, const R extends boolean = false, C extends readonly Choice<string>[] = never>(
    key: K,
    o: { required?: R; choices?: C; maxLength?: number; autocomplete?: boolean } = {},
  ) {
    return {
      type: T.String as const,
      ...texts(key),
      ...req<R>(o.required),
      ...(o.choices ? { choices: o.choices } : {}),
      ...(o.maxLength ? { max_length: o.maxLength } : {}),
      ...(o.autocomplete ? { autocomplete: true } : {}),
    } as { type: T.String; name: NameOf<K>; required: R } & ([C] extends [never] ? unknown : { choices: C }) &
      Localized;
  },
  integer<K extends CommandTextKey, const R extends boolean = false>(
    key: K,
    o: { required?: R; min?: number; max?: number } = {},
  ) {
    return {
      type: T.Integer as const,
      ...texts(key),
      ...req<R>(o.required),
      ...(o.min !== undefined ? { min_value: o.min } : {}),
      ...(o.max !== undefined ? { max_value: o.max } : {}),
    } as { type: T.Integer; name: NameOf<K>; required: R } & Localized;
  },
  boolean<K extends CommandTextKey, const R extends boolean = false>(key: K, o: { required?: R } = {}) {
    return { type: T.Boolean as const, ...texts(key), ...req<R>(o.required) } as {
      type: T.Boolean;
      name: NameOf<K>;
      required: R;
    } & Localized;
  },
  channel<K extends CommandTextKey>(key: K, channelTypes: readonly ChannelType[]) {
    return { type: T.Channel as const, ...texts(key), ...req<false>(false), channel_types: [...channelTypes] } as {
      type: T.Channel;
      name: NameOf<K>;
      required: false;
    } & Localized;
  },
  role<K extends CommandTextKey, const R extends boolean = false>(key: K, o: { required?: R } = {}) {
    return { type: T.Role as const, ...texts(key), ...req<R>(o.required) } as {
      type: T.Role;
      name: NameOf<K>;
      required: R;
    } & Localized;
  },
  attachment<K extends CommandTextKey, const R extends boolean = false>(key: K, o: { required?: R } = {}) {
    return { type: T.Attachment as const, ...texts(key), ...req<R>(o.required) } as {
      type: T.Attachment;
      name: NameOf<K>;
      required: R;
    } & Localized;
  },
};

type Upto = { 3: 1 | 2 | 3; 4: 1 | 2 | 3 | 4; 9: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 };
type Slot<K extends CommandTextKey, I extends number, R extends boolean> = I extends 1
  ? { type: T.Attachment; name: NameOf<K, '1'>; required: R }
  : { type: T.Attachment; name: NameOf<K, `${I}`>; required: false };

/** Numbered attachment options `<name>1..<name>N` (the first one required when `firstRequired`). */
export function attachmentSlots<K extends CommandTextKey, N extends keyof Upto, R extends boolean = false>(
  key: K,
  count: N,
  firstRequired?: R,
): [Slot<K, 1, R>, ...Array<Slot<K, Exclude<Upto[N], 1>, false>>] {
  return Array.from({ length: count }, (_, i) => ({
    type: T.Attachment,
    ...texts(key, String(i + 1)),
    required: i === 0 && firstRequired === true,
  })) as never;
}

/** A sub-command: its key names it; its options follow Discord's order (required ones first). */
export function subcommand<K extends CommandTextKey, const O extends readonly OptionDef[] = []>(key: K, options?: O) {
  return { type: T.Subcommand as const, ...texts(key), options: options ?? ([] as unknown as O) };
}

/**
 * A group of sub-commands (`/video-admin usage members`): its handler sees each one as `'<group> <sub-command>'`.
 * Discord allows groups and plain sub-commands side by side at a command's top level.
 */
export function subcommandGroup<K extends CommandTextKey, const S extends readonly SubcommandDef[]>(key: K, subs: S) {
  return { type: T.SubcommandGroup as const, ...texts(key), options: subs };
}

type SubcommandDef = ReturnType<typeof subcommand<CommandTextKey, readonly OptionDef[]>>;

/**
 * Where a command may be used once the operator turns user install on (USER_INSTALL): `guild` = only in servers
 * that added the bot (server install); `everywhere` = also through a member's own install, in servers without the
 * bot and in DMs (see registration.ts). Every command declares it.
 */
export type CommandInstall = 'guild' | 'everywhere';

/**
 * A chat-input command: the JSON Discord registers (`contexts` as today, without user install), typed so handlers
 * can derive their arguments, and where it may be used with user install on (`install`, not sent as such).
 */
export function chatCommand<K extends CommandTextKey, const O extends readonly OptionDef[]>(
  key: K,
  o: {
    contexts: readonly InteractionContextType[];
    install: CommandInstall;
    defaultMemberPermissions?: bigint;
    options: O;
  },
) {
  return {
    ...texts(key),
    type: ApplicationCommandType.ChatInput as const,
    install: o.install,
    contexts: [...o.contexts],
    ...(o.defaultMemberPermissions !== undefined
      ? { default_member_permissions: String(o.defaultMemberPermissions) }
      : {}),
    options: o.options,
  };
}

export type CommandDef = ReturnType<typeof chatCommand<CommandTextKey, readonly OptionDef[]>>;

/** What a handler reads for a channel or role option (ids; resolve through REST when more is needed). */
export interface Mentioned {
  id: string;
}

type ValueOf<O> = O extends { type: T.String; choices: readonly Choice<infer V>[] }
  ? V
  : O extends { type: T.String }
    ? string
    : O extends { type: T.Integer | T.Number }
      ? number
      : O extends { type: T.Boolean }
        ? boolean
        : O extends { type: T.Attachment }
          ? Attachment
          : O extends { type: T.Channel | T.Role }
            ? Mentioned
            : never;

/** The arguments of a list of options: each option's name → its value (undefined when optional and left out). */
export type ArgsOf<Os extends readonly OptionDef[]> = {
  [O in Os[number] as O['name']]: O extends { required: true } ? ValueOf<O> : ValueOf<O> | undefined;
};

type Subcommands<Os extends readonly OptionDef[]> = Extract<Os[number], { type: T.Subcommand }>;
type Groups<Os extends readonly OptionDef[]> = Extract<Os[number], { type: T.SubcommandGroup }>;
type OptionsOf<S> = S extends { options: infer So extends readonly OptionDef[] } ? So : [];

/** One sub-command's arguments, discriminated by its name (`'<group> <name>'` inside a group). */
type SubcommandArgs<S extends OptionDef, Prefix extends string = ''> = S extends OptionDef
  ? { subcommand: `${Prefix}${S['name']}` } & ArgsOf<OptionsOf<S>>
  : never;

type GroupArgs<G extends OptionDef> = G extends OptionDef
  ? SubcommandArgs<Subcommands<OptionsOf<G>>, `${G['name']} `>
  : never;

/**
 * A handler's arguments, derived from its command's definition: for a command with sub-commands, a union
 * discriminated by `subcommand` (so `switch (args.subcommand)` narrows each one's options); a sub-command of a
 * group is named `'<group> <sub-command>'`.
 */
export type ArgumentsOf<C extends { options: readonly OptionDef[] }> = [
  Subcommands<C['options']> | Groups<C['options']>,
] extends [never]
  ? ArgsOf<C['options']>
  : SubcommandArgs<Subcommands<C['options']>> | GroupArgs<Groups<C['options']>>;

/** An option the member sent that its definition does not allow (a stale client, a forged request). */
export class InvalidArgumentError extends Error {
  constructor(readonly option: string) {
    super(`option ${option} is not valid for its definition`);
  }
}

function readOption(i: ChatInputCommandInteraction, o: OptionDef): unknown {
  const required = o.required === true;
  switch (o.type) {
    case T.String: {
      const v = i.options.getString(o.name, required) ?? undefined;
      if (v !== undefined && o.choices && !o.choices.some((c) => c.value === v)) throw new InvalidArgumentError(o.name);
      return v;
    }
    case T.Integer:
      return i.options.getInteger(o.name, required) ?? undefined;
    case T.Number:
      return i.options.getNumber(o.name, required) ?? undefined;
    case T.Boolean:
      return i.options.getBoolean(o.name, required) ?? undefined;
    case T.Attachment:
      return i.options.getAttachment(o.name, required) ?? undefined;
    case T.Channel: {
      const c = i.options.getChannel(o.name, required);
      return c ? { id: c.id } : undefined;
    }
    case T.Role: {
      const r = i.options.getRole(o.name, required);
      return r ? { id: r.id } : undefined;
    }
    default:
      throw new InvalidArgumentError(o.name);
  }
}

/** Reads an interaction's options against the definition (see ArgumentsOf). */
export function readArguments<C extends CommandDef>(i: ChatInputCommandInteraction, definition: C): ArgumentsOf<C> {
  const read = (options: readonly OptionDef[]) =>
    Object.fromEntries(options.map((o) => [o.name, readOption(i, o)] as const));
  if (!definition.options.some((o) => o.type === T.Subcommand || o.type === T.SubcommandGroup))
    return read(definition.options) as ArgumentsOf<C>;
  const found = findSubcommand(definition, i.options.getSubcommandGroup(false), i.options.getSubcommand(true));
  if (!found) throw new InvalidArgumentError(i.options.getSubcommand(true));
  return { subcommand: found.name, ...read(found.options) } as ArgumentsOf<C>;
}

/** A sub-command of the definition by its group (if any) and name: its full name and its options. */
function findSubcommand(definition: CommandDef, group: string | null, name: string | null) {
  const level = group
    ? definition.options.find((o) => o.type === T.SubcommandGroup && o.name === group)?.options
    : definition.options;
  const sub = level?.find((o) => o.type === T.Subcommand && o.name === name);
  return sub ? { name: group ? `${group} ${sub.name}` : sub.name, options: sub.options ?? [] } : undefined;
}

/** The sub-command an autocomplete is for, checked against the definition (undefined if none or unknown). */
export function subcommandOf<C extends CommandDef>(
  i: AutocompleteInteraction,
  definition: C,
): ArgumentsOf<C> extends { subcommand: infer N } ? N | undefined : undefined {
  return findSubcommand(definition, i.options.getSubcommandGroup(false), i.options.getSubcommand(false))?.name as never;
}

/** A slash command: its definition and a handler that receives arguments typed and read from it. */
export function defineCommand<const C extends CommandDef>(
  definition: C,
  handlers: {
    execute(interaction: ChatInputCommandInteraction, args: ArgumentsOf<C>, ctx: BotContext): Promise<void>;
    autocomplete?(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void>;
  },
): SlashCommand {
  const { install, ...json } = definition;
  return {
    name: definition.name,
    install,
    definition: json as unknown as RESTPostAPIChatInputApplicationCommandsJSONBody,
    execute: (interaction, ctx) => handlers.execute(interaction, readArguments(interaction, definition), ctx),
    ...(handlers.autocomplete ? { autocomplete: handlers.autocomplete } : {}),
  };
}

/**
 * A message context menu command (type 3: Apps → <name> on any message): a name (localised in every command locale,
 * i18n/commandLocalizations) and where it may be used, no description or options; the handler reads the target message.
 */
export function defineMessageCommand(
  key: MessageCommandKey,
  o: {
    contexts: readonly InteractionContextType[];
    install: CommandInstall;
    execute(interaction: MessageContextMenuCommandInteraction, ctx: BotContext): Promise<void>;
  },
): MessageCommand {
  const texts = MESSAGE_COMMAND_TEXTS[key];
  return {
    name: texts.name,
    install: o.install,
    definition: {
      type: ApplicationCommandType.Message,
      name: texts.name,
      name_localizations: messageCommandLocalizations(key),
      contexts: [...o.contexts],
    },
    execute: o.execute,
  };
}
