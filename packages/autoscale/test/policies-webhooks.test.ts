import { inspect } from "node:util";
import { ValidationError } from "@rax/core";
import { describe, expect, it } from "vitest";
import { CannotExecutePolicy, GroupPaused, NoSuchPolicy, NoSuchWebhook } from "../src/index";
import { GROUP_ID, otterError, POLICY_ID, policy, serve, TOKEN, WEBHOOK_ID } from "./fixture";

const HASH = "9ba4c5b2f1a0e4c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0";
const webhook = (origin: string, over: Record<string, unknown> = {}) => ({
  id: WEBHOOK_ID,
  name: "PagerDuty",
  metadata: { notes: "page the on-call" },
  links: [
    { rel: "self", href: `${origin}/v1.0/123456/groups/${GROUP_ID}/policies/${POLICY_ID}/webhooks/${WEBHOOK_ID}/` },
    { rel: "capability", href: `${origin}/v1.0/execute/1/${HASH}/` },
  ],
  ...over,
});

describe("policies", () => {
  it("create sends a one-element array: change, isPercent → changePercent, desiredCapacity, schedule args", async () => {
    const created = (over: Record<string, unknown>) => ({ method: "POST", path: `/groups/${GROUP_ID}/policies`, status: 201, body: { policies: [policy(over)] } });
    const { au, seen } = await serve(created({}), created({ change: undefined, changePercent: -5.5 }), created({ change: undefined, desiredCapacity: 5 }), created({ type: "schedule", args: { at: "2099-12-05T03:12:00Z" } }));
    const p = await au.addPolicy(GROUP_ID, { name: "scale up by one server", cooldown: 1800, change: 1 });
    expect(p).toMatchObject({ id: POLICY_ID, groupId: GROUP_ID, type: "webhook", change: 1, cooldown: 1800 });
    await au.addPolicy(GROUP_ID, { name: "down 5.5%", cooldown: 60, change: -5.5, isPercent: true });
    await au.addPolicy(GROUP_ID, { name: "five", cooldown: 60, desiredCapacity: 5 });
    await au.addPolicy(GROUP_ID, { name: "at", type: "schedule", cooldown: 0, change: 1, args: { at: "2099-12-05T03:12:00Z" } });
    // A valid cron is sent (the loopback server has no answer left for it: 599).
    await expect(au.addPolicy(GROUP_ID, { name: "c", type: "schedule", cooldown: 0, change: 1, args: { cron: "*/15 9-17 * JAN-MAR MON-FRI" } })).rejects.toMatchObject({ status: 599 });
    expect(seen.map((s) => s.body)).toEqual([
      [{ name: "scale up by one server", type: "webhook", cooldown: 1800, change: 1 }],
      [{ name: "down 5.5%", type: "webhook", cooldown: 60, changePercent: -5.5 }],
      [{ name: "five", type: "webhook", cooldown: 60, desiredCapacity: 5 }],
      [{ name: "at", type: "schedule", cooldown: 0, change: 1, args: { at: "2099-12-05T03:12:00Z" } }],
      [{ name: "c", type: "schedule", cooldown: 0, change: 1, args: { cron: "*/15 9-17 * JAN-MAR MON-FRI" } }],
    ]);
  });

  it("refuses a policy without exactly one adjustment, a bad schedule or a negative cooldown, before any request", async () => {
    const { au, seen } = await serve();
    const bad = (input: unknown) => au.policies.create(GROUP_ID, input as never).catch((e: unknown) => e);
    expect(await bad({ name: "p", cooldown: 0 })).toMatchObject({ name: "ValidationError", field: "policy.change" });
    expect(await bad({ name: "p", cooldown: 0, change: 1, desiredCapacity: 2 })).toMatchObject({ field: "policy.desiredCapacity" });
    expect(await bad({ name: "p", cooldown: -1, change: 1 })).toMatchObject({ field: "policy.cooldown" });
    expect(await bad({ name: "p", cooldown: 0, change: 1, type: "schedule" })).toMatchObject({ field: "policy.args" });
    expect(await bad({ name: "p", cooldown: 0, change: 1, type: "schedule", args: { cron: "every hour" } })).toMatchObject({ field: "policy.args.cron" });
    expect(await bad({ name: "p", cooldown: 0, change: 1, type: "schedule", args: { at: "tomorrow" } })).toMatchObject({ field: "policy.args.at" });
    for (const cron of ["61 * * * *", "* 24 * * *", "* * 0 * *", "5-1 * * * *", "*/0 * * * *", "* * * FOO *"])
      expect(await bad({ name: "p", cooldown: 0, change: 1, type: "schedule", args: { cron } }), cron).toMatchObject({ field: "policy.args.cron" });
    expect(await bad({ name: "p", cooldown: 0, change: 1, args: { cron: "* * * * *" } })).toMatchObject({ field: "policy.args" });
    expect(await bad({ name: "p", cooldown: 0, change: 1.5 })).toBeInstanceOf(ValidationError);
    expect(seen).toEqual([]);
  });

  it("update carries the current values over (pyrax) and a new adjustment replaces the old one", async () => {
    const { au, seen } = await serve(
      { method: "GET", path: `/groups/${GROUP_ID}/policies/${POLICY_ID}`, status: 200, body: { policy: policy() } },
      { method: "PUT", path: `/groups/${GROUP_ID}/policies/${POLICY_ID}`, status: 204 },
      { method: "GET", path: `/groups/${GROUP_ID}/policies/${POLICY_ID}`, status: 200, body: { policy: policy() } },
      { method: "PUT", path: `/groups/${GROUP_ID}/policies/${POLICY_ID}`, status: 204 },
    );
    const p = await au.updatePolicy(GROUP_ID, POLICY_ID, { cooldown: 60, change: -3 });
    expect(p).toMatchObject({ id: POLICY_ID, cooldown: 60, change: -3, name: "scale up by one" });
    expect(seen[1]!.body).toEqual({ name: "scale up by one", type: "webhook", cooldown: 60, change: -3 });
    await au.updatePolicy(GROUP_ID, POLICY_ID, { changePercent: 10 });
    expect(seen[3]!.body).toEqual({ name: "scale up by one", type: "webhook", cooldown: 1800, changePercent: 10 });
  });

  it("execute: 202; Otter's 403 types become GroupPaused / CannotExecutePolicy; a 404 is NoSuchPolicy", async () => {
    const exec = { method: "POST", path: `/groups/${GROUP_ID}/policies/${POLICY_ID}/execute` };
    const { au } = await serve(
      { ...exec, status: 202, body: {} },
      { ...exec, status: 403, body: otterError("GroupPausedError", 403, "Cannot execute policy while group is paused") },
      { ...exec, status: 403, body: otterError("CannotExecutePolicyError", 403, "Cannot execute policy because cooldown period has not passed") },
      { ...exec, status: 404, body: otterError("NoSuchPolicyError", 404, "No such policy") },
      { ...exec, status: 204 },
    );
    await au.executePolicy(GROUP_ID, POLICY_ID);
    await expect(au.executePolicy(GROUP_ID, POLICY_ID)).rejects.toBeInstanceOf(GroupPaused);
    const e = await au.executePolicy(GROUP_ID, POLICY_ID).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(CannotExecutePolicy);
    expect((e as Error).message).toContain("cooldown");
    await expect(au.executePolicy(GROUP_ID, POLICY_ID)).rejects.toBeInstanceOf(NoSuchPolicy);
    // The API defines 202 for execute; another 2xx is not success.
    await expect(au.executePolicy(GROUP_ID, POLICY_ID)).rejects.toMatchObject({ name: "InvalidResponse" });
  });

  it("a Policy's verbs (policy.update, policy.execute, policy.delete) use its group", async () => {
    const { au, seen } = await serve(
      { method: "GET", path: `/groups/${GROUP_ID}/policies`, status: 200, body: { policies: [policy()], policies_links: [] } },
      { method: "POST", path: `/groups/${GROUP_ID}/policies/${POLICY_ID}/execute`, status: 202 },
      { method: "DELETE", path: `/groups/${GROUP_ID}/policies/${POLICY_ID}`, status: 204 },
    );
    const [p] = (await au.listPolicies(GROUP_ID)).items;
    await p!.execute();
    await p!.delete();
    expect(seen.map((s) => s.method)).toEqual(["GET", "POST", "DELETE"]);
  });
});

