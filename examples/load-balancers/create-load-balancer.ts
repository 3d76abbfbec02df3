// "Create the Servers", "Create the Nodes", "Create the Virtual IP", "Create the Load Balancer" and
// "Re-try the Listing": two servers, a node for each (their private IPs), a public VIP, the LB.
import { Compute } from "@rax/compute";
import { PyraxLoadBalancers } from "@rax/load-balancers";
import { exampleName } from "../lib/names";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { WAIT } from "./example-lb";

export async function main({ ctx, region }: ExampleTarget): Promise<{ listing: Array<[string, number]>; nodes: string[]; status: string }> {
  const cs = ctx.client(Compute, { region });
  const clb = ctx.client(PyraxLoadBalancers, { region });

  // Create the Servers (pyrax: cs.servers.create("server1", img_id, flavor_id)), then wait until they have networks.
  const flavor = (await cs.flavors.list().toArray()).reduce((a, b) => (b.ram < a.ram ? b : a));
  const image = (await cs.images.listBase()).find((i) => i.status === "ACTIVE")!;
  const servers = await Promise.all(["server1", "server2"].map((n) => cs.servers.create({ name: exampleName(n), image, flavor })));
  const ready = await Promise.all(servers.map((s) => s.waitFor("ACTIVE", WAIT)));

  // Create the Nodes from the servers' private IPs (pyrax: clb.Node(address=…, port=80, condition="ENABLED")).
  const ipOf = (networks: Record<string, string[]>) => (networks.private ?? Object.values(networks).flat()).find((a) => !a.includes(":"))!;
  const node1 = clb.Node({ address: ipOf(ready[0]!.networks), port: 80, condition: "ENABLED" });
  const node2 = clb.Node({ address: ipOf(ready[1]!.networks), port: 80, condition: "ENABLED" });

  // Create the Virtual IP (pyrax: clb.VirtualIP(type="PUBLIC")).
  const vip = clb.VirtualIP({ type: "PUBLIC" });

  // Create the Load Balancer (pyrax: clb.create("example_lb", port=80, protocol="HTTP", nodes=[…], virtual_ips=[vip])).
  const lb = await clb.create({ name: exampleName("example_lb"), port: 80, protocol: "HTTP", nodes: [node1, node2], virtualIps: [vip] }).whenActive(WAIT);

  // Re-try the Listing (pyrax: [(lb.name, lb.id) for lb in clb.list()]).
  const listing = (await clb.list().toArray()).map((x): [string, number] => [x.name, x.id]);
  console.log(listing);

  await lb.delete();
  for (const s of servers) await s.delete();
  return { listing, nodes: lb.nodes.map((n) => n.address), status: lb.status };
}

if (isMain(import.meta.url)) await runStandalone(main);
