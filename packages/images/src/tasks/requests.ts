import { type CallOptions, encodeSegment, jsonFor, linkPager, type NotFound, notFoundAs, type Paginated, type ServiceClient, validate } from "@rax/core";
import { v2 } from "../api-path";
import { NoSuchTask } from "../errors";
import { type Ref, ref } from "../ref";
import { containerRef, type ImportTaskInput, importTaskInput, type ListTasksInput, listTasksInput, type TaskData, tasksBody, toTask, wireTask } from "./models";

// Rackspace's import/export through Cloud Files: POST /tasks → 201, then poll GET /tasks/{id}.

const missing = (id: string) => (e: NotFound) => new NoSuchTask(id, e);

/** GET /v2/tasks, following `next` links. */
export function listTasks(client: ServiceClient, filters?: ListTasksInput, o: CallOptions = {}): Paginated<TaskData> {
  const f = validate(listTasksInput(), filters, "filters") ?? {};
  return linkPager(
    async (href, want) => {
      const size = f.pageSize === undefined ? want : want === undefined ? f.pageSize : Math.min(f.pageSize, want);
      const query: Record<string, string | number | string[] | undefined> = href === undefined ? { type: f.type, status: f.status, sort_dir: f.sortDir, limit: size } : {};
      if (href !== undefined) for (const [k, v] of new URL(href, "http://glance.invalid").searchParams) ((query[k] ??= []) as string[]).push(v);
      const body = await jsonFor(client, { method: "GET", path: await v2(client, "tasks", o.signal), query, ...o }, [200], tasksBody());
      return { items: body.tasks, next: body.tasks.length > 0 ? body.next : undefined };
    },
    { limit: f.limit },
  ).map(toTask);
}

/** GET /v2/tasks/{id}. */
export async function getTask(client: ServiceClient, task: Ref, o: CallOptions = {}): Promise<TaskData> {
  const id = validate(ref(), task, "task");
  return toTask(await notFoundAs(jsonFor(client, { method: "GET", path: await v2(client, `tasks/${encodeSegment(id, { field: "task" })}`, o.signal), ...o }, [200], wireTask()), missing(id)));
}

/** POST /v2/tasks `{type: "import", input: {import_from: "<container>/<object>", import_from_format, image_properties: {name}}}` → 201. */
export async function createImportTask(client: ServiceClient, input: ImportTaskInput, o: CallOptions = {}): Promise<TaskData> {
  const i = validate(importTaskInput(), input, "input");
  const body = {
    type: "import",
    input: {
      import_from: `${i.container}/${i.object}`,
      // Always sent, as pyrax does (its DEFAULT_FORMAT): stock Glance refuses an import input without it.
      import_from_format: i.format ?? "vhd",
      image_properties: { name: i.name ?? i.object },
    },
  };
  return toTask(await jsonFor(client, { method: "POST", path: await v2(client, "tasks", o.signal), json: body, ...o }, [201], wireTask()));
}

/** POST /v2/tasks `{type: "export", input: {image_uuid, receiving_swift_container}}` → 201; the file lands as `<image id>.vhd`. */
export async function createExportTask(client: ServiceClient, image: Ref, container: string | { name: string }, o: CallOptions = {}): Promise<TaskData> {
  const id = validate(ref(), image, "image");
  const c = validate(containerRef(), container, "container");
  const body = { type: "export", input: { image_uuid: id, receiving_swift_container: c } };
  return toTask(await jsonFor(client, { method: "POST", path: await v2(client, "tasks", o.signal), json: body, ...o }, [201], wireTask()));
}
