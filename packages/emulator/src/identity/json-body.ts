import { BodyTooLarge, readBody } from "../request-body";

const MAX_AUTH_BODY = 64 * 1024;

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Parses a small JSON object body; undefined when it is not one. */
export async function readJsonObject(request: Request): Promise<JsonObject | undefined> {
  let raw: Buffer;
  try {
    raw = await readBody(request, MAX_AUTH_BODY);
  } catch (error) {
    if (error instanceof BodyTooLarge) return undefined;
    throw error;
  }
  try {
    const parsed: unknown = JSON.parse(raw.toString("utf8"));
    return isObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export function stringField(obj: unknown, key: string): string | undefined {
  if (!isObject(obj)) return undefined;
  const value = obj[key];
  return typeof value === "string" ? value : undefined;
}
