import { lazy } from "@rax/core";
import * as z from "zod/mini";

export const wireTask = lazy(() => z.looseObject({
  id: z.string(),
  type: z.string(),
  status: z.string(),
  input: z.nullish(z.record(z.string(), z.unknown())),
  result: z.nullish(z.record(z.string(), z.unknown())),
  message: z.nullish(z.string()),
  owner: z.nullish(z.string()),
  created_at: z.optional(z.string()),
  updated_at: z.optional(z.string()),
  expires_at: z.nullish(z.string()),
}));
export type WireTask = z.output<ReturnType<typeof wireTask>>;
export const tasksBody = lazy(() => z.looseObject({ tasks: z.array(wireTask()), next: z.nullish(z.string()) }));

export interface TaskData {
  id: string;
  /** import or export. */
  type: string;
  /** pending, processing, success, failure. */
  status: string;
  input: Record<string, unknown>;
  /** On success: `image_id` (import) or `export_location` (export). */
  result: Record<string, unknown>;
  /** Why it failed (pyrax `task.message`). */
  message?: string;
  owner?: string;
  createdAt?: string;
  updatedAt?: string;
  expiresAt?: string;
  raw: Record<string, unknown>;
}

export function toTask(w: WireTask): TaskData {
  return {
    id: w.id,
    type: w.type,
    status: w.status,
    input: w.input ?? {},
    result: w.result ?? {},
    ...(w.message ? { message: w.message } : {}),
    ...(w.owner ? { owner: w.owner } : {}),
    ...(w.created_at ? { createdAt: w.created_at } : {}),
    ...(w.updated_at ? { updatedAt: w.updated_at } : {}),
    ...(w.expires_at ? { expiresAt: w.expires_at } : {}),
    raw: { ...w },
  };
}

// A Swift container name: 1–256 bytes and no "/" (Swift refuses one; in `import_from` a "/" would
// move the container/object boundary, so the task would read another object).
const containerName = lazy(() => z.string().check(
  z.minLength(1),
  z.refine((s) => !s.includes("/"), { error: 'must not contain "/" (a Cloud Files container name)' }),
  z.refine((s) => Buffer.byteLength(s) <= 256, { error: "must be at most 256 bytes (a Cloud Files container name)" }),
));

/** A Cloud Files container: its name, or an object with one (object-store's `Container`). */
export const containerRef = lazy(() => z.union([containerName(), z.pipe(z.object({ name: containerName() }), z.transform((c) => c.name))], {
  error: "must be a container name or an object with a name",
}));

export const importTaskInput = lazy(() => z.strictObject({
  /** The container holding the image file. */
  container: containerRef(),
  /** The image file's object name in the container. */
  object: z.string().check(z.minLength(1)),
  /** The file's format (`import_from_format`); default "vhd", as pyrax sends (Rackspace imports VHD only). */
  format: z.optional(z.string().check(z.minLength(1))),
  /** The new image's name (default: the object's name). */
  name: z.optional(z.string().check(z.minLength(1), z.maxLength(255))),
}));
export type ImportTaskInput = z.input<ReturnType<typeof importTaskInput>>;

export const taskStatus = lazy(() => z.enum(["pending", "processing", "success", "failure"], { error: "must be pending, processing, success or failure" }));
export const listTasksInput = lazy(() => z.optional(z
  .strictObject({
    type: z.optional(z.enum(["import", "export"], { error: 'must be "import" or "export"' })),
    status: z.optional(taskStatus()),
    sortDir: z.optional(z.enum(["asc", "desc"], { error: 'must be "asc" or "desc"' })),
    pageSize: z.optional(z.int().check(z.gte(1), z.lte(1000))),
    limit: z.optional(z.int().check(z.gte(1))),
  })));
export type ListTasksInput = z.input<ReturnType<typeof listTasksInput>>;
