/** One slice of a one-shot stream, itself streamed (never buffered whole). */
export interface StreamSegment {
  readonly index: number;
  readonly body: AsyncIterable<Uint8Array>;
  /** Call when the body will not be read (the request failed first): unblocks `next()`. */
  abandon(): void;
}

/**
 * Splits a one-shot stream into consecutive segments of `segmentSize` bytes. A stream can only
 * be read in order, so segment N+1 is handed out once segment N's body has been read to the end;
 * segment N's request may still be waiting for its response while N+1 streams, which is the only
 * overlap a single stream allows. At most one source chunk is held in memory.
 */
export class StreamSegmenter {
  readonly #it: AsyncIterator<Uint8Array>;
  readonly #size: number;
  #pending: Uint8Array | undefined;
  #ended = false;
  #failed = false;
  #index = 0;
  #turn: Promise<void> = Promise.resolve();

  constructor(source: AsyncIterable<Uint8Array>, segmentSize: number) {
    this.#it = source[Symbol.asyncIterator]();
    this.#size = segmentSize;
  }

  /** Bytes handed out so far. */
  total = 0;

  /** Resolves with the next segment once the previous one is consumed; `undefined` at the end. */
  next(): Promise<StreamSegment | undefined> {
    const opened = this.#turn.then(() => this.#open());
    this.#turn = opened.then(
      (seg) => (seg ? (seg as StreamSegment & { consumed: Promise<void> }).consumed : undefined),
      () => undefined,
    );
    return opened;
  }

  async #pull(): Promise<Uint8Array | undefined> {
    while (!this.#ended) {
      const r = await this.#it.next();
      if (r.done) {
        this.#ended = true;
        return undefined;
      }
      if (r.value.byteLength > 0) return r.value;
    }
    return undefined;
  }

  async #open(): Promise<(StreamSegment & { consumed: Promise<void> }) | undefined> {
    if (this.#failed) throw new Error("an earlier segment of this stream was not uploaded; a stream cannot be rewound");
    this.#pending ??= await this.#pull();
    if (this.#pending === undefined) return undefined;
    let release!: () => void;
    const consumed = new Promise<void>((r) => (release = r));
    const index = this.#index++;
    const body = async function* (this: StreamSegmenter): AsyncGenerator<Uint8Array> {
      let remaining = this.#size;
      try {
        while (remaining > 0) {
          let chunk = this.#pending ?? (await this.#pull());
          this.#pending = undefined;
          if (chunk === undefined) break;
          if (chunk.byteLength > remaining) {
            this.#pending = chunk.subarray(remaining);
            chunk = chunk.subarray(0, remaining);
          }
          remaining -= chunk.byteLength;
          this.total += chunk.byteLength;
          yield chunk;
        }
      } finally {
        if (remaining > 0 && this.#pending === undefined && !this.#ended) this.#failed = true;
        release();
      }
    }.call(this);
    return {
      index,
      body,
      consumed,
      abandon: () => {
        this.#failed = true;
        release();
      },
    };
  }
}
