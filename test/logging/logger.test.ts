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
