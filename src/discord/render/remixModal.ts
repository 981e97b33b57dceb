/**
 * The modal that Remix and Extend open: the prompt prefilled (editable), and the duration and aspect ratio as
 * short text inputs. What the member types is validated like any /video when the modal is submitted.
 */
import { ActionRowBuilder, ModalBuilder, TextInputBuilder, TextInputStyle } from 'discord.js';
import { findModel } from '../../catalog/models.js';
import { type Locale, t } from '../../i18n/index.js';
import type { TaskRecord } from '../../services/tasks/taskRecord.js';
import { customIdFor } from '../customIds.js';

/** Discord's limits for a text input's value and label. */
const TEXT_INPUT_MAX = 4000;
const LABEL_MAX = 45;

export const MODAL_FIELDS = { prompt: 'prompt', duration: 'duration', ratio: 'ratio' } as const;

export function remixModal(task: TaskRecord, locale: Locale, kind: 'remix' | 'extend') {
  const model = findModel(task.model);
  const r = task.request;
  const maxPrompt = Math.min(TEXT_INPUT_MAX, model?.promptMaxChars ?? TEXT_INPUT_MAX);
  const label = (text: string) => text.slice(0, LABEL_MAX);
  const prompt = new TextInputBuilder()
    .setCustomId(MODAL_FIELDS.prompt)
    .setLabel(label(t(locale, kind === 'remix' ? 'modal.field.prompt' : 'modal.field.extendPrompt')))
    .setStyle(TextInputStyle.Paragraph)
    .setRequired(true)
    .setMaxLength(maxPrompt);
  if (r.prompt) prompt.setValue(r.prompt.slice(0, maxPrompt));
  const duration = new TextInputBuilder()
    .setCustomId(MODAL_FIELDS.duration)
    .setLabel(
      label(t(locale, 'modal.field.duration', { min: model?.duration.min ?? 1, max: model?.duration.max ?? 15 })),
    )
    .setStyle(TextInputStyle.Short)
    .setRequired(false)
    .setMaxLength(4)
    .setValue(String(r.duration));
  const rows = [prompt, duration];
  if (model?.ratios.length) {
    const ratio = new TextInputBuilder()
      .setCustomId(MODAL_FIELDS.ratio)
      .setLabel(label(t(locale, 'modal.field.ratio')))
      .setStyle(TextInputStyle.Short)
      .setRequired(false)
      .setMaxLength(10);
    if (r.ratio) ratio.setValue(r.ratio);
    rows.push(ratio);
  }
  return new ModalBuilder()
    .setCustomId(customIdFor(kind === 'remix' ? 'remixform' : 'extendform', task.id))
    .setTitle(label(t(locale, kind === 'remix' ? 'modal.remix.title' : 'modal.extend.title')))
    .addComponents(rows.map((input) => new ActionRowBuilder<TextInputBuilder>().addComponents(input)));
}
