/**
 * The composition root: builds config-driven parts (logger, database, upstream client, Discord client)
 * once and passes them down explicitly. Nothing else in the code base constructs these.
 */
import type { Client } from 'discord.js';
import type { Config } from './config/loadConfig.js';
import { openDatabase, type Database } from './db/openDatabase.js';
import { createDiscordClient } from './discord/createDiscordClient.js';
import type { Logger } from './logging/logger.js';
import { SeedanceClient } from './services/seedance/client.js';

export interface App {
  config: Config;
  logger: Logger;
  db: Database;
  seedance: SeedanceClient;
  discord: Client;
  /** Logs in to Discord; resolves once the gateway is READY. */
  start(): Promise<void>;
  /** Stops taking new work, closes Discord and the database. Safe to call twice. */
  stop(): Promise<void>;
}

export async function createApp(config: Config, logger: Logger): Promise<App> {
  const db = await openDatabase(config.databasePath);
  const seedance = new SeedanceClient({
    baseUrl: config.seedance.baseUrl,
    apiKey: config.seedance.apiKey ?? '',
    createPath: config.seedance.createPath,
    queryPath: config.seedance.queryPath,
    timeoutMs: config.seedance.timeoutMs,
    logger: logger.child({ component: 'seedance' }),
  });
  const discord = createDiscordClient({ restUrl: config.discord.restUrl });
  let stopped = false;

  return {
    config,
    logger,
    db,
    seedance,
    discord,
    async start() {
      const ready = new Promise<void>((resolve) => discord.once('clientReady', () => resolve()));
      await discord.login(config.discord.token);
      await ready;
      logger.info({ user: discord.user?.tag, guilds: discord.guilds.cache.size, database: db.path }, 'bot is ready');
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await discord.destroy();
      await db.close();
      logger.info('stopped');
    },
  };
}
