import { randomUUID } from "node:crypto";
import { jsonResponse } from "../respond";
import { badRequest, CinderFault, notFound } from "./cinder-errors";
import { type CinderRequest, entity, isObject, jsonBody, pyRepr, requireAdmin, schemaError } from "./cinder-request";
import { DEFAULT_TYPE, type VolumeTypeRecord } from "./model";
import { emptyAnswer } from "./views";

/**
 * /types[/{id}[/extra_specs[/{key}]]]: everyone lists and shows (extra specs only to an admin, as
 * Cinder's policy hides them); an admin creates, deletes and sets extra specs.
 */
export async function typeRoute(r: CinderRequest, id: string | undefined, sub: string | undefined, key: string | undefined): Promise<Response> {
  const m = r.request.method;
  const types = r.cinder.types.filter((t) => r.version !== "v1" || !t.v3Only);
  if (id === undefined) {
    if (m === "GET") return jsonResponse(200, { volume_types: types.filter((t) => t.isPublic || r.admin).map((t) => typeView(r, t)) });
    if (m === "POST" && r.version !== "v1") return createType(r);
    throw methodNotAllowed();
  }
  // 3.62: the project's default type, viewed as Cinder's default-type controller shows it.
  if (id === "default" && sub === undefined && m === "GET" && r.minor >= 62) {
    const d = types.find((x) => x.name === DEFAULT_TYPE)!;
    const { "os-volume-type-access:is_public": _access, ...view } = typeView(r, d);
    return jsonResponse(200, { volume_type: { ...view, qos_specs_id: null } });
  }
  const t = types.find((x) => String(x.id) === id);
  if (!t) throw notFound(`Volume type ${id} could not be found.`);
  if (sub === undefined) {
    if (m === "GET") return jsonResponse(200, { volume_type: typeView(r, t) });
    if (m === "PUT" && r.version !== "v1") return updateType(r, t);
    if (m === "DELETE" && r.version !== "v1") {
      requireAdmin(r, "volume_extension:type_delete");
      if (r.cinder.allVolumes().some((v) => v.type === t.name)) throw badRequest(`Target volume type is still in use. Volume Type ${t.id} deletion is not allowed with volumes present with the type.`);
      if (t.v3Only && t.description === "Default Volume Type") throw badRequest("Target volume type is still in use. Default volume type can not be deleted.");
      r.cinder.types.splice(r.cinder.types.indexOf(t), 1);
      return emptyAnswer(202, "html");
    }
    throw methodNotAllowed();
  }
  if (sub !== "extra_specs" || r.version === "v1") throw notFound("The resource could not be found.");
  requireAdmin(r, key === undefined && m === "GET" ? "volume_extension:types_extra_specs:index" : `volume_extension:types_extra_specs:${m === "GET" ? "show" : m === "DELETE" ? "delete" : m === "PUT" ? "update" : "create"}`);
  if (key === undefined) {
    if (m === "GET") return jsonResponse(200, { extra_specs: { ...t.extraSpecs } });
    if (m === "POST") {
      const specs = specsOf((await jsonBody(r)).extra_specs, "extra_specs");
      Object.assign(t.extraSpecs, specs);
      return jsonResponse(200, { extra_specs: specs });
    }
    throw methodNotAllowed();
  }
  if (m === "GET") {
    if (!(key in t.extraSpecs)) throw notFound(`Volume Type ${t.id} has no extra specs with key ${key}.`);
    return jsonResponse(200, { [key]: t.extraSpecs[key] });
  }
  if (m === "PUT") {
    const body = await jsonBody(r);
    const specs = specsOf(body, "body");
    if (Object.keys(specs).length !== 1 || !(key in specs)) throw badRequest("Request body and URI mismatch");
    Object.assign(t.extraSpecs, specs);
    return jsonResponse(200, specs);
  }
  if (m === "DELETE") {
    if (!(key in t.extraSpecs)) throw notFound(`Volume Type ${t.id} has no extra specs with key ${key}.`);
    delete t.extraSpecs[key];
    return emptyAnswer(202, "json");
  }
  throw methodNotAllowed();
}

