import { cannedServer } from "@rax/test-support";
import { PyraxAutoScale } from "../src/index";

export { type Canned as Fixture, type Seen, TOKEN } from "@rax/test-support";
/**
 * Fixture paths are below the tenant (`/groups/…`); the anonymous execute path stays absolute
 * (`/v1.0/execute/…`). `origin` is the server's, for capability URLs.
 */
export const { serve } = cannedServer({ as: "au", endpointPath: "/v1.0/123456", makeClient: (s, at) => new PyraxAutoScale(s, { endpoint: at.endpoint }) });

export const GROUP_ID = "2747cd20-39cb-443d-9217-53107775ba37";
export const POLICY_ID = "5f26e16c-5fa7-4d84-a4cf-6e6f3ae8c1a9";
export const WEBHOOK_ID = "152054a3-e0ab-445b-941d-9f8e360c9eed";

export const state = (over: Record<string, unknown> = {}) => ({
  active: [{ id: "21d0bce0-c7b9-46f8-80a2-9575bef8b83a", links: [] }],
  activeCapacity: 1,
  desiredCapacity: 1,
  pendingCapacity: 0,
  paused: false,
  name: "FirstTest",
  ...over,
});

export const config = (over: Record<string, unknown> = {}) => ({ name: "FirstTest", cooldown: 120, minEntities: 1, maxEntities: 4, metadata: { a: "1" }, ...over });

export const launch = (over: Record<string, unknown> = {}) => ({
  type: "launch_server",
  args: {
    server: {
      flavorRef: "performance1-2",
      name: "rrr",
      imageRef: "7789e8ca-b9df-495f-b47d-736a5f7b885a",
      "OS-DCF:diskConfig": "AUTO",
      metadata: { somekey: "somevalue" },
      networks: [{ uuid: "11111111-1111-1111-1111-111111111111" }],
      personality: [],
      ...over,
    },
    loadBalancers: [{ loadBalancerId: 175295, port: 80 }],
  },
});

export const policy = (over: Record<string, unknown> = {}) => ({ id: POLICY_ID, name: "scale up by one", type: "webhook", cooldown: 1800, change: 1, links: [{ rel: "self", href: "x" }], ...over });

export const group = (over: Record<string, unknown> = {}) => ({
  id: GROUP_ID,
  links: [{ rel: "self", href: `https://ord.autoscale.api.rackspacecloud.com/v1.0/123456/groups/${GROUP_ID}/` }],
  groupConfiguration: config(),
  launchConfiguration: launch(),
  scalingPolicies: [policy()],
  state: state(),
  ...over,
});

export const otterError = (type: string, code: number, message: string) => ({ error: { type, code, message, details: "" } });
