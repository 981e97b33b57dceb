/**
 * `npm run deploy-commands`: registers the slash commands globally, or in DEV_GUILD_ID only.
 * A bulk overwrite (PUT), so running it twice changes nothing. With USER_INSTALL=true the commands that work
 * everywhere are also registered for user install (see commands/registration.ts).
 * `-- --clear-guild [id]` removes the commands registered in DEV_GUILD_ID (or the server named), so nothing shows
 * twice after testing there; `-- --clear-global` removes the global ones.
 */
import { REST, Routes } from 'discord.js';
import { commandDefinitions } from '../commands/index.js';
import { configOrExit, loadDotEnv } from '../config/loadConfig.js';

interface Connection {
  token: string;
  applicationId?: string;
  restUrl?: string;
}

function connect(options: Connection): { rest: REST; appId: () => Promise<string> } {
  const rest = new REST(options.restUrl ? { api: options.restUrl } : {}).setToken(options.token);
  const appId = async () =>
    options.applicationId ?? ((await rest.get(Routes.currentApplication())) as { id: string }).id;
  return { rest, appId };
}

export async function deployCommands(
  options: Connection & {
    guildId?: string;
    userInstall?: boolean;
    /** DM_ENABLED: false leaves the bot's DMs out of every command's contexts. */
    dmEnabled?: boolean;
  },
): Promise<{ scope: string; count: number }> {
  const { rest, appId: readAppId } = connect(options);
  const appId = await readAppId();
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

/**
 * Removes every command of one scope (a server's, or the global ones) with an empty bulk overwrite, and says how
 * many there were and how many the other scope still has (what members still see).
 */
export async function clearCommands(
  options: Connection & { guildId?: string },
): Promise<{ scope: string; removed: number; globalLeft: number }> {
  const { rest, appId: readAppId } = connect(options);
  const appId = await readAppId();
  const route = options.guildId
    ? Routes.applicationGuildCommands(appId, options.guildId)
    : Routes.applicationCommands(appId);
  const before = ((await rest.get(route)) as unknown[]).length;
  await rest.put(route, { body: [] });
  const globalLeft = options.guildId ? ((await rest.get(Routes.applicationCommands(appId))) as unknown[]).length : 0;
  return { scope: options.guildId ? `guild ${options.guildId}` : 'global', removed: before, globalLeft };
}

export type DeployAction = { kind: 'deploy' } | { kind: 'clear-guild'; guildId?: string } | { kind: 'clear-global' };

/** The command line: nothing (register), `--clear-guild [id]` or `--clear-global`; an error names what is wrong. */
export function parseDeployArgs(argv: readonly string[]): DeployAction | { kind: 'error'; message: string } {
  const [first, second, ...rest] = argv;
  if (first === undefined) return { kind: 'deploy' };
  if (first === '--clear-global' && second === undefined) return { kind: 'clear-global' };
  if (first === '--clear-guild' && rest.length === 0) {
    if (second === undefined) return { kind: 'clear-guild' };
    if (/^\d{17,20}$/.test(second)) return { kind: 'clear-guild', guildId: second };
  }
  return {
    kind: 'error',
    message: `unknown arguments: ${argv.join(' ')}\nUse: npm run deploy-commands [-- --clear-guild [server id] | -- --clear-global]`,
  };
}

/** What `deploy-commands` prints for each outcome, in plain words. */
export function describeDeploy(result: { scope: string; count: number }): string {
  return result.scope === 'global'
    ? `Registered ${result.count} commands globally. They can take up to an hour to appear in every server; members then find them by typing "/".`
    : `Registered ${result.count} commands in server ${result.scope.slice('guild '.length)} (DEV_GUILD_ID): they appear there at once. If you also register them globally later, remove this server's copy with \`npm run deploy-commands -- --clear-guild\` so nothing shows twice.`;
}

export function describeClear(result: { scope: string; removed: number; globalLeft: number }): string {
  if (result.scope === 'global')
    return `Removed ${result.removed} global commands. Members see none of them now (except in servers with their own copy, see DEV_GUILD_ID).`;
  const server = result.scope.slice('guild '.length);
  const left =
    result.globalLeft > 0
      ? `The ${result.globalLeft} global commands stay: members of that server see each command once.`
      : 'No global commands are registered: run `npm run deploy-commands` without DEV_GUILD_ID to register them for every server.';
  return `Removed ${result.removed} commands from server ${server}. ${left}`;
}

async function main(): Promise<void> {
  const action = parseDeployArgs(process.argv.slice(2));
  if (action.kind === 'error') {
    process.stderr.write(`${action.message}\n`);
    process.exit(2);
  }
  loadDotEnv();
  const config = configOrExit({ discord: true });
  const connection = {
    token: config.discord.token!,
    applicationId: config.discord.applicationId,
    restUrl: config.discord.restUrl,
  };
  if (action.kind === 'deploy') {
    const result = await deployCommands({
      ...connection,
      guildId: config.discord.devGuildId,
      userInstall: config.userInstall.enabled,
      dmEnabled: config.dmEnabled,
    });
    process.stdout.write(`${describeDeploy(result)}\n`);
    return;
  }
  if (action.kind === 'clear-global') {
    process.stdout.write(`${describeClear(await clearCommands(connection))}\n`);
    return;
  }
  const guildId = action.guildId ?? config.discord.devGuildId;
  if (!guildId) {
    process.stderr.write(
      'Nothing to clear: DEV_GUILD_ID is not set. Name the server: npm run deploy-commands -- --clear-guild <server id>\n',
    );
    process.exit(2);
  }
  process.stdout.write(`${describeClear(await clearCommands({ ...connection, guildId }))}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err: unknown) => {
    process.stderr.write(`Could not change the commands: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
