import { ValidationError } from "@rax/core";
import { describe, expect, it } from "vitest";
import { NoSuchLoadBalancer, NoSuchNode, NoSuchVirtualIp } from "../src/index";
import { lbNotFound, serve, wireLb } from "./fixture";

const wireNode = (over: Record<string, unknown> = {}) => ({ id: 172949, address: "10.177.1.1", port: 80, condition: "ENABLED", status: "ONLINE", type: "PRIMARY", weight: 1, ...over });

describe("nodes", () => {
  it("add one or many: condition ENABLED by default, weight and type only when given; 202 with the new ids", async () => {
    const { clb, seen } = await serve(
      { method: "POST", path: "/loadbalancers/82663/nodes", status: 202, body: { nodes: [wireNode({ id: 1, address: "10.0.0.1" })] } },
      { method: "POST", path: "/loadbalancers/82663/nodes", status: 202, body: { nodes: [wireNode({ id: 2 }), wireNode({ id: 3 })] } },
    );
    const [one] = await clb.nodes.add(82663, { address: "10.0.0.1", port: 80 });
    expect(one).toMatchObject({ id: 1, address: "10.0.0.1", loadBalancerId: 82663 });
    await clb.nodes.add({ id: 82663 }, [{ address: "10.0.0.2", port: 80, condition: "DRAINING", weight: 9, type: "SECONDARY" }, { address: "2001:db8::1", port: 443 }]);
    expect(seen.map((s) => s.body)).toEqual([
      { nodes: [{ address: "10.0.0.1", port: 80, condition: "ENABLED" }] },
      { nodes: [{ address: "10.0.0.2", port: 80, condition: "DRAINING", type: "SECONDARY", weight: 9 }, { address: "2001:db8::1", port: 443, condition: "ENABLED" }] },
    ]);
  });

  it.each([
    [{ address: "web1", port: 80 }, "nodes.0.address"],
    [{ address: "10.0.0.256", port: 80 }, "nodes.0.address"],
    [{ address: "10.0.0.1", port: 0 }, "nodes.0.port"],
    [{ address: "10.0.0.1", port: 80, condition: "OFF" }, "nodes.0.condition"],
    [{ address: "10.0.0.1", port: 80, type: "TERTIARY" }, "nodes.0.type"],
    [{ address: "10.0.0.1", port: 80, weight: 0 }, "nodes.0.weight"],
  ])("add refuses %j before any request (%s)", async (node, field) => {
    const { clb, seen } = await serve();
    await expect(clb.nodes.add(1, node as never)).rejects.toMatchObject({ field });
    expect(seen).toHaveLength(0);
  });

  // zod/mini loads no locale and `z.int(msg)` would also swallow the type error: the messages a caller reads stay English and exact.
  it.each([
    [{ address: "10.0.0.1", port: "80" }, "nodes.0.port: Invalid input: expected number, received string"],
    [{ address: "10.0.0.1", port: 80.5 }, "nodes.0.port: must be a whole number"],
    [{ address: "10.0.0.1", port: 70000 }, "nodes.0.port: must be 1–65535"],
    [{ port: 80 }, "nodes.0.address: Invalid input: expected string, received undefined"],
    [{ address: "10.0.0.1", port: 80, weight: 1.5 }, "nodes.0.weight: must be a whole number"],
  ])("add %j: the ValidationError says %s", async (node, message) => {
    const { clb, seen } = await serve();
    await expect(clb.nodes.add(1, node as never)).rejects.toThrow(new ValidationError(message.slice(0, message.indexOf(":")), message.slice(message.indexOf(":") + 2)));
    expect(seen).toHaveLength(0);
  });

  it("Node.update() sends what changed on the object (pyrax's node.condition = …; node.update()); weight is sent too", async () => {
    const { clb, seen } = await serve(
      { method: "GET", path: "/loadbalancers/82663", status: 200, body: { loadBalancer: wireLb() } },
      { method: "PUT", path: "/loadbalancers/82663/nodes/172949", status: 202 },
      { method: "PUT", path: "/loadbalancers/82663/nodes/172949", status: 202 },
    );
    const lb = await clb.get(82663);
    const node = lb.nodes[0]!;
    node.condition = "DISABLED";
    node.weight = 59;
    await node.update();
    await node.update({ type: "SECONDARY" });
    expect(seen.slice(1).map((s) => s.body)).toEqual([{ node: { condition: "DISABLED", weight: 59 } }, { node: { type: "SECONDARY" } }]);
    await expect(clb.nodes.update(82663, 1, {})).rejects.toBeInstanceOf(ValidationError);
    await expect(clb.nodes.update(82663, 1, { address: "10.0.0.1" } as never)).rejects.toMatchObject({ field: "changes.address" });
  });

  it("delete one → DELETE …/nodes/{id}; several → DELETE …/nodes?id=…; a missing node is NoSuchNode, a missing LB NoSuchLoadBalancer", async () => {
    const { clb, seen } = await serve(
      { method: "DELETE", path: "/loadbalancers/82663/nodes/5", status: 202 },
      { method: "DELETE", path: "/loadbalancers/82663/nodes", status: 202 },
      { method: "DELETE", path: "/loadbalancers/82663/nodes/6", status: 404, body: { message: "Node not found", code: 404 } },
      { method: "GET", path: "/loadbalancers/1/nodes", status: 404, body: lbNotFound },
    );
    await clb.nodes.delete(82663, 5);
    await clb.nodes.delete(82663, [5, { id: 7 }]);
    expect(seen[1]!.query.getAll("id")).toEqual(["5", "7"]);
    await expect(clb.nodes.delete(82663, 6)).rejects.toBeInstanceOf(NoSuchNode);
    await expect(clb.nodes.list(1)).rejects.toBeInstanceOf(NoSuchLoadBalancer);
  });
});

