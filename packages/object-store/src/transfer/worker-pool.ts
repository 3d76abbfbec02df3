/**
 * Run `work` on items pulled from `next` with at most `concurrency` in flight. The first error
 * stops new work; in-flight items finish, then the error is thrown. `next` returning undefined
 * ends the run.
 */
export async function runPool<T>(
  concurrency: number,
  next: () => Promise<T | undefined> | T | undefined,
  work: (item: T) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  let failed = false;
  let firstError: unknown;
  const worker = async () => {
    while (!failed && !signal?.aborted) {
      let item: T | undefined;
      try {
        item = await next();
      } catch (e) {
        if (!failed) {
          failed = true;
          firstError = e;
        }
        return;
      }
      if (item === undefined) return;
      try {
        await work(item);
      } catch (e) {
        if (!failed) {
          failed = true;
          firstError = e;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  if (failed) throw firstError;
}
