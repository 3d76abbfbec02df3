import { AbortError } from "./errors";

// The Job itself, apart from `pollingJob`: work run locally (a bulk delete, a folder upload) needs
// none of the polling machinery, and a bundle of it leaves that out.

export type JobStatus = "running" | "succeeded" | "failed" | "aborted";

/** Events a job emits, by name: the value each listener receives. */
export interface JobEvents<P> {
  /** The job's own progress report (bytes sent, items deleted, a server-side job's state…). */
  progress: P;
  /** Emitted once, when the job settles. */
  status: JobStatus;
}

/**
 * Long work, one shape for every service: awaitable (`await job` → result), `status`, progress
 * events, `abort()`, and an `id` a service can resume polling from later (DNS job id, Glance task
 * id…). Used by bulk deletes, folder uploads, DNS async jobs, image tasks, load balancer changes.
 */
export interface Job<T, P = unknown> extends PromiseLike<T> {
  /** Resumable id (server-side job or task id), once known. */
  readonly id: string | undefined;
  readonly status: JobStatus;
  /** The last progress report, if any. */
  readonly progress: P | undefined;
  /** The result once `status` is "succeeded" (or an "aborted" job's partial result). */
  readonly result: T | undefined;
  /** Why the job failed or was aborted. */
  readonly error: unknown;
  /** Aborts when `abort()` is called (or the signal given at start fires). */
  readonly signal: AbortSignal;
  /** Subscribe; returns the function that unsubscribes. */
  on<E extends keyof JobEvents<P>>(event: E, listener: (value: JobEvents<P>[E]) => void): () => void;
  off<E extends keyof JobEvents<P>>(event: E, listener: (value: JobEvents<P>[E]) => void): void;
  /** Stop the local work (requests in flight are aborted). A server-side job is not cancelled by this. */
  abort(reason?: unknown): void;
  catch<B = never>(onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<T | B>;
  finally(onFinally?: (() => void) | null): Promise<T>;
}

/** What the work of a job gets: the job's signal, a progress reporter, and a way to set its id. */
export interface JobContext<P> {
  readonly signal: AbortSignal;
  progress(value: P): void;
  setId(id: string): void;
}

export interface StartJobOptions {
  /** The id, when known up front (resuming a server-side job). */
  id?: string;
  /** Aborts the job when it fires. */
  signal?: AbortSignal;
}

type Listener = (value: never) => void;

class RunningJob<T, P> implements Job<T, P> {
  #id: string | undefined;
  #status: JobStatus = "running";
  #progress: P | undefined;
  #result: T | undefined;
  #error: unknown;
  readonly #ctl = new AbortController();
  readonly #listeners = new Map<keyof JobEvents<P>, Set<Listener>>();
  readonly #done: Promise<T>;

  constructor(run: (ctx: JobContext<P>) => Promise<T>, o: StartJobOptions) {
    this.#id = o.id;
    const outer = o.signal;
    if (outer?.aborted) this.#ctl.abort(outer.reason);
    else outer?.addEventListener("abort", () => this.#ctl.abort(outer.reason), { once: true });
    const ctx: JobContext<P> = {
      signal: this.#ctl.signal,
      progress: (value) => {
        this.#progress = value;
        this.#emit("progress", value);
      },
      setId: (id) => {
        this.#id = id;
      },
    };
    this.#done = Promise.resolve()
      .then(() => {
        if (this.#ctl.signal.aborted) throw new AbortError(undefined, { cause: this.#ctl.signal.reason, attempts: 0 });
        return run(ctx);
      })
      .then(
        (value) => {
          this.#result = value;
          this.#settle(this.#ctl.signal.aborted ? "aborted" : "succeeded");
          return value;
        },
        (err: unknown) => {
          // The work saw its signal fire and gave up in its own words: the caller asked for this,
          // so it reads as an AbortError (with the work's error as cause).
          const aborted = this.#ctl.signal.aborted;
          this.#error = aborted && !(err instanceof AbortError) ? new AbortError(undefined, { cause: err }) : err;
          this.#settle(aborted ? "aborted" : "failed");
          throw this.#error;
        },
      );
    // The outcome stays on the job (`status`, `error`, the "status" event) for callers who watch
    // events instead of awaiting; an unawaited failure must not crash the process from here.
    this.#done.catch(() => {});
  }

  get id(): string | undefined {
    return this.#id;
  }
  get status(): JobStatus {
    return this.#status;
  }
  get progress(): P | undefined {
    return this.#progress;
  }
  get result(): T | undefined {
    return this.#result;
  }
  get error(): unknown {
    return this.#error;
  }
  get signal(): AbortSignal {
    return this.#ctl.signal;
  }

  on<E extends keyof JobEvents<P>>(event: E, listener: (value: JobEvents<P>[E]) => void): () => void {
    let set = this.#listeners.get(event);
    if (!set) {
      set = new Set();
      this.#listeners.set(event, set);
    }
    set.add(listener as Listener);
    return () => this.off(event, listener);
  }

  off<E extends keyof JobEvents<P>>(event: E, listener: (value: JobEvents<P>[E]) => void): void {
    this.#listeners.get(event)?.delete(listener as Listener);
  }

  abort(reason?: unknown): void {
    if (this.#status === "running") this.#ctl.abort(reason);
  }

  then<A = T, B = never>(onFulfilled?: ((value: T) => A | PromiseLike<A>) | null, onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<A | B> {
    return this.#done.then(onFulfilled, onRejected);
  }
  catch<B = never>(onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<T | B> {
    return this.#done.catch(onRejected);
  }
  finally(onFinally?: (() => void) | null): Promise<T> {
    return this.#done.finally(onFinally);
  }

  // A throwing progress listener fails the job's work (it is called from there, as an
  // EventEmitter would); a throwing status listener is reported as an uncaught error, since the
  // job has already settled.
  #emit<E extends keyof JobEvents<P>>(event: E, value: JobEvents<P>[E]): void {
    const set = this.#listeners.get(event);
    if (!set) return;
    for (const l of [...set]) {
      if (event === "progress") (l as (v: JobEvents<P>[E]) => void)(value);
      else
        try {
          (l as (v: JobEvents<P>[E]) => void)(value);
        } catch (e) {
          queueMicrotask(() => {
            throw e;
          });
        }
    }
  }

  #settle(status: JobStatus): void {
    this.#status = status;
    this.#emit("status", status);
  }

  toJSON(): { id?: string; status: JobStatus } {
    return { ...(this.#id !== undefined ? { id: this.#id } : {}), status: this.#status };
  }
}

/**
 * Starts `run` as a `Job`. The job settles as `run` does; if its signal fired first it reads
 * "aborted" (a rejection becomes `AbortError`, a partial result resolves the job).
 */
export function startJob<T, P = unknown>(run: (ctx: JobContext<P>) => Promise<T>, o: StartJobOptions = {}): Job<T, P> {
  return new RunningJob<T, P>(run, o);
}
