import { NotFound, ResourceFailed, ValidationError, WaitTimeout } from "./errors";
import { boundText, checkPollLimits, pollLoop } from "./poll-loop";

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
  /** Loads before giving up; 0 = no bound (pyrax default). */
  attempts?: number;
  /** ms from the start after which the wait gives up (`WaitTimeout`). Default: none. */
  timeout?: number;
  signal?: AbortSignal;
  /** Called after every load (pyrax's `verbose` output, or a progress bar). */
  onProgress?: (p: WaitProgress<R>) => void;
  /**
   * Attribute values that mean the resource will never get there (`["ERROR"]`): reject with
   * `ResourceFailed` carrying the resource and its fault. Compared like `desired`; checked first.
   */
  failOn?: readonly unknown[];
  /** The resource's fault for `ResourceFailed`. Default: `fault`, `error`, `message` or `statusReason` of the resource. */
  faultOf?: (r: R) => unknown;
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

const FAULT_KEYS = ["fault", "error", "message", "statusReason", "status_reason", "failReason", "fail_reason"];

function defaultFault(r: unknown): unknown {
  if (r === null || typeof r !== "object") return undefined;
  for (const k of FAULT_KEYS) {
    const v = (r as Record<string, unknown>)[k];
    if (v !== undefined && v !== null && v !== "") return v;
  }
  return undefined;
}

/**
 * pyrax's `utils.wait_until`: load, check `attr` against `desired`, sleep `interval`, repeat.
 * Resolves with the first loaded resource whose attribute matches (strings case-insensitively).
 * A value in `failOn` rejects with `ResourceFailed` (resource and fault attached). Unlike pyrax
 * (which returns the stale object), running out of `attempts` or `timeout` rejects with
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
  const limits = checkPollLimits(o, 5000);
  const failOn = o.failOn ?? [];
  const read = typeof attr === "function" ? attr : (r: R) => (r as Record<PropertyKey, unknown>)[attr as PropertyKey];
  const name = typeof attr === "function" ? "attribute" : String(attr);
  let last: R | undefined;
  const r = await pollLoop<R>(limits, o.signal, async (attempt, elapsedMs) => {
    last = await loader();
    const value = read(last);
    o.onProgress?.({ resource: last, value, attempt, elapsedMs });
    if (failOn.length > 0 && matches(value, failOn)) throw new ResourceFailed({ resource: last, value, fault: (o.faultOf ?? defaultFault)(last), attribute: name });
    return matches(value, want) ? { done: true, value: last } : { done: false };
  });
  if (r.done) return r.value;
  throw new WaitTimeout(last as R, r.attempt, `${name} did not reach ${want.map(String).join("/")} after ${boundText(limits, r)} (last: ${String(read(last as R))})`);
}

/** Statuses `waitForBuild` treats as a failed build. */
export const BUILD_FAILED_STATUSES: readonly string[] = ["ERROR", "FAILED", "FAILURE"];

/**
 * pyrax's `wait_for_build`: `status` in ACTIVE/available/COMPLETED, every 20 s, with no bound.
 * Unlike pyrax, a status in `BUILD_FAILED_STATUSES` (ERROR, FAILED) rejects with `ResourceFailed`
 * carrying the resource and its fault; pass `failOn: []` to resolve with it as pyrax does.
 */
export function waitForBuild<R>(load: Loader<R>, o: WaitOptions<R> = {}): Promise<R> {
  // The failure states stay desired too: with `failOn: []` they end the wait as in pyrax.
  return waitUntil(load, "status" as keyof R, ["ACTIVE", "available", "COMPLETED", ...BUILD_FAILED_STATUSES], {
    interval: 20_000,
    failOn: BUILD_FAILED_STATUSES,
    ...o,
  });
}

export interface WaitGoneOptions<R> extends Omit<WaitOptions<R>, "onProgress"> {
  /** Attribute compared with `failOn` (e.g. `"status"` with `failOn: ["ERROR_DELETING"]`). Default `"status"`. */
  attr?: keyof R | ((r: R) => unknown);
  /** Called after every load that still found the resource. */
  onProgress?: (p: WaitProgress<R>) => void;
}

/**
 * Waits for a deletion: reloads until `load` rejects with `NotFound` (any subclass, such as a
 * service's `NoSuchServer`), which resolves the wait. A value in `failOn` rejects with
 * `ResourceFailed`; running out of `attempts`/`timeout` with `WaitTimeout`; other load errors propagate.
 */
export async function waitUntilGone<R>(load: Loader<R>, o: WaitGoneOptions<R> = {}): Promise<void> {
  const loader = toLoad(load);
  const limits = checkPollLimits(o, 5000);
  const attr = o.attr ?? ("status" as keyof R);
  const read = typeof attr === "function" ? attr : (r: R) => (r as Record<PropertyKey, unknown>)[attr as PropertyKey];
  const failOn = o.failOn ?? [];
  let last: R | undefined;
  const r = await pollLoop<undefined>(limits, o.signal, async (attempt, elapsedMs) => {
    try {
      last = await loader();
    } catch (e) {
      if (e instanceof NotFound) return { done: true, value: undefined };
      throw e;
    }
    const value = read(last);
    o.onProgress?.({ resource: last, value, attempt, elapsedMs });
    if (failOn.length > 0 && matches(value, failOn))
      throw new ResourceFailed({ resource: last, value, fault: (o.faultOf ?? defaultFault)(last), attribute: typeof attr === "function" ? "attribute" : String(attr) });
    return { done: false };
  });
  if (r.done) return;
  throw new WaitTimeout(last as R, r.attempt, `still present after ${boundText(limits, r)}`);
}
