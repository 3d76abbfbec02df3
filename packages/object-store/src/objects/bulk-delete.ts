import { errorFromResponse, InvalidResponse, type RaxResponse } from "@rax/core";
import * as z from "zod";
import { encodeBodyPath } from "../names";
import { parseBody } from "../response-body";
import { OK } from "../success-status";
import { storage, type SwiftClient } from "../swift-client";

/** pyrax's bulk-delete result dictionary, summed over every batch. */
export interface BulkDeleteResult {
  deleted: number;
  notFound: number;
  /** "200 OK", or the first non-200 batch status. */
  status: string;
  /** `[path, status]` pairs from the server, plus `[body, status]` for a failed batch without details. */
  errors: [string, string][];
}

/** Handle on a bulk delete running in the background (pyrax's `async=True`). */
export interface BulkDeleteJob {
  readonly completed: boolean;
  /** Set once `completed` is true and the deletion succeeded. */
  readonly results?: BulkDeleteResult;
  /** Set once `completed` is true and the deletion threw. */
  readonly error?: unknown;
  readonly done: Promise<BulkDeleteResult>;
}

// Swift's bulk middleware answer. An object that carries neither the status nor the count is not
// one (a JSON array, `{}`, an unrelated error document): taking it as "0 deleted" would hide a failure.
const swiftBulkBody = z
  .looseObject({
    "Number Deleted": z.number().optional(),
    "Number Not Found": z.number().optional(),
    "Response Status": z.string().optional(),
    "Response Body": z.string().optional(),
    Errors: z.array(z.array(z.unknown())).optional(),
  })
  .refine((b) => b["Response Status"] !== undefined || b["Number Deleted"] !== undefined, {
    message: 'neither "Response Status" nor "Number Deleted" is present',
  });

/** `/container/object`, each segment percent-encoded, as Swift's bulk middleware expects. */
export function bulkDeleteLine(container: string, name: string): string {
  return `/${encodeURIComponent(container)}/${encodeBodyPath(name)}`;
}

async function deleteBatch(client: SwiftClient, container: string, names: string[]): Promise<BulkDeleteResult> {
  const body = `${names.map((n) => bulkDeleteLine(container, n)).join("\n")}\n`;
  const res = await storage(client, {
    method: "DELETE", ok: OK.bulkDelete,
    path: "",
    query: { "bulk-delete": "true" },
    headers: { "content-type": "text/plain", accept: "application/json" },
    body,
  });
  const answer = await res.json();
  if (answer === undefined)
    throw new InvalidResponse({ status: res.status, method: "DELETE", url: res.url, snippet: "", requestId: res.requestId }, "bulk delete returned no JSON result");
  const parsed = parseBody(res, answer, swiftBulkBody, "bulk delete result");
  const status = parsed["Response Status"] ?? `${res.status}`;
  const errors = Array.isArray(parsed.Errors) ? parsed.Errors.map((e) => [String(e[0]), String(e[1])] as [string, string]) : [];
  if (!status.startsWith("200") && errors.length === 0) errors.push([parsed["Response Body"] ?? "", status]);
  return { deleted: Number(parsed["Number Deleted"] ?? 0), notFound: Number(parsed["Number Not Found"] ?? 0), status, errors };
}

/**
 * The report of `DELETE ?multipart-manifest=delete` (Swift's bulk format, always HTTP 200): a
 * failure inside it is the server's status error, not success.
 */
export async function checkSegmentsDeleted(res: RaxResponse): Promise<void> {
  const answer = await res.json();
  if (answer === undefined) return;
  const parsed = parseBody(res, answer, swiftBulkBody, "large-object delete result");
  const status = parsed["Response Status"] ?? "200 OK";
  if (status.startsWith("2")) return;
  throw errorFromResponse({ status: Number.parseInt(status, 10) || 500, headers: res.headers, body: answer, method: res.method, url: res.url });
}

/** Delete `names` from `container` in batches, summing pyrax's result dictionary across them. */
export async function bulkDeleteAll(client: SwiftClient, container: string, names: string[], batchSize?: number): Promise<BulkDeleteResult> {
  const size = batchSize ?? client.defaults.bulkDeleteBatchSize;
  const total: BulkDeleteResult = { deleted: 0, notFound: 0, status: "200 OK", errors: [] };
  for (let i = 0; i < names.length; i += size) {
    const r = await deleteBatch(client, container, names.slice(i, i + size));
    total.deleted += r.deleted;
    total.notFound += r.notFound;
    total.errors.push(...r.errors);
    if (total.status.startsWith("200") && !r.status.startsWith("200")) total.status = r.status;
  }
  return total;
}

export function bulkDeleteJob(run: Promise<BulkDeleteResult>): BulkDeleteJob {
  const job = { completed: false } as { completed: boolean; results?: BulkDeleteResult; error?: unknown; done: Promise<BulkDeleteResult> };
  job.done = run.then(
    (r) => {
      job.results = r;
      job.completed = true;
      return r;
    },
    (e: unknown) => {
      job.error = e;
      job.completed = true;
      throw e;
    },
  );
  // The caller may only poll `completed`; keep an unobserved failure from crashing the process.
  job.done.catch(() => undefined);
  return job;
}
