import { NoEndpointForService, Unauthorized } from "@rax/core";
import { AuthenticationFailed, type Context } from "@rax/identity";
import { ObjectStore } from "@rax/object-store";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Target } from "./target";

/**
 * Authentication and catalog behaviour users rely on, against whatever `getTarget()` returns:
 * Rackspace identity in the emulator, Keystone v3 in the integration tier.
 */
export function identityScenarios(getTarget: () => Target): void {
  let target: Target;
  const opened: Context[] = [];
  const fresh = (credential: "password" | "apiKey", overrides?: Parameters<Target["newContext"]>[1]) => {
    const ctx = target.newContext(credential, overrides);
    opened.push(ctx);
    return ctx;
  };

  beforeAll(() => {
    target = getTarget();
  });
  afterEach(async () => {
    for (const ctx of opened.splice(0)) await ctx.close();
  });

  describe("authentication", () => {
    it("password auth yields a token, an expiry and a catalog with object storage", async () => {
      const ctx = fresh("password");
      expect(ctx.authenticated).toBe(false);
      await ctx.authenticate();
      expect(ctx.authenticated).toBe(true);
      expect(ctx.token).toMatch(/\S{16,}/);
      expect(ctx.expires!.getTime()).toBeGreaterThan(Date.now());
      expect(ctx.tenantId).toBeTruthy();
      expect(ctx.services.some((s) => s.type === "object-store")).toBe(true);
      expect(await ctx.client(ObjectStore, { region: target.region }).listContainers()).toBeInstanceOf(Array);
    });

    it("API-key auth works like password auth", async (t) => {
      if (!target.supports.apiKeyAuth) t.skip("API keys are Rackspace-only: Keystone has no RAX-KSKEY:apiKeyCredentials");
      const ctx = fresh("apiKey");
      await ctx.authenticate();
      expect(ctx.token).toBeTruthy();
      expect(ctx.services.some((s) => s.type === "object-store")).toBe(true);
    });

    it("a wrong secret is AuthenticationFailed (401), and the secret is not in the message", async () => {
      const ctx = fresh("password", { password: "definitely-wrong-pw" });
      const err = await ctx.authenticate().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AuthenticationFailed);
      expect(err).toBeInstanceOf(Unauthorized);
      expect((err as Unauthorized).status).toBe(401);
      expect(String((err as Error).message)).not.toContain("definitely-wrong-pw");
    });

    it("a tenant the user does not belong to is AuthenticationFailed naming the user and that tenant, not the secret", async () => {
      // Rackspace identity and Keystone both answer 401 without saying which part was wrong.
      const ctx = fresh("password", { tenantName: "h8-no-such-tenant", tenantId: undefined });
      const err = await ctx.authenticate().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AuthenticationFailed);
      const message = String((err as Error).message);
      expect(message).toMatch(/(tenant|project) "h8-no-such-tenant"/);
      expect(message).toContain(`user "${ctx.identity.username}"`);
    });

    it("authWithToken with a revoked token is AuthenticationFailed (Keystone's 404 included), the token not in the message", async () => {
      const owner = fresh("password");
      await owner.authenticate();
      const token = owner.token!;
      await target.revokeToken(token);
      const borrowed = fresh("password", { password: undefined, apiKey: undefined, username: undefined });
      const err = await borrowed.authWithToken(token, { tenantId: owner.tenantId! }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AuthenticationFailed);
      expect(String((err as Error).message)).toContain("authWithToken");
      expect(String((err as Error).message)).not.toContain(token);
      expect(borrowed.authenticated).toBe(false);
    });

    it("a context built from someone's token works, and is Unauthorized once that token is revoked", async () => {
      const owner = fresh("password");
      await owner.authenticate();
      const borrowed = fresh("password", { password: undefined, apiKey: undefined, username: undefined });
      await borrowed.authWithToken(owner.token!, { tenantId: owner.tenantId! });
      expect(borrowed.authenticated).toBe(true);
      expect(borrowed.identity.hasCredentials).toBe(false);
      const os = borrowed.client(ObjectStore, { region: target.region });
      expect(await os.listContainers()).toBeInstanceOf(Array);

      await target.revokeToken(borrowed.token!);
      // Token-only: nothing to re-authenticate with, as pyrax documents.
      await expect(os.listContainers()).rejects.toBeInstanceOf(Unauthorized);
    });

    it("re-authenticates and replays the call when the server revokes the token mid-run", async () => {
      const ctx = fresh("password");
      await ctx.authenticate();
      const os = ctx.client(ObjectStore, { region: target.region });
      await os.listContainers();
      const before = ctx.token!;
      await target.revokeToken(before);
      expect(await os.listContainers()).toBeInstanceOf(Array);
      expect(ctx.token).toBeTruthy();
      expect(ctx.token).not.toBe(before);
    });

    it("concurrent calls after a revocation share one re-authentication", async () => {
      const ctx = fresh("password");
      await ctx.authenticate();
      const os = ctx.client(ObjectStore, { region: target.region });
      const before = ctx.token!;
      await target.revokeToken(before);
      const results = await Promise.all(Array.from({ length: 5 }, () => os.getAccountDetails()));
      expect(results).toHaveLength(5);
      expect(ctx.token).not.toBe(before);
    });
  });

  describe("catalog and regions", () => {
    it("lists the regions and resolves object storage in the target's region", async () => {
      const ctx = target.ctx;
      for (const r of target.regions) expect(ctx.regions).toContain(r);
      const url = ctx.getEndpoint("object-store", { region: target.region });
      expect(url).toMatch(/^https?:\/\//);
      expect(target.objectStore().endpoint).toBe(url.replace(/\/+$/, ""));
      // Region names are case-insensitive.
      expect(ctx.getEndpoint("object-store", { region: target.region.toLowerCase() })).toBe(url);
    });

    it("an unknown region is NoEndpointForService naming the regions that exist", async () => {
      const err = (() => {
        try {
          target.ctx.getEndpoint("object-store", { region: "NOWHERE9" });
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(err).toBeInstanceOf(NoEndpointForService);
      const msg = (err as Error).message;
      expect(msg).toContain("NOWHERE9");
      for (const r of target.regions) expect(msg).toContain(r);

      const client = target.ctx.client(ObjectStore, { region: "NOWHERE9" });
      await expect(client.listContainers()).rejects.toBeInstanceOf(NoEndpointForService);
    });

    it("internal URLs differ from public ones and still reach the same account", async () => {
      const pub = target.ctx.getEndpoint("object-store", { region: target.region });
      const internal = target.ctx.getEndpoint("object-store", { region: target.region, internal: true });
      expect(internal).not.toBe(pub);
      expect(new URL(internal).pathname).toBe(new URL(pub).pathname);
      const viaInternal = target.ctx.client(ObjectStore, { region: target.region, internal: true });
      expect(viaInternal.endpoint).toBe(internal.replace(/\/+$/, ""));
      const a = await viaInternal.getAccountDetails();
      const b = await target.objectStore().getAccountDetails();
      expect(a.containerCount).toBe(b.containerCount);
    });

    it("an unknown service type is NoEndpointForService", () => {
      expect(() => target.ctx.getEndpoint("no-such-service-type")).toThrow(NoEndpointForService);
    });
  });

  describe("a live context", () => {
    it("setHttpDebug turns the redacted HTTP log on and off without a new token; the log holds no secret", async () => {
      const lines: string[] = [];
      const ctx = fresh("password", { debug: false, logger: (l) => lines.push(l) });
      await ctx.authenticate();
      const token = ctx.token as string;
      const os = ctx.client(ObjectStore, { region: target.region });
      await os.listContainers();
      expect(lines).toEqual([]);
      ctx.setHttpDebug(true);
      await os.listContainers();
      expect(lines.length).toBeGreaterThan(0);
      ctx.setHttpDebug(false);
      const seen = lines.length;
      await os.listContainers();
      expect(lines.length).toBe(seen);
      expect(ctx.token).toBe(token);
      expect(lines.join("\n")).not.toContain(token);
    });

    it("auth_endpoint changed in code: the next call authenticates again, with the same credentials", async () => {
      const ctx = fresh("password");
      await ctx.authenticate();
      const first = ctx.token;
      ctx.setSetting("auth_endpoint", ctx.identity.authEndpoint);
      expect(ctx.authenticated).toBe(false);
      expect(await ctx.client(ObjectStore, { region: target.region }).listContainers()).toBeInstanceOf(Array);
      expect(ctx.authenticated).toBe(true);
      expect(ctx.token).not.toBe(first);
    });

    it("printing an authenticated context shows who and where, never the password or the token", async () => {
      const { inspect } = await import("node:util");
      const ctx = fresh("password");
      await ctx.authenticate();
      const printed = [inspect(ctx), JSON.stringify(ctx), inspect(ctx.identity, { customInspect: false, depth: Infinity, showHidden: true })].join("\n");
      expect(printed).toContain(ctx.username as string);
      expect(printed).not.toContain(ctx.token as string);
      const pw = (target.ctx.identity as unknown as { password?: string }).password;
      expect(pw).toBeUndefined();
    });
  });
}
