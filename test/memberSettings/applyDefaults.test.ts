import { describe, expect, it } from 'vitest';
import { MODEL_IDS } from '../../src/catalog/models.js';
import {
  applyDefaults,
  type DraftRequest,
  type ServerDefaults,
} from '../../src/services/memberSettings/applyDefaults.js';
import type { MemberDefaults } from '../../src/services/memberSettings/memberSettings.js';

const SERVER: ServerDefaults = { defaultModel: 'seedance2.0-mini-sp', defaults: {}, enabledModels: MODEL_IDS };
const text: DraftRequest = { prompt: 'a fox' };
const image = { url: 'https://cdn.discordapp.com/attachments/1/2/a.png', contentType: 'image/png' };

type Row = [
  rule: string,
  draft: DraftRequest,
  member: MemberDefaults | undefined,
  server: Partial<ServerDefaults>,
  expected: Partial<Record<'model' | 'ratio' | 'resolution' | 'duration', unknown>>,
  used: MemberDefaults,
];

const ROWS: Row[] = [
  [
    'nothing set: the server default model, nothing else',
    text,
    undefined,
    {},
    { model: 'seedance2.0-mini-sp', duration: undefined },
    {},
  ],
  [
    'the member default fills what the command left out',
    text,
    { model: 'seedance2.0-sp', duration: 10, ratio: '16:9', resolution: '1080p' },
    {},
    { model: 'seedance2.0-sp', duration: 10, ratio: '16:9', resolution: '1080p' },
    { model: 'seedance2.0-sp', duration: 10, ratio: '16:9', resolution: '1080p' },
  ],
  [
    'the command wins over the member default',
    { ...text, model: 'seedance2.0-md', duration: 5, ratio: '1:1' },
    { model: 'seedance2.0-sp', duration: 10, ratio: '16:9' },
    {},
    { model: 'seedance2.0-md', duration: 5, ratio: '1:1' },
    {},
  ],
  [
    'the member default wins over the server default',
    text,
    { duration: 10 },
    { defaults: { duration: 6, ratio: '9:16' } },
    { duration: 10, ratio: '9:16' },
    { duration: 10 },
  ],
  [
    'a member default model the server switched off is skipped (the server default applies)',
    text,
    { model: 'seedance2.0-sp', duration: 10 },
    { enabledModels: MODEL_IDS.filter((id) => id !== 'seedance2.0-sp') },
    { model: 'seedance2.0-mini-sp', duration: 10 },
    { duration: 10 },
  ],
  [
    'a member value the model does not take is skipped (the server value that fits applies)',
    { ...text, model: 'seedance2.0-md' },
    { ratio: '21:9', duration: 12 },
    { defaults: { ratio: '9:16' } },
    { model: 'seedance2.0-md', ratio: '9:16', duration: 12 },
    { duration: 12 },
  ],
  [
    'a member default model that does not take the request media is skipped',
    { ...text, firstImage: image },
    { model: 'seedance2.0-fast-i2v' },
    { defaultModel: 'seedance2.0-std' },
    { model: 'seedance2.0-std' },
    {},
  ],
  [
    'an image-to-video default model is skipped for a text request',
    text,
    { model: 'seedance2.0-fast-i2v' },
    {},
    { model: 'seedance2.0-mini-sp' },
    {},
  ],
  ['an unknown member model is skipped', text, { model: 'gone-model' }, {}, { model: 'seedance2.0-mini-sp' }, {}],
];

describe('precedence: command > member defaults > server defaults > model', () => {
  it.each(ROWS)('%s', (_rule, draft, member, server, expected, used) => {
    const out = applyDefaults(draft, member, { ...SERVER, ...server });
    expect(out.input).toMatchObject(expected);
    expect(out.usedMemberDefaults).toEqual(used);
  });
});
