// "Default Networks": every Rackspace server gets PublicNet and ServiceNet, whose ids are constants.
import { Networks, PUBLIC_NET_ID, SERVICE_NET_ID } from "@rax/networks";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";

export async function main({ ctx, region }: ExampleTarget): Promise<{ publicId: string; serviceNetId: string; labels: Record<string, string> }> {
  const cnw = ctx.client(Networks, { region });
  // pyrax: pyrax.cloud_networks.PUBLIC_NET_ID / SERVICE_NET_ID
  console.log("PublicNet:", PUBLIC_NET_ID, "ServiceNet:", SERVICE_NET_ID);
  const labels: Record<string, string> = {};
  for await (const n of cnw.networks.list()) if (n.id === PUBLIC_NET_ID || n.id === SERVICE_NET_ID) labels[n.id] = n.label;
  console.log("as listed:", labels, `(backend: ${cnw.backend})`);
  return { publicId: PUBLIC_NET_ID, serviceNetId: SERVICE_NET_ID, labels };
}

if (isMain(import.meta.url)) await runStandalone(main);
