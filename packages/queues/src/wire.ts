import { InvalidResponse, parseSchema, type RaxResponse } from "@rax/core";
import type * as z from "zod/mini";

/**
 * A success body parsed leniently by `schema`; 204 (Queues' "nothing here": an empty page, no
 * message to claim) is `undefined`. A body that does not fit is `InvalidResponse` naming the first
 * misfit path, with no snippet (message bodies are the user's data).
 */
export async function bodyOrEmpty<S extends z.ZodMiniType>(res: RaxResponse, schema: S, fast?: (data: unknown) => z.output<S> | undefined): Promise<z.output<S> | undefined> {
  if (res.status === 204) {
    await res.dump();
    return undefined;
  }
  const data = await res.json<unknown>();
  // A hand-written check for hot bodies (claims, message pages); zod words what is wrong otherwise.
  const quick = fast?.(data);
  if (quick !== undefined) return quick;
  const r = parseSchema(schema, data);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const path = issue?.path.map(String).join(".") ?? "";
  throw new InvalidResponse(
    { status: res.status, method: res.method, url: res.url, snippet: "", path, requestId: res.requestId, cause: r.error },
    `Response body does not fit the expected shape at ${path || "(root)"}: ${issue?.message ?? "invalid"}`,
  );
}

/** The last path segment of an href (`/v1/queues/q/messages/ID?claim_id=C` → `ID`). Runs for every posted or claimed message. */
export function idFromHref(href: string): string {
  const q = href.indexOf("?");
  const end = q < 0 ? href.length : q;
  const id = href.slice(href.lastIndexOf("/", end - 1) + 1, end);
  return id.includes("%") ? decodeURIComponent(id) : id;
}

/**
 * A query parameter of an href (`claim_id`, `marker`). Plain queries (ids and markers, nothing to
 * decode) are scanned in place, as URLSearchParams would read them; anything it would decode
 * (`%`, `+`) or that holds a `#` goes through it.
 */
export function paramFromHref(href: string, name: string): string | undefined {
  const q = href.indexOf("?");
  if (q < 0) return undefined;
  const query = href.slice(q + 1);
  if (ENCODED.test(query)) return new URLSearchParams(query).get(name) ?? undefined;
  for (let at = 0; at <= query.length; ) {
    let next = query.indexOf("&", at);
    if (next < 0) next = query.length;
    const eq = query.indexOf("=", at);
    const keyEnd = eq >= 0 && eq < next ? eq : next;
    if (keyEnd - at === name.length && query.startsWith(name, at)) return keyEnd === next ? "" : query.slice(keyEnd + 1, next);
    at = next + 1;
  }
  return undefined;
}

const ENCODED = /[%+#]/;
