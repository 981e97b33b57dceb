/**
 * The form that Animate and Use as references open on a message: the prompt (required; the field's description
 * names the model and why it was chosen), the duration and aspect ratio prefilled from the member's and the
 * server's defaults, and for Animate on a message with several images a menu to pick one (or all as references
 * on a model that takes several). Discord's modal parts: labels around a text input or a string select.
 */
import {
  type APIModalInteractionResponseCallbackData,
  type APILabelComponent,
  ComponentType,
  TextInputStyle,
} from 'discord.js';
import { canStartFromFrame } from '../../catalog/models.js';
import type { ModelSpec } from '../../catalog/types.js';
import { type Locale, t } from '../../i18n/index.js';
import {
  type ModelReason,
  type SourceKind,
  type SourceMedia,
  takesSeveralImages,
} from '../../services/generation/fromMessage.js';
import { sourceFormIdFor } from '../customIds.js';

/** Discord's limits: a text input's value, a label, a label's description, a select option's label. */
const TEXT_INPUT_MAX = 4000;
const LABEL_MAX = 45;
const DESCRIPTION_MAX = 100;
const OPTION_MAX = 100;
const SELECT_OPTIONS_MAX = 25;

export const SOURCE_FIELDS = { prompt: 'prompt', duration: 'duration', ratio: 'ratio', pick: 'pick' } as const;
/** The pick menu's value for "every image as a reference". */
export const PICK_ALL = 'all';

export interface SourceModalInput {
  kind: SourceKind;
  channelId: string;
  messageId: string;
  model: ModelSpec;
  reason: ModelReason;
  media: SourceMedia;
  /** What the member's and the server's defaults give (prefilled; the member may change or clear them). */
  duration?: number;
  ratio?: string;
}

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function label(text: string, component: APILabelComponent['component'], description?: string): APILabelComponent {
  return {
    type: ComponentType.Label,
    label: cut(text, LABEL_MAX),
    ...(description ? { description: cut(description, DESCRIPTION_MAX) } : {}),
    component,
  };
}

export function sourceModal(input: SourceModalInput, locale: Locale): APIModalInteractionResponseCallbackData {
  const { model } = input;
  const components: APILabelComponent[] = [
    label(
      t(locale, 'modal.field.prompt'),
      {
        type: ComponentType.TextInput,
        custom_id: SOURCE_FIELDS.prompt,
        style: TextInputStyle.Paragraph,
        required: true,
        max_length: Math.min(TEXT_INPUT_MAX, model.promptMaxChars),
      },
      t(locale, `source.model.${input.reason}`, { model: model.id }),
    ),
    label(t(locale, 'modal.field.duration', { min: model.duration.min, max: model.duration.max }), {
      type: ComponentType.TextInput,
      custom_id: SOURCE_FIELDS.duration,
      style: TextInputStyle.Short,
      required: false,
      max_length: 4,
      ...(input.duration !== undefined ? { value: String(input.duration) } : {}),
    }),
  ];
  if (model.ratios.length)
    components.push(
      label(t(locale, 'modal.field.ratio'), {
        type: ComponentType.TextInput,
        custom_id: SOURCE_FIELDS.ratio,
        style: TextInputStyle.Short,
        required: false,
        max_length: 10,
        ...(input.ratio ? { value: input.ratio } : {}),
      }),
    );
  const images = input.media.images;
  if (input.kind === 'animate' && images.length > 1) {
    const options = images.slice(0, SELECT_OPTIONS_MAX - 1).map((m, i) => ({
      label: cut(t(locale, 'source.pick.image', { n: i + 1, name: m.name ?? '' }), OPTION_MAX),
      value: String(i),
      ...(i === 0 ? { default: true } : {}),
    }));
    if (takesSeveralImages(model))
      options.push({
        label: cut(
          t(locale, 'source.pick.all', { count: Math.min(images.length, model.images?.max ?? 0) }),
          OPTION_MAX,
        ),
        value: PICK_ALL,
      });
    const how = t(locale, canStartFromFrame(model) ? 'source.pick.firstFrame' : 'source.pick.reference');
    components.push(
      label(
        t(locale, 'source.field.pick'),
        {
          type: ComponentType.StringSelect,
          custom_id: SOURCE_FIELDS.pick,
          options,
          min_values: 1,
          max_values: 1,
          required: true,
        },
        t(locale, 'source.field.pickHelp', { how }),
      ),
    );
  }
  return {
    custom_id: sourceFormIdFor({
      kind: input.kind,
      channelId: input.channelId,
      messageId: input.messageId,
      model: model.id,
    }),
    title: cut(t(locale, `source.title.${input.kind}`), LABEL_MAX),
    components,
  };
}
