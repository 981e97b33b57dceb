/**
 * DMs to members who asked to hear when a video of theirs ends (/settings notify): at most one per task,
 * and not lost to a restart. The transition that marks the member told reads their choice and writes the
 * notice (`dm_notices:<id>`, and `dmNoticeOwed` on the task) in its own transaction; the worker takes it in
 * one transaction (deleting it) before the DM is sent, so two processes, or a retry after a crash, never
 * send it twice. Closed DMs (Discord 50007) are logged once and
 * dropped; other failures are logged and dropped too (Discord's client already retries 429s and 5xx).
 */
import { keys, prefixes } from '../../db/keys.js';
import { collect, type RecordStore } from '../../db/recordStore.js';
import type { Logger } from '../../logging/logger.js';
import type { TaskRecord } from '../tasks/taskRecord.js';

export interface DmNotice {
  taskId: string;
  userId: string;
  /** When it was owed (the member was told on the card). */
  at: number;
}

/** Reasons the member already knows about or that prove a DM cannot reach them: no notice is owed. */
const NO_NOTICE_REASONS = new Set(['member_cancelled', 'message_deleted', 'undeliverable']);

/** Whether a task just marked told owes its member a DM (they asked, and they were not told by DM already). */
export function owesDmNotice(task: TaskRecord, memberWantsDm: boolean): boolean {
  if (!memberWantsDm || !task.toldAt) return false;
  if (task.delivery?.via === 'dm') return false;
  return !(task.lastError && NO_NOTICE_REASONS.has(task.lastError.reason));
}

/** How a DM went: sent, or the member does not take DMs from the bot (50007 and the like). */
export type DmOutcome = 'sent' | 'closed';

export interface DmNoticeDeps {
  store: RecordStore;
  getTask(id: string): Promise<TaskRecord | undefined>;
  /** Sends the DM for this task (src/discord renders it). */
  send(task: TaskRecord): Promise<DmOutcome>;
  logger: Logger;
}

export function createDmNotices(deps: DmNoticeDeps) {
  const inFlight = new Set<Promise<void>>();
  let running = true;

  /** Takes the notice (one transaction: read and delete), so only one process, once, sends it. */
  async function take(taskId: string): Promise<DmNotice | undefined> {
    const key = keys.dmNotice(taskId);
    return deps.store.transact([key], (tx) => {
      const notice = tx.get<DmNotice>(key);
      if (notice) tx.delete(key);
      return notice;
    });
  }

  async function send(taskId: string): Promise<void> {
    const notice = await take(taskId);
    if (!notice) return;
    const task = await deps.getTask(taskId);
    const log = deps.logger.child({ taskId, guildId: task?.guildId ?? null, userId: notice.userId });
    if (!task) return log.warn('a DM notice for a task that no longer exists; dropped');
    try {
      const outcome = await deps.send(task);
      if (outcome === 'closed') log.info('the member does not take DMs from the bot; notice dropped');
      else log.info({ state: task.state }, 'member told by DM that their video ended');
    } catch (err) {
      log.warn({ err }, 'could not send the DM notice; dropped (sent at most once)');
    }
  }

  function run(taskId: string): void {
    if (!running) return;
    const p: Promise<void> = send(taskId)
      .catch((err: unknown) => deps.logger.error({ err, taskId }, 'DM notice failed unexpectedly'))
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
  }

  return {
    /** A task was saved told: sends its notice if one is owed (a no-op when another process took it). */
    kick(task: TaskRecord): void {
      if (task.dmNoticeOwed) run(task.id);
    },
    /** Sends every notice still owed (start-up: those a stopped process left). */
    async sweep(): Promise<number> {
      const owed = await collect<DmNotice>(deps.store, prefixes.dmNotice);
      for (const [, notice] of owed) run(notice.taskId);
      return owed.length;
    },
    /** Waits for the DMs under way (at most `graceMs`) and takes no more. */
    async stop(graceMs: number): Promise<void> {
      running = false;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...inFlight]),
        new Promise((r) => {
          timer = setTimeout(r, graceMs);
        }),
      ]);
      clearTimeout(timer);
    },
  };
}

export type DmNotices = ReturnType<typeof createDmNotices>;
