/**
 * `npm run fake-seedance`: the fake on FAKE_SEEDANCE_PORT (default 8787) for local demos; prints the `.env` lines
 * that point the bot at it, then runs until Ctrl-C.
 */
import { startFakeSeedance } from './server.js';
import { demoEnvLines } from './demoEnv.js';

const fake = await startFakeSeedance({
  port: Number(process.env.FAKE_SEEDANCE_PORT ?? 8787),
  apiKey: process.env.FAKE_SEEDANCE_KEY ?? 'test-key',
});
process.stdout.write(
  [
    `fake video service listening on ${fake.url} (Ctrl-C stops it)`,
    'Put these lines in .env (replacing any SEEDANCE_BASE_URL / SEEDANCE_API_KEY there), then run `npm start`:',
    '',
    ...demoEnvLines(fake.url, fake.apiKey),
    '',
    'Prompt markers: [fail], [fail:moderation], [stuck], [slow], [big:BYTES] (src/dev/fake-seedance/scripts.ts).',
    '',
  ].join('\n'),
);
process.once('SIGINT', () => void fake.close().then(() => process.exit(0)));
process.once('SIGTERM', () => void fake.close().then(() => process.exit(0)));
