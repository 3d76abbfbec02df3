// The ```ts blocks of the READMEs, as a reader copies them.
import { readFileSync } from "node:fs";
import { join } from "node:path";

export interface Snippet {
  /** README path relative to the repo root */
  file: string;
  /** 1-based line of the opening fence, for the test name */
  line: number;
  code: string;
}

const FENCE = /^```(?:ts|typescript)\s*$/;

export function snippetsOf(root: string, file: string): Snippet[] {
  const lines = readFileSync(join(root, file), "utf8").split("\n");
  const out: Snippet[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!FENCE.test(lines[i]!)) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i]!); i++) body.push(lines[i]!);
    out.push({ file, line: start + 1, code: body.join("\n") + "\n" });
  }
  return out;
}

/** a block that imports something is a program a reader can run; one without imports is a
 * fragment that continues an earlier block (`cf.…`), and is not run on its own */
export const isProgram = (s: Snippet): boolean => /^\s*import\s[^;]*from\s+["'][^"']+["']/m.test(s.code);
