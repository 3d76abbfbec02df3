import { type Canned, NO_RETRIES, type Served, serveCanned } from "@rax/test-support";
import type { TransportOptions } from "@rax/core";
import { Queues, type QueuesOptions } from "../src/index";

export { type Canned as Fixture, type Seen, TOKEN } from "@rax/test-support";
export const CLIENT_ID = "3381af92-2b9e-11e3-b191-71861300734c";

export interface ServeOptions {
  /** 1: endpoint `…/v1/123456` (Rackspace); 2: the bare root, as Zaqar's catalog lists it. */
  version?: 1 | 2;
  client?: QueuesOptions;
  transport?: TransportOptions;
}

/** Fixture paths are relative to the queues root (`/queues/q/messages`). */
export function serve(o: ServeOptions, ...fixtures: Canned[]): Promise<Served<"pq", Queues>> {
  const v1 = (o.version ?? 1) === 1;
  return serveCanned(
    {
      as: "pq",
      endpointPath: v1 ? "/v1/123456" : "",
      paths: [[v1 ? "/v1/123456" : "/v2", ""]],
      transport: o.transport ?? NO_RETRIES,
      makeClient: (s, at) => new Queues(s, { endpoint: at.endpoint, clientId: CLIENT_ID, ...o.client }),
    },
    fixtures,
  );
}

/** A message as the server lists it (v2 shape; v1 leaves out `id`). */
export function wireMessage(id: string, over: Record<string, unknown> = {}, version: 1 | 2 = 2): Record<string, unknown> {
  const prefix = version === 1 ? "/v1" : "/v2";
  return { ...(version === 2 ? { id } : {}), href: `${prefix}/queues/q/messages/${id}`, ttl: 300, age: 1, body: { n: id }, ...over };
}

export const zaqarError = (title: string, description: string) => ({ title, description });
