import { ValidationError } from "@rax/core";

const escapeChar = (ch: string) => ch.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");

/**
 * A shell glob as a RegExp over a `/`-separated path: `*` and `?` stay within one segment, `**`
 * spans segments, `[abc]` / `[!a-z]` are classes, `{a,b}` alternatives, `\` escapes the next
 * character. Names starting with "." match like any other (pyrax's fnmatch does the same).
 */
export function globToRegExp(glob: string, field: string): RegExp {
  let re = "";
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i] as string;
    if (ch === "\\") {
      i++;
      re += escapeChar(glob[i] ?? "\\");
    } else if (ch === "*") {
      if (glob[i + 1] !== "*") re += "[^/]*";
      else if (glob[i + 2] === "/") {
        re += "(?:[^/]*/)*";
        i += 2;
      } else {
        re += ".*";
        i++;
      }
    } else if (ch === "?") re += "[^/]";
    else if (ch === "[") {
      // A `]` right after `[` (or `[!`) is a member, not the end.
      const from = glob[i + 1] === "!" || glob[i + 1] === "^" ? i + 2 : i + 1;
      const end = glob.indexOf("]", from + 1);
      if (end < 0) {
        re += "\\[";
        continue;
      }
      const body = glob.slice(i + 1, end);
      const negated = body[0] === "!" || body[0] === "^";
      re += `[${negated ? "^" : ""}${(negated ? body.slice(1) : body).replace(/[\\\]^]/g, "\\$&")}]`;
      i = end;
    } else if (ch === "{") {
      braces++;
      re += "(?:";
    } else if (ch === "}" && braces > 0) {
      braces--;
      re += ")";
    } else if (ch === "," && braces > 0) re += "|";
    else re += escapeChar(ch);
  }
  if (braces > 0) throw new ValidationError(field, `${JSON.stringify(glob)} has an unclosed "{"`);
  return new RegExp(`^${re}$`, "s");
}
