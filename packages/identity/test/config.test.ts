import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ValidationError } from "@rax/core";
import { Config, InvalidCredentialFile, createContext, readCredentialFile } from "../src/index";
import { resetWarnings } from "../src/warn-once";

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), "rax-home-"));
  resetWarnings();
});
afterEach(() => {
  rmSync(home, { recursive: true, force: true });
  vi.restoreAllMocks();
});

const SAMPLE = `[private]
identity_type = keystone
region = RegionOne
custom_user_agent =
debug = True
auth_endpoint = http://192.168.0.1:5000/v2.0/
tenant_name = demo
tenant_id = abc123456
keyring_username = demo

[public]
identity_type = rackspace
keyring_username = joeracker
region = ORD
custom_user_agent = CrazyApp/2.0
debug = False
verify_ssl = False
`;

function write(name: string, text: string, mode = 0o600): string {
  const p = join(home, name);
  writeFileSync(p, text);
  chmodSync(p, mode);
  return p;
}

function warnings(): { spy: ReturnType<typeof vi.spyOn>; messages: () => string[] } {
  const spy = vi.spyOn(process, "emitWarning").mockImplementation(() => undefined);
  return { spy, messages: () => spy.mock.calls.map((c) => String(c[0])) };
}

describe("config file environments", () => {
  it("reads ~/.pyrax.cfg when there is no ~/.rax.cfg; the first section is the default", () => {
    write(".pyrax.cfg", SAMPLE);
    const cfg = new Config({ env: { HOME: home } });
    expect(cfg.path).toBe(join(home, ".pyrax.cfg"));
    expect(cfg.listEnvironments()).toEqual(["private", "public"]);
    expect(cfg.getEnvironment()).toBe("private");
    expect(cfg.getSetting("identityType")).toBe("keystone");
    expect(cfg.getSetting("identity_type")).toBe("keystone");
    expect(cfg.getSetting("debug")).toBe(true);
    expect(cfg.getSetting("customUserAgent")).toBeUndefined();
    expect(cfg.getSetting("verifySsl")).toBe(true);
    cfg.setEnvironment("public");
    expect(cfg.getSetting("region")).toBe("ORD");
    expect(cfg.getSetting("verify_ssl")).toBe(false);
    expect(cfg.getSetting("customUserAgent")).toBe("CrazyApp/2.0");
    expect(cfg.getSetting("region", "private")).toBe("RegionOne");
    expect(() => cfg.setEnvironment("nope")).toThrow(/private, public/);
  });

  it("~/.rax.cfg wins over ~/.pyrax.cfg; RAX_CONFIG_FILE over both", () => {
    write(".pyrax.cfg", "[default]\nregion = PYRAX\n");
    write(".rax.cfg", "[default]\nregion = RAX\n");
    const other = write("elsewhere.cfg", "[default]\nregion = OTHER\n");
    expect(new Config({ env: { HOME: home } }).getSetting("region")).toBe("RAX");
    expect(new Config({ env: { HOME: home, RAX_CONFIG_FILE: other } }).getSetting("region")).toBe("OTHER");
    expect(() => new Config({ env: { HOME: home, RAX_CONFIG_FILE: join(home, "missing.cfg") } })).toThrow(ValidationError);
  });

  it("default section: `default`, else legacy `settings`, else the first", () => {
    write(".rax.cfg", "[a]\nregion = A\n[settings]\nregion = S\n");
    expect(new Config({ env: { HOME: home } }).getEnvironment()).toBe("settings");
    write(".rax.cfg", "[a]\nregion = A\n[settings]\nregion = S\n[default]\nregion = D\n");
    const cfg = new Config({ env: { HOME: home } });
    expect(cfg.getEnvironment()).toBe("default");
    expect(cfg.getSetting("region")).toBe("D");
    cfg.setEnvironment("a");
    cfg.setEnvironment("default");
    expect(cfg.getSetting("region")).toBe("D");
  });

  it("precedence: the file over CLOUD_* env, code over both, env when the file is silent", () => {
    write(".rax.cfg", "[default]\nregion = FILE\n");
    const env = { HOME: home, CLOUD_REGION: "ENV", CLOUD_TENANT_ID: "t-env", CLOUD_VERIFY_SSL: "False", USE_SERVICENET: "true" };
    const cfg = new Config({ env });
    expect(cfg.getSetting("region")).toBe("FILE");
    expect(cfg.getSetting("tenantId")).toBe("t-env");
    // pyrax left "False" as a truthy string; rax parses it.
    expect(cfg.getSetting("verifySsl")).toBe(false);
    expect(cfg.getSetting("useServicenet")).toBe(true);
    cfg.setSetting("region", "CODE");
    expect(cfg.getSetting("region")).toBe("CODE");
    // explicit context options beat the file and env too
    const ctx = createContext({ env, identityType: "keystone", authEndpoint: "http://127.0.0.1:1/v3", region: "ARG" });
    expect(ctx.identity.region).toBe("ARG");
    expect(ctx.identity.tenantId).toBe("t-env");
  });

  it("no config file: one 'default' environment fed by the environment variables", () => {
    const cfg = new Config({ env: { HOME: home, CLOUD_ID_TYPE: "rackspace", CLOUD_DEBUG: "1" } });
    expect(cfg.path).toBeUndefined();
    expect(cfg.listEnvironments()).toEqual(["default"]);
    expect(cfg.getSetting("identityType")).toBe("rackspace");
    expect(cfg.getSetting("debug")).toBe(true);
    expect(cfg.getSetting("encoding")).toBe("utf-8");
  });

  it("ctx.setEnvironment switches identity type and settings and drops credentials", () => {
    write(".rax.cfg", SAMPLE.replace("debug = True", "http_debug = True"));
    const ctx = createContext({ env: { HOME: home }, username: "demo", password: "pw-123456" });
    expect(ctx.getEnvironment()).toBe("private");
    expect(ctx.identityType).toBe("keystone");
    expect(ctx.getSetting("debug")).toBe(true);
    expect(ctx.identity.hasCredentials).toBe(true);
    ctx.setEnvironment("public");
    expect(ctx.identityType).toBe("rackspace");
    expect(ctx.identity.region).toBe("ORD");
    expect(ctx.identity.hasCredentials).toBe(false);
    ctx.setSetting("region", "IAD");
    expect(ctx.identity.region).toBe("IAD");
  });

  it("a bad boolean names the section and key", () => {
    write(".rax.cfg", "[prod]\nverify_ssl = maybe\n");
    const cfg = new Config({ env: { HOME: home } });
    expect(() => cfg.getSetting("verifySsl")).toThrow(expect.objectContaining({ field: "prod.verify_ssl" }));
  });

  it("credentials in the config file are ignored, with one warning", () => {
    write(".rax.cfg", "[default]\nusername = bob\napi_key = secret-in-config-file\nregion = DFW\n");
    const w = warnings();
    new Config({ env: { HOME: home } });
    const cfg = new Config({ env: { HOME: home } });
    expect(w.messages()).toHaveLength(1);
    expect(w.messages()[0]).toMatch(/username, api_key.*ignored/);
    expect(w.messages()[0]).not.toContain("secret-in-config-file");
    expect(cfg.getSetting("api_key")).toBeUndefined();
    expect(cfg.getSetting("region")).toBe("DFW");
  });

  it("sections with dots stay whole (HP-style region names)", () => {
    write(".rax.cfg", "[region-a.geo-1]\nregion = region-a.geo-1\n");
    const cfg = new Config({ env: { HOME: home } });
    expect(cfg.listEnvironments()).toEqual(["region-a.geo-1"]);
    expect(cfg.getSetting("region")).toBe("region-a.geo-1");
  });

  it("identity type missing or wrong → ValidationError before anything else", () => {
    expect(() => createContext({ env: { HOME: home } })).toThrow(expect.objectContaining({ field: "identity_type" }));
    expect(() => createContext({ env: { HOME: home, CLOUD_ID_TYPE: "ldap" } })).toThrow(/unknown identity type/);
    expect(() => createContext({ env: { HOME: home }, identityType: "nope" as "keystone" })).toThrow(
      expect.objectContaining({ field: "identityType" }),
    );
  });

  it("a pyrax custom identity class (module_name.ClassName) is refused saying what to do instead", () => {
    write(".rax.cfg", "[default]\nidentity_type = my_ldap.LdapIdentity\n");
    expect(() => createContext({ env: { HOME: home } })).toThrow(
      expect.objectContaining({ field: "identity_type", message: expect.stringMatching(/custom identity classes.*AuthSession/) }),
    );
  });

  it("keystone without an auth endpoint → ValidationError on authEndpoint", () => {
    expect(() => createContext({ env: { HOME: home }, identityType: "keystone" })).toThrow(
      expect.objectContaining({ field: "authEndpoint" }),
    );
  });

  it("verify_ssl = False reaches the identity and warns", () => {
    write(".rax.cfg", SAMPLE);
    // core's transport warns once per process; forget that it did.
    delete (globalThis as Record<symbol, unknown>)[Symbol.for("rax.insecureTlsWarned")];
    const w = warnings();
    const ctx = createContext({ env: { HOME: home }, environment: "public" });
    expect(ctx.getSetting("verifySsl")).toBe(false);
    expect(w.messages().some((m) => /TLS/.test(m))).toBe(true);
  });
});

