import { CloudDNS } from "@rax/dns";
import { type ServiceTarget, startServiceTarget } from "./service-target";

/** The real stack as a Cloud DNS target, or why it cannot be one (what a skipped suite prints). */
export type DesignateTarget = ServiceTarget;

/** Real Keystone v3 whose catalog has Designate (`dns`, 127.0.0.1:9001); a skip reason when the stack is down or has none. */
export function startDesignateTarget(): Promise<DesignateTarget> {
  return startServiceTarget(
    (t) => t.ctx.client(CloudDNS).endpoint,
    () => "the catalog has no dns (Designate) endpoint (start it: bash scripts/openstack/start.sh designate)",
  );
}
