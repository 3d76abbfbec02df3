import { NoEndpointForService } from "@rax/core";
import { type OpenStackTarget, startOpenStackTarget } from "./openstack-target";

/** The real stack as a target for one service, or why it cannot be one (what a skipped suite prints). */
export interface ServiceTarget {
  target: OpenStackTarget | undefined;
  skipReason: string | undefined;
  close(): Promise<void>;
}

/**
 * Real Keystone v3 whose catalog has the service `probe` looks up (it throws NoEndpointForService
 * when the catalog has none: then `missing` is the skip reason); a skip reason too when the stack is down.
 */
export async function startServiceTarget(probe: (t: OpenStackTarget) => unknown, missing: (t: OpenStackTarget) => string): Promise<ServiceTarget> {
  const t = await startOpenStackTarget().catch((e: unknown) => e as Error);
  if (t instanceof Error) return { target: undefined, skipReason: `no OpenStack target (${t.message})`, close: async () => undefined };
  try {
    probe(t);
    return { target: t, skipReason: undefined, close: () => t.close() };
  } catch (e) {
    if (e instanceof NoEndpointForService) return { target: t, skipReason: missing(t), close: () => t.close() };
    throw e;
  }
}
