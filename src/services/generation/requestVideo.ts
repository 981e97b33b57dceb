/**
 * The one path from "a member asked for a video" to an accepted task: validate against the model's
 * rules, then reserve usage and write the task. Bad input and refused limits change nothing.
 */
import type { MessageKey } from '../../i18n/index.js';
import type { TaskService } from '../tasks/taskService.js';
import type { TaskOrigin, TaskRecord } from '../tasks/taskRecord.js';
import { validateVideoRequest } from '../validation/index.js';
import type { Problem, VideoRequestInput } from '../validation/types.js';

/** The member's side of a request (see TaskOrigin). */
export type VideoRequester = TaskOrigin;

export type RequestVideoResult =
  | { kind: 'invalid'; problems: Problem[] }
  | { kind: 'refused'; key: MessageKey; params: Record<string, string | number> }
  | { kind: 'accepted'; task: TaskRecord };

export interface RequestVideoOptions {
  enabledModels?: readonly string[];
  parentId?: string;
}

export async function requestVideo(
  tasks: TaskService,
  who: VideoRequester,
  input: VideoRequestInput,
  options: RequestVideoOptions = {},
): Promise<RequestVideoResult> {
  const checked = validateVideoRequest(input, { enabledModels: options.enabledModels });
  if (!checked.ok) return { kind: 'invalid', problems: checked.problems };
  const created = await tasks.create({
    ...who,
    model: checked.model.id,
    request: checked.body,
    cost: checked.cost,
    parentId: options.parentId,
  });
  if (!created.ok) return { kind: 'refused', key: created.key, params: created.params };
  return { kind: 'accepted', task: created.task };
}

/** A stored request turned back into validation input (re-roll and retry re-check the current rules). */
export function inputFromTask(task: TaskRecord): VideoRequestInput {
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
