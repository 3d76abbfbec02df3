import { type CallOptions, encodeSegment, jsonFor, markerPager, type Paginated, sendFor, type ServiceClient, validate, ValidationError } from "@rax/core";
import { NoSuchScalingGroup, refined } from "../errors";
import { hasNext } from "../paging";
import { groupPath } from "../paths";
import { metadataInput, type Ref, ref } from "../ref";
import {
  configBody,
  type CreateGroupInput,
  createGroupInput,
  deleteGroupInput,
  type DeleteServerInput,
  deleteServerInput,
  type GroupConfigData,
  groupBody,
  groupConfigInput,
  groupsBody,
  type GroupStateData,
  type LaunchConfigData,
  launchBody,
  type ListGroupsInput,
  listGroupsInput,
  mergeLaunch,
  type ScalingGroupData,
  SERVICE_NET,
  serverMetadataInput,
  serviceNetMissing,
  stateBody,
  toConfig,
  toCreateBody,
  toGroup,
  toLaunchConfig,
  toState,
  type UpdateGroupInput,
  updateGroupInput,
  type UpdateLaunchInput,
  updateLaunchInput,
  wireLaunchConfig,
} from "./models";

// One function per Otter group operation (reference autoscale.md, "Groups"): validate → send →
// refine Otter's typed errors → plain data. Every status but the one Otter's handler succeeds with
// (200 for reads: `@succeeds_with(200)` in otter/rest) is an error.

/**
 * GET /groups, page after page (`limit` 1–100 + `marker`; `groups_links` says whether more follow).
 * Otter lists id and state; `detailed` GETs each listed group too (what pyrax's lazy loading did).
 */
export function listGroups(client: ServiceClient, filters?: ListGroupsInput, o: CallOptions = {}): Paginated<ScalingGroupData> {
  const f = validate(listGroupsInput(), filters, "filters") ?? {};
  return markerPager(
    async (marker, limit) => {
      const body = await client.json({ method: "GET", success: [200], path: "groups", query: { limit, marker }, ...o }, groupsBody());
      const rows = body.groups.map(toGroup);
      // A group deleted between the listing and its GET is left out, as a later listing would.
      const detail = (g: ScalingGroupData) => (g.launchConfig ? g : getGroup(client, g.id, o).catch((e: unknown) => (e instanceof NoSuchScalingGroup ? undefined : Promise.reject(e))));
      const items = f.detailed ? (await Promise.all(rows.map(detail))).filter((g): g is ScalingGroupData => g !== undefined) : rows;
      return { items, more: hasNext(body.groups_links) };
    },
    { markerOf: (g) => g.id, pageSize: f.pageSize ?? 100, limit: f.limit, marker: f.marker },
  );
}

/** GET /groups/{id}: configuration, launch configuration, policies and state. */
export async function getGroup(client: ServiceClient, group: Ref, o: CallOptions = {}): Promise<ScalingGroupData> {
  const g = validate(ref(), group, "group");
  const body = await refined(client.json({ method: "GET", success: [200], path: groupPath(g), ...o }, groupBody()), { group: g });
  return toGroup(body.group);
}

/** POST /groups → 201 `{"group": …}`: configuration, launch configuration and policies in one call. */
export async function createGroup(client: ServiceClient, input: CreateGroupInput, o: CallOptions = {}): Promise<ScalingGroupData> {
  const i = validate(createGroupInput(), input, "group");
  const body = await jsonFor(client, { method: "POST", path: "groups", json: toCreateBody(i), ...o }, [201], groupBody());
  return toGroup(body.group);
}

/** DELETE /groups/{id}[?force=true] → 204. A group with servers → `GroupNotEmpty` unless `force` (which deletes them). */
export async function deleteGroup(client: ServiceClient, group: Ref, options?: { force?: boolean }, o: CallOptions = {}): Promise<void> {
  const g = validate(ref(), group, "group");
  const force = validate(deleteGroupInput(), options, "options")?.force;
  const res = await refined(sendFor(client, { method: "DELETE", path: groupPath(g), ...(force ? { query: { force: "true" } } : {}), ...o }, [204]), { group: g });
  await res.dump();
}

/** GET /groups/{id}/state. */
export async function getGroupState(client: ServiceClient, group: Ref, o: CallOptions = {}): Promise<GroupStateData> {
  const g = validate(ref(), group, "group");
  const body = await refined(client.json({ method: "GET", success: [200], path: groupPath(g, "/state"), ...o }, stateBody()), { group: g });
  return toState(body.group);
}

/** POST /groups/{id}/pause → 204: policies and webhooks stop running. */
export async function pauseGroup(client: ServiceClient, group: Ref, o: CallOptions = {}): Promise<void> {
  const g = validate(ref(), group, "group");
  await (await refined(sendFor(client, { method: "POST", path: groupPath(g, "/pause"), ...o }, [204]), { group: g })).dump();
}

/** POST /groups/{id}/resume → 204. */
export async function resumeGroup(client: ServiceClient, group: Ref, o: CallOptions = {}): Promise<void> {
  const g = validate(ref(), group, "group");
  await (await refined(sendFor(client, { method: "POST", path: groupPath(g, "/resume"), ...o }, [204]), { group: g })).dump();
}

/** GET /groups/{id}/config. */
export async function getGroupConfig(client: ServiceClient, group: Ref, o: CallOptions = {}): Promise<GroupConfigData> {
  const g = validate(ref(), group, "group");
  const body = await refined(client.json({ method: "GET", success: [200], path: groupPath(g, "/config"), ...o }, configBody()), { group: g });
  return toConfig(body.groupConfiguration);
}

