import { createHash, randomUUID } from "node:crypto";
import { storageAccountFor } from "../identity/users";
import { jsonResponse } from "../respond";
import { GlanceFault } from "./glance-errors";
import { type GlanceRequest, isObject, jsonBody } from "./glance-request";
import { iso, type TaskRecord } from "./model";

const TASK_TTL_MS = 48 * 3600_000;

function view(r: GlanceRequest, t: TaskRecord, full: boolean): Record<string, unknown> {
  const status = r.glance.taskStatus(t);
  return {
    id: t.id,
    type: t.type,
    status,
    owner: t.owner,
    created_at: iso(t.created),
    updated_at: iso(r.glance.now),
    ...(t.finished ? { expires_at: iso(t.created + TASK_TTL_MS) } : {}),
    ...(full ? { input: t.input, result: t.result, message: t.message } : {}),
    self: `/v2/tasks/${t.id}`,
    schema: "/v2/schemas/task",
  };
}

/** GET /v2/tasks (newest first, no input/result), GET /v2/tasks/{id}, POST /v2/tasks → 201. */
export async function tasks(r: GlanceRequest, id: string | undefined): Promise<Response> {
  const m = r.request.method;
  if (id !== undefined) {
    if (m !== "GET" && m !== "HEAD") throw new GlanceFault(405, "The method is not allowed for this resource.");
    const t = r.glance.tasks.get(id);
    if (!t || (!r.admin && t.owner !== r.project)) throw new GlanceFault(404, `Task with identifier ${id} not found`);
    return jsonResponse(200, view(r, t, true));
  }
  if (m === "GET" || m === "HEAD") {
    const q = r.url.searchParams;
    let rows = [...r.glance.tasks.values()].filter((t) => r.admin || t.owner === r.project).sort((a, b) => b.created - a.created);
    if (q.has("type")) rows = rows.filter((t) => t.type === q.get("type"));
    if (q.has("status")) rows = rows.filter((t) => r.glance.taskStatus(t) === q.get("status"));
    if (q.get("sort_dir") === "asc") rows.reverse();
    const marker = q.get("marker");
    if (marker) {
      const at = rows.findIndex((t) => t.id === marker);
      if (at < 0) throw new GlanceFault(400, `marker ${marker} could not be found.`);
      rows = rows.slice(at + 1);
    }
    const limit = q.has("limit") ? Number(q.get("limit")) : 25;
    const page = rows.slice(0, limit);
    const next = new URLSearchParams(q);
    if (page.length > 0 && page.length === limit) next.set("marker", page.at(-1)!.id);
    return jsonResponse(200, { tasks: page.map((t) => view(r, t, false)), first: "/v2/tasks", schema: "/v2/schemas/tasks", ...(page.length > 0 && page.length === limit ? { next: `/v2/tasks?${next}` } : {}) });
  }
  if (m !== "POST") throw new GlanceFault(405, "The method is not allowed for this resource.");
  const b = await jsonBody(r);
  if (!isObject(b)) throw new GlanceFault(400, "Body expected in request.");
  if (b.type !== "import" && b.type !== "export") throw new GlanceFault(400, `Invalid type value: ${String(b.type)}`);
  if (!isObject(b.input)) throw new GlanceFault(400, "Input to the task is required and must be an object.");
  const task: TaskRecord = {
    id: randomUUID(),
    type: b.type,
    owner: r.project,
    input: b.input,
    created: r.glance.now,
    outcome: b.type === "import" ? importOutcome(r, b.input) : exportOutcome(r, b.input),
    result: null,
    message: "",
    finished: false,
  };
  r.glance.tasks.set(task.id, task);
  return jsonResponse(201, view(r, task, true));
}

function account(r: GlanceRequest) {
  return r.ctx.state.storage.findAccount(r.region, storageAccountFor(r.project)) ?? r.ctx.state.storage.findAccount(r.region.toUpperCase(), storageAccountFor(r.project));
}

/** Rackspace's import: `import_from: "<container>/<object>"` in the owner's Cloud Files; the object's bytes become the image. */
function importOutcome(r: GlanceRequest, input: Record<string, unknown>): TaskRecord["outcome"] {
  const from = input.import_from;
  if (typeof from !== "string" || !from.includes("/")) throw new GlanceFault(400, "Input does not contain 'import_from' field of the form <container>/<object>");
  const format = input.import_from_format ?? "vhd";
  if (format !== "vhd") return { ok: false, message: `Unsupported import format ${String(format)}: only vhd images can be imported` };
  const [container, ...rest] = from.split("/");
  const object = account(r)?.containers.get(container!)?.objects.get(rest.join("/"));
  if (!object) return { ok: false, message: `Image import failed: ${from} was not found in Cloud Files` };
  const props = isObject(input.image_properties) ? input.image_properties : {};
  const data = Buffer.concat(object.chunks);
  return {
    ok: true,
    apply: () => {
      const img = r.glance.newImage(r.project, { name: typeof props.name === "string" ? props.name : rest.join("/"), visibility: "private", diskFormat: "vhd", containerFormat: "ovf" });
      img.data = data;
      img.checksum = createHash("md5").update(data).digest("hex");
      img.sha512 = createHash("sha512").update(data).digest("hex");
      img.status = "active";
      return { image_id: img.id };
    },
  };
}

/** Rackspace's export: the image lands in `receiving_swift_container` as `<image id>.vhd`. */
function exportOutcome(r: GlanceRequest, input: Record<string, unknown>): TaskRecord["outcome"] {
  const id = input.image_uuid;
  const container = input.receiving_swift_container;
  if (typeof id !== "string" || typeof container !== "string") throw new GlanceFault(400, "Input requires 'image_uuid' and 'receiving_swift_container'");
  const img = r.glance.images.get(id);
  if (!img || !r.glance.canSee(img, r.project, r.admin)) return { ok: false, message: `Image ${id} could not be found` };
  if (img.owner !== r.project) return { ok: false, message: `Image ${id} is not owned by you and cannot be exported` };
  const c = account(r)?.containers.get(container);
  if (!c) return { ok: false, message: `Swift container ${container} does not exist` };
  return {
    ok: true,
    apply: () => {
      const data = img.data ?? Buffer.alloc(0);
      const name = `${id}.vhd`;
      const at = r.glance.now;
      c.objects.set(name, { name, chunks: [data], size: data.length, etag: createHash("md5").update(data).digest("hex"), contentType: "application/octet-stream", lastModified: at, meta: new Map(), headers: new Map() });
      return { export_location: `${container}/${name}` };
    },
  };
}
