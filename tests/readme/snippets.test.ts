// The README parser: what the snippet harness sees is what a reader copies, and every opt-out is one
// somebody wrote down.
import { describe, expect, it } from "vitest";
import { isProgram, parseSnippets, syntaxErrors } from "./snippets";

describe("parseSnippets", () => {
  it("finds a block indented in a list item and dedents it, keeping its own indentation", () => {
    const md = ["1. Upload:", "", "   ```ts", '   import { x } from "y";', "   if (x) {", "     x();", "   }", "   ```", ""].join("\n");
    const [s, ...rest] = parseSnippets("R.md", md);
    expect(rest).toEqual([]);
    expect(s).toMatchObject({ line: 3, code: 'import { x } from "y";\nif (x) {\n  x();\n}\n' });
    expect(s!.problem).toBeUndefined();
    expect(isProgram(s!)).toBe(true);
  });

  it("takes ```typescript and an info string, not ```tsx or ```sh", () => {
    const md = ["```typescript", "a;", "```", '```ts title="x"', "b;", "```", "```tsx", "c;", "```", "```sh", "d", "```"].join("\n");
    expect(parseSnippets("R.md", md).map((s) => s.code)).toEqual(["a;\n", "b;\n"]);
  });

  it("reads the opt-out marker before a block, with its reason", () => {
    const md = ["<!-- snippet: fragment — continues the block above -->", "", "```ts", "cf.x();", "```"].join("\n");
    expect(parseSnippets("R.md", md)[0]!.optOut).toEqual({ kind: "fragment", reason: "continues the block above" });
  });

  it("flags a marker without a reason, an unknown one, a stray one and an unclosed fence", () => {
    const problems = (md: string) => parseSnippets("R.md", md).map((s) => s.problem);
    expect(problems("<!-- snippet: fragment -->\n```ts\na;\n```")).toEqual(["line 1: the snippet marker needs a reason"]);
    expect(problems("<!-- snippet: ignore — x -->\n```ts\na;\n```")[0]).toMatch(/unknown snippet marker "ignore"/);
    expect(problems("<!-- snippet: skip — x -->\ntext\n```ts\na;\n```")).toEqual([
      "a snippet marker that is not right before a ```ts block",
      undefined,
    ]);
    expect(problems("```ts\na;\n")).toEqual(["the ```ts fence is never closed"]);
  });
});

describe("syntaxErrors", () => {
  it("names the README line and column of a syntax error", () => {
    const [s] = parseSnippets("R.md", "intro\n\n```ts\nconst a = 1;\nfor (const o of a) { … }\n```\n");
    expect(syntaxErrors(s!)).toEqual(["R.md:5:22 Unexpected \"…\""]);
  });

  it("has nothing to say about a block that parses", () => {
    const [s] = parseSnippets("R.md", "```ts\nconst a: number = 1;\n```\n");
    expect(syntaxErrors(s!)).toEqual([]);
  });
});
