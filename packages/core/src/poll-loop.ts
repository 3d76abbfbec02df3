import { sleep, throwIfAborted } from "./abort";
import { ValidationError } from "./errors";

/** How often and how long a poll runs: waiters and polling jobs share these. */
export interface PollLimits {
  /** ms between polls. */
  interval: number;
  /** Polls before giving up; 0 = no bound. */
  attempts: number;
  /** ms from the start after which polling gives up. */
  timeout?: number;
}

export function checkPollLimits(o: { interval?: number; attempts?: number; timeout?: number }, defaultInterval: number): PollLimits {
  const interval = o.interval ?? defaultInterval;
  const attempts = o.attempts ?? 0;
  if (!(interval >= 0) || !Number.isFinite(interval)) throw new ValidationError("interval", "must be a non-negative number of ms");
  if (!Number.isInteger(attempts) || attempts < 0) throw new ValidationError("attempts", "must be a non-negative integer (0 = no bound)");
  if (o.timeout !== undefined && !(o.timeout >= 0 && Number.isFinite(o.timeout))) throw new ValidationError("timeout", "must be a non-negative number of ms");
  return { interval, attempts, timeout: o.timeout };
}

export type PollStep<V> = { done: true; value: V } | { done: false };
export type PollOutcome<V> = { done: true; value: V } | { done: false; attempt: number; reason: "attempts" | "timeout" };

/**
 * Runs `step` until it says done; sleeps `interval` between steps, cut short so the `timeout` is
 * kept. Resolves with the step's value, or with why it gave up (attempts or time ran out).
 * `signal` rejects with AbortError, also during a sleep; errors from `step` propagate.
 */
export async function pollLoop<V>(
  limits: PollLimits,
  signal: AbortSignal | undefined,
  step: (attempt: number, elapsedMs: number) => Promise<PollStep<V>>,
): Promise<PollOutcome<V>> {
  const started = Date.now();
  const deadline = limits.timeout === undefined ? Number.POSITIVE_INFINITY : started + limits.timeout;
  for (let attempt = 1; ; attempt++) {
    throwIfAborted(signal);
    const r = await step(attempt, Date.now() - started);
    if (r.done) return r;
    if (limits.attempts !== 0 && attempt >= limits.attempts) return { done: false, attempt, reason: "attempts" };
    const left = deadline - Date.now();
    if (left <= 0) return { done: false, attempt, reason: "timeout" };
    await sleep(Math.min(limits.interval, left), signal);
  }
}

/** "3 attempts" / "60000 ms", for WaitTimeout messages. */
export function boundText(limits: PollLimits, o: { attempt: number; reason: "attempts" | "timeout" }): string {
  return o.reason === "attempts" ? `${o.attempt} attempts` : `${limits.timeout} ms`;
}
