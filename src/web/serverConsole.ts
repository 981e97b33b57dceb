/**
 * The server console's rules and data: which servers a member may open (Manage Server, Administrator or owner in
 * their sign-in guild list), what the console shows (settings read past the process's cache, the last 30 days by
 * family, the month by member, the queue), and each form read into the same `Change` the slash command makes.
 */
import { MODEL_IDS } from '../catalog/models.js';
import { RATIO_CHOICES, RESOLUTION_CHOICES } from '../catalog/types.js';
import type { EffectiveGuildConfig, GuildConfig, GuildSettings } from '../services/guildConfig/guildConfig.js';
import {
  type Change,
  type ChangeRefused,
  changeBlocklist,
  changeChannels,
  changeModel,
  galleryOff,
  setDefaults,
  setGallery,
  setLimit,
  setRole,
  setRoleLimit,
  setTimeZone,
} from '../services/guildConfig/settingsChanges.js';
import type { GalleryKind } from '../services/gallery/gallerySettings.js';
import { readServerQueue, type ServerQueue } from '../services/queue/serverQueue.js';
import type { TaskQueue } from '../services/queue/taskQueue.js';
import type { TaskService } from '../services/tasks/taskService.js';
import type { GuildLedger, MemberUsageRow } from '../services/usage/guildLedger.js';
import { LIMIT_NAMES, type LimitName, MEMBER_LIMIT_NAMES, type MemberLimitName } from '../services/usage/limits.js';
import type { Locale } from '../i18n/index.js';
import type { MemberGuild } from './discordOAuth.js';

/** What Discord says of a channel picked for the gallery (src/discord/galleryChannel.ts, passed in by app.ts). */
export type GalleryChannelCheck =
  | { ok: true; kind: GalleryKind; tagCount: number }
  | { ok: false; why: 'not_visible' | 'bad_kind' }
  | { ok: false; why: 'missing'; kind: GalleryKind; missing: string[] };

/** What the console needs from the bot (the composition root passes the same instances the commands use). */
export interface ServerConsoleDeps {
  guildConfig: GuildConfig;
  ledger: GuildLedger;
  tasks: Pick<TaskService, 'running' | 'getMany'>;
  queue: Pick<TaskQueue, 'places'>;
  /** Asked of Discord through the bot before every write: does this member manage this server right now? */
  canManage(guildId: string, userId: string): Promise<boolean>;
  /** The gallery channel's kind and the bot's permissions there (absent: the gallery form says it cannot check). */
  checkGalleryChannel?(guildId: string, channelId: string): Promise<GalleryChannelCheck>;
}

const ADMINISTRATOR = 1n << 3n;
const MANAGE_GUILD = 1n << 5n;

/** Whether the sign-in guild list says the member manages this server (owner, Administrator or Manage Server). */
export function managesGuild(g: MemberGuild): boolean {
  if (g.owner) return true;
  let perms: bigint;
  try {
    perms = BigInt(g.permissions);
  } catch {
    return false;
  }
  return (perms & (ADMINISTRATOR | MANAGE_GUILD)) !== 0n;
}

/** The server of the URL, if the member's sign-in guild list says they manage it (else undefined: 403). */
export function managedGuild(guilds: readonly MemberGuild[] | undefined, guildId: string): MemberGuild | undefined {
  return guilds?.find((g) => g.id === guildId && managesGuild(g));
}

export type ChartView = 'family' | 'members';
export const readView = (raw: unknown): ChartView => (raw === 'members' ? 'members' : 'family');

/** Rows of the members' table per page. */
export const MEMBERS_PER_PAGE = 50;
/** Members in the chart's member view. */
export const TOP_MEMBERS = 10;

export interface ConsoleData {
  effective: EffectiveGuildConfig;
  own: Readonly<GuildSettings>;
  history: Awaited<ReturnType<GuildLedger['dailyHistory']>>;
  month: string;
  /** Every member's month, most videos first. */
  rows: MemberUsageRow[];
  queue: ServerQueue;
}

/** Everything the console page shows, read per request (settings past the cache: a change elsewhere shows at once). */
export async function readConsole(deps: ServerConsoleDeps, guildId: string): Promise<ConsoleData> {
  const [effective, own, history, breakdown, queue] = await Promise.all([
    deps.guildConfig.effective(guildId, { fresh: true }),
    deps.guildConfig.settings(guildId, { fresh: true }),
    deps.ledger.dailyHistory(guildId, 30),
    deps.ledger.memberBreakdown(guildId),
    readServerQueue(deps, guildId, 25),
  ]);
  return { effective, own, history, month: breakdown.month, rows: breakdown.rows, queue };
}