describe("health monitor on a LoadBalancer object", () => {
  it("an HTTPS monitor on an HTTP load balancer is refused before sending (pyrax's ProtocolMismatch); CONNECT is fine", async () => {
    const { clb, seen } = await serve(
      { method: "GET", path: "/loadbalancers/82663", status: 200, body: { loadBalancer: wireLb() } },
      { method: "PUT", path: "/loadbalancers/82663/healthmonitor", status: 202 },
    );
    const lb = await clb.get(82663);
    await expect(lb.addHealthMonitor({ type: "HTTPS", statusRegex: "^2", bodyRegex: "." })).rejects.toMatchObject({ field: "healthMonitor.type" });
    await lb.addHealthMonitor({ type: "CONNECT" });
    expect(seen).toHaveLength(2);
  });
});

describe("virtual IPs", () => {
  it("add sends type + IPV6 and returns a VirtualIp; IPv4 is refused before sending; delete accepts 200 or 202", async () => {
    const { clb, seen } = await serve(
      { method: "POST", path: "/loadbalancers/1/virtualips", status: 202, body: { id: 9000137, address: "2001:4800::1", type: "PUBLIC", ipVersion: "IPV6" } },
      { method: "DELETE", path: "/loadbalancers/1/virtualips/9000137", status: 200 },
      { method: "DELETE", path: "/loadbalancers/1/virtualips/3", status: 404, body: { message: "Virtual ip not found", code: 404 } },
      { method: "DELETE", path: "/loadbalancers/1/virtualips", status: 202 },
    );
    const vip = await clb.virtualIps.add(1, { type: "PUBLIC" });
    expect(seen[0]!.body).toEqual({ type: "PUBLIC", ipVersion: "IPV6" });
    expect(vip).toMatchObject({ id: 9000137, ipVersion: "IPV6" });
    await expect(clb.virtualIps.add(1, { type: "PUBLIC", ipVersion: "IPV4" } as never)).rejects.toMatchObject({ field: "virtualIp.ipVersion" });
    await vip.delete();
    await expect(clb.virtualIps.delete(1, 3)).rejects.toBeInstanceOf(NoSuchVirtualIp);
    await clb.virtualIps.delete(1, [3, 4]);
    expect(seen[3]!.query.getAll("id")).toEqual(["3", "4"]);
  });
});

describe("metadata", () => {
  const meta = (items: Array<[number, string, string]>) => ({ metadata: items.map(([id, key, value]) => ({ id, key, value })) });

  it("set = delete every item (?id=…) then POST the new list", async () => {
    const { clb, seen } = await serve(
      { method: "GET", path: "/loadbalancers/1/metadata", status: 200, body: meta([[1, "a", "one"], [2, "b", "two"]]) },
      { method: "DELETE", path: "/loadbalancers/1/metadata", status: 200 },
      { method: "POST", path: "/loadbalancers/1/metadata", status: 200, body: meta([[3, "e", "five"]]) },
    );
    await clb.metadata.set(1, { e: "five" });
    expect(seen[1]!.query.getAll("id")).toEqual(["1", "2"]);
    expect(seen[2]!.body).toEqual({ metadata: [{ key: "e", value: "five" }] });
  });

  it("update PUTs changed existing keys at …/metadata/{id} as {meta:{value}} and POSTs new ones (pyrax left the id off)", async () => {
    const { clb, seen } = await serve(
      { method: "GET", path: "/loadbalancers/1/nodes/9/metadata", status: 200, body: meta([[1, "a", "one"], [2, "b", "two"]]) },
      { method: "PUT", path: "/loadbalancers/1/nodes/9/metadata/1", status: 200 },
      { method: "POST", path: "/loadbalancers/1/nodes/9/metadata", status: 200, body: meta([[3, "d", "four"]]) },
    );
    await clb.nodes.updateMetadata(1, 9, { a: "uno", b: "two", d: "four" });
    expect(seen.slice(1).map((s) => s.body)).toEqual([{ meta: { value: "uno" } }, { metadata: [{ key: "d", value: "four" }] }]);
  });

  it("get gives {key: value}; delete(keys) deletes only those ids; values over 256 characters are refused", async () => {
    const { clb, seen } = await serve(
      { method: "GET", path: "/loadbalancers/1/metadata", status: 200, body: meta([[1, "a", "one"], [2, "b", "two"]]) },
      { method: "GET", path: "/loadbalancers/1/metadata", status: 200, body: meta([[1, "a", "one"], [2, "b", "two"]]) },
      { method: "DELETE", path: "/loadbalancers/1/metadata", status: 200 },
    );
    expect(await clb.metadata.get(1)).toEqual({ a: "one", b: "two" });
    await clb.metadata.delete(1, ["b", "zz"]);
    expect(seen[2]!.query.getAll("id")).toEqual(["2"]);
    await expect(clb.metadata.update(1, { a: "x".repeat(257) })).rejects.toMatchObject({ field: "metadata.a" });
  });
});
