/**
 * A value built on first use and kept. Service packages wrap their zod schemas in it so that
 * importing a package builds none of them: a function that makes one call builds that call's
 * schemas only (a serverless cold start pays for what it uses).
 *
 * ```ts
 * const createInput = lazy(() => z.object({ name: z.string() }));
 * type CreateInput = z.infer<ReturnType<typeof createInput>>;
 * createInput().parse(input);
 * ```
 */
export function lazy<T>(build: () => T): () => T {
  let value: T;
  let built = false;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value;
  };
}
