/**
 * The layering rule in biome.json (docs/ARCHITECTURE.md): a file below src/discord that imports discord.js,
 * Discord's API types, src/discord or src/commands fails `npm run lint`. Checked on crafted files in a temp
 * copy of the configuration, so the real tree is never touched.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const biome = join(root, 'node_modules/.bin/biome');
const dir = mkdtempSync(join(tmpdir(), 'layering-'));
cpSync(join(root, 'biome.json'), join(dir, 'biome.json'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function lint(path: string, source: string): { status: number | null; output: string } {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), source);
  const r = spawnSync(biome, ['lint', '--vcs-enabled=false', '--colors=off', path], { cwd: dir, encoding: 'utf8' });
  return { status: r.status, output: r.stdout + r.stderr };
}

const importsDiscord = `import { Client } from 'discord.js';\nexport const made = Client;\n`;

describe('nothing below src/discord imports discord.js', () => {
  it.each(['src/services/polling/x.ts', 'src/db/x.ts', 'src/catalog/x.ts', 'src/i18n/x.ts', 'src/config/x.ts'])(
    '%s importing discord.js fails the lint',
    (path) => {
      const r = lint(path, importsDiscord);
      expect(r.status).toBe(1);
      expect(r.output).toContain('lint/style/noRestrictedImports');
      expect(r.output).toContain('never import discord.js');
    },
  );

  it('a service importing src/discord or src/commands fails the lint', () => {
    const r = lint(
      'src/services/tasks/y.ts',
      `import { escapeMarkdown } from '../../discord/render/text.js';\nimport { commands } from '../../commands/index.js';\nexport const made = [escapeMarkdown, commands];\n`,
    );
    expect(r.status).toBe(1);
    expect(r.output).toContain('never import src/discord or src/commands');
    expect(r.output).toContain('Found 2 errors');
  });

  it('the same import is allowed in src/discord and src/commands', () => {
    expect(lint('src/discord/x.ts', importsDiscord).status).toBe(0);
    expect(lint('src/commands/x.ts', importsDiscord).status).toBe(0);
  });
});

describe('the router sits above nothing: src/discord never imports src/commands', () => {
  it('src/discord importing src/commands fails the lint', () => {
    const r = lint(
      'src/discord/z.ts',
      `import { COMMANDS } from '../commands/index.js';\nexport const made = COMMANDS;\n`,
    );
    expect(r.status).toBe(1);
    expect(r.output).toContain('src/discord never imports src/commands');
  });

  it('src/commands importing src/discord is the allowed direction', () => {
    const r = lint(
      'src/commands/z.ts',
      `import { NO_MENTIONS } from '../discord/render/text.js';\nexport const made = NO_MENTIONS;\n`,
    );
    expect(r.status).toBe(0);
  });
});

describe('the web side sits beside the bot: src/web calls services, never discord.js; services never import src/web', () => {
  it('src/web importing discord.js or src/discord fails the lint', () => {
    expect(lint('src/web/x.ts', importsDiscord).output).toContain('src/web calls the services, never discord.js');
    const r = lint(
      'src/web/pages/y.ts',
      `import { escapeMarkdown } from '../../discord/render/text.js';\nexport const made = escapeMarkdown;\n`,
    );
    expect(r.status).toBe(1);
    expect(r.output).toContain('never src/discord or src/commands');
  });

  it('a service importing src/web fails the lint; src/web importing services and i18n passes', () => {
    const r = lint(
      'src/services/tasks/w.ts',
      `import { escapeHtml } from '../../web/escapeHtml.js';\nexport const made = escapeHtml;\n`,
    );
    expect(r.status).toBe(1);
    expect(r.output).toContain('never import src/web');
    const ok = lint(
      'src/web/pages/z.ts',
      `import { wt } from '../../i18n/web/index.js';\nimport { keys } from '../../db/keys.js';\nexport const made = [wt, keys];\n`,
    );
    expect(ok.status).toBe(0);
  });
});