const methodNotAllowed = () => new CinderFault(405, "The method is not allowed for this resource.");

function typeView(r: CinderRequest, t: VolumeTypeRecord) {
  if (r.version === "v1") return { id: t.id, name: t.name, extra_specs: { ...t.extraSpecs } };
  return { id: String(t.id), name: t.name, is_public: t.isPublic, description: t.description, extra_specs: r.admin ? { ...t.extraSpecs } : {}, "os-volume-type-access:is_public": t.isPublic };
}

function specsOf(v: unknown, field: string): Record<string, string> {
  if (!isObject(v)) throw schemaError(field, v, `${pyRepr(v)} is not of type 'object'`);
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v)) {
    if (k.length < 1 || k.length > 255) throw badRequest(`Invalid input received: extra spec key ${k} must be 1-255 characters`);
    if (typeof x !== "string" && typeof x !== "number" && typeof x !== "boolean") throw schemaError(`${field}/${k}`, x, `${pyRepr(x)} is not of type 'string'`);
    out[k] = String(x);
  }
  return out;
}

const ALLOWED = ["name", "description", "extra_specs", "os-volume-type-access:is_public", "is_public"];

async function createType(r: CinderRequest): Promise<Response> {
  requireAdmin(r, "volume_extension:type_create");
  const e = entity(await jsonBody(r), "volume_type");
  const extra = Object.keys(e).filter((k) => !ALLOWED.includes(k));
  if (extra.length) throw schemaError("volume_type", e, `Additional properties are not allowed (${extra.map((k) => `'${k}'`).join(", ")} ${extra.length > 1 ? "were" : "was"} unexpected)`);
  if (typeof e.name !== "string" || !e.name.trim() || e.name.length > 255) throw schemaError("name", e.name, e.name === undefined ? "'name' is a required property" : `${pyRepr(e.name)} is not a valid name`);
  if (e.description !== undefined && e.description !== null && typeof e.description !== "string") throw schemaError("description", e.description, `${pyRepr(e.description)} is not of type 'string', 'null'`);
  const name = e.name.trim();
  if (r.cinder.types.some((t) => t.name === name)) throw new CinderFault(409, `Volume Type ${name} already exists.`);
  const isPublic = e["os-volume-type-access:is_public"] ?? e.is_public ?? true;
  const t: VolumeTypeRecord = {
    id: randomUUID(),
    name,
    min: 1,
    max: Number.MAX_SAFE_INTEGER,
    description: (e.description as string | undefined) ?? null,
    isPublic: isPublic !== false && isPublic !== "false" && isPublic !== "False",
    extraSpecs: e.extra_specs === undefined ? {} : specsOf(e.extra_specs, "extra_specs"),
    v3Only: true,
  };
  r.cinder.types.push(t);
  // The create answer shows the specs just given, whoever asks (the caller is an admin anyway).
  return jsonResponse(200, { volume_type: typeView(r, t) });
}

async function updateType(r: CinderRequest, t: VolumeTypeRecord): Promise<Response> {
  requireAdmin(r, "volume_extension:type_update");
  const e = entity(await jsonBody(r), "volume_type");
  if (e.name !== undefined) {
    if (typeof e.name !== "string" || !e.name.trim()) throw schemaError("name", e.name, `${pyRepr(e.name)} is not a valid name`);
    if (r.cinder.types.some((x) => x !== t && x.name === e.name)) throw new CinderFault(409, `Volume Type ${String(e.name)} already exists.`);
    t.name = e.name.trim();
  }
  if (e.description !== undefined) t.description = e.description === null ? null : String(e.description);
  if (e.is_public !== undefined) t.isPublic = e.is_public === true || e.is_public === "true" || e.is_public === "True";
  // The update answer leaves out the type-access extension's field.
  const { "os-volume-type-access:is_public": _access, ...view } = typeView(r, t);
  return jsonResponse(200, { volume_type: view });
}
