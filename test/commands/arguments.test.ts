/**
 * Handlers get arguments typed and read from their command's definition: a sub-command's own options,
 * required ones present, string choices among the defined ones. The @ts-expect-error lines guard the types
 * (`npm run typecheck` fails if an option name or type stops being checked).
 */
import type { Attachment, ChatInputCommandInteraction } from 'discord.js';
import { describe, expect, it } from 'vitest';
import {
  type ArgumentsOf,
  chatCommand,
  InvalidArgumentError,
  option,
  readArguments,
  subcommand,
  subcommandGroup,
} from '../../src/commands/define.js';
import { videoDefinition } from '../../src/commands/video/definition.js';
import { readVideoInput } from '../../src/commands/video/readVideoInput.js';
import { COMMAND_TEXTS } from '../../src/i18n/commandTexts.js';

/** The part of an interaction readArguments uses, answering from plain values (`'group sub'` inside a group). */
function interaction(name: string, values: Record<string, unknown>) {
  const [group, subcommand] = name.includes(' ') ? name.split(' ') : [null, name];
  const get = (name: string, required?: boolean) => {
    const v = values[name];
    if (v === undefined && required) throw new Error(`required option ${name} missing`);
    return v ?? null;
  };
  return {
    options: {
      getSubcommand: () => subcommand,
      getSubcommandGroup: () => group,
      getString: get,
      getInteger: get,
      getBoolean: get,
      getAttachment: get,
      getChannel: get,
      getRole: get,
    },
  } as unknown as ChatInputCommandInteraction;
}
const file = (name: string) => ({ url: `https://cdn/${name}`, name, size: 10, contentType: 'image/png' }) as Attachment;

describe('arguments come from the definition', () => {
  it('a sub-command gets its own options, and only those', () => {
    const args = readArguments(
      interaction('references', { prompt: 'a cat', video1: file('v.mp4'), image2: file('i.png'), ratio: '9:16' }),
      videoDefinition,
    );
    expect(args).toMatchObject({ subcommand: 'references', prompt: 'a cat', ratio: '9:16', image1: undefined });
    expect(Object.keys(args)).not.toContain('first_frame');
    const draft = readVideoInput(args);
    expect(draft.referenceVideos?.map((m) => m.name)).toEqual(['v.mp4']);
    expect(draft.images?.map((m) => m.name)).toEqual(['i.png']);
  });

  it('a string outside its choices is refused, not cast', () => {
    expect(() => readArguments(interaction('text', { prompt: 'x', ratio: '5:4' }), videoDefinition)).toThrow(
      InvalidArgumentError,
    );
  });

  it('an unknown sub-command is refused', () => {
    expect(() => readArguments(interaction('movie', { prompt: 'x' }), videoDefinition)).toThrow(InvalidArgumentError);
  });

  it('option names and types are checked by the compiler', () => {
    const compileErrors = (args: ArgumentsOf<typeof videoDefinition>) => {
      if (args.subcommand === 'frames') {
        const first: Attachment = args.first_frame; // required: never undefined
        // @ts-expect-error frames has no image1 option
        void args.image1;
        // @ts-expect-error ratio is one of the choices, not any string
        const r: '5:4' = args.ratio;
        return [first, r];
      }
      // @ts-expect-error first_frame exists only in frames
      return args.first_frame;
    };
    expect(compileErrors).toBeTypeOf('function');
  });
});

describe('sub-command groups (/video-admin usage members)', () => {
  const grouped = chatCommand('/video-admin', {
    contexts: [0],
    install: 'guild',
    options: [
      subcommand('/video-admin queue'),
      subcommandGroup('/video-admin usage', [
        subcommand('/video-admin usage members', [option.boolean('csv')]),
        subcommand('/video-admin usage chart'),
      ]),
    ],
  });

  it("a group's sub-command is read as '<group> <sub-command>' with its own options", () => {
    expect(readArguments(interaction('usage members', { csv: true }), grouped)).toEqual({
      subcommand: 'usage members',
      csv: true,
    });
    expect(readArguments(interaction('usage chart', {}), grouped)).toEqual({ subcommand: 'usage chart' });
    expect(readArguments(interaction('queue', {}), grouped)).toEqual({ subcommand: 'queue' });
  });

  it('an unknown group or a sub-command outside its group is refused', () => {
    expect(() => readArguments(interaction('reports members', {}), grouped)).toThrow(InvalidArgumentError);
    expect(() => readArguments(interaction('usage queue', {}), grouped)).toThrow(InvalidArgumentError);
    expect(() => readArguments(interaction('members', {}), grouped)).toThrow(InvalidArgumentError);
  });

  it('the handler sees the grouped names in its types', () => {
    const names = (args: ArgumentsOf<typeof grouped>) => {
      if (args.subcommand === 'usage members') return args.csv satisfies boolean | undefined;
      // @ts-expect-error a sub-command of a group is named with its group
      if (args.subcommand === 'members') return 0;
      return args.subcommand satisfies 'queue' | 'usage chart';
    };
    expect(names).toBeTypeOf('function');
  });
});

describe('command text keys are named after what they produce', () => {
  it.each(Object.entries(COMMAND_TEXTS))('%s', (key, text) => {
    // '/video images' names that sub-command; an option's key is its name (numbered ones add 1, 2, …).
    expect(text.name).toBe(key.startsWith('/') ? key.slice(1).split(' ').at(-1) : key);
  });
});
