import { InvalidResponse, type RaxResponse, parseSchema, redact } from "@rax/core";
import type { $ZodError, $ZodIssue, $ZodType, output } from "zod/v4/core";

/** Dotted path and message of the first problem, looking inside unions (a listing row that is neither shape). */
function firstIssue(error: $ZodError): { path: string; message: string } {
  let issue: $ZodIssue | undefined = error.issues[0];
  const path: PropertyKey[] = [];
  while (issue) {
    path.push(...issue.path);
    if (issue.code !== "invalid_union" || issue.errors.length === 0) break;
    // The last branch is the general shape (an object row), so its complaint is the useful one.
    issue = issue.errors.at(-1)?.[0];
  }
  return { path: path.map(String).join("."), message: issue?.message ?? "schema mismatch" };
}

/**
 * `body` checked against `schema` (loose objects: unknown fields are kept). A mismatch throws
 * `InvalidResponse` whose `path` names the offending field (`"3.name"`: row 3 of a listing).
 */
export function parseBody<S extends $ZodType>(res: RaxResponse, body: unknown, schema: S, what: string): output<S> {
  const r = parseSchema(schema, body);
  if (r.success) return r.data;
  const { path, message } = firstIssue(r.error);
  let snippet = "";
  try {
    snippet = redact(JSON.stringify(body) ?? "").slice(0, 200);
  } catch {
    snippet = "";
  }
  throw new InvalidResponse(
    { status: res.status, method: res.method, url: res.url, snippet, path: path || undefined, requestId: res.requestId, cause: r.error },
    `Unexpected ${what}${path ? ` at ${path}` : ""}: ${message}`,
  );
}
