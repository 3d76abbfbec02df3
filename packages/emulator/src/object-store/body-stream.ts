import type { ByteRange } from "./range";

/** The stored chunks covering `[start, end]` as views (subarray): no byte is copied. */
export function sliceChunks(chunks: readonly Buffer[], range: ByteRange): Buffer[] {
  const out: Buffer[] = [];
  let offset = 0;
  for (const chunk of chunks) {
    const chunkEnd = offset + chunk.length;
    if (chunkEnd > range.start && offset <= range.end) {
      const from = Math.max(0, range.start - offset);
      const to = Math.min(chunk.length, range.end - offset + 1);
      out.push(from === 0 && to === chunk.length ? chunk : chunk.subarray(from, to));
    }
    offset = chunkEnd;
    if (offset > range.end) break;
  }
  return out;
}

/**
 * A pull-driven stream over chunk lists: the HTTP layer asks for the next
 * chunk only when the socket has drained, so a slow reader never makes the
 * emulator buffer a second copy of a large object.
 */
export function chunkStream(parts: Iterable<Buffer>, failure?: () => Error): ReadableStream<Uint8Array> {
  const iterator = parts[Symbol.iterator]();
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      for (;;) {
        const next = iterator.next();
        if (next.done) {
          if (failure) controller.error(failure());
          else controller.close();
          return;
        }
        if (next.value.length > 0) {
          controller.enqueue(next.value);
          return;
        }
      }
    },
  });
}

/**
 * The parts, then an error instead of the end: the server turns it into a cut connection, which is
 * how Swift ends a large object's body when a later segment cannot be read.
 */
export function cutStream(parts: Iterable<Buffer>): ReadableStream<Uint8Array> {
  return chunkStream(parts, () => new Error("a segment of the large object could not be read"));
}
