// The rax compute handler: one call, list the project's servers (first page), using only
// @rax/identity + @rax/compute (Keystone v3 auth; the catalog gives the compute endpoint).
import { KeystoneIdentity } from "@rax/identity";
import { Compute } from "@rax/compute";

export async function handler() {
  const identity = new KeystoneIdentity({
    authEndpoint: `${process.env.BENCH_URL}/v3`, username: "demo", password: "bench-password", tenantName: "demo",
  });
  const nova = new Compute(identity, { region: "RegionOne" });
  const page = await nova.servers.list(); // the first page: { items, next }
  return page.items.map((s) => ({ id: s.id, name: s.name, status: s.status }));
}

if (process.env.BENCH_RUN) handler().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
