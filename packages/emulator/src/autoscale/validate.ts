import { keypairKey } from "../compute/servers";
import { parseCron } from "./cron";
import type { ServerArgs } from "./fleet";
import type { GroupConfig, LaunchConfig, PolicyRecord, RegionAutoscale } from "./model";
import { invalid, OtterFault } from "./otter-errors";

// Otter's JSON schema rules for what a request may carry, as 400 ValidationError. Shapes: the
// reference's create body (autoscale.md, "Create body") and its policy / webhook rows.

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

const isInt = (v: unknown, min: number, max: number): v is number => typeof v === "number" && Number.isInteger(v) && v >= min && v <= max;

export function metadataOf(v: unknown, field: string): Record<string, string> {
  if (v === undefined || v === null) return {};
  if (!isObject(v)) throw invalid(`${field} must be an object`);
  for (const [k, x] of Object.entries(v)) {
    if (k.length > 256) throw invalid(`${field} keys must be at most 256 characters`);
    if (typeof x !== "string" || x.length > 256) throw invalid(`${field}.${k} must be a string of at most 256 characters`);
  }
  return { ...(v as Record<string, string>) };
}

/** `groupConfiguration`: name, cooldown 0–86400, minEntities/maxEntities 0–1000 with min ≤ max, metadata. */
export function groupConfigOf(v: unknown): GroupConfig {
  if (!isObject(v)) throw invalid("groupConfiguration must be an object");
  if (typeof v.name !== "string" || v.name.trim() === "") throw invalid("groupConfiguration.name must be a non-empty string");
  if (!isInt(v.cooldown, 0, 86_400)) throw invalid("groupConfiguration.cooldown must be an integer from 0 to 86400");
  if (!isInt(v.minEntities, 0, 1000)) throw invalid("groupConfiguration.minEntities must be an integer from 0 to 1000");
  // Not in the reference: a missing maxEntities takes 25 here (inferred from Otter's default).
  const max = v.maxEntities === undefined || v.maxEntities === null ? 25 : v.maxEntities;
  if (!isInt(max, 0, 1000)) throw invalid("groupConfiguration.maxEntities must be an integer from 0 to 1000");
  if (v.minEntities > max) throw invalid(`minEntities (${v.minEntities}) must be less than or equal to maxEntities (${max})`);
  return { name: v.name, cooldown: v.cooldown, minEntities: v.minEntities, maxEntities: max, metadata: metadataOf(v.metadata, "groupConfiguration.metadata") };
}

/**
 * `launchConfiguration` of type `launch_server`: `args.server` with flavorRef (a flavor Nova has)
 * and imageRef (an image the tenant sees), key_name (the user's keypair) and `args.loadBalancers`
 * `[{loadBalancerId, port}]`. What Nova would refuse is refused here (400 InvalidLaunchConfiguration).
 */
export function launchConfigOf(v: unknown, r: RegionAutoscale, tenantId: string, userId: string): LaunchConfig {
  if (!isObject(v)) throw invalid("launchConfiguration must be an object");
  if (v.type !== "launch_server") throw invalid(`launchConfiguration.type must be launch_server, not ${JSON.stringify(v.type)}`);
  if (!isObject(v.args) || !isObject(v.args.server)) throw invalid("launchConfiguration.args.server must be an object");
  const s = v.args.server;
  const bad = (m: string) => new OtterFault(400, "InvalidLaunchConfiguration", m);
  if (typeof s.flavorRef !== "string" || !s.flavorRef) throw invalid("launchConfiguration.args.server.flavorRef must be a string");
  if (typeof s.imageRef !== "string" || !s.imageRef) throw invalid("launchConfiguration.args.server.imageRef must be a string");
  const nova = r.nova;
  if (!nova.compute.flavor(s.flavorRef)) throw bad(`Invalid flavorRef ${s.flavorRef} in launchConfiguration`);
  const image = nova.image(tenantId, s.imageRef);
  if (!image || image.status !== "ACTIVE") throw bad(`Invalid imageRef ${s.imageRef} in launchConfiguration`);
  if (s.key_name !== undefined && s.key_name !== null) {
    if (typeof s.key_name !== "string" || !nova.keypairs.has(keypairKey(userId, s.key_name))) throw bad(`Invalid key_name ${String(s.key_name)} in launchConfiguration`);
  }
  if (s.networks !== undefined && (!Array.isArray(s.networks) || !s.networks.every((n) => isObject(n) && typeof n.uuid === "string"))) throw invalid("launchConfiguration.args.server.networks must be a list of {uuid}");
  if (s.personality !== undefined && (!Array.isArray(s.personality) || !s.personality.every((f) => isObject(f) && typeof f.path === "string" && typeof f.contents === "string")))
    throw invalid("launchConfiguration.args.server.personality must be a list of {path, contents}");
  if (s["OS-DCF:diskConfig"] !== undefined && s["OS-DCF:diskConfig"] !== "AUTO" && s["OS-DCF:diskConfig"] !== "MANUAL") throw invalid("OS-DCF:diskConfig must be AUTO or MANUAL");
  const lbs = v.args.loadBalancers;
  if (lbs !== undefined && (!Array.isArray(lbs) || !lbs.every((l) => isObject(l) && (typeof l.loadBalancerId === "number" || typeof l.loadBalancerId === "string") && isInt(l.port, 1, 65_535))))
    throw invalid("launchConfiguration.args.loadBalancers must be a list of {loadBalancerId, port}");
  const server = { ...s, metadata: metadataOf(s.metadata, "launchConfiguration.args.server.metadata") } as unknown as ServerArgs;
  return { ...(v as object), type: "launch_server", args: { ...v.args, server } } as LaunchConfig;
}

