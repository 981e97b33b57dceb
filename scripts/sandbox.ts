/**
 * `npm run sandbox [-- --locale zh-CN]`: the bot with no tokens. Starts the fake Discord, the fake video service and
 * the real bot, plays a short scripted session (scripts/sandbox/session.ts) and prints what members see, in order.
 */
import { parseArgs } from 'node:util';
import { LOCALES, type Locale } from '../src/i18n/index.js';
import { runSandbox } from './sandbox/session.js';

const { values } = parseArgs({
  options: { locale: { type: 'string', default: 'en-US' }, help: { type: 'boolean', short: 'h' } },
});
if (values.help) {
  process.stdout.write(
    `npm run sandbox [-- --locale <${LOCALES.join('|')}>]\n` +
      'A scripted session against a fake Discord and a fake video service (no tokens needed): a video rendered to\n' +
      'the end, one waiting in the queue, refusals, and an admin changing a limit; members see the bot in --locale.\n',
  );
  process.exit(0);
}
const locale = values.locale as Locale;
if (!LOCALES.includes(locale)) {
  process.stderr.write(`--locale: expected one of ${LOCALES.join(', ')} (got "${values.locale}")\n`);
  process.exit(2);
}

runSandbox({ locale, print: (line) => process.stdout.write(`${line}\n`) }).then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`sandbox failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
