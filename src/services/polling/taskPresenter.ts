/** What the poller needs from the front end: show progress, show a final failure, deliver the video. */
import type { TaskRecord } from '../tasks/taskRecord.js';

export interface DeliveryOutcome {
  mode: 'upload' | 'link';
  via: 'webhook' | 'channel' | 'new_message' | 'dm';
}

export interface TaskPresenter {
  /** Shows the task's progress; may skip an edit (throttling) and must not throw. */
  progress(task: TaskRecord): Promise<void>;
  /** Shows a final state that carries no video (failed, timed out, uncertain); must not throw. */
  final(task: TaskRecord): Promise<void>;
  /** Puts the finished video in front of the member; throws when it should be tried again later. */
  deliver(task: TaskRecord): Promise<DeliveryOutcome>;
}
