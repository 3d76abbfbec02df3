import type { Compute, Flavor, Image } from "@rax/compute";
import { type Networks, PUBLIC_NET_ID, SERVICE_NET_ID } from "@rax/networks";

/**
 * What the server examples boot: the smallest flavor with a disk (OpenStack Nova refuses an image
 * boot on a zero-disk flavor to non-admins), the first base image, and whether this cloud has
 * Rackspace's PublicNet and ServiceNet to add — another OpenStack cloud has neither, and Nova
 * refuses a server that asks for them ("Network 00000000-…, 11111111-… could not be found").
 */
export async function bootChoices(cnw: Networks, cs: Compute): Promise<{ flavor: Flavor; image: Image; defaults: { public?: boolean; private?: boolean }; rackspace: boolean }> {
  const flavor = (await cs.flavors.list({ minDisk: 1 }).toArray()).reduce((a, b) => (b.ram < a.ram ? b : a));
  const image = (await cs.images.listBase())[0]!;
  const listed = new Set((await cnw.networks.list().toArray()).map((n) => n.id));
  const rackspace = listed.has(PUBLIC_NET_ID) && listed.has(SERVICE_NET_ID);
  return { flavor, image, defaults: rackspace ? { public: true, private: true } : {}, rackspace };
}
