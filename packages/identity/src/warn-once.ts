const emitted = new Set<string>();

/**
 * `process.emitWarning` once per key per process: a warning about a config or credential file
 * is useful the first time, noise on every context created from it.
 */
export function warnOnce(key: string, message: string, code: string): void {
  if (emitted.has(key)) return;
  emitted.add(key);
  process.emitWarning(message, { type: "RaxWarning", code });
}

/** Test hook: forget which warnings were emitted. */
export function resetWarnings(): void {
  emitted.clear();
}
