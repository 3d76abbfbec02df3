import { sleep, throwIfAborted } from "./abort";
import { ValidationError, WaitTimeout } from "./errors";

/** Something that can be reloaded: a function, or a resource with `reload()` / `get()`. */
export type Loader<R> = (() => Promise<R>) | { reload(): Promise<R> } | { get(): Promise<R> };

export interface WaitProgress<R> {
  resource: R;
  /** Value of the watched attribute. */
  value: unknown;
  /** 1-based number of loads so far. */
  attempt: number;
  elapsedMs: number;
}

export interface WaitOptions<R> {
  /** ms between loads. Default 5000 (pyrax: 5 s). */
  interval?: number;
  /** Loads before giving up; 0 = forever (pyrax default). */
  attempts?: number;
  signal?: AbortSignal;
  /** Called after every load (pyrax's `verbose` output, or a progress bar). */
  onProgress?: (p: WaitProgress<R>) => void;
}

function toLoad<R>(l: Loader<R>): () => Promise<R> {
  if (typeof l === "function") return l;
  if (l && typeof (l as { reload?: unknown }).reload === "function") return () => (l as { reload(): Promise<R> }).reload();
  if (l && typeof (l as { get?: unknown }).get === "function") return () => (l as { get(): Promise<R> }).get();
  throw new ValidationError("load", "must be a function or an object with reload() or get()");
}

function matches(value: unknown, desired: readonly unknown[]): boolean {
  // Statuses differ in case between services ("ACTIVE", "available"), so strings compare case-insensitively.
  const v = typeof value === "string" ? value.toLowerCase() : value;
  return desired.some((d) => (typeof d === "string" ? d.toLowerCase() : d) === v);
}

/**
 * pyrax's `utils.wait_until`: load, check `attr` against `desired`, sleep `interval`, repeat.
 * Resolves with the first loaded resource whose attribute matches (strings case-insensitively).
 * Unlike pyrax (which returns the stale object), running out of `attempts` rejects with
 * `WaitTimeout` whose `last` is the last loaded resource. `signal` → `AbortError`. Errors thrown
 * by `load` propagate.
 */
export async function waitUntil<R>(
  load: Loader<R>,
  attr: keyof R | ((r: R) => unknown),
  desired: unknown,
  o: WaitOptions<R> = {},
): Promise<R> {
  const loader = toLoad(load);
  const want = Array.isArray(desired) ? desired : [desired];
  const interval = o.interval ?? 5000;
  const attempts = o.attempts ?? 0;
  if (!(interval >= 0) || !Number.isFinite(interval)) throw new ValidationError("interval", "must be a non-negative number of ms");
  if (!Number.isInteger(attempts) || attempts < 0) throw new ValidationError("attempts", "must be a non-negative integer (0 = forever)");
  const read = typeof attr === "function" ? attr : (r: R) => (r as Record<PropertyKey, unknown>)[attr as PropertyKey];
  const started = Date.now();
  let last: R | undefined;
  for (let attempt = 1; attempts === 0 || attempt <= attempts; attempt++) {
    throwIfAborted(o.signal);
    last = await loader();
    const value = read(last);
    o.onProgress?.({ resource: last, value, attempt, elapsedMs: Date.now() - started });
    if (matches(value, want)) return last;
    if (attempts !== 0 && attempt === attempts) break;
    await sleep(interval, o.signal);
  }
  const name = typeof attr === "function" ? "attribute" : String(attr);
  throw new WaitTimeout(last as R, attempts, `${name} did not reach ${want.map(String).join("/")} after ${attempts} attempts (last: ${String(read(last as R))})`);
}

/** pyrax's `wait_for_build`: `status` in ACTIVE/ERROR/available/COMPLETED, every 20 s, forever. */
export function waitForBuild<R>(load: Loader<R>, o: WaitOptions<R> = {}): Promise<R> {
  return waitUntil(load, "status" as keyof R, ["ACTIVE", "ERROR", "available", "COMPLETED"], { interval: 20_000, ...o });
}
