import { STATUS_CODES } from "node:http";

export interface ExtractedMessage {
  message?: string;
  details?: string;
  code?: string | number;
}

const MAX_TEXT_MESSAGE = 300;

function str(v: unknown): string | undefined {
  if (typeof v === "string") return v.trim() || undefined;
  if (Array.isArray(v) && v.every((x) => typeof x === "string")) return v.join("; ") || undefined;
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
    const description = str(o.description);
    return { message: description ? `${title}: ${description}` : title, details: description, code: codeOf(o.code) };
  }
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
  let t = text;
  if (/<\s*(html|body|h1|p|title)[\s>]/i.test(t)) {
    t = t.replace(/<(script|style)[\s\S]*?<\/\1>/gi, " ").replace(/<[^>]*>/g, " ");
    t = t.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");
  }
  t = t.replace(/\s+/g, " ").trim();
  if (!t) return undefined;
  return t.length > MAX_TEXT_MESSAGE ? `${t.slice(0, MAX_TEXT_MESSAGE)}…` : t;
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
