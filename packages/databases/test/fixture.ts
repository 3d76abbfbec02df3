import { cannedServer } from "@rax/test-support";
import { PyraxDatabases } from "../src/index";

export { type Canned as Fixture, type Seen, TOKEN } from "@rax/test-support";
const databases = cannedServer({ as: "cdb", endpointPath: "/v1.0/123456", makeClient: (s, at) => new PyraxDatabases(s, { endpoint: at.endpoint }) });
/** Paths in fixtures and `seen` are below the tenant (`/instances/…`), as sent (still percent-encoded); `base` is the endpoint. */
export const serve = (...f: Parameters<typeof databases.serve>) => databases.serve(...f).then((s) => ({ ...s, base: s.endpoint }));

const link = (path: string) => [
  { href: `https://ord.databases.api.rackspacecloud.com/v1.0/123456${path}`, rel: "self" },
  { href: `https://ord.databases.api.rackspacecloud.com${path}`, rel: "bookmark" },
];

/** An instance as `GET /instances/{id}` returns it (Rackspace's docs). */
export function wireInstance(over: Record<string, unknown> = {}): Record<string, unknown> {
  const id = (over.id as string | undefined) ?? "inst-1";
  return {
    id,
    name: "first_instance",
    status: "ACTIVE",
    created: "2013-05-08T22:43:34",
    updated: "2013-05-08T22:43:34",
    hostname: "e09ad9a3f73309469cf1f43d11e79549caf9acf2.rackspaceclouddb.com",
    flavor: { id: "1", links: link("/flavors/1") },
    volume: { size: 2, used: 0.16 },
    datastore: { type: "mysql", version: "5.6" },
    links: link(`/instances/${id}`),
    ...over,
  };
}

export const FLAVORS = {
  flavors: [
    { id: 1, name: "512MB Instance", ram: 512, links: link("/flavors/1") },
    { id: 2, name: "1GB Instance", ram: 1024, links: link("/flavors/2") },
    { id: 3, name: "2GB Instance", ram: 2048, links: link("/flavors/3") },
    { id: 4, name: "4GB Instance", ram: 4096, links: link("/flavors/4") },
  ],
};
export const flavorHref = (id: number) => `https://ord.databases.api.rackspacecloud.com/v1.0/123456/flavors/${id}`;

export function wireBackup(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: "bk-1",
    name: "snapshot",
    description: "My Backup",
    instance_id: "inst-1",
    status: "NEW",
    size: null,
    locationRef: null,
    created: "2014-10-30T12:30:00",
    updated: "2014-10-30T12:30:00",
    parent_id: null,
    datastore: { type: "mysql", version: "5.6", version_id: "x" },
    ...over,
  };
}

export const notFoundBody = (message: string) => ({ itemNotFound: { code: 404, message } });
export const badRequestBody = (message: string) => ({ badRequest: { code: 400, message } });
