import { ResourceFailed, WaitTimeout, isRaxError } from "./errors";
import { boundText, checkPollLimits, pollLoop } from "./poll-loop";
import { type Job, startJob } from "./start-job";

export { startJob, type Job, type JobStatus, type JobEvents, type JobContext, type StartJobOptions } from "./start-job";

export interface PollingJobOptions<S, T, P> {
  /** Server-side id to poll (resume a job from its id). */
  id?: string;
  /** Starts the server-side work and returns its id; runs once, before the first poll. */
  start?: (signal: AbortSignal) => Promise<string | undefined>;
  /** Loads the current state. `id` is the job's id (from `id` or `start`). */
  poll: (id: string | undefined, signal: AbortSignal) => Promise<S>;
  /** The state means the work is finished. */
  done: (state: S) => boolean;
  /**
   * The state means the work failed: return an `Error` to reject with it (a service's own class),
   * `true` or a fault value (message, `{ message, code }`) to reject with `ResourceFailed`.
   * Checked before `done`.
   */
  failed?: (state: S) => unknown;
  /** The job's result from the final state. Default: the state itself. */
  result?: (state: S) => T;
  /** Progress value emitted after every poll. Default: the state itself. */
  progressOf?: (state: S) => P;
  /** ms between polls. Default 5000. */
  interval?: number;
  /** Polls before giving up (`WaitTimeout`). Default: no bound. */
  attempts?: number;
  /** ms before giving up (`WaitTimeout`). Default: none. */
  timeout?: number;
  signal?: AbortSignal;
}

/**
 * A `Job` that polls a server-side operation: `start` (optional) → `poll` every `interval` until
 * `done` (resolves with `result(state)`) or `failed` (rejects), within `attempts`/`timeout`.
 * Options are checked at once (`ValidationError`); `abort()` stops polling.
 */
export function pollingJob<S, T = S, P = S>(o: PollingJobOptions<S, T, P>): Job<T, P> {
  const limits = checkPollLimits(o, 5000);
  return startJob<T, P>(
    async (ctx) => {
      let id = o.id;
      if (o.start) {
        id = (await o.start(ctx.signal)) ?? id;
        if (id !== undefined) ctx.setId(id);
      }
      let last: S | undefined;
      const r = await pollLoop<S>(limits, ctx.signal, async () => {
        const state = await o.poll(id, ctx.signal);
        last = state;
        ctx.progress(o.progressOf ? o.progressOf(state) : (state as unknown as P));
        const fault = o.failed?.(state);
        if (fault !== undefined && fault !== false && fault !== null) {
          if (fault instanceof Error || isRaxError(fault)) throw fault;
          throw new ResourceFailed({ resource: state, value: "failed", fault: fault === true ? undefined : fault, attribute: "job" });
        }
        return o.done(state) ? { done: true, value: state } : { done: false };
      });
      if (r.done) return o.result ? o.result(r.value) : (r.value as unknown as T);
      throw new WaitTimeout(last, r.attempt, `job${id !== undefined ? ` ${id}` : ""} not finished after ${boundText(limits, r)}`);
    },
    { id: o.id, signal: o.signal },
  );
}
