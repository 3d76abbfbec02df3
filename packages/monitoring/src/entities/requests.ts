import { type CallOptions, encodeSegment, type NotFound, notFoundAs, type Paginated, sendFor, type ServiceClient, validate } from "@rax/core";
import { listValues } from "../collection";
import { NoSuchEntity } from "../errors";
import { createdId } from "../object-id";
import { type Ref, ref } from "../ref";
import { type CreateEntityInput, createEntityInput, type EntityData, type ListEntitiesInput, listEntitiesInput, toEntity, type UpdateEntityInput, updateEntityInput, wireEntity } from "./models";

export const entityPath = (id: string, rest = "") => `entities/${encodeSegment(id)}${rest}`;
const missing = (id: string) => (e: NotFound) => new NoSuchEntity(id, e);

/** GET /entities, page after page (`next_marker`). */
export function listEntities(client: ServiceClient, options?: ListEntitiesInput, o: CallOptions = {}): Paginated<EntityData> {
  const p = validate(listEntitiesInput(), options, "options") ?? {};
  return listValues(client, "entities", wireEntity(), toEntity, p, {}, o);
}

/** GET /entities/{id}. */
export async function getEntity(client: ServiceClient, entity: Ref, o: CallOptions = {}): Promise<EntityData> {
  const id = validate(ref(), entity, "entity");
  return toEntity(await notFoundAs(client.json({ method: "GET", path: entityPath(id), ...o }, wireEntity()), missing(id)));
}

/** POST /entities → 201 + X-Object-ID, then GET it (the 201 has no body). */
export async function createEntity(client: ServiceClient, input: CreateEntityInput, o: CallOptions = {}): Promise<EntityData> {
  const i = validate(createEntityInput(), input, "entity");
  // pyrax sends ip_addresses / agent_id / metadata only when given (monitoring.md create_entity).
  const json = {
    label: i.label ?? i.name,
    ...(i.ipAddresses && Object.keys(i.ipAddresses).length ? { ip_addresses: i.ipAddresses } : {}),
    ...(i.agentId ? { agent_id: i.agentId } : {}),
    ...(i.metadata && Object.keys(i.metadata).length ? { metadata: i.metadata } : {}),
  };
  const id = await createdId(await sendFor(client, { method: "POST", path: "entities", json, ...o }, [201]));
  return getEntity(client, id, o);
}

/** PUT /entities/{id} → 204. Only the fields given change. */
export async function updateEntity(client: ServiceClient, entity: Ref, changes: UpdateEntityInput, o: CallOptions = {}): Promise<void> {
  const id = validate(ref(), entity, "entity");
  const c = validate(updateEntityInput(), changes, "changes");
  const json = {
    ...(c.label !== undefined ? { label: c.label } : {}),
    ...(c.ipAddresses !== undefined ? { ip_addresses: c.ipAddresses } : {}),
    ...(c.agentId !== undefined ? { agent_id: c.agentId } : {}),
    ...(c.metadata !== undefined ? { metadata: c.metadata } : {}),
  };
  await (await notFoundAs(sendFor(client, { method: "PUT", path: entityPath(id), json, ...o }, [204]), missing(id))).dump();
}

/**
 * DELETE /entities/{id} → 204. Rackspace's mock deletes the entity's checks and alarms with it; a service that
 * refuses while children exist answers childrenExistError → `ChildrenExist`.
 */
export async function deleteEntity(client: ServiceClient, entity: Ref, o: CallOptions = {}): Promise<void> {
  const id = validate(ref(), entity, "entity");
  await (await notFoundAs(sendFor(client, { method: "DELETE", path: entityPath(id), ...o }, [204]), missing(id))).dump();
}
