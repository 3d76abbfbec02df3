import type { Job, JobEvents, JobStatus } from "@rax/core";

/**
 * The same job with its result converted (wire data → resource objects): id, status, progress,
 * events and abort are the inner job's. Core's `Job` has no `map`; this is its one use here.
 */
class MappedJob<T, U, P> implements Job<U, P> {
  readonly #inner: Job<T, P>;
  readonly #fn: (value: T) => U;
  readonly #done: Promise<U>;
  #mapped?: { from: T; to: U };

  constructor(inner: Job<T, P>, fn: (value: T) => U) {
    this.#inner = inner;
    this.#fn = fn;
    this.#done = Promise.resolve(inner).then((v) => this.#map(v));
    // As core's jobs do: the outcome stays on the job; an unawaited failure must not crash the process.
    this.#done.catch(() => {});
  }

  #map(v: T): U {
    if (this.#mapped && this.#mapped.from === v) return this.#mapped.to;
    const to = this.#fn(v);
    this.#mapped = { from: v, to };
    return to;
  }

  get id(): string | undefined {
    return this.#inner.id;
  }
  get status(): JobStatus {
    return this.#inner.status;
  }
  get progress(): P | undefined {
    return this.#inner.progress;
  }
  get result(): U | undefined {
    const r = this.#inner.result;
    return r === undefined ? undefined : this.#map(r);
  }
  get error(): unknown {
    return this.#inner.error;
  }
  get signal(): AbortSignal {
    return this.#inner.signal;
  }
  on<E extends keyof JobEvents<P>>(event: E, listener: (value: JobEvents<P>[E]) => void): () => void {
    return this.#inner.on(event, listener);
  }
  off<E extends keyof JobEvents<P>>(event: E, listener: (value: JobEvents<P>[E]) => void): void {
    this.#inner.off(event, listener);
  }
  abort(reason?: unknown): void {
    this.#inner.abort(reason);
  }
  then<A = U, B = never>(onFulfilled?: ((value: U) => A | PromiseLike<A>) | null, onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<A | B> {
    return this.#done.then(onFulfilled, onRejected);
  }
  catch<B = never>(onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<U | B> {
    return this.#done.catch(onRejected);
  }
  finally(onFinally?: (() => void) | null): Promise<U> {
    return this.#done.finally(onFinally);
  }
  toJSON(): { id?: string; status: JobStatus } {
    return { ...(this.id !== undefined ? { id: this.id } : {}), status: this.status };
  }
}

export function mapJob<T, U, P>(job: Job<T, P>, fn: (value: T) => U): Job<U, P> {
  return new MappedJob(job, fn);
}
