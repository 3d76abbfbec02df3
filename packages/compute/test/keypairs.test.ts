import { inspect } from "node:util";
import { Conflict, redact, ValidationError } from "@rax/core";
import { describe, expect, it } from "vitest";
import { Keypair, NoSuchKeypair } from "../src/index";
import { serve } from "./fixture";

const PRIVATE = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAfixture\n-----END RSA PRIVATE KEY-----\n";
const PUBLIC = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC0 me@host";
const wire = (over: Record<string, unknown> = {}) => ({ name: "my_key", public_key: PUBLIC, fingerprint: "aa:bb", user_id: "100001", ...over });

describe("keypairs", () => {
  it("create without a public key returns Nova's private key, which is never printed or serialised", async () => {
    const { nova, seen } = await serve({ method: "POST", path: "/os-keypairs", status: 200, body: { keypair: wire({ private_key: PRIVATE }) } });
    const k = await nova.keypairs.create("my_key");
    expect(seen[0]!.body).toEqual({ keypair: { name: "my_key" } });
    expect(k).toBeInstanceOf(Keypair);
    expect(k).toMatchObject({ name: "my_key", publicKey: PUBLIC, fingerprint: "aa:bb", userId: "100001" });
    expect(k.privateKey).toBe(PRIVATE);
    for (const printed of [inspect(k, { showHidden: true, depth: 10 }), JSON.stringify(k), JSON.stringify(k.raw)]) expect(printed).not.toContain("MIIEowIBAAKCAQEAfixture");
    expect(redact(`key: ${PRIVATE}`)).not.toContain("MIIEowIBAAKCAQEAfixture");
  });

  it("create with a public key (pyrax's keypairs.create(name, pub)) and import send it", async () => {
    const { nova, seen } = await serve(
      { method: "POST", path: "/os-keypairs", status: 200, body: { keypair: wire() } },
      { method: "POST", path: "/os-keypairs", status: 201, body: { keypair: wire({ name: "k2" }) } },
    );
    expect((await nova.keypairs.create("my_key", `${PUBLIC}\n`)).privateKey).toBeUndefined();
    await nova.keypairs.import("k2", PUBLIC);
    expect(seen.map((r) => r.body)).toEqual([{ keypair: { name: "my_key", public_key: PUBLIC } }, { keypair: { name: "k2", public_key: PUBLIC } }]);
  });

  it.each([["", "name"], ["bad/name", "name"], [" lead", "name"], ["x".repeat(256), "name"]])("refuses the name %j before any request", async (name, field) => {
    const { nova, seen } = await serve();
    await expect(nova.keypairs.create(name)).rejects.toMatchObject({ field });
    expect(seen).toHaveLength(0);
  });

  it("refuses a public key that is not an OpenSSH key", async () => {
    const { nova, seen } = await serve();
    await expect(nova.keypairs.import("k", "-----BEGIN PUBLIC KEY-----")).rejects.toBeInstanceOf(ValidationError);
    expect(seen).toHaveLength(0);
  });

  it("a taken name is a Conflict", async () => {
    const { nova } = await serve({ method: "POST", path: "/os-keypairs", status: 409, body: { conflictingRequest: { code: 409, message: "Key pair 'my_key' already exists." } } });
    await expect(nova.keypairs.create("my_key")).rejects.toBeInstanceOf(Conflict);
  });

  it("list unwraps Nova's {keypair} rows; get and delete by name or object; 404 is NoSuchKeypair", async () => {
    const { nova, seen } = await serve(
      { method: "GET", path: "/os-keypairs", status: 200, body: { keypairs: [{ keypair: wire() }, { keypair: wire({ name: "b" }) }] } },
      { method: "DELETE", path: "/os-keypairs/my_key", status: 202 },
      { method: "GET", path: "/os-keypairs/gone", status: 404, body: { itemNotFound: { code: 404, message: "Keypair gone not found for user 100001" } } },
    );
    const all = await nova.keypairs.list().toArray();
    expect(all.map((k) => k.name)).toEqual(["my_key", "b"]);
    await all[0]!.delete();
    const e = await nova.keypairs.get("gone").catch((x) => x);
    expect(e).toBeInstanceOf(NoSuchKeypair);
    expect(e.keypair).toBe("gone");
    expect(seen.map((r) => `${r.method} ${r.path}`)).toEqual(["GET /os-keypairs", "DELETE /os-keypairs/my_key", "GET /os-keypairs/gone"]);
  });
});
