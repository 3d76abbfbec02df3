import { inspect } from "node:util";
import { InvalidResponse, StaticSession } from "@rax/core";
import { describe, expect, it } from "vitest";
import { AutoScale, PyraxAutoScale } from "../src/index";
import { GROUP_ID, POLICY_ID, serve } from "./fixture";

describe("the AutoScale client", () => {
  it("is found in the catalog as rax:autoscale / autoscale, and printing it shows no token", () => {
    expect(AutoScale.serviceType).toBe("rax:autoscale");
    expect(AutoScale.serviceName).toBe("autoscale");
    const session = new StaticSession({ token: "secret-token-abcdef123456", endpoint: "http://127.0.0.1:9/v1.0/123456" });
    const au = new AutoScale(session, { endpoint: "http://127.0.0.1:9/v1.0/123456" });
    expect(au.groups).toBe(au.groups);
    expect(inspect(au)).not.toContain("secret-token-abcdef123456");
  });

  it("pyrax's flat names go to the same wire calls (au.list, au.get_state, au.add_policy, au.execute_policy …)", async () => {
    const { au, seen } = await serve(
      { method: "GET", path: "/groups", status: 200, body: { groups: [], groups_links: [] } },
      { method: "GET", path: `/groups/${GROUP_ID}/config`, status: 200, body: { groupConfiguration: { name: "g", cooldown: 0, minEntities: 0, maxEntities: 1, metadata: {} } } },
      { method: "GET", path: `/groups/${GROUP_ID}/launch`, status: 200, body: { launchConfiguration: { type: "launch_server", args: { server: { name: "s", flavorRef: "f", imageRef: "i" } } } } },
      { method: "POST", path: `/groups/${GROUP_ID}/policies/${POLICY_ID}/execute`, status: 202 },
      { method: "DELETE", path: `/groups/${GROUP_ID}/policies/${POLICY_ID}`, status: 204 },
      { method: "DELETE", path: `/groups/${GROUP_ID}`, status: 204 },
    );
    expect(au).toBeInstanceOf(PyraxAutoScale);
    expect((await au.list()).items).toEqual([]);
    expect(await au.getConfiguration(GROUP_ID)).toMatchObject({ name: "g", maxEntities: 1 });
    expect(await au.getLaunchConfig(GROUP_ID)).toMatchObject({ serverName: "s", flavor: "f", image: "i", metadata: {}, personality: [], networks: [], loadBalancers: [] });
    await au.executePolicy(GROUP_ID, POLICY_ID);
    await au.deletePolicy({ id: GROUP_ID }, { id: POLICY_ID });
    await au.delete(GROUP_ID);
    expect(seen.map((s) => s.method)).toEqual(["GET", "GET", "GET", "POST", "DELETE", "DELETE"]);
  });

  it("a create answered 201 without the created policy or webhook is InvalidResponse, not a crash", async () => {
    const { au } = await serve(
      { method: "POST", path: `/groups/${GROUP_ID}/policies`, status: 201, body: { policies: [] } },
      { method: "POST", path: `/groups/${GROUP_ID}/policies/${POLICY_ID}/webhooks`, status: 201, body: { webhooks: [] } },
    );
    await expect(au.addPolicy(GROUP_ID, { name: "p", cooldown: 0, change: 1 })).rejects.toBeInstanceOf(InvalidResponse);
    await expect(au.addWebhook(GROUP_ID, POLICY_ID, "w")).rejects.toBeInstanceOf(InvalidResponse);
  });

  it("ids are checked before any request", async () => {
    const { au, seen } = await serve();
    await expect(au.getState("")).rejects.toMatchObject({ field: "group" });
    await expect(au.getPolicy(GROUP_ID, { id: "" })).rejects.toMatchObject({ field: "policy" });
    await expect(au.deleteWebhook(GROUP_ID, POLICY_ID, 42 as never)).rejects.toMatchObject({ field: "webhook" });
    expect(seen).toEqual([]);
  });
});
