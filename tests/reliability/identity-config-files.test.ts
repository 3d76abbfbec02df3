import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ValidationError } from "@rax/core";
import { createContext, loadCloudsFile } from "@rax/identity";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SECRETS, findLeaks, rejectionOf } from "./harness/leak-scan";

// Hostile or broken clouds.yaml / secure.yaml: every failure is a ValidationError naming the file,
// none expands without bound, and none echoes a secret written in the file.

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "rax-rel-clouds-"));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text, { mode: 0o600 });
  return p;
}

const contextFor = (path: string, cloud = "c", secure?: string) => () =>
  createContext({ cloud, env: { OS_CLIENT_CONFIG_FILE: path, ...(secure ? { OS_CLIENT_SECURE_FILE: secure } : {}) }, configFile: false });

describe("hostile and broken OpenStack config files", () => {
  it("an alias bomb (billion laughs) is refused, not expanded", async () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      levels.push(`${cur}: &${cur} [*${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}]`);
    }
    const p = file("bomb.yaml", `${levels.join("\n")}\nclouds:\n  c:\n    auth:\n      auth_url: http://127.0.0.1:1/v3\n      username: *i\n`);
    const e = await rejectionOf(contextFor(p));
    expect(e).toBeInstanceOf(ValidationError);
  });

  it("a file that is not a mapping, a directory, broken YAML: ValidationError naming the file", async () => {
    for (const p of [file("list.yaml", "- a\n- b\n"), file("scalar.yaml", "just text\n"), file("broken.yaml", "clouds:\n  c: [unclosed\n")]) {
      const e = await rejectionOf(contextFor(p));
      expect(e).toBeInstanceOf(ValidationError);
    }
    const d = join(dir, "a-directory");
    mkdirSync(d);
    const e = await rejectionOf(contextFor(d));
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.message).toContain(d);
  });

  it("a secure.yaml broken right after a password does not echo the password", async () => {
    const clouds = file("ok.yaml", "clouds:\n  c:\n    auth:\n      auth_url: http://127.0.0.1:1/v3\n      username: u\n");
    const secure = file("secure-broken.yaml", `clouds:\n  c:\n    auth:\n      password: "${SECRETS.password}\n      api_key: [${SECRETS.apiKey}\n`);
    const e = await rejectionOf(contextFor(clouds, "c", secure));
    expect(e).toBeInstanceOf(ValidationError);
    expect(findLeaks()).toEqual([]);
  });

  it("a cloud whose fields have the wrong shape is a ValidationError, not a crash", async () => {
    const p = file("shapes.yaml", "clouds:\n  c:\n    auth: just-a-string\n  d: [1, 2]\n  e:\n    auth: { auth_url: http://127.0.0.1:1/v3 }\n    identity_api_version: four\n");
    expect(await rejectionOf(contextFor(p, "c"))).toBeInstanceOf(ValidationError);
    expect(await rejectionOf(contextFor(p, "e"))).toBeInstanceOf(ValidationError);
    expect(() => loadCloudsFile({ env: { OS_CLIENT_CONFIG_FILE: p } })).toThrow(ValidationError);
  });
});
