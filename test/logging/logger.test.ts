import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging/logger.js';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, destination };
}

const TOKEN = 'fake-bot-token.for-redaction-tests.not-a-real-one';
const KEY = 'sk_live_0123456789abcdef';

describe('logs never carry secrets', () => {
  it('redacts the metrics token wherever a config object carries it', () => {
    const { lines, destination } = capture();
    const log = createLogger({ destination });
    log.info({ config: { http: { port: 1, host: 'h', metricsToken: 'metrics-secret-1234' } } }, 'config');
    log.info({ http: { metricsToken: 'metrics-secret-1234' }, metricsToken: 'metrics-secret-1234' }, 'again');
    expect(lines.join('\n')).not.toContain('metrics-secret-1234');
  });

  it('scrubs the bot token and API key from messages, fields and errors', () => {
    const { lines, destination } = capture();
    const log = createLogger({ destination, secrets: [TOKEN, KEY] });
    log.info(
      { apiKey: KEY, nested: { token: TOKEN }, headers: { authorization: `Bearer ${KEY}` } },
      `login with ${TOKEN}`,
    );
    log.error({ err: new Error(`upstream said: bad key ${KEY}`) }, 'failed');
    log.info(
      {
        url: `https://discord.com/api/v10/webhooks/123456789012345678/aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4OnRva2Vu/messages/@original`,
      },
      'edit',
    );
    const all = lines.join('\n');
    expect(lines).toHaveLength(3);
    expect(all).not.toContain(TOKEN);
    expect(all).not.toContain(KEY);
    expect(all).not.toContain('aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4OnRva2Vu');
    expect(all).toContain('[REDACTED]');
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'info', msg: 'login with [REDACTED]' });
  });

  it('masks interaction tokens by field name even when their value is unknown in advance', () => {
    const { lines, destination } = capture();
    createLogger({ destination }).info(
      { task: { interactionToken: 'short-lived-token-value', guildId: '1' } },
      'saved',
    );
    expect(lines[0]).not.toContain('short-lived-token-value');
    expect(JSON.parse(lines[0]!).task.guildId).toBe('1');
  });
});

describe('log lines stay small and never carry request bodies or file data', () => {
  it('a failed 1 MiB upload logs the Discord error, not the file', async () => {
    const { DiscordAPIError } = await import('discord.js');
    const { lines, destination } = capture();
    const log = createLogger({ destination, secrets: [TOKEN] });
    const file = Buffer.alloc(1024 * 1024, 0x41);
    const err = new DiscordAPIError(
      { code: 50035, message: 'Invalid Form Body' },
      50035,
      400,
      'PATCH',
      'https://discord.com/api/v10/channels/1/messages/2',
      { files: [{ name: 'video.mp4', data: file }], body: { content: 'x'.repeat(50_000) } },
    );
    log.error({ err, taskId: 'abc', guildId: '123' }, 'upload failed');
    expect(lines).toHaveLength(1);
    const line = lines[0]!;
    expect(Buffer.byteLength(line)).toBeLessThan(16 * 1024);
    expect(line).not.toContain('AAAAAAAA');
    expect(line).not.toContain('QUFBQUFB');
    const parsed = JSON.parse(line);
    expect(parsed).toMatchObject({ taskId: 'abc', guildId: '123', err: { code: 50035, status: 400, method: 'PATCH' } });
    expect(JSON.stringify(parsed.err)).not.toContain('requestBody');
  });

  it('a line over 16 KB becomes a short valid line that says so', () => {
    const { lines, destination } = capture();
    const log = createLogger({ destination });
    log.info({ taskId: 't1', blob: 'y'.repeat(100_000) }, 'huge');
    expect(Buffer.byteLength(lines[0]!)).toBeLessThanOrEqual(16 * 1024);
    expect(JSON.parse(lines[0]!)).toMatchObject({ msg: 'huge', taskId: 't1', truncated: true });
  });

  it('a secret at the cut is scrubbed before the line is cut', () => {
    const { lines, destination } = capture();
    const log = createLogger({ destination, secrets: [KEY] });
    log.info({ a: 'z'.repeat(16 * 1024 - 40), b: `${KEY}` }, 'm');
    expect(lines.join('\n')).not.toContain(KEY.slice(0, 12));
  });
});
