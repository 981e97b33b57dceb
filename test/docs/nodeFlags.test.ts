import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startFlags } from '../../bench/botNodeArgs.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('the bot runs with the same Node flags wherever it is started', () => {
  const flags = startFlags(`${ROOT}package.json`);

  it('npm start caps the heap (V8 then lets garbage grow to about twice what is live, not four times)', () => {
    expect(flags).toContain('--max-old-space-size=2000');
  });

  it("npm start gives the young generation room (fewer scavenges of the poller's short-lived garbage)", () => {
    expect(flags).toContain('--max-semi-space-size=32');
  });

  it("the Dockerfile's CMD passes the flags npm start passes", () => {
    const cmd = /^CMD (\[.*\])$/m.exec(readFileSync(`${ROOT}Dockerfile`, 'utf8'))?.[1];
    expect(JSON.parse(cmd ?? '[]')).toEqual(['node', ...flags, 'dist/main.js']);
  });
});
