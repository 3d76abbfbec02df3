import { cannedServer } from "@rax/test-support";
import { Compute } from "../src/index";

export { type Canned as Fixture, type Seen, TOKEN } from "@rax/test-support";
/** Paths in fixtures and `seen` are below the tenant (`/servers/…`). */
export const { serve, serveWithRetries } = cannedServer({ as: "nova", endpointPath: "/v2/123456", makeClient: (s) => new Compute(s) });

/** A Nova server body as `GET /servers/{id}` returns it. */
export function wireServer(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: "srv-1",
    name: "web1",
    status: "ACTIVE",
    progress: 100,
    tenant_id: "123456",
    user_id: "100001",
    image: { id: "img-1", links: [] },
    flavor: { id: "general1-1", links: [] },
    addresses: { public: [{ addr: "198.51.100.7", version: 4 }], private: [{ addr: "10.176.0.7", version: 4 }] },
    metadata: { role: "web" },
    key_name: "my_key",
    accessIPv4: "",
    accessIPv6: "",
    created: "2026-12-01T10:00:00Z",
    updated: "2026-12-01T10:01:00Z",
    hostId: "abc",
    "OS-DCF:diskConfig": "AUTO",
    "OS-EXT-STS:task_state": null,
    "OS-EXT-STS:vm_state": "active",
    "OS-EXT-STS:power_state": 1,
    "rax-bandwidth:bandwidth": [],
    ...over,
  };
}

export const notFoundBody = (what: string) => ({ itemNotFound: { code: 404, message: `${what} could not be found.` } });
