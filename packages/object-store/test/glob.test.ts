// `ignore` patterns of folder upload/sync: shell globs, matched by rax (no picomatch).
import { describe, expect, it } from "vitest";
import { ValidationError } from "@rax/core";
import { globToRegExp } from "../src/transfer/glob";

const cases: [string, string, boolean][] = [
  ["*.pyc", "main.pyc", true],
  ["*.pyc", "src/main.pyc", false],
  ["*.py?", "a.pyc", true],
  ["tmp*", "tmp_file", true],
  [".git", ".git", true],
  ["*.swp", ".x.swp", true],
  ["src/*.py", "src/main.py", true],
  ["src/*.py", "src/deep/x.py", false],
  ["src/**/*.py", "src/deep/x.py", true],
  ["src/**/*.py", "src/x.py", true],
  ["**/*.tgz", "a/b/c.tgz", true],
  ["*.{png,jpg}", "a.jpg", true],
  ["*.{png,jpg}", "a.gif", false],
  ["[abc].txt", "b.txt", true],
  ["[!abc].txt", "b.txt", false],
  ["[!abc].txt", "d.txt", true],
  ["[]a].txt", "].txt", true],
  ["a\\*b", "a*b", true],
  ["a\\*b", "axb", false],
  ["file(1)+x.txt", "file(1)+x.txt", true],
  ["a.b", "axb", false],
];

describe("globToRegExp", () => {
  it.each(cases)("%s against %s → %s", (glob, path, want) => {
    expect(globToRegExp(glob, "options.ignore").test(path)).toBe(want);
  });

  it("an unclosed brace is a ValidationError naming the field", () => {
    expect(() => globToRegExp("*.{a,b", "options.ignore")).toThrow(ValidationError);
    expect(() => globToRegExp("*.{a,b", "options.ignore")).toThrow(/^options\.ignore: /);
  });
});
