import { STATUS_CODES } from "node:http";

export interface ExtractedMessage {
  message?: string;
  details?: string;
  code?: string | number;
}

const MAX_TEXT_MESSAGE = 300;

function str(v: unknown): string | undefined {
  if (typeof v === "string") return oneLine(v) || undefined;
  if (Array.isArray(v) && v.every((x) => typeof x === "string")) return v.map((x) => oneLine(x)).filter(Boolean).join("; ") || undefined;
  return undefined;
}

function codeOf(v: unknown): string | number | undefined {
  return typeof v === "string" || typeof v === "number" ? v : undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

function fromObject(o: Record<string, unknown>): ExtractedMessage | undefined {
  // Flat: DNS, Load Balancers, Monitoring ({"type":"notFoundError","message":…}).
  const flat = str(o.message);
  const validation = isObject(o.validationErrors) ? str(o.validationErrors.messages) : undefined;
  if (validation) {
    // DNS/CLB validation: the useful text is in validationErrors.messages (pyrax lost it).
    const head = flat && flat !== validation ? `${flat}: ` : "";
    return { message: head + validation, details: str(o.details), code: codeOf(o.type) ?? codeOf(o.code) };
  }
  if (flat) return { message: flat, details: str(o.details), code: codeOf(o.type) ?? codeOf(o.code) };
  // Queues: {"title":"Unsupported limit","description":"…","code":1092}
  const title = str(o.title);
  if (title) {
    const description = str(o.description) ?? str(o.detail);
    return { message: description ? `${title}: ${description}` : title, details: description, code: codeOf(o.code) };
  }
  // The API working group's form (Placement, Cyborg): {"errors":[{"status":403,"title":"Forbidden","detail":"…","code":"placement.…"}]}
  if (Array.isArray(o.errors) && isObject(o.errors[0])) return fromObject(o.errors[0]);
  return undefined;
}

/**
 * The human message of an error body, per errors-and-conventions.md §3–4: a flat `message`,
 * `validationErrors.messages`, queues' `title`, or the first-key wrapper used by Nova, Keystone
 * (v2 `{"unauthorized":{…}}`, v3 `{"error":{…}}`), Autoscale, Trove and Cinder.
 */
export function extractErrorMessage(body: unknown): ExtractedMessage {
  if (isObject(body)) {
    const direct = fromObject(body);
    if (direct) return direct;
    const firstKey = Object.keys(body)[0];
    if (firstKey !== undefined) {
      const first = body[firstKey];
      if (isObject(first)) {
        const inner = fromObject(first);
        if (inner) {
          const code = firstKey === "error" ? (codeOf(first.type) ?? inner.code) : firstKey;
          return { ...inner, code };
        }
        return { code: firstKey };
      }
      const s = str(first);
      if (s) return { message: s };
    }
    return {};
  }
  if (typeof body === "string") return { message: textMessage(body) };
  return {};
}

/** Trim a text/HTML error body to one readable line. */
export function textMessage(text: string): string | undefined {
  const t = oneLine(text, /<\s*(html|body|h1|p|title)[\s>]/i.test(text));
  if (!t) return undefined;
  return t.length > MAX_TEXT_MESSAGE ? `${t.slice(0, MAX_TEXT_MESSAGE)}…` : t;
}

// Markup servers put inside message text: webob (Glance, Trove, Nova's and Cinder's paste layers) ends
// every explanation with "<br /><br />" and newlines, in JSON `message` fields and text bodies alike.
// Only these tags go: a message may quote "<name>" or a regex's "(?<! )", which must stay as sent.
const LINE_TAGS = /<\/?(?:br|p|div|h[1-6]|hr|pre|li|ul|ol|tr|td|th|table)\b[^<>]*>/gi;
const INLINE_TAGS = /<\/?(?:b|i|em|strong|code|tt|span|a)\b[^<>]*>/gi;
const ANY_TAG = /<[^>]*>/g;
// Python jsonschema's text for a failed validation, which Glance sends as its 400 message: the first
// paragraph says what is wrong and with which value; "Failed validating …" then dumps the schema (30
// lines for one enum), which `error.body` still has.
const SCHEMA_DUMP = /\n\s*\nFailed validating '[^'\n]*' in [\s\S]*$/;
const ENTITIES: Record<string, string> = { "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&#x27;": "'", "&nbsp;": " ", "&amp;": "&" };

/**
 * `text` as one line of plain text: markup tags and a schema dump gone, entities decoded, whitespace
 * runs (newlines included) one space, trimmed. `page`: `text` is a whole HTML page, so every tag goes and the
 * `<head>` (its `<title>` repeats the `<h1>`) too when the body has text of its own.
 */
function oneLine(text: string, page = false): string {
  let t = text.replace(SCHEMA_DUMP, "");
  if (page) {
    t = t.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, " ");
    const withoutHead = t.replace(/<head\b[\s\S]*?<\/head\s*>/i, " ");
    if (withoutHead.replace(ANY_TAG, "").trim()) t = withoutHead;
    t = t.replace(ANY_TAG, " ");
  } else {
    t = t.replace(LINE_TAGS, " ").replace(INLINE_TAGS, "");
  }
  t = t.replace(/&(?:lt|gt|quot|#39|#x27|nbsp|amp);/g, (e) => ENTITIES[e] ?? e);
  return t.replace(/\s+/g, " ").trim();
}

const DEFAULT_MESSAGES: Record<number, string> = {
  400: "Bad request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not found",
  409: "Conflict",
  413: "Over limit",
  429: "Too many requests",
  501: "Not implemented",
};

export function defaultMessage(status: number): string {
  return DEFAULT_MESSAGES[status] ?? STATUS_CODES[status] ?? `HTTP ${status}`;
}
