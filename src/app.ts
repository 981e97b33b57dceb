/**
 * The composition root: builds every long-lived part once (database, stores, upstream client, services,
 * Discord client) from the config and passes them down explicitly. Nothing else constructs these.
 */
import type { Client } from 'discord.js';
import type { Config } from './config/loadConfig.js';
import { openDatabase, type Database } from './db/openDatabase.js';
import { createTaskStore } from './db/taskStore.js';
import type { BotContext } from './discord/botContext.js';
import { createDiscordClient } from './discord/createDiscordClient.js';
import { createDiscordTaskPresenter } from './discord/discordTaskPresenter.js';
import { attachInteractionRouter } from './discord/interactionRouter.js';
import type { Logger } from './logging/logger.js';
import { createGuildConfig } from './services/guildConfig/guildConfig.js';
import { createPoller, type Poller } from './services/polling/poller.js';
import { SeedanceClient } from './services/seedance/client.js';
import { createTaskService, type TaskService } from './services/tasks/taskService.js';
import { createUsageStore } from './db/usageStore.js';
import { createGuildLedger, type GuildLedger } from './services/usage/guildLedger.js';

export interface AppOptions {
  /** Injected clock (tests); Date.now otherwise. */
  now?: () => number;
  /** Allow plain-http video URLs (the loopback fake Seedance in tests and the sandbox). */
  allowInsecureVideoUrls?: boolean;
}

export interface App {
  config: Config;
  logger: Logger;
  db: Database;
  seedance: SeedanceClient;
  tasks: TaskService;
  ledger: GuildLedger;
  poller: Poller;
  discord: Client;
  /** Logs in to Discord; resolves once the gateway is READY. */
  start(): Promise<void>;
  /** Stops taking new work, lets work in flight finish within `graceMs`, closes Discord and the database. */
  stop(graceMs?: number): Promise<void>;
}

export async function createApp(config: Config, logger: Logger, options: AppOptions = {}): Promise<App> {
  const now = options.now ?? Date.now;
  const db = await openDatabase(config.databasePath);
  const seedance = new SeedanceClient({
    baseUrl: config.seedance.baseUrl,
    apiKey: config.seedance.apiKey ?? '',
    createPath: config.seedance.createPath,
    queryPath: config.seedance.queryPath,
    timeoutMs: config.seedance.timeoutMs,
    allowInsecureVideoUrls: options.allowInsecureVideoUrls,
    logger: logger.child({ component: 'seedance' }),
  });
  const usageStore = createUsageStore(db);
  const ledger = createGuildLedger({ store: usageStore, defaults: config.limits, dmEnabled: config.dmEnabled, now });
  const tasks = createTaskService({
    store: createTaskStore(db),
    upstream: seedance,
    ledger,
    logger: logger.child({ component: 'tasks' }),
    now,
  });
  const discord = createDiscordClient({ restUrl: config.discord.restUrl });
  const presenter = createDiscordTaskPresenter(discord, logger.child({ component: 'delivery' }), {
    now,
    allowHttpVideo: options.allowInsecureVideoUrls,
    onMessageMoved: async (taskId, channelId, messageId) => {
      await tasks.moveMessage(taskId, channelId, messageId);
    },
  });
  const poller = createPoller({
    tasks,
    upstream: seedance,
    presenter,
    logger: logger.child({ component: 'poller' }),
    settings: { ...config.poll },
    now,
  });
  const guildConfig = createGuildConfig({
    store: usageStore,
    defaultLimits: config.limits,
    defaultModel: config.seedance.defaultModel,
    logger: logger.child({ component: 'guild-config' }),
  });
  const ctx: BotContext = {
    tasks,
    guildConfig,
    ledger,
    logger: logger.child({ component: 'discord' }),
    now,
    track: (task) => poller.track(task),
  };
  attachInteractionRouter(discord, ctx);
  let stopped = false;

  return {
    config,
    logger,
    db,
    seedance,
    tasks,
    ledger,
    poller,
    discord,
    async start() {
      const ready = new Promise<void>((resolve) => discord.once('clientReady', () => resolve()));
      await discord.login(config.discord.token);
      await ready;
      const resumed = await poller.start();
      logger.info(
        { user: discord.user?.tag, guilds: discord.guilds.cache.size, database: db.path, ...resumed },
        'bot is ready',
      );
    },
    async stop(graceMs = 10_000) {
      if (stopped) return;
      stopped = true;
      // Stop taking commands first, then let queries and uploads in flight finish within the bound.
      discord.removeAllListeners('interactionCreate');
      await poller.stop(graceMs);
      await discord.destroy();
      await db.close();
      logger.info('stopped');
    },
  };
}
