/** Every slash command the bot has, and the button and modal handlers of the features that create them. */
import type { InteractionHandlers, SlashCommand } from '../discord/interactionHandlers.js';
import { galleryCommand } from './gallery.js';
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
];

/** The JSON `deploy-commands` registers (with user install when the operator turned it on). */
export const commandDefinitions = (options: RegistrationOptions = { userInstall: false }) =>
  COMMANDS.map((c) => commandJson(c, options));

/** What app.ts hands to the interaction router. Buttons and modals today all belong to /video's task cards. */
export const INTERACTION_HANDLERS: InteractionHandlers = {
  commands: COMMANDS,
  button: handleButton,
  modal: handleModalSubmit,
};