describe("webhooks", () => {
  it("create returns the capability URL, which printing, JSON and raw never show", async () => {
    const { au, seen, origin } = await serve({ method: "POST", path: `/groups/${GROUP_ID}/policies/${POLICY_ID}/webhooks`, status: 201, body: { webhooks: [webhook("ORIGIN")] } });
    const w = await au.addWebhook(GROUP_ID, POLICY_ID, "PagerDuty", { notes: "page the on-call" });
    expect(seen[0]!.body).toEqual([{ name: "PagerDuty", metadata: { notes: "page the on-call" } }]);
    expect(w.capabilityUrl).toBe(`ORIGIN/v1.0/execute/1/${HASH}/`);
    expect(w).toMatchObject({ id: WEBHOOK_ID, groupId: GROUP_ID, policyId: POLICY_ID, name: "PagerDuty", metadata: { notes: "page the on-call" } });
    // showHidden lists a class's prototype getters and `getters` calls them: the printed form must not.
    const printed = [inspect(w, { depth: 10 }), inspect(w, { showHidden: true, getters: true, depth: Infinity }), inspect(w, { showHidden: true, customInspect: false, depth: Infinity })];
    for (const shown of [...printed, JSON.stringify(w), JSON.stringify(w.raw), String(w)]) expect(shown).not.toContain(HASH);
    expect(printed[1]).toMatch(/^Webhook \{/);
    expect(printed[1]).toContain("PagerDuty");
    expect(origin).toMatch(/^http:/);
  });

  it("a webhook listing that does not fit is InvalidResponse without quoting the body (its capability URLs)", async () => {
    // The capability link first, so a 200-character snippet of the body would reach it.
    const bad = { links: [{ rel: "capability", href: `o/v1.0/execute/1/${"ab".repeat(32)}/` }], id: 42 };
    const { au } = await serve({ method: "GET", path: `/groups/${GROUP_ID}/policies/${POLICY_ID}/webhooks`, status: 200, body: { webhooks: [bad] } });
    const e = await au.webhooks.list(GROUP_ID, POLICY_ID).toArray().catch((x: unknown) => x);
    expect(e).toMatchObject({ name: "InvalidResponse" });
    expect(JSON.stringify({ m: (e as Error).message, s: (e as { snippet?: string }).snippet })).not.toContain("execute/1/");
  });

  it("metadata is always sent on create ({} by default)", async () => {
    const { au, seen } = await serve({ method: "POST", path: `/groups/${GROUP_ID}/policies/${POLICY_ID}/webhooks`, status: 201, body: { webhooks: [webhook("o")] } });
    await au.webhooks.create(GROUP_ID, POLICY_ID, { name: "bare" });
    expect(seen[0]!.body).toEqual([{ name: "bare", metadata: {} }]);
  });

  it("execute POSTs the capability URL with no token; the URL stays out of the debug log and errors", async () => {
    let origin = "";
    const { au, seen, log, origin: o } = await serve(
      { method: "GET", path: `/groups/${GROUP_ID}/policies/${POLICY_ID}/webhooks/${WEBHOOK_ID}`, status: 200, body: { webhook: webhook("") } },
      { method: "POST", path: `/v1.0/execute/1/${HASH}/`, status: 202 },
      { method: "POST", path: `/v1.0/execute/1/${HASH}/`, status: 500, body: { error: { message: "boom" } } },
    );
    origin = o;
    seen.length = 0;
    // Point the capability link at this loopback server.
    const w = await au.webhooks.get(GROUP_ID, POLICY_ID, WEBHOOK_ID);
    const url = `${origin}/v1.0/execute/1/${HASH}/`;
    await au.webhooks.execute(url);
    expect(seen[1]!.headers["x-auth-token"]).toBeUndefined();
    expect(seen[0]!.headers["x-auth-token"]).toBe(TOKEN);
    const e = await au.webhooks.execute(url).catch((x: unknown) => x);
    expect(e).toMatchObject({ status: 500 });
    expect(String((e as Error).message)).not.toContain(HASH);
    expect(log.join("\n")).not.toContain(HASH);
    expect(w.capabilityUrl).toContain(HASH);
    await expect(au.webhooks.execute("not a url")).rejects.toMatchObject({ field: "webhook" });
  });

  it("a client's own debug switch (pyrax http_log_debug) covers execute too, which goes around send; the line hides the URL", async () => {
    const { au, origin } = await serve({ method: "POST", path: `/v1.0/execute/1/${HASH}/`, status: 202 });
    const lines: string[] = [];
    au.setHttpDebug(true, (l) => lines.push(l));
    await au.webhooks.execute(`${origin}/v1.0/execute/1/${HASH}/`);
    expect(lines).toEqual([expect.stringMatching(/^rax: POST .* -> 202 /)]);
    expect(lines.join("\n")).not.toContain(HASH);
  });

  it("update: metadata replaces; updateMetadata merges; name kept unless given; 404 → NoSuchWebhook", async () => {
    const path = `/groups/${GROUP_ID}/policies/${POLICY_ID}/webhooks/${WEBHOOK_ID}`;
    const { au, seen } = await serve(
      { method: "GET", path, status: 200, body: { webhook: webhook("o") } },
      { method: "PUT", path, status: 204 },
      { method: "GET", path, status: 200, body: { webhook: webhook("o") } },
      { method: "PUT", path, status: 204 },
      { method: "GET", path, status: 404, body: otterError("NoSuchWebhookError", 404, "No such webhook") },
    );
    const w = await au.updateWebhook(GROUP_ID, POLICY_ID, WEBHOOK_ID, { name: "something_new", metadata: { owner: "webteam" } });
    expect(seen[1]!.body).toEqual({ name: "something_new", metadata: { owner: "webteam" } });
    expect(w).toMatchObject({ name: "something_new", metadata: { owner: "webteam" } });
    await au.updateWebhookMetadata(GROUP_ID, POLICY_ID, WEBHOOK_ID, { owner: "webteam" });
    expect(seen[3]!.body).toEqual({ name: "PagerDuty", metadata: { notes: "page the on-call", owner: "webteam" } });
    await expect(au.getWebhook(GROUP_ID, POLICY_ID, WEBHOOK_ID)).rejects.toBeInstanceOf(NoSuchWebhook);
  });

  it("webhook and policy verbs: policy.addWebhook, webhook.delete", async () => {
    const { au, seen } = await serve(
      { method: "GET", path: `/groups/${GROUP_ID}/policies/${POLICY_ID}`, status: 200, body: { policy: policy() } },
      { method: "POST", path: `/groups/${GROUP_ID}/policies/${POLICY_ID}/webhooks`, status: 201, body: { webhooks: [webhook("o")] } },
      { method: "DELETE", path: `/groups/${GROUP_ID}/policies/${POLICY_ID}/webhooks/${WEBHOOK_ID}`, status: 204 },
    );
    const p = await au.getPolicy(GROUP_ID, POLICY_ID);
    const w = await p.addWebhook("hook");
    await w.delete();
    expect(seen.map((s) => `${s.method} ${s.path}`)).toEqual([
      `GET /groups/${GROUP_ID}/policies/${POLICY_ID}`,
      `POST /groups/${GROUP_ID}/policies/${POLICY_ID}/webhooks`,
      `DELETE /groups/${GROUP_ID}/policies/${POLICY_ID}/webhooks/${WEBHOOK_ID}`,
    ]);
  });
});
