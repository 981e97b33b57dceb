/**
 * Task records, an in-memory task service running the real named transitions, and a fake-clock stepper, shared
 * by the poller's unit tests (scheduler, checker, workers, takeover, poller).
 */
import { vi } from 'vitest';
import { IllegalTransitionError } from '../../src/services/tasks/stateMachine.js';
import type { TaskRecord } from '../../src/services/tasks/taskRecord.js';
import type { ApplyOptions, TaskService } from '../../src/services/tasks/taskService.js';
import { type TransitionArgs, type TransitionName, transitions } from '../../src/services/tasks/transitions.js';

/** A task of one member in guild g1, in `state`, made at `at`; `extra` overrides any field. */
export function taskAt(
  id: string,
  state: TaskRecord['state'],
  at: number,
  extra: Partial<TaskRecord> = {},
): TaskRecord {
  return {
    id,
    guildId: 'g1',
    channelId: 'c1',
    userId: 'u1',
    locale: 'en-US',
    interaction: { applicationId: 'app', token: 'tok', createdAt: at },
    model: 'm',
    request: {} as TaskRecord['request'],
    cost: {} as TaskRecord['cost'],
    state,
    attempts: 0,
    createdAt: at,
    updatedAt: at,
    usage: 'reserved',
    ...extra,
  };
}

/** A task rendering upstream since now (the fake clock's now). */
export const runningTask = (id: string, extra: Partial<TaskRecord> = {}): TaskRecord =>
  taskAt(id, 'running', Date.now(), {
    upstreamTaskId: `up-${id}`,
    upstreamStatus: 'queued',
    submittedAt: Date.now(),
    ...extra,
  });

/** Runs the fake clock forward, letting promises and the budget's setImmediate turns settle on the way. */
export async function advance(ms: number): Promise<void> {
  const end = Date.now() + ms;
  do {
    for (let i = 0; i < 10; i += 1) await new Promise((r) => setImmediate(r));
    // A step of 0 still fires what is due now.
    await vi.advanceTimersByTimeAsync(Math.min(end - Date.now(), 10));
  } while (Date.now() < end);
  for (let i = 0; i < 10; i += 1) await new Promise((r) => setImmediate(r));
}

/**
 * The task service the poller's parts use, in memory, applying the real transitions (and telling `onSaved`
 * listeners); `applied` records each transition with its arguments and options. `get` may be replaced (a failing read).
 */
export function memoryTasks(
  initial: TaskRecord[],
  options: { get?: (id: string) => Promise<TaskRecord | undefined> } = {},
) {
  const byId = new Map(initial.map((t) => [t.id, t]));
  const saved: Array<(t: TaskRecord) => void> = [];
  const applied: Array<{ id: string; name: TransitionName; args: unknown; options?: ApplyOptions }> = [];
  function apply<N extends TransitionName>(
    id: string,
    name: N,
    args: TransitionArgs<N>,
    _known?: TaskRecord,
    options?: ApplyOptions,
  ): Promise<TaskRecord> {
    const fn = transitions[name] as (t: TaskRecord, a: TransitionArgs<N>, at: number) => TaskRecord;
    const next = fn(byId.get(id)!, args, Date.now());
    byId.set(id, next);
    applied.push({ id, name, args, options });
    for (const l of saved) l(next);
    return Promise.resolve(next);
  }
  const service = {
    onSaved: (l: (t: TaskRecord) => void) => saved.push(l),
    get: options.get ?? (async (id: string) => byId.get(id)),
    getMany: async (ids: readonly string[]) => ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])),
    apply,
    async end<N extends TransitionName>(
      id: string,
      name: N,
      args: TransitionArgs<N>,
      known?: TaskRecord,
      options?: ApplyOptions,
    ) {
      try {
        return await apply(id, name, args, known, options);
      } catch (err) {
        if (err instanceof IllegalTransitionError) return undefined;
        throw err;
      }
    },
    submit: async (id: string) => byId.get(id)!,
  };
  return { service: service as unknown as TaskService, byId, applied };
}
