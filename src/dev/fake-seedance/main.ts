/** `npm run fake-seedance`: the fake on FAKE_SEEDANCE_PORT (default 8787) for local demos; Ctrl-C stops it. */
import { startFakeSeedance } from './server.js';

const fake = await startFakeSeedance({
  port: Number(process.env.FAKE_SEEDANCE_PORT ?? 8787),
  apiKey: process.env.FAKE_SEEDANCE_KEY ?? 'test-key',
});
process.stdout.write(
  `${JSON.stringify({ baseUrl: fake.url, apiKey: fake.apiKey, hint: 'set SEEDANCE_BASE_URL and SEEDANCE_API_KEY to these' })}\n`,
);
process.once('SIGINT', () => void fake.close().then(() => process.exit(0)));
process.once('SIGTERM', () => void fake.close().then(() => process.exit(0)));