describe("credential files", () => {
  it("reads [rackspace_cloud] and [keystone], keeping # and ; in secrets", () => {
    const p = write(
      "creds",
      "[rackspace_cloud]\nusername = myusername\napi_key = 01234567890abcdef\n\n[keystone]\nusername = ks\npassword = top;secret#x\ntenant_id = abcdef1234567890\n",
    );
    expect(readCredentialFile(p, "rackspace")).toEqual({ username: "myusername", apiKey: "01234567890abcdef" });
    expect(readCredentialFile(p, "keystone")).toEqual({ username: "ks", password: "top;secret#x", tenantId: "abcdef1234567890" });
  });

  it("warns once when group or others can read it", () => {
    const p = write("creds", "[rackspace_cloud]\nusername = u\napi_key = k-123456\n", 0o644);
    const w = warnings();
    readCredentialFile(p, "rackspace");
    readCredentialFile(p, "rackspace");
    expect(w.messages()).toHaveLength(1);
    expect(w.messages()[0]).toMatch(/readable by group or others.*chmod 600/);
    const q = write("creds2", "[rackspace_cloud]\nusername = u\napi_key = k-123456\n", 0o600);
    readCredentialFile(q, "rackspace");
    expect(w.messages()).toHaveLength(1);
  });

  it("missing file, section or option → InvalidCredentialFile", () => {
    expect(() => readCredentialFile(join(home, "none"), "rackspace")).toThrow(InvalidCredentialFile);
    const p = write("creds", "[keystone]\nusername = u\n");
    expect(() => readCredentialFile(p, "rackspace")).toThrow(/no \[rackspace_cloud\] section/);
    expect(() => readCredentialFile(p, "keystone")).toThrow(/has no password/);
    const q = write("creds2", "username = u\n");
    expect(() => readCredentialFile(q, "keystone")).toThrow(/no section header/);
  });

  it("createContext({ credentialFile }) and ctx.setCredentialFile() fill the identity", () => {
    const p = write("creds", "[keystone]\nusername = ks\npassword = pw-123456\ntenant_id = t-9\n");
    const ctx = createContext({ env: { HOME: home }, identityType: "keystone", authEndpoint: "http://127.0.0.1:1/v3", credentialFile: p });
    expect(ctx.username).toBe("ks");
    expect(ctx.identity.hasCredentials).toBe(true);
    expect(ctx.identity.tenantId).toBe("t-9");
    const ctx2 = createContext({ env: { HOME: home }, identityType: "keystone", authEndpoint: "http://127.0.0.1:1/v3" });
    expect(ctx2.identity.hasCredentials).toBe(false);
    ctx2.setCredentialFile(p);
    expect(ctx2.identity.hasCredentials).toBe(true);
  });

  it("CLOUD_USERNAME / CLOUD_API_KEY / CLOUD_PASSWORD supply credentials; explicit ones win", () => {
    const env = { HOME: home, CLOUD_ID_TYPE: "rackspace", CLOUD_USERNAME: "envuser", CLOUD_API_KEY: "env-key-123" };
    expect(createContext({ env }).username).toBe("envuser");
    expect(createContext({ env }).identity.hasCredentials).toBe(true);
    expect(createContext({ env, username: "argu", apiKey: "arg-key-1" }).username).toBe("argu");
  });
});
