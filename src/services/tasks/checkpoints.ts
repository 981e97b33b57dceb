/** Where a test may stop the process (kill -9) to prove that no crash point loses or double-counts anything. */
export type Checkpoint =
  | 'task.created'
  | 'task.submitting'
  | 'task.review_submitting'
  | 'task.reviewing'
  | 'task.created_upstream'
  | 'task.running'
  | 'task.settled'
  | 'task.delivered_unsaved'
  | 'task.delivered';
