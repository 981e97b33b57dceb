/** A private (ephemeral) answer that pings nobody, whether the interaction was answered (deferred) already or not. */
import { MessageFlags, type RepliableInteraction } from 'discord.js';
import { NO_MENTIONS } from './render/text.js';

export async function tellPrivately(interaction: RepliableInteraction, content: string): Promise<void> {
  const body = { content, flags: MessageFlags.Ephemeral as const, allowedMentions: NO_MENTIONS };
  if (interaction.deferred || interaction.replied) await interaction.followUp(body);
  else await interaction.reply(body);
}
