import { InvalidResponse, type RaxResponse } from "@rax/core";

/**
 * The id of what a POST created: Cloud Monitoring answers 201 with an empty body, the id in
 * `X-Object-ID` and the URL in `Location` (monitoring.md "Create responses"; pyrax reads agent
 * tokens' from the Location's last segment, so that is the fallback).
 */
export async function createdId(res: RaxResponse): Promise<string> {
  await res.dump();
  const id = res.headers["x-object-id"] || res.headers.location?.replace(/\/+$/, "").split("/").pop();
  if (id) return decodeURIComponent(id);
  throw new InvalidResponse({ status: res.status, method: res.method, url: res.url, snippet: "", requestId: res.requestId }, "Created, but the response names no X-Object-ID or Location");
}