/**
 * PUT /groups/{id}/config → 204 with the whole configuration: the current one (GET first, as pyrax
 * fills what is not given) with `changes` over it. `metadata` replaces; `merge` merges it instead
 * (pyrax `update_metadata`). min > max is refused before the PUT.
 */
export async function updateGroupConfig(client: ServiceClient, group: Ref, changes: UpdateGroupInput, o: CallOptions = {}, merge = false): Promise<GroupConfigData> {
  const g = validate(ref(), group, "group");
  const c = validate(updateGroupInput(), changes, "changes");
  const current = await getGroupConfig(client, g, o);
  const metadata = c.metadata === undefined ? current.metadata : merge ? { ...current.metadata, ...c.metadata } : c.metadata;
  const full = validate(groupConfigInput(), { ...current, ...stripUndefined(c), metadata }, "changes");
  await (await refined(sendFor(client, { method: "PUT", path: groupPath(g, "/config"), json: full, ...o }, [204]), { group: g })).dump();
  return full;
}

/** Merges `metadata` into the group's (pyrax `update_metadata`). */
export async function updateGroupMetadata(client: ServiceClient, group: Ref, metadata: Record<string, string>, o: CallOptions = {}): Promise<GroupConfigData> {
  validate(ref(), group, "group"); // first, so the error names the first bad argument
  return updateGroupConfig(client, group, { metadata: validate(metadataInput(), metadata, "metadata") }, o, true);
}

async function getWireLaunch(client: ServiceClient, g: string, o: CallOptions) {
  return (await refined(client.json({ method: "GET", success: [200], path: groupPath(g, "/launch"), ...o }, launchBody()), { group: g })).launchConfiguration;
}

/** GET /groups/{id}/launch. */
export async function getLaunchConfig(client: ServiceClient, group: Ref, o: CallOptions = {}): Promise<LaunchConfigData> {
  const g = validate(ref(), group, "group");
  return toLaunchConfig(await getWireLaunch(client, g, o));
}

/**
 * PUT /groups/{id}/launch → 204 with the whole launch configuration: the current one (GET first)
 * with `changes` over it. Server `metadata` replaces; `merge` merges it (pyrax `update_launch_metadata`).
 */
export async function updateLaunchConfig(client: ServiceClient, group: Ref, changes: UpdateLaunchInput, o: CallOptions = {}, merge = false): Promise<LaunchConfigData> {
  const g = validate(ref(), group, "group");
  const c = validate(updateLaunchInput(), changes, "changes");
  const current = await getWireLaunch(client, g, o);
  const withMeta = merge && c.metadata !== undefined ? { ...c, metadata: validate(serverMetadataInput(), { ...(current.args.server?.metadata ?? {}), ...c.metadata }, "metadata") } : c;
  const json = mergeLaunch(current, withMeta);
  const merged = validate(wireLaunchConfig(), json, "launchConfig");
  // Checked on the result: new networks against the current load balancers, or the other way round.
  if (serviceNetMissing(merged.args.server?.networks, merged.args.loadBalancers))
    throw new ValidationError(c.networks !== undefined ? "changes.networks" : "changes.loadBalancers", `the networks must include ServiceNet (${SERVICE_NET}) when servers join a Cloud Load Balancer (Otter refuses otherwise)`);
  await (await refined(sendFor(client, { method: "PUT", path: groupPath(g, "/launch"), json, ...o }, [204]), { group: g })).dump();
  return toLaunchConfig(merged);
}

/** Merges `metadata` into the servers' metadata of the launch configuration (pyrax `update_launch_metadata`). */
export async function updateLaunchMetadata(client: ServiceClient, group: Ref, metadata: Record<string, string>, o: CallOptions = {}): Promise<LaunchConfigData> {
  validate(ref(), group, "group"); // first, so the error names the first bad argument
  return updateLaunchConfig(client, group, { metadata: validate(serverMetadataInput(), metadata, "metadata") }, o, true);
}

function stripUndefined<T extends Record<string, unknown>>(o: T): Partial<T> {
  const out: Partial<T> = {};
  for (const k of Object.keys(o) as Array<keyof T>) if (o[k] !== undefined) out[k] = o[k];
  return out;
}

/**
 * DELETE /groups/{id}/servers/{serverId}[?replace=false] → 202 (reference: "(docs, not pyrax) delete
 * server"): takes one server out of the group; with `replace: false` the desired capacity drops by one
 * (Otter refuses to go below minEntities with a 403).
 */
export async function deleteGroupServer(client: ServiceClient, group: Ref, server: Ref, options?: DeleteServerInput, o: CallOptions = {}): Promise<void> {
  const g = validate(ref(), group, "group");
  const s = validate(ref(), server, "server");
  const opts = validate(deleteServerInput(), options, "options") ?? {};
  const query = { ...(opts.replace !== undefined ? { replace: String(opts.replace) } : {}), ...(opts.purge !== undefined ? { purge: String(opts.purge) } : {}) };
  await (await refined(sendFor(client, { method: "DELETE", path: groupPath(g, `/servers/${encodeSegment(s)}`), query, ...o }, [202]), { group: g, server: s })).dump();
}

/** POST /groups/{id}/converge → 204 (reference: "(docs, not pyrax) converge"): asks Otter to converge the group now. */
export async function convergeGroup(client: ServiceClient, group: Ref, o: CallOptions = {}): Promise<void> {
  const g = validate(ref(), group, "group");
  await (await refined(sendFor(client, { method: "POST", path: groupPath(g, "/converge"), ...o }, [204]), { group: g })).dump();
}
