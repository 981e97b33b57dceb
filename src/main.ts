/** Entry point of the bot: read .env and the environment, build the app, run until SIGINT/SIGTERM. */
import { configOrExit, configSecrets, loadDotEnv } from './config/loadConfig.js';
import { createLogger } from './logging/logger.js';
import { createApp } from './app.js';

loadDotEnv();
const config = configOrExit({ discord: true, seedance: true });
const logger = createLogger({ level: config.logLevel, secrets: configSecrets(config) });

try {
  const app = await createApp(config, logger);
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    app.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  // SIGHUP: read BLOCKLIST_FILE again (it is also read again when the file changes).
  process.on('SIGHUP', () => {
    logger.info({ signal: 'SIGHUP' }, 'reading the operator blocklist again');
    app.reloadBlocklist();
  });
  await app.start();
} catch (err) {
  logger.fatal({ err }, 'could not start the bot');
  process.exit(1);
}
