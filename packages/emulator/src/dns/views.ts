import { type DomainRec, NAMESERVERS, type PtrRec, type RecordRec, stamp } from "./model";

/** dns.md "Operations": a record `{name, id, type, data, ttl, priority?, comment?, created, updated}`. */
export function recordView(r: RecordRec): Record<string, unknown> {
  return {
    name: r.name,
    id: r.id,
    type: r.type,
    data: r.data,
    ttl: r.ttl,
    ...(r.priority !== undefined ? { priority: r.priority } : {}),
    ...(r.comment !== undefined ? { comment: r.comment } : {}),
    created: stamp(r.created),
    updated: stamp(r.updated),
  };
}

/** In lists: `{name, id, comment, accountId, emailAddress, created, updated}`; alone also `ttl` and `nameservers`. */
export function domainView(d: DomainRec, accountId: string, full: boolean): Record<string, unknown> {
  return {
    name: d.name,
    id: d.id,
    ...(d.comment !== undefined ? { comment: d.comment } : {}),
    accountId: Number(accountId) || accountId,
    ...(full ? { ttl: d.ttl } : {}),
    emailAddress: d.emailAddress,
    ...(full ? { nameservers: NAMESERVERS.map((name) => ({ name })) } : {}),
    created: stamp(d.created),
    updated: stamp(d.updated),
  };
}

export function ptrView(p: PtrRec): Record<string, unknown> {
  return { name: p.name, id: p.id, type: "PTR", data: p.data, ttl: p.ttl, ...(p.comment !== undefined ? { comment: p.comment } : {}), created: stamp(p.created), updated: stamp(p.updated) };
}
