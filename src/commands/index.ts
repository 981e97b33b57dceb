/**
 * Every slash and message context menu command the bot has, and the button, modal and select handlers of the
 * features that create them.
 */
import { MessageFlags } from 'discord.js';
import { parseSourceFormId } from '../discord/customIds.js';
import type { InteractionHandlers, MessageCommand, SlashCommand } from '../discord/interactionHandlers.js';
import { NO_MENTIONS } from '../discord/render/text.js';
import { resolveLocale, t } from '../i18n/index.js';
import { galleryCommand } from './gallery.js';
import { animateCommand, referencesCommand } from './fromMessage/openSourceForm.js';
import { submitSourceForm } from './fromMessage/submitSourceForm.js';
import { handleHelpSelect, helpCommand } from './help.js';
import { settingsCommand } from './settings.js';
import { tasksCommand } from './tasks.js';
import { usageCommand } from './usage.js';
import { handleButton } from './video/buttons.js';
import { videoCommand } from './video/command.js';
import { handleModalSubmit } from './video/modals.js';
import { videoAdminCommand } from './videoAdmin.js';
import { commandJson, type RegistrationOptions } from './registration.js';

export const COMMANDS: readonly SlashCommand[] = [
  videoCommand,
  tasksCommand,
  usageCommand,
  videoAdminCommand,
  galleryCommand,
  settingsCommand,
  helpCommand,
];

/** Apps → … on a message (Discord allows at most 5 message commands). */
export const MESSAGE_COMMANDS: readonly MessageCommand[] = [animateCommand, referencesCommand];

/** The JSON `deploy-commands` registers (with user install when the operator turned it on). */
export const commandDefinitions = (options: RegistrationOptions = { userInstall: false }) => [
  ...COMMANDS.map((c) => commandJson(c, options)),
  ...MESSAGE_COMMANDS.map((c) => commandJson(c, options)),
];

/**
 * What app.ts hands to the interaction router. Buttons and the Remix/Extend forms belong to /video's task cards,
 * the source form to the message menus, select menus to /help.
 */
export const INTERACTION_HANDLERS: InteractionHandlers = {
  commands: COMMANDS,
  messageCommands: MESSAGE_COMMANDS,
  button: handleButton,
  async modal(interaction, ctx) {
    const source = parseSourceFormId(interaction.customId);
    if (source) await submitSourceForm(interaction, ctx, source);
    else await handleModalSubmit(interaction, ctx);
  },
  async select(interaction, ctx) {
    if (await handleHelpSelect(interaction, ctx)) return;
    await interaction.reply({
      content: t(resolveLocale(interaction.locale), 'error.generic'),
      flags: MessageFlags.Ephemeral,
      allowedMentions: NO_MENTIONS,
    });
  },
};
