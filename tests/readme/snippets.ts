// The ```ts blocks of the READMEs, as a reader copies them — including blocks indented inside a list
// item, which a reader copies without the indentation — and the explicit opt-out a README may put
// on the line before a block:
//
//   <!-- snippet: fragment — continues the block above (`cf`) -->   a piece of a program: parsed, not run
//   <!-- snippet: skip — authenticates at the real Rackspace identity -->   a whole program that cannot run here
//
// The reason is required: it is shown in the test's name, so nothing is left out silently.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { transformSync, type Message } from "esbuild";

export type OptOut = { kind: "fragment" | "skip"; reason: string };

export interface Snippet {
  /** README path relative to the repo root */
  file: string;
  /** 1-based line of the opening fence, for the test name and errors */
  line: number;
  /** the block, dedented by its fence's indentation */
  code: string;
  optOut?: OptOut;
  /** what is wrong with the block or its marker itself (unclosed fence, marker without a reason) */
  problem?: string;
}

const FENCE = /^(\s*)```(?:ts|typescript)(?:\s.*)?$/;
const CLOSE = /^\s*```\s*$/;
const MARKER = /^\s*<!--\s*snippet:\s*([a-z]+)\s*(?:[—–:-]\s*)?(.*?)\s*-->\s*$/;

export function snippetsOf(root: string, file: string): Snippet[] {
  return parseSnippets(file, readFileSync(join(root, file), "utf8"));
}

export function parseSnippets(file: string, text: string): Snippet[] {
  const lines = text.split("\n");
  const out: Snippet[] = [];
  let marker: { line: number; kind: string; reason: string } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const m = MARKER.exec(l);
    if (m) {
      if (marker) out.push(stray(file, marker.line));
      marker = { line: i + 1, kind: m[1]!, reason: m[2]! };
      continue;
    }
    const open = FENCE.exec(l);
    if (!open) {
      // a marker applies to the very next block: anything but blank lines in between strands it
      if (marker && l.trim() !== "") out.push(stray(file, marker.line)), (marker = undefined);
      continue;
    }
    const indent = open[1]!.length;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !CLOSE.test(lines[i]!); i++) body.push(dedent(lines[i]!, indent));
    const s: Snippet = { file, line: start + 1, code: body.join("\n") + "\n" };
    if (i >= lines.length) s.problem = "the ```ts fence is never closed";
    if (marker) {
      if (marker.kind !== "fragment" && marker.kind !== "skip")
        s.problem = `line ${marker.line}: unknown snippet marker "${marker.kind}" (fragment or skip)`;
      else if (!marker.reason) s.problem = `line ${marker.line}: the snippet marker needs a reason`;
      else s.optOut = { kind: marker.kind, reason: marker.reason };
      marker = undefined;
    }
    out.push(s);
  }
  if (marker) out.push(stray(file, marker.line));
  return out;
}

const stray = (file: string, line: number): Snippet => ({
  file,
  line,
  code: "",
  problem: "a snippet marker that is not right before a ```ts block",
});

/** the fence's indentation off each line (a list item's block); less-indented lines keep their text */
const dedent = (l: string, n: number) => l.slice(Math.min(n, /^\s*/.exec(l)![0].length));

/** a block that imports something is a program a reader can run */
export const isProgram = (s: Snippet): boolean => /^\s*import\s[^;]*from\s+["'][^"']+["']/m.test(s.code);

/** syntax errors as `README:line:col message`, at the README's own line numbers */
export function syntaxErrors(s: Snippet): string[] {
  // esbuild parses TypeScript without type information: cheap enough for every block, and it is what
  // the run uses to load the block anyway
  try {
    transformSync(s.code, { loader: "ts", format: "esm", target: "es2022", logLevel: "silent" });
    return [];
  } catch (e) {
    const errors = (e as { errors?: Message[] }).errors;
    if (!errors) throw e;
    return errors.map((m) => `${s.file}:${s.line + (m.location?.line ?? 0)}:${(m.location?.column ?? 0) + 1} ${m.text}`);
  }
}
