import { lazy } from "@rax/core";
import * as z from "zod";

export const wireTask = lazy(() => z.looseObject({
  id: z.string(),
  type: z.string(),
  status: z.string(),
  input: z.record(z.string(), z.unknown()).nullish(),
  result: z.record(z.string(), z.unknown()).nullish(),
  message: z.string().nullish(),
  owner: z.string().nullish(),
  created_at: z.string().optional(),
  updated_at: z.string().optional(),
  expires_at: z.string().nullish(),
}));
export type WireTask = z.output<ReturnType<typeof wireTask>>;
export const tasksBody = lazy(() => z.looseObject({ tasks: z.array(wireTask()), next: z.string().nullish() }));

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

/** A Cloud Files container: its name, or an object with one (object-store's `Container`). */
export const containerRef = lazy(() => z.union([z.string().min(1), z.object({ name: z.string().min(1) }).transform((c) => c.name)], {
  error: "must be a container name or an object with a name",
}));

export const importTaskInput = lazy(() => z.strictObject({
  /** The container holding the image file. */
  container: containerRef(),
  /** The image file's object name in the container. */
  object: z.string().min(1),
  /** The file's format; Rackspace takes VHD (its default when left out). */
  format: z.string().min(1).optional(),
  /** The new image's name (default: the object's name). */
  name: z.string().min(1).max(255).optional(),
}));
export type ImportTaskInput = z.input<ReturnType<typeof importTaskInput>>;

export const taskStatus = lazy(() => z.enum(["pending", "processing", "success", "failure"], { error: "must be pending, processing, success or failure" }));
export const listTasksInput = lazy(() => z
  .strictObject({
    type: z.enum(["import", "export"], { error: 'must be "import" or "export"' }).optional(),
    status: taskStatus().optional(),
    sortDir: z.enum(["asc", "desc"], { error: 'must be "asc" or "desc"' }).optional(),
    pageSize: z.number().int().min(1).max(1000).optional(),
    limit: z.number().int().min(1).optional(),
  })
  .optional());
export type ListTasksInput = z.input<ReturnType<typeof listTasksInput>>;
