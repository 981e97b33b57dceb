/** What command and button handlers receive from the composition root. */
import type { Logger } from '../logging/logger.js';
import type { TaskRecord } from '../services/tasks/taskRecord.js';
import type { TaskService } from '../services/tasks/taskService.js';

export interface BotContext {
  tasks: TaskService;
  logger: Logger;
  /** Model used when a member does not pick one. */
  defaultModel: string;
  now: () => number;
  /** Hands a submitted task to the background poller. */
  track(task: TaskRecord): void;
}
