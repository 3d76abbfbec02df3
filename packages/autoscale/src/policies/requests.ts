import { type CallOptions, jsonFor, markerPager, type Paginated, sendFor, type ServiceClient, validate, ValidationError } from "@rax/core";
import { refined } from "../errors";
import { hasNext, type ListInput, listInput } from "../paging";
import { groupPath, policyPath } from "../paths";
import { type Ref, ref } from "../ref";
import { type CreatePolicyInput, createdPoliciesBody, createPolicyInput, mergePolicy, type PolicyData, policiesBody, policyBody, toPolicy, toWirePolicy, type UpdatePolicyInput, updatePolicyInput, wirePolicy } from "./models";

// One function per Otter policy operation (reference autoscale.md, "Policies"): validate → send →
// refine Otter's typed errors → plain data. Every status but the one Otter's handler succeeds with
// (200 for reads: `@succeeds_with(200)` in otter/rest) is an error.

/** GET /groups/{g}/policies, page after page (`limit` + `marker`; `policies_links` says whether more follow). */
export function listPolicies(client: ServiceClient, group: Ref, filters?: ListInput, o: CallOptions = {}): Paginated<PolicyData> {
  const g = validate(ref(), group, "group");
  const f = validate(listInput(), filters, "filters") ?? {};
  return markerPager(
    async (marker, limit) => {
      const body = await refined(client.json({ method: "GET", success: [200], path: groupPath(g, "/policies"), query: { limit, marker }, ...o }, policiesBody()), { group: g });
      return { items: body.policies.map((p) => toPolicy(g, p)), more: hasNext(body.policies_links) };
    },
    { markerOf: (p) => p.id, pageSize: f.pageSize ?? 100, limit: f.limit, marker: f.marker },
  );
}

/** GET /groups/{g}/policies/{p}. */
export async function getPolicy(client: ServiceClient, group: Ref, policy: Ref, o: CallOptions = {}): Promise<PolicyData> {
  const g = validate(ref(), group, "group");
  const p = validate(ref(), policy, "policy");
  const body = await refined(client.json({ method: "GET", success: [200], path: policyPath(g, p), ...o }, policyBody()), { group: g, policy: p });
  return toPolicy(g, body.policy);
}

/** POST /groups/{g}/policies with a one-element JSON array → 201 `{"policies": [created]}`. */
export async function createPolicy(client: ServiceClient, group: Ref, input: CreatePolicyInput, o: CallOptions = {}): Promise<PolicyData> {
  const g = validate(ref(), group, "group");
  const p = validate(createPolicyInput(), input, "policy");
  const body = await refined(jsonFor(client, { method: "POST", path: groupPath(g, "/policies"), json: [toWirePolicy(p)], ...o }, [201], createdPoliciesBody()), { group: g });
  return toPolicy(g, body.policies[0]);
}

/**
 * PUT /groups/{g}/policies/{p} → 204 with the whole policy: the current one (GET first, as pyrax
 * does) with `changes` over it. Returns the policy as sent. A new `type` is refused after the GET.
 */
export async function updatePolicy(client: ServiceClient, group: Ref, policy: Ref, changes: UpdatePolicyInput, o: CallOptions = {}): Promise<PolicyData> {
  const g = validate(ref(), group, "group");
  const p = validate(ref(), policy, "policy");
  const c = validate(updatePolicyInput(), changes, "changes");
  const current = await getPolicy(client, g, p, o);
  // Otter keeps a policy's type for life (its store: "Cannot change type of a scaling policy", 400).
  if (c.type !== undefined && c.type !== current.type) throw new ValidationError("changes.type", `cannot change a ${current.type} policy into a ${c.type} one (Otter refuses): delete it and create a new one`);
  const full = validate(createPolicyInput(), mergePolicy(current, c), "changes");
  const wire = toWirePolicy(full);
  const res = await refined(sendFor(client, { method: "PUT", path: policyPath(g, p), json: wire, ...o }, [204]), { group: g, policy: p });
  await res.dump();
  return toPolicy(g, validate(wirePolicy(), { ...wire, id: p, links: current.links }, "policy"));
}

/** POST /groups/{g}/policies/{p}/execute → 202. Paused → `GroupPaused`; cooldown or no change → `CannotExecutePolicy`. */
export async function executePolicy(client: ServiceClient, group: Ref, policy: Ref, o: CallOptions = {}): Promise<void> {
  const g = validate(ref(), group, "group");
  const p = validate(ref(), policy, "policy");
  const res = await refined(sendFor(client, { method: "POST", path: policyPath(g, p, "/execute"), ...o }, [202]), { group: g, policy: p });
  await res.dump();
}

/** DELETE /groups/{g}/policies/{p} → 204. */
export async function deletePolicy(client: ServiceClient, group: Ref, policy: Ref, o: CallOptions = {}): Promise<void> {
  const g = validate(ref(), group, "group");
  const p = validate(ref(), policy, "policy");
  const res = await refined(sendFor(client, { method: "DELETE", path: policyPath(g, p), ...o }, [204]), { group: g, policy: p });
  await res.dump();
}
