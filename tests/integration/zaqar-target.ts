import { Queues } from "@rax/queues";
import { type ServiceTarget, startServiceTarget } from "./service-target";

/** Real Keystone v3 whose catalog has Zaqar (`messaging`, 127.0.0.1:8888); a skip reason when the stack is down or has none. */
export function startZaqarTarget(): Promise<ServiceTarget> {
  return startServiceTarget(
    (t) => t.ctx.client(Queues, { region: t.region }).endpoint,
    (t) => `the catalog has no messaging (Zaqar) endpoint in ${t.region} (start it: bash scripts/openstack/start.sh zaqar)`,
  );
}
