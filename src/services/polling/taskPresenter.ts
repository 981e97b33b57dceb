/** What the poller needs from the front end: show progress, show a final failure, deliver the video. */
import type { QueuePresenter } from '../queue/taskQueue.js';
import type { Delivery, TaskRecord } from '../tasks/taskRecord.js';
import type { MessagePlace } from '../tasks/transitions.js';

/** How the video was handed over (the task records it with `markDelivered`). */
export interface DeliveryOutcome extends Omit<Delivery, 'at'> {
  /** The card now lives elsewhere (posted fresh, or sent by DM). */
  movedTo?: MessagePlace;
}

/**
 * How to hand over a finished video: `upload` the file (falling back to the link when it is too large or
 * its URL may not be fetched), `link` only, or the link in a `dm` to the member when nothing else works.
 */
export type DeliveryMode = 'upload' | 'link' | 'dm';

/** The member could not be reached at all: the card is gone (or its channel) and their DMs are closed. */
export type Unreachable = { unreachable: true };

export interface TaskPresenter extends QueuePresenter {
  /** Shows the task's progress; may skip an edit (throttling) and must not throw. */
  progress(task: TaskRecord): Promise<void>;
  /** Shows a final state that carries no video (failed, timed out, uncertain); throws when worth trying again later. */
  final(task: TaskRecord): Promise<{ movedTo?: MessagePlace } | Unreachable>;
  /** Puts the finished video in front of the member; throws when it should be tried again later. */
  deliver(task: TaskRecord, mode: DeliveryMode): Promise<DeliveryOutcome | Unreachable>;
  /**
   * Whether the card already carries this task's uploaded video (an upload that landed before a crash, or
   * whose answer was lost): then it is not uploaded again. Undefined when it does not, or cannot be read.
   */
  alreadyDelivered?(task: TaskRecord): Promise<DeliveryOutcome | undefined>;
}
