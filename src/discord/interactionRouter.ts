/**
 * One entry for every interaction: slash commands, message context menus, autocomplete, buttons, modals and select menus each go to the handler
 * app.ts passed in (see interactionHandlers.ts). An unexpected error still gets the member a plain ephemeral
 * answer, and is logged with detail.
 */
import type { Client, Interaction } from 'discord.js';
import { resolveLocale, t } from '../i18n/index.js';
import type { BotContext } from './botContext.js';
import { isAckLost } from './discordErrors.js';
import type { InteractionHandlers, SlashCommand } from './interactionHandlers.js';
import { tellPrivately } from './tellPrivately.js';

export async function routeInteraction(
  interaction: Interaction,
  ctx: BotContext,
  handlers: InteractionHandlers,
  commandByName: ReadonlyMap<string, SlashCommand> = new Map(handlers.commands.map((c) => [c.name, c])),
): Promise<void> {
  const log = ctx.logger.child({
    interactionId: interaction.id,
    guildId: interaction.guildId,
    userId: interaction.user.id,
  });
  try {
    if (interaction.isChatInputCommand()) {
      const command = commandByName.get(interaction.commandName);
      if (command) await command.execute(interaction, ctx);
      else log.warn({ command: interaction.commandName }, 'unknown command');
    } else if (interaction.isMessageContextMenuCommand()) {
      const command = handlers.messageCommands?.find((c) => c.name === interaction.commandName);
      if (command) await command.execute(interaction, ctx);
      else log.warn({ command: interaction.commandName }, 'unknown message command');
    } else if (interaction.isAutocomplete()) {
      await commandByName.get(interaction.commandName)?.autocomplete?.(interaction, ctx);
    } else if (interaction.isButton()) {
      await handlers.button(interaction, ctx);
    } else if (interaction.isModalSubmit()) {
      await handlers.modal(interaction, ctx);
    } else if (interaction.isStringSelectMenu()) {
      await handlers.select(interaction, ctx);
    }
  } catch (err) {
    if (isAckLost(err)) {
      log.info({ err }, 'interaction was already acknowledged elsewhere');
      return;
    }
    log.error({ err }, 'interaction failed');
    if (!interaction.isRepliable()) return;
    const content = t(resolveLocale(interaction.locale), 'error.generic');
    await tellPrivately(interaction, content).catch((e: unknown) =>
      log.warn({ err: e }, 'could not tell the member about the failure'),
    );
  }
}

/** The router as attached to the client: it can stop taking interactions and wait for those in flight. */
export interface AttachedRouter {
  /** Stops taking new interactions. */
  detach(): void;
  /** Waits (at most `graceMs`) for the handlers still running; resolves with how many did not finish. */
  drain(graceMs: number): Promise<number>;
}

export function attachInteractionRouter(
  client: Client,
  ctx: BotContext,
  handlers: InteractionHandlers,
): AttachedRouter {
  const inFlight = new Set<Promise<void>>();
  const commandByName = new Map(handlers.commands.map((c) => [c.name, c]));
  const listener = (interaction: Interaction) => {
    const handled: Promise<void> = routeInteraction(interaction, ctx, handlers, commandByName).finally(() =>
      inFlight.delete(handled),
    );
    inFlight.add(handled);
  };
  client.on('interactionCreate', listener);
  return {
    detach: () => client.off('interactionCreate', listener),
    async drain(graceMs) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...inFlight]),
        new Promise((r) => {
          timer = setTimeout(r, graceMs);
        }),
      ]);
      clearTimeout(timer);
      return inFlight.size;
    },
  };
}
