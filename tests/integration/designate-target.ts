import { NoEndpointForService } from "@rax/core";
import { CloudDNS } from "@rax/dns";
import { type OpenStackTarget, startOpenStackTarget } from "./openstack-target";

/** The real stack as a Cloud DNS target, or why it cannot be one (what a skipped suite prints). */
export interface DesignateTarget {
  target: OpenStackTarget | undefined;
  skipReason: string | undefined;
  close(): Promise<void>;
}

/** Real Keystone v3 whose catalog has Designate (`dns`, 127.0.0.1:9001); a skip reason when the stack is down or has none. */
export async function startDesignateTarget(): Promise<DesignateTarget> {
  const t = await startOpenStackTarget().catch((e: unknown) => e as Error);
  if (t instanceof Error) return { target: undefined, skipReason: `no OpenStack target (${t.message})`, close: async () => undefined };
  return { target: t, skipReason: missing(t), close: () => t.close() };
}

function missing(t: OpenStackTarget): string | undefined {
  try {
    void t.ctx.client(CloudDNS).endpoint;
    return undefined;
  } catch (e) {
    if (e instanceof NoEndpointForService) return "the catalog has no dns (Designate) endpoint (start it: bash scripts/openstack/start.sh designate)";
    throw e;
  }
}
