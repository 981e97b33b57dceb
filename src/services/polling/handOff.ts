/** Where a checked task goes when it is not simply asked again: ended and told, or sent and followed. */
import { isFinal, type TaskRecord } from '../tasks/taskRecord.js';
import type { ApplyOptions, TaskService } from '../tasks/taskService.js';
import type { TransitionArgs } from '../tasks/transitions.js';
import type { DeliveryWorker } from './deliveryWorker.js';
import type { FollowedTasks } from './followedTasks.js';
import type { Scheduler } from './scheduler.js';
import type { TaskPresenter } from './taskPresenter.js';

export interface HandOffDeps {
  tasks: TaskService;
  presenter: TaskPresenter;
  delivery: Pick<DeliveryWorker, 'tell'>;
  followed: Pick<FollowedTasks, 'records'>;
  scheduler: Pick<Scheduler, 'later' | 'next' | 'curve'>;
  /** Looked at again this soon while a send is still under way. */
  minIntervalMs: number;
  /** Options of the transitions made here (the lease owner, with a shared store). */
  own: ApplyOptions;
}

export type EndName = 'fail' | 'timeOut' | 'markUncertain' | 'failReview' | 'timeOutReview';

export function createHandOff(deps: HandOffDeps) {
  const { tasks, scheduler, own } = deps;

  /** Follows a task as its send left it: polled, its review checked, or its member told. */
  async function followSubmitted(task: TaskRecord, submitted: TaskRecord): Promise<void> {
    if (submitted.state === 'running') {
      scheduler.next(submitted, 0);
      if (task.review) await deps.presenter.progress(submitted);
    } else if (submitted.state === 'reviewing') scheduler.later(task.id, scheduler.curve(0));
    else if (isFinal(submitted.state)) deps.delivery.tell(submitted);
    // Still being sent (by an overlapping call here): looked at again shortly.
    else scheduler.later(task.id, deps.minIntervalMs);
  }

  return {
    /** Ends a task without a video (if it has not ended or moved on meanwhile), then tells the member. */
    async endAndTell<N extends EndName>(
      task: TaskRecord,
      name: N,
      args: Parameters<TaskService['end']>[2] & TransitionArgs<N>,
    ): Promise<void> {
      const ended = await tasks.end(task.id, name, args as never, task, own);
      if (ended) return deps.delivery.tell(ended);
      // It moved on meanwhile (another path ended it): look at it again from the database.
      deps.followed.records.delete(task.id);
      scheduler.later(task.id, 0);
    },
    /** A task accepted before a restart that never left (or whose media just passed review): sent now, once. */
    async submitRecovered(task: TaskRecord): Promise<void> {
      await followSubmitted(task, await tasks.submit(task.id));
    },
    /**
     * A task this process holds, left `submitting` (or `review_submitting`) without a restart: a database
     * failure while its send was saved. The answer kept in memory is saved now, or (nothing under way, no
     * answer) it ends uncertain and the member is told; while its send is still under way, looked at again later.
     */
    async resumeSubmit(task: TaskRecord): Promise<void> {
      const resumed = await tasks.resumeSubmit(task, own);
      if (!resumed) return scheduler.later(task.id, deps.minIntervalMs);
      await followSubmitted(task, resumed);
    },
  };
}

export type HandOff = ReturnType<typeof createHandOff>;
