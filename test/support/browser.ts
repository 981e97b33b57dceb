/**
 * The browser tests' chromium: Debian's (`apt-get install chromium`; .ci/run installs it) or CHROMIUM_PATH. Without
 * one the browser cases are skipped with the reason printed; under CI=true the test file fails instead.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Where the browser tests keep their screenshots (gitignored). */
export const ARTIFACTS = new URL('../../test-artifacts/web/', import.meta.url).pathname;

/** Whether a chromium is there; says why not (and throws under CI=true). Call once at the top of a test file. */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  const reason = `browser tests skipped: no chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`;
  if (process.env.CI === 'true') throw new Error(`${reason}; CI=true requires them`);
  console.warn(reason);
  return false;
}

/** A headless chromium, with the screenshots folder ready. */
export function launchChromium(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
}
