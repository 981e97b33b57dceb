/**
 * `npm run deploy-commands`: registers the slash commands globally, or in DEV_GUILD_ID only.
 * A bulk overwrite (PUT), so running it twice changes nothing. With USER_INSTALL=true the commands that work
 * everywhere are also registered for user install (see commands/registration.ts).
 */
import { REST, Routes } from 'discord.js';
import { commandDefinitions } from '../commands/index.js';
import { configOrExit, loadDotEnv } from '../config/loadConfig.js';

export async function deployCommands(options: {
  token: string;
  applicationId?: string;
  guildId?: string;
  restUrl?: string;
  userInstall?: boolean;
  /** DM_ENABLED: false leaves the bot's DMs out of every command's contexts. */
  dmEnabled?: boolean;
}): Promise<{ scope: string; count: number }> {
  const rest = new REST(options.restUrl ? { api: options.restUrl } : {}).setToken(options.token);
  const appId = options.applicationId ?? ((await rest.get(Routes.currentApplication())) as { id: string }).id;
  // Install types are for global commands only (application-commands.mdx): a dev guild gets the commands as before.
  const body = options.guildId
    ? commandDefinitions({ userInstall: false, dmEnabled: options.dmEnabled }).map(
        ({ integration_types: _global, ...c }) => c,
      )
    : commandDefinitions({ userInstall: options.userInstall ?? false, dmEnabled: options.dmEnabled });
  const route = options.guildId
    ? Routes.applicationGuildCommands(appId, options.guildId)
    : Routes.applicationCommands(appId);
  const saved = (await rest.put(route, { body })) as unknown[];
  return { scope: options.guildId ? `guild ${options.guildId}` : 'global', count: saved.length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  loadDotEnv();
  const config = configOrExit({ discord: true });
  deployCommands({
    token: config.discord.token!,
    applicationId: config.discord.applicationId,
    guildId: config.discord.devGuildId,
    restUrl: config.discord.restUrl,
    userInstall: config.userInstall.enabled,
    dmEnabled: config.dmEnabled,
  }).then(
    ({ scope, count }) => {
      process.stdout.write(
        `Registered ${count} commands (${scope}).${scope === 'global' ? ' Global commands can take up to an hour to appear.' : ''}\n`,
      );
    },
    (err: unknown) => {
      process.stderr.write(`Could not register the commands: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
