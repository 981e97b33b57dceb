/** The command registry: every slash command the bot has, by name. */
import { tasksCommand } from './tasks.js';
import type { SlashCommand } from './types.js';
import { usageCommand } from './usage.js';
import { videoCommand } from './video.js';
import { videoAdminCommand } from './videoAdmin.js';

export const COMMANDS: readonly SlashCommand[] = [videoCommand, tasksCommand, usageCommand, videoAdminCommand];

export const commandByName = new Map(COMMANDS.map((c) => [c.name, c]));

export const commandDefinitions = () => COMMANDS.map((c) => c.definition);
