/**
 * What the interaction router dispatches to: slash and message context menu commands by name, and one handler each for buttons,
 * modals and select menus. The handlers live with the features that create them (src/commands); app.ts hands them to the
 * router, so src/discord never imports src/commands.
 */
import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  MessageContextMenuCommandInteraction,
  ModalSubmitInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  RESTPostAPIContextMenuApplicationCommandsJSONBody,
  StringSelectMenuInteraction,
} from 'discord.js';
import type { BotContext } from './botContext.js';

export interface SlashCommand {
  name: string;
  /** Where it may be used with user install on: servers that added the bot only, or everywhere (see define.ts). */
  install: 'guild' | 'everywhere';
  /** The JSON sent to Discord when commands are registered (without user install; see registration.ts). */
  definition: RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void>;
}

/** A message context menu command (Apps → Animate on a message): no options, the message is its target. */
export interface MessageCommand {
  name: string;
  install: 'guild' | 'everywhere';
  definition: RESTPostAPIContextMenuApplicationCommandsJSONBody;
  execute(interaction: MessageContextMenuCommandInteraction, ctx: BotContext): Promise<void>;
}

export interface InteractionHandlers {
  commands: readonly SlashCommand[];
  /** Message context menu commands, by name (absent: none). */
  messageCommands?: readonly MessageCommand[];
  button(interaction: ButtonInteraction, ctx: BotContext): Promise<void>;
  modal(interaction: ModalSubmitInteraction, ctx: BotContext): Promise<void>;
  /** String select menus (today: /help's model-family menu). */
  select(interaction: StringSelectMenuInteraction, ctx: BotContext): Promise<void>;
}
