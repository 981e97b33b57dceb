/** /tasks list and /tasks status: a member's recent tasks, and any task they can see by id (ephemeral). */
import { InteractionContextType, MessageFlags } from 'discord.js';
import { resolveLocale, t } from '../i18n/index.js';
import { taskMessage, statusLine } from '../discord/render/taskMessage.js';
import { NO_MENTIONS } from '../discord/render/text.js';
import { chatCommand, defineCommand, option, subcommand } from './define.js';

const definition = chatCommand('/tasks', {
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
  install: 'everywhere',
  options: [
    subcommand('/tasks list'),
    subcommand('/tasks status', [option.string('id', { required: true, maxLength: 64 })]),
  ],
});

export const tasksCommand = defineCommand(definition, {
  async execute(interaction, args, ctx) {
    const locale = resolveLocale(interaction.locale);
    const ephemeral = { flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS } as const;
    if (args.subcommand === 'list') {
      const recent = await ctx.tasks.listRecentByUser(interaction.user.id, 10);
      const places = await Promise.all(recent.map((task) => ctx.queue.placeOf(task)));
      const lines = recent.map((task, i) =>
        t(locale, 'tasks.line', {
          id: task.id,
          status: statusLine(task, locale, places[i]),
          model: task.model,
          when: `<t:${Math.floor(task.createdAt / 1000)}:R>`,
        }),
      );
      await interaction.reply({
        ...ephemeral,
        content: lines.length
          ? [`**${t(locale, 'tasks.recentTitle')}**`, ...lines].join('\n')
          : t(locale, 'tasks.none'),
      });
      return;
    }
    const id = args.id.trim().replace(/^`|`$/g, '');
    const task = await ctx.tasks.get(id);
    // Members see their own tasks and tasks of the server they are in (those were posted publicly there).
    const visible =
      task && (task.userId === interaction.user.id || (task.guildId !== null && task.guildId === interaction.guildId));
    if (!task || !visible) {
      await interaction.reply({ ...ephemeral, content: t(locale, 'tasks.notFound', { id: id.slice(0, 64) }) });
      return;
    }
    const { embeds } = taskMessage(task, locale, ctx.now(), undefined, await ctx.queue.placeOf(task));
    await interaction.reply({
      ...ephemeral,
      embeds,
      content: task.videoUrl && task.state === 'done' ? task.videoUrl : '',
    });
  },
});
