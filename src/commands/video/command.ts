/** /video: read the options, ask the generation service, reply with problems or publish the task. */
import { MessageFlags } from 'discord.js';
import { resolveLocale } from '../../i18n/index.js';
import { requestVideo } from '../../services/generation/requestVideo.js';
import { renderProblemList } from '../../discord/render/problemList.js';
import { renderRefusal } from '../../discord/render/refusal.js';
import { publishTask } from '../../discord/publishTask.js';
import { NO_MENTIONS } from '../../discord/render/text.js';
import { modelChoices } from './modelChoices.js';
import { readVideoInput } from './readVideoInput.js';
import { memberRoleIds, taskOriginOf } from '../../discord/taskOrigin.js';
import { defineCommand, subcommandOf } from '../define.js';
import { videoDefinition } from './definition.js';

export const videoCommand = defineCommand(videoDefinition, {
  async execute(interaction, args, ctx) {
    const origin = taskOriginOf(interaction);
    // Built from what the member typed: their own defaults (/settings) fill what they left out.
    const result = await requestVideo(ctx, origin, readVideoInput(args), {
      roleIds: memberRoleIds(interaction),
      memberDefaults: true,
    });
    if (result.kind === 'invalid') {
      await interaction.reply({
        content: renderProblemList(result.problems, origin.locale),
        flags: MessageFlags.Ephemeral,
        allowedMentions: NO_MENTIONS,
      });
      return;
    }
    if (result.kind === 'refused' || result.kind === 'policy' || result.kind === 'blocked') {
      await interaction.reply({
        content: renderRefusal(result, origin.locale),
        flags: MessageFlags.Ephemeral,
        allowedMentions: NO_MENTIONS,
      });
      return;
    }
    // Another process of the bot took this interaction first (they share the database): it answers.
    if (result.kind === 'claimed') return;
    await publishTask(interaction, result.task, ctx);
  },

  async autocomplete(interaction, ctx) {
    const focused = interaction.options.getFocused(true);
    if (focused.name !== 'model') return interaction.respond([]);
    const mode = subcommandOf(interaction, videoDefinition) ?? 'text';
    // The member's own default model is marked (and listed first), so they see what leaving it out picks.
    const mine = (await ctx.memberSettings.get(interaction.user.id)).defaults?.model;
    await interaction.respond(
      modelChoices(mode, String(focused.value), resolveLocale(interaction.locale), undefined, mine),
    );
  },
});
