/**
 * Stateless button and modal ids: `v1:<action>:<taskId>`. They carry everything a click needs, so buttons
 * (and the modals they open) keep working after restarts and for days; the task is read from the database.
 * `remixform` and `extendform` are the modals that Remix and Extend open.
 */
export const BUTTON_ACTIONS = [
  'reroll',
  'retry',
  'delete',
  'cancel',
  'remix',
  'extend',
  'remixform',
  'extendform',
  // The gallery: Share to gallery (on a card), Delete (on a gallery post), a purge confirmed (its request's id).
  'share',
  'gdelete',
  'gpurge',
  // /video-admin queue: a moderator cancels a waiting request from the server's queue view.
  'qcancel',
] as const;
export type ButtonAction = (typeof BUTTON_ACTIONS)[number];

export function customIdFor(action: ButtonAction, taskId: string): string {
  const id = `v1:${action}:${taskId}`;
  if (id.length > 100) throw new Error('custom_id over 100 characters');
  return id;
}

export function parseCustomId(customId: string): { action: ButtonAction; taskId: string } | undefined {
  const m = /^v1:([a-z]+):([A-Za-z0-9_-]{1,64})$/.exec(customId);
  if (!m || !BUTTON_ACTIONS.includes(m[1] as ButtonAction)) return undefined;
  return { action: m[1] as ButtonAction, taskId: m[2]! };
}

/** /help's model-family menu: the chosen family is the menu's value, so the id needs nothing else (any restart). */
export const HELP_FAMILY_SELECT = 'v1:helpfamily';

/**
 * The form that Animate and Use as references open: `v1:srcform:<a|r>:<channel>:<message>:<model>`. It carries the
 * source message (read again on submit) and the model the form named, so it is answered after a restart too.
 */
export interface SourceFormId {
  kind: 'animate' | 'references';
  channelId: string;
  messageId: string;
  model: string;
}

export function sourceFormIdFor(f: SourceFormId): string {
  const id = `v1:srcform:${f.kind === 'animate' ? 'a' : 'r'}:${f.channelId}:${f.messageId}:${f.model}`;
  if (id.length > 100) throw new Error('custom_id over 100 characters');
  return id;
}

export function parseSourceFormId(customId: string): SourceFormId | undefined {
  const m = /^v1:srcform:([ar]):(\d{1,20}):(\d{1,20}):([A-Za-z0-9._-]{1,40})$/.exec(customId);
  if (!m) return undefined;
  return { kind: m[1] === 'a' ? 'animate' : 'references', channelId: m[2]!, messageId: m[3]!, model: m[4]! };
}