/** The forms of the console, one per `/video-admin` sub-command that changes a setting. */
export const CONSOLE_FORMS = [
  'limit',
  'channel',
  'role',
  'role-limit',
  'model',
  'defaults',
  'timezone',
  'blocklist',
  'gallery',
] as const;
export type ConsoleForm = (typeof CONSOLE_FORMS)[number];
export const isConsoleForm = (raw: string): raw is ConsoleForm => (CONSOLE_FORMS as readonly string[]).includes(raw);

/** A form the console refuses before any service is asked (a field that is not one of the choices offered). */
export type FormRefused = { ok: false; key: 'console.badField'; value: string };

const field = (body: Record<string, unknown>, name: string): string => {
  const v = body[name];
  return typeof v === 'string' ? v.trim().slice(0, 200) : '';
};
const oneOf = <T extends string>(list: readonly T[], raw: string): T | undefined =>
  (list as readonly string[]).includes(raw) ? (raw as T) : undefined;
/** A Discord id, typed bare or as a mention (`<#id>`, `<@&id>`); '' when empty, undefined when not an id. */
function snowflake(raw: string): string | undefined {
  if (!raw) return '';
  const m = /^(?:<[#@]&?)?(\d{17,20})>?$/.exec(raw);
  return m?.[1];
}
const bad = (value: string): FormRefused => ({ ok: false, key: 'console.badField', value });

/**
 * A posted form as the change the slash command would make (the same functions of settingsChanges.ts), or why it
 * is refused. The gallery form's channel is checked with Discord by the caller first (`place`).
 */
export function readConsoleForm(
  form: Exclude<ConsoleForm, 'gallery'>,
  body: Record<string, unknown>,
  current: EffectiveGuildConfig,
): Change | FormRefused {
  switch (form) {
    case 'limit': {
      const name = oneOf<LimitName>(LIMIT_NAMES, field(body, 'name'));
      return name ? setLimit(name, field(body, 'value')) : bad(field(body, 'name'));
    }
    case 'role-limit': {
      const role = snowflake(field(body, 'role'));
      const name = oneOf<MemberLimitName>(MEMBER_LIMIT_NAMES, field(body, 'name'));
      if (!role) return bad(field(body, 'role'));
      return name ? setRoleLimit(role, name, field(body, 'value')) : bad(field(body, 'name'));
    }
    case 'channel': {
      const action = oneOf(['add', 'remove', 'clear'] as const, field(body, 'action'));
      const channel = snowflake(field(body, 'channel'));
      if (!action) return bad(field(body, 'action'));
      if (channel === undefined) return bad(field(body, 'channel'));
      return changeChannels(action, channel || undefined);
    }
    case 'role': {
      const role = snowflake(field(body, 'role'));
      return role === undefined ? bad(field(body, 'role')) : setRole(role || undefined);
    }
    case 'model': {
      const action = oneOf(['enable', 'disable'] as const, field(body, 'action'));
      return action ? changeModel(action, field(body, 'model')) : bad(field(body, 'action'));
    }
    case 'defaults': {
      const pick = <T extends string>(list: readonly T[], name: string) => {
        const raw = field(body, name);
        return raw ? (oneOf(list, raw) ?? null) : undefined;
      };
      const model = pick(MODEL_IDS, 'model');
      const ratio = pick(RATIO_CHOICES, 'ratio');
      const resolution = pick(RESOLUTION_CHOICES, 'resolution');
      const rawDuration = field(body, 'duration');
      const duration = rawDuration ? Number(rawDuration) : undefined;
      if (model === null) return bad(field(body, 'model'));
      if (ratio === null) return bad(field(body, 'ratio'));
      if (resolution === null) return bad(field(body, 'resolution'));
      // The slash command's bounds (an integer option, 1 to 15).
      if (duration !== undefined && (!Number.isInteger(duration) || duration < 1 || duration > 15))
        return bad(rawDuration);
      return setDefaults({ model, ratio, resolution, duration }, field(body, 'reset') === 'on');
    }
    case 'timezone':
      return setTimeZone(field(body, 'zone'));
    case 'blocklist': {
      const action = oneOf(['add', 'remove'] as const, field(body, 'action'));
      return action ? changeBlocklist(action, field(body, 'term'), current.blocklist) : bad(field(body, 'action'));
    }
  }
}

/** The gallery form: off, or a channel (already checked with Discord: `place`) and the auto and digest switches. */
export function readGalleryForm(
  body: Record<string, unknown>,
  place: { channelId: string; kind: GalleryKind; locale: Locale } | undefined,
): Change {
  if (field(body, 'off') === 'on') return galleryOff();
  const onOff = (name: string) => {
    const v = field(body, name);
    return v === 'on' ? true : v === 'off' ? false : undefined;
  };
  return setGallery(place, { auto: onOff('auto'), digest: onOff('digest') });
}

/** The gallery form's channel field: '' (none), an id, or undefined (not an id). */
export const galleryChannelOf = (body: Record<string, unknown>) => snowflake(field(body, 'channel'));

export type { ChangeRefused };
