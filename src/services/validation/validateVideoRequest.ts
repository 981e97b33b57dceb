/**
 * Turns what a member asked for into the exact upstream create body, or the full list of problems.
 * Nothing here talks to the network: a request with problems is never sent or charged.
 */
import { billingModelName, findModel, MODEL_IDS } from '../../catalog/models.js';
import type { ModelSpec, Orientation, Ratio } from '../../catalog/types.js';
import type { LooseParams, Message, MessageKey } from '../../i18n/index.js';
import { buildFieldSchema, type ParsedFields } from './fieldSchema.js';
import { list } from './format.js';
import { collectRefs, referenceProblems } from './referenceRules.js';
import type {
  Problem,
  RequestField,
  UpstreamCreateBody,
  UsageCost,
  ValidationResult,
  VideoRequestInput,
} from './types.js';

export interface ValidateOptions {
  /** Model ids this server allows (default: all). */
  enabledModels?: readonly string[];
}

const schemaCache = new Map<string, ReturnType<typeof buildFieldSchema>>();
function schemaFor(model: ModelSpec) {
  let schema = schemaCache.get(model.id);
  if (!schema) schemaCache.set(model.id, (schema = buildFieldSchema(model)));
  return schema;
}

/** Parameters a field problem needs, read from the catalog row and the member's value. */
function fieldParams(model: ModelSpec, field: RequestField, input: VideoRequestInput): LooseParams {
  const value = String((input as unknown as Record<string, unknown>)[field] ?? '');
  switch (field) {
    case 'prompt':
      return { model: model.id, max: model.promptMaxChars, length: (input.prompt ?? '').trim().length };
    case 'duration':
      return { model: model.id, value, ...model.duration };
    case 'resolution':
      return { model: model.id, value, allowed: list(model.resolution.allowed) };
    case 'ratio':
      return { model: model.id, value, allowed: list(model.ratios) };
    default:
      return { model: model.id, value, field };
  }
}

function fieldProblems(model: ModelSpec, input: VideoRequestInput): { fields?: ParsedFields; problems: Problem[] } {
  const parsed = schemaFor(model).safeParse({
    prompt: input.prompt,
    duration: input.duration,
    resolution: input.resolution,
    ratio: input.ratio,
    orientation: input.orientation,
  });
  if (parsed.success) return { fields: parsed.data, problems: [] };
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'prompt') as RequestField;
    if (seen.has(field)) continue; // one message per field is enough
    seen.add(field);
    // zod carries only the key: its parameters are every one the field's keys read (fieldParams), unchecked.
    const message = { key: issue.message as MessageKey, params: fieldParams(model, field, input) } as Message;
    problems.push({ field, ...message });
  }
  return { problems };
}

const LANDSCAPE: readonly Ratio[] = ['21:9', '16:9', '4:3'];
const PORTRAIT: readonly Ratio[] = ['3:4', '9:16'];

function orientationProblems(ratio: Ratio | undefined, orientation: Orientation | undefined): Problem[] {
  if (!ratio || !orientation) return [];
  const clash =
    (orientation === 'landscape' && PORTRAIT.includes(ratio)) ||
    (orientation === 'portrait' && LANDSCAPE.includes(ratio));
  return clash ? [{ field: 'orientation', key: 'orientation.conflict', params: { orientation, ratio } }] : [];
}

function costOf(model: ModelSpec, fields: ParsedFields): UsageCost {
  return {
    billing: model.billing,
    units: model.billing === 'per_task' ? 1 : fields.duration,
    seconds: fields.duration,
    billedAs: billingModelName(model, fields.resolution),
  };
}

function buildBody(model: ModelSpec, fields: ParsedFields, input: VideoRequestInput): UpstreamCreateBody {
  const r = collectRefs(input);
  const urls = (items: { url: string }[]) => items.map((m) => m.url.trim());
  const body: UpstreamCreateBody = { model: model.id, prompt: fields.prompt, duration: fields.duration };
  // Fixed-size routes (MD, STD, Fast I2V, Manxue) take the size from the model id and ignore the field.
  if (!model.resolution.fixed) body.resolution = fields.resolution;
  if (fields.ratio) body.ratio = fields.ratio;
  else if (fields.orientation) body.orientation = fields.orientation; // ratio takes precedence upstream
  if (r.images.length) body.images = urls(r.images);
  if (r.first) body.first_image = r.first.url.trim();
  if (r.last) body.last_image = r.last.url.trim();
  if (r.videos.length) body.reference_videos = urls(r.videos);
  if (r.audios.length) body.reference_audios = urls(r.audios);
  return body;
}

export function validateVideoRequest(input: VideoRequestInput, options: ValidateOptions = {}): ValidationResult {
  const enabled = options.enabledModels ?? MODEL_IDS;
  const model = findModel(String(input.model ?? ''));
  if (!model) {
    return {
      ok: false,
      problems: [
        { field: 'model', key: 'model.unknown', params: { value: String(input.model ?? ''), allowed: list(enabled) } },
      ],
    };
  }
  if (!enabled.includes(model.id)) {
    return {
      ok: false,
      problems: [{ field: 'model', key: 'model.disabled', params: { value: model.id, allowed: list(enabled) } }],
    };
  }
  const { fields, problems } = fieldProblems(model, input);
  problems.push(...orientationProblems(fields?.ratio, fields?.orientation));
  problems.push(...referenceProblems(model, input));
  if (problems.length || !fields) return { ok: false, problems };
  return { ok: true, model, body: buildBody(model, fields, input), cost: costOf(model, fields) };
}
