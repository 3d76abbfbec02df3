import { VERSION } from "./version";

/** `rax/<version> node/<version>`, after the caller's prefix (pyrax's `custom_user_agent`). */
export function userAgent(prefix?: string): string {
  const base = `rax/${VERSION} node/${process.versions.node}`;
  return prefix && prefix.trim() ? `${prefix.trim()} ${base}` : base;
}
