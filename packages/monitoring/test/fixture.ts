import { type Canned, cannedServer } from "@rax/test-support";
import { Monitoring } from "../src/index";

export { type Canned as Fixture, type Seen, TOKEN } from "@rax/test-support";
/** Paths in fixtures and `seen` are below the tenant (`/entities/…`). */
export const { serve, serveWithRetries } = cannedServer({ as: "cm", endpointPath: "/v1.0/123456", makeClient: (s) => new Monitoring(s) });
/** A 201 as Cloud Monitoring answers a create: no body, the id in X-Object-ID (monitoring.md "Create responses"). */
export const created = (path: string, id: string): Canned => ({ method: "POST", path, status: 201, headers: { "x-object-id": id, location: `http://x/v1.0/123456${path}/${id}` } });

/** A `{values, metadata}` collection page. */
export const collection = (values: unknown[], nextMarker: string | null = null) => ({ values, metadata: { count: values.length, limit: 100, marker: null, next_marker: nextMarker, next_href: null } });

/** The service's flat error body. */
export const maasError = (code: number, type: string, message: string, details = "") => ({ type, code, message, details, txnId: ".rh-1" });
