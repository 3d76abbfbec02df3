/** Nova's words for a server name its `name` format refuses (the 400's message). */
export const INVALID_SERVER_NAME = "An invalid 'name' value was provided. The name must be: printable characters. Can not start or end with whitespace.";

/**
 * Nova's `name` format (nova/api/validation/parameter_types.py, `valid_name_regex`): characters of
 * the Basic Multilingual Plane only (its table stops at U+FFFE, so an emoji is refused), none of
 * Unicode's C* categories (a tab, a control, a format character) nor line / paragraph separators,
 * and no space character (Zs) at either end. Length is checked apart (1–255).
 */
export function isPrintableNovaName(name: string): boolean {
  for (const c of name) if (c.codePointAt(0)! >= 0xffff || /[\p{C}\p{Zl}\p{Zp}]/u.test(c)) return false;
  return !/^\p{Zs}|\p{Zs}$/u.test(name);
}
