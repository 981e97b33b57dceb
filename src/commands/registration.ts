/**
 * The command JSON Discord registers, with or without user install (USER_INSTALL). Without it every command is
 * server-installed only (`integration_types: [GUILD_INSTALL]`, its declared `contexts`), so turning user install
 * on in the Developer Portal alone changes nothing. With it, commands declared `everywhere` are also
 * user-installable and usable in servers, the bot's DMs and group DMs; `guild` ones stay in servers that added the
 * bot (application-commands.mdx: `integration_types` 0 = GUILD_INSTALL, 1 = USER_INSTALL; `contexts` 0 = GUILD,
 * 1 = BOT_DM, 2 = PRIVATE_CHANNEL). With DM_ENABLED=false no command is offered in the bot's DMs (BOT_DM left out
 * of every command's contexts), so members are not shown commands that would only be refused there.
 */
import {
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';
import type { MessageCommand, SlashCommand } from '../discord/interactionHandlers.js';

export interface RegistrationOptions {
  /** USER_INSTALL: commands declared `everywhere` become user-installable. */
  userInstall: boolean;
  /** DM_ENABLED: whether commands are offered in the bot's DMs at all (default true). */
  dmEnabled?: boolean;
}

const EVERYWHERE = [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel];

export function commandJson<C extends Pick<SlashCommand | MessageCommand, 'install' | 'definition'>>(
  command: C,
  options: RegistrationOptions,
): C['definition'] & Pick<RESTPostAPIApplicationCommandsJSONBody, 'integration_types' | 'contexts'> {
  const everywhere = options.userInstall && command.install === 'everywhere';
  const declared: readonly InteractionContextType[] = everywhere ? EVERYWHERE : (command.definition.contexts ?? []);
  const contexts =
    options.dmEnabled === false ? declared.filter((c) => c !== InteractionContextType.BotDM) : [...declared];
  return {
    ...command.definition,
    integration_types: everywhere
      ? [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall]
      : [ApplicationIntegrationType.GuildInstall],
    contexts,
  };
}
