/**
 * At "ready": the invite link for this bot (from its application id), and a warning in plain words when no
 * slash commands are registered for it (members typing "/" would see nothing), or a note when the same commands
 * are registered both globally and in DEV_GUILD_ID (they show twice there). Never stops the start.
 */
import { type REST, Routes } from 'discord.js';
import type { Logger } from '../logging/logger.js';
import { serverInviteUrl, userInstallUrl } from './invitePermissions.js';

export interface RegistrationFacts {
  global: number;
  /** Commands registered in DEV_GUILD_ID (when it is set). */
  guild?: number;
}

/** How many commands Discord has for the application, globally and in the dev guild. */
export async function registeredCommands(
  rest: REST,
  applicationId: string,
  devGuildId?: string,
): Promise<RegistrationFacts> {
  const count = async (route: `/${string}`) => ((await rest.get(route)) as unknown[]).length;
  const [global, guild] = await Promise.all([
    count(Routes.applicationCommands(applicationId)),
    devGuildId ? count(Routes.applicationGuildCommands(applicationId, devGuildId)) : undefined,
  ]);
  return guild === undefined ? { global } : { global, guild };
}

export async function checkRegistration(
  rest: REST,
  logger: Logger,
  options: { applicationId: string; devGuildId?: string; userInstall: boolean },
): Promise<RegistrationFacts | undefined> {
  const { applicationId, devGuildId } = options;
  logger.info(
    {
      invite: serverInviteUrl(applicationId),
      ...(options.userInstall ? { userInstall: userInstallUrl(applicationId) } : {}),
    },
    'invite link: open it to add the bot to a server (README, "Put it on Discord")',
  );
  let facts: RegistrationFacts;
  try {
    facts = await registeredCommands(rest, applicationId, devGuildId);
  } catch (err) {
    logger.warn({ err }, 'could not read which slash commands are registered; the bot runs anyway');
    return undefined;
  }
  if (facts.global === 0 && !facts.guild)
    logger.warn(
      { ...facts, devGuildId },
      devGuildId
        ? `no slash commands are registered for this bot, neither globally nor in DEV_GUILD_ID ${devGuildId}: members typing "/" see none of them. Run \`npm run deploy-commands\` (with DEV_GUILD_ID set it registers them in that server at once)`
        : 'no slash commands are registered for this bot: members typing "/" see none of them. Run `npm run deploy-commands` (global commands can take up to an hour to appear; set DEV_GUILD_ID to try them in one server at once)',
    );
  else if (facts.global > 0 && facts.guild)
    logger.info(
      { ...facts, devGuildId },
      `slash commands are registered both globally and in DEV_GUILD_ID ${devGuildId}: they show twice there. Remove the server's copy with \`npm run deploy-commands -- --clear-guild\``,
    );
  else logger.info(facts, 'slash commands registered');
  return facts;
}
