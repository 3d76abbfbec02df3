/**
 * The code a Swift bulk report's status line starts with (`"400 Bad Request"` → 400), or undefined
 * when it starts with no three-digit code. `parseInt` would read `"4xx"` as 4 and `"40"` as 40,
 * codes no response has.
 */
export function statusLineCode(line: string): number | undefined {
  const m = /^([1-5]\d\d)(?!\d)/.exec(line.trimStart());
  return m ? Number(m[1]) : undefined;
}
