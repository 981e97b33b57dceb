/**
 * The one path from "a member asked for a video" to an accepted task: the server's policy (channels,
 * role), the operator's prompt blocklist and the server's, its defaults for what the member left out, validation against the model's
 * rules (and the server's enabled models), then the usage reservation and the task record. Refusals change
 * nothing.
 */
import type { Message } from '../../i18n/index.js';
import { findModel } from '../../catalog/models.js';
import type { Ratio, Resolution } from '../../catalog/types.js';
import type { EffectiveGuildConfig, GuildConfig, PolicyRefusal } from '../guildConfig/guildConfig.js';
import type { TaskOrigin, TaskRecord } from '../tasks/taskRecord.js';
import type { TaskService } from '../tasks/taskService.js';
import { findBlockedTerm } from '../moderation/blocklist.js';
import { validateVideoRequest } from '../validation/index.js';
import type { Problem, VideoRequestInput } from '../validation/types.js';

/** A request as read from Discord: the model may be left to the server's default. */
export type VideoRequestDraft = Omit<VideoRequestInput, 'model'> & { model?: string };

export type RequestVideoResult =
  | { kind: 'invalid'; problems: Problem[] }
  | { kind: 'policy'; refusal: PolicyRefusal }
  /** The prompt contains a term of the server's blocklist (as the admin wrote it), or of the operator's (`by`). */
  | { kind: 'blocked'; term: string; by?: 'operator' }
  | ({ kind: 'refused' } & Message)
  /** Another process of the bot (sharing the database) answers this interaction. */
  | { kind: 'claimed' }
  | { kind: 'accepted'; task: TaskRecord };

export interface RequestVideoDeps {
  tasks: TaskService;
  guildConfig: GuildConfig;
  /** The operator's blocklist (BLOCKLIST_FILE): applies everywhere, before any server's own. */
  operatorBlocklist?: { terms(): readonly string[] };
}

/** How a task came from another one (its card links back to it). */
export type ParentKind = 'reroll' | 'retry' | 'remix' | 'extend';

export interface RequestVideoOptions {
  /** The member's role ids (a server's generation role, and its role limits). */
  roleIds?: readonly string[];
  parent?: { id: string; kind: ParentKind; messageUrl?: string };
}

type Checked = Extract<ReturnType<typeof validateVideoRequest>, { ok: true }>;

/**
 * Everything but the reservation: the server's policy, its blocklist, its defaults and the model's rules.
 * A refusal here changes nothing; Extend runs it before it does any work.
 */
export async function checkVideoRequest(
  deps: RequestVideoDeps,
  origin: TaskOrigin,
  draft: VideoRequestDraft,
  options: RequestVideoOptions = {},
): Promise<Exclude<RequestVideoResult, { kind: 'accepted' | 'claimed' }> | { kind: 'ok'; checked: Checked }> {
  // A server that did not add the bot (user install) has no settings here: the bot's defaults apply, as in DMs.
  const guildId = origin.userInstall ? null : origin.guildId;
  const policy = await deps.guildConfig.checkPolicy(
    guildId,
    { channelId: origin.channelId, parentChannelId: origin.parentChannelId },
    options.roleIds ?? [],
  );
  if (!policy.ok) return { kind: 'policy', refusal: policy.refusal };
  const cfg = await deps.guildConfig.effective(guildId);
  // The operator's blocklist, then the server's, before anything is reserved or sent.
  const banned = findBlockedTerm(draft.prompt ?? '', deps.operatorBlocklist?.terms() ?? []);
  if (banned !== undefined) return { kind: 'blocked', term: banned, by: 'operator' };
  const term = findBlockedTerm(draft.prompt ?? '', cfg.blocklist);
  if (term !== undefined) return { kind: 'blocked', term };
  const input = withServerDefaults(draft, cfg.defaultModel, cfg.defaults);
  const checked = validateVideoRequest(input, { enabledModels: cfg.enabledModels });
  if (!checked.ok) return { kind: 'invalid', problems: checked.problems };
  return { kind: 'ok', checked };
}

export async function requestVideo(
  deps: RequestVideoDeps,
  origin: TaskOrigin,
  draft: VideoRequestDraft,
  options: RequestVideoOptions = {},
): Promise<RequestVideoResult> {
  const result = await checkVideoRequest(deps, origin, draft, options);
  const { parentChannelId: _notKept, ...kept } = origin;
  if (result.kind !== 'ok') return result;
  const { checked } = result;
  const created = await deps.tasks.create(
    {
      ...kept,
      model: checked.model.id,
      request: checked.body,
      cost: checked.cost,
      ...(options.parent
        ? { parentId: options.parent.id, parentKind: options.parent.kind, parentUrl: options.parent.messageUrl }
        : {}),
    },
    { roleIds: options.roleIds },
  );
  if (!created.ok) {
    if ('claimed' in created) return { kind: 'claimed' };
    const { ok: _ok, ...refusal } = created;
    return { kind: 'refused', ...refusal };
  }
  return { kind: 'accepted', task: created.task };
}

/**
 * Fills what the member left out with the server's defaults, but only where the chosen model accepts the
 * default: a server default must never turn into the member's validation error.
 */
export function withServerDefaults(
  draft: VideoRequestDraft,
  defaultModel: string,
  defaults: EffectiveGuildConfig['defaults'],
): VideoRequestInput {
  const modelId = draft.model ?? defaultModel;
  const m = findModel(modelId);
  const fits = {
    ratio: (v?: string) => !!m && !!v && m.ratios.includes(v as Ratio),
    resolution: (v?: string) => !!m && !!v && m.resolution.allowed.includes(v as Resolution),
    duration: (v?: number) => !!m && v !== undefined && v >= m.duration.min && v <= m.duration.max,
  };
  return {
    ...draft,
    model: modelId,
    ratio: draft.ratio ?? (fits.ratio(defaults.ratio) ? defaults.ratio : undefined),
    resolution: draft.resolution ?? (fits.resolution(defaults.resolution) ? defaults.resolution : undefined),
    duration: draft.duration ?? (fits.duration(defaults.duration) ? defaults.duration : undefined),
  };
}

/** A stored request turned back into validation input (re-roll and retry re-check the current rules). */
export function inputFromTask(task: TaskRecord): VideoRequestDraft {
  const r = task.request;
  const urls = (list?: string[]) => list?.map((url) => ({ url }));
  return {
    model: r.model,
    prompt: r.prompt,
    duration: r.duration,
    resolution: r.resolution,
    ratio: r.ratio,
    orientation: r.orientation,
    images: urls(r.images),
    firstImage: r.first_image ? { url: r.first_image } : undefined,
    lastImage: r.last_image ? { url: r.last_image } : undefined,
    referenceVideos: urls(r.reference_videos),
    referenceAudios: urls(r.reference_audios),
  };
}
