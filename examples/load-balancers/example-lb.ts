// A load balancer for the examples that start from "lb = clb.list()[0]" in the seed: two nodes, a public VIP.
import { type LoadBalancer, LoadBalancers } from "@rax/load-balancers";
import { exampleName } from "../lib/names";
import type { ExampleTarget } from "../lib/target";

/** ms between status checks while waiting for ACTIVE (CLB's docs suggest 5–10 s; the emulator is quick). */
export const WAIT = { interval: 200 };

export function clbOf({ ctx, region }: ExampleTarget): LoadBalancers {
  return ctx.client(LoadBalancers, { region });
}

export async function exampleLb(target: ExampleTarget, protocol: "HTTP" | "HTTPS" | "TCP" = "HTTP"): Promise<LoadBalancer> {
  return clbOf(target)
    .loadBalancers.create({
      name: exampleName("lb"),
      port: protocol === "HTTPS" ? 443 : 80,
      protocol,
      nodes: [
        { address: "10.177.1.1", port: 80, condition: "ENABLED" },
        { address: "10.177.1.2", port: 80, condition: "ENABLED" },
      ],
      virtualIps: [{ type: "PUBLIC" }],
    })
    .whenActive(WAIT);
}
