/**
 * /tasks list and /tasks status: a member's recent tasks, and any task they can see by id (ephemeral). `status id:`
 * autocompletes the member's own recent tasks (never anyone else's).
 */
import { InteractionContextType, MessageFlags } from 'discord.js';
import { resolveLocale, t } from '../i18n/index.js';
import { taskMessage, statusLine } from '../discord/render/taskMessage.js';
import { NO_MENTIONS } from '../discord/render/text.js';
import { taskChoice } from '../discord/render/taskChoices.js';
import { chatCommand, defineCommand, option, subcommand } from './define.js';

/** Answer within Discord's 3 s for an autocomplete, whatever the store does: an empty list rather than none. */
const AUTOCOMPLETE_BUDGET_MS = 2000;

function within<T>(work: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  return Promise.race([work.catch(() => fallback), late]).finally(() => clearTimeout(timer));
}

const definition = chatCommand('/tasks', {
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
  install: 'everywhere',
  options: [
    subcommand('/tasks list'),
    subcommand('/tasks status', [option.string('id', { required: true, maxLength: 64, autocomplete: true })]),
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

  /** The member's own recent tasks (25 at most), those whose id or prompt holds what they typed first. */
  async autocomplete(interaction, ctx) {
    const locale = resolveLocale(interaction.locale);
    const typed = String(interaction.options.getFocused()).trim().replace(/^`|`$/g, '').toLowerCase();
    const recent = await within(ctx.tasks.listRecentByUser(interaction.user.id, 25), AUTOCOMPLETE_BUDGET_MS, []);
    const now = ctx.now();
    const matches = typed
      ? recent.filter(
          (task) => task.id.toLowerCase().includes(typed) || task.request.prompt.toLowerCase().includes(typed),
        )
      : recent;
    await interaction.respond(matches.slice(0, 25).map((task) => taskChoice(task, locale, now)));
  },
});
