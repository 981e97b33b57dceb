/**
 * Who may act on someone's task (Cancel, Delete, Share to gallery, the queue view's Cancel): the member who asked,
 * or a moderator, i.e. a member with Manage Messages in that channel. The one place this rule lives.
 */
import { PermissionFlagsBits, type PermissionsBitField } from 'discord.js';
import type { TaskRecord } from '../../services/tasks/taskRecord.js';

interface Clicker {
  user: { id: string };
  memberPermissions: Readonly<PermissionsBitField> | null;
}

/** Moderators act on every member's tasks (Manage Messages, as for messages in the channel). */
export const isTaskModerator = (i: Pick<Clicker, 'memberPermissions'>): boolean =>
  i.memberPermissions?.has(PermissionFlagsBits.ManageMessages) === true;

/** The member who asked for the task, or a moderator. */
export const mayManageTask = (task: Pick<TaskRecord, 'userId'>, i: Clicker): boolean =>
  task.userId === i.user.id || isTaskModerator(i);
