/**
 * The README and docs/*.md say only true things about the tree: every `npm run` script, CLI subcommand, bench name
 * and deploy-commands flag they show exists, every repository path they name exists, every link to a local file
 * (and its #anchor) leads somewhere, and every setting they name is one the config reads.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDeployArgs } from '../../src/cli/deployCommands.js';

const ROOT = join(import.meta.dirname, '../..');
const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');
const DOCS = ['README.md', ...readdirSync(join(ROOT, 'docs')).map((f) => `docs/${f}`)].filter((f) => f.endsWith('.md'));
const scripts = Object.keys((JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts);

/** Every match of `re` (group 1) in every doc, with where it was found. */
function mentions(re: RegExp): Array<{ doc: string; value: string }> {
  return DOCS.flatMap((doc) => [...read(doc).matchAll(re)].map((m) => ({ doc, value: m[1]! })));
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to dashes. */
function anchors(doc: string): Set<string> {
  const text = read(doc).replace(/```[\s\S]*?```/g, '');
  return new Set(
    [...text.matchAll(/^#{1,6} (.+)$/gm)].map((m) =>
      m[1]!
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s_-]/gu, '')
        .replace(/\s/g, '-'),
    ),
  );
}

describe('commands the docs show exist', () => {
  it('every `npm run <script>`', () => {
    const missing = mentions(/npm run ([a-z][\w-]*)/g).filter((m) => !scripts.includes(m.value));
    expect(missing).toEqual([]);
  });
  it('every `npm run cli -- <subcommand>`', () => {
    const cli = read('src/cli/main.ts');
    const missing = mentions(/npm run cli -- ([a-z]+)/g).filter((m) => !cli.includes(`npm run cli -- ${m.value} `));
    expect(missing).toEqual([]);
  });
  it('every `npm run bench -- <name>`', () => {
    const bench = read('bench/run.ts');
    const names = mentions(/npm run bench -- ([a-z0-9]+)/g).filter((m) => m.value !== 'NAME');
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((m) => !new RegExp(`^\\s+${m.value}: `, 'm').test(bench))).toEqual([]);
  });
  it('every `npm run deploy-commands -- <flags>` is accepted', () => {
    const uses = mentions(/npm run deploy-commands -- ([^`\n|]+?)(?:`|$)/gm);
    expect(uses.length).toBeGreaterThan(0);
    const args = (s: string) => s.trim().replace('<server id>', '1100000000000000001').split(/\s+/);
    expect(uses.filter((m) => parseDeployArgs(args(m.value)).kind === 'error')).toEqual([]);
  });
});

describe('paths and links the docs name exist', () => {
  it('every repository path in backticks', () => {
    const paths = mentions(
      /`((?:src|test|scripts|bench|docs)\/[\w./-]+|\.env\.example|Dockerfile|docker-compose\.yml)`/g,
    );
    expect(paths.length).toBeGreaterThan(10);
    expect(paths.filter((m) => !existsSync(join(ROOT, m.value)))).toEqual([]);
  });
  it('every link to a local file, and its #anchor', () => {
    const broken = mentions(/\]\(([^)\s]+)\)/g).filter(({ doc, value }) => {
      if (/^(https?:|mailto:)/.test(value)) return false;
      const [file, anchor] = value.split('#') as [string, string | undefined];
      const target = file ? normalize(join(dirname(doc), file)) : doc;
      if (!existsSync(join(ROOT, target))) return true;
      return anchor !== undefined && target.endsWith('.md') && !anchors(target).has(anchor);
    });
    expect(broken).toEqual([]);
  });
});

describe('settings the docs name are read by the config', () => {
  it('every UPPER_CASE setting in backticks is in the config schema or .env.example', () => {
    // The bot's config, and the fake video service's own port setting (`npm run fake-seedance`).
    const known = read('src/config/schema.ts') + read('.env.example') + read('src/dev/fake-seedance/main.ts');
    // Not the bot's settings: the compose file's database password, Node's own, a Dockerfile instruction, a
    // placeholder, a gateway event, a code constant.
    const others = new Set([
      'POSTGRES_PASSWORD',
      'NODE_ENV',
      'HEALTHCHECK',
      'APP_ID',
      'INTERACTION_CREATE',
      'START_PAGE',
    ]);
    const names = mentions(/`([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)(?:=[^`]*)?`/g).filter((m) => !others.has(m.value));
    expect(names.length).toBeGreaterThan(20);
    expect(names.filter((m) => !known.includes(m.value))).toEqual([]);
  });
});