/** One policy: name, type webhook|schedule, cooldown, exactly one of change / changePercent / desiredCapacity; schedule args. */
export function policyOf(v: unknown): Omit<PolicyRecord, "id" | "webhooks"> {
  if (!isObject(v)) throw invalid("a policy must be an object");
  if (typeof v.name !== "string" || v.name.trim() === "") throw invalid("policy name must be a non-empty string");
  if (v.type !== "webhook" && v.type !== "schedule") throw invalid(`policy type must be webhook or schedule, not ${JSON.stringify(v.type)}`);
  if (!isInt(v.cooldown, 0, 86_400)) throw invalid("policy cooldown must be an integer from 0 to 86400");
  const given = (["change", "changePercent", "desiredCapacity"] as const).filter((k) => v[k] !== undefined);
  if (given.length !== 1) throw invalid("a policy needs exactly one of change, changePercent or desiredCapacity");
  const amount: Pick<PolicyRecord, "change" | "changePercent" | "desiredCapacity"> = {};
  if (v.change !== undefined) {
    if (!Number.isInteger(v.change) || v.change === 0) throw invalid("change must be a non-zero integer");
    amount.change = v.change as number;
  }
  if (v.changePercent !== undefined) {
    if (typeof v.changePercent !== "number" || v.changePercent === 0) throw invalid("changePercent must be a non-zero number");
    amount.changePercent = v.changePercent;
  }
  if (v.desiredCapacity !== undefined) {
    if (!isInt(v.desiredCapacity, 0, 1000)) throw invalid("desiredCapacity must be an integer from 0 to 1000");
    amount.desiredCapacity = v.desiredCapacity;
  }
  let args: PolicyRecord["args"];
  if (v.type === "schedule") {
    const a = v.args;
    if (!isObject(a) || (a.cron === undefined) === (a.at === undefined)) throw invalid("a schedule policy needs args with exactly one of cron or at");
    if (a.at !== undefined && (typeof a.at !== "string" || Number.isNaN(Date.parse(a.at)) || !/Z$/.test(a.at))) throw invalid(`args.at must be an ISO 8601 time in UTC, not ${JSON.stringify(a.at)}`);
    if (a.cron !== undefined && (typeof a.cron !== "string" || !parseCron(a.cron))) throw invalid(`args.cron must be a five-field cron expression, not ${JSON.stringify(a.cron)}`);
    args = a.at !== undefined ? { at: a.at as string } : { cron: (a.cron as string).trim() };
  } else if (v.args !== undefined) throw invalid("only schedule policies take args");
  return { name: v.name, type: v.type, cooldown: v.cooldown, ...amount, ...(args ? { args } : {}) };
}

/** A webhook: `name` (required) and `metadata` (strings). */
export function webhookOf(v: unknown): { name: string; metadata: Record<string, string> } {
  if (!isObject(v)) throw invalid("a webhook must be an object");
  if (typeof v.name !== "string" || v.name.trim() === "") throw invalid("webhook name must be a non-empty string");
  return { name: v.name, metadata: metadataOf(v.metadata, "metadata") };
}
