import { ValidationError, encodeSegment } from "@rax/core";

// Brands let the name helpers recognise resource objects without importing their classes
// (which import the client, which imports these helpers).
export const CONTAINER_BRAND: unique symbol = Symbol.for("rax.object-store.Container");
export const OBJECT_BRAND: unique symbol = Symbol.for("rax.object-store.StorageObject");

export interface ContainerLike {
  readonly name: string;
  readonly [CONTAINER_BRAND]: true;
}
export interface ObjectLike {
  readonly name: string;
  readonly containerName: string;
  readonly [OBJECT_BRAND]: true;
}

/** A container name or a `Container`. */
export type ContainerRef = string | ContainerLike;
/** An object name or a `StorageObject`. */
export type ObjectRef = string | ObjectLike;

const utf8Length = (s: string) => Buffer.byteLength(s, "utf8");
// A `.` or `..` path segment (between slashes or at either end).
const DOT_SEGMENT = /(?:^|\/)\.\.?(?:\/|$)/;

function isBranded(v: unknown, brand: symbol): boolean {
  return v !== null && typeof v === "object" && (v as Record<symbol, unknown>)[brand] === true;
}

/** Swift's limits: ≤ 256 bytes, no `/`, not empty. */
export function containerName(ref: unknown, field = "container"): string {
  const name = isBranded(ref, CONTAINER_BRAND) ? (ref as ContainerLike).name : ref;
  if (typeof name !== "string") throw new ValidationError(field, "must be a container name or a Container");
  if (name.length === 0) throw new ValidationError(field, "must not be empty");
  if (name.includes("/")) throw new ValidationError(field, "must not contain '/'");
  if (name === "." || name === "..") throw new ValidationError(field, "must not be '.' or '..'");
  if (name.includes("\0")) throw new ValidationError(field, "must not contain NUL");
  if (utf8Length(name) > 256) throw new ValidationError(field, "must be at most 256 bytes (UTF-8)");
  return name;
}

/**
 * Swift's limits: ≤ 1024 bytes, not empty. Unless `inBody` (bulk-delete lines travel in the
 * body), `.` and `..` segments are refused: URL parsing on the way out collapses them (even
 * percent-encoded), so the request would address a different object.
 */
export function objectName(ref: unknown, field = "name", inBody = false): string {
  const name = isBranded(ref, OBJECT_BRAND) ? (ref as ObjectLike).name : ref;
  if (typeof name !== "string") throw new ValidationError(field, "must be an object name or a StorageObject");
  if (name.length === 0) throw new ValidationError(field, "must not be empty");
  if (name.includes("\0")) throw new ValidationError(field, "must not contain NUL");
  if (utf8Length(name) > 1024) throw new ValidationError(field, "must be at most 1024 bytes (UTF-8)");
  if (!inBody && DOT_SEGMENT.test(name))
    throw new ValidationError(field, `${JSON.stringify(name)} has '.' or '..' segments, which URLs cannot carry unchanged`);
  return name;
}

// A bulk-delete line travels in the body, where no URL parser collapses dot segments: they are
// legal there. Encoded anyway, so the line reads the same whatever the server does with them.
function encodeBodySegment(segment: string): string {
  if (segment === ".") return "%2E";
  if (segment === "..") return "%2E%2E";
  return encodeURIComponent(segment);
}

/** A name for a bulk-delete body line: every segment percent-encoded, dot segments allowed. */
export function encodeBodyPath(name: string): string {
  return name.split("/").map(encodeBodySegment).join("/");
}

/**
 * Percent-encode every path segment, keeping `/` between them (Swift splits on it). Dot segments
 * throw `ValidationError` (core's rule): `objectName()` refuses them first, this is the backstop.
 */
export function encodePath(name: string, field = "name"): string {
  return encodeSegment(name, field === "name" ? OBJECT_SEGMENTS : { keepSlashes: true, field });
}

// encodeSegment's options for the paths every object request builds: made once, not per call.
const CONTAINER_SEGMENT = { field: "container" } as const;
const OBJECT_SEGMENTS = { keepSlashes: true, field: "name" } as const;

export function containerPath(container: string): string {
  return `/${encodeSegment(container, CONTAINER_SEGMENT)}`;
}

export function objectPath(container: string, object: string): string {
  return `/${encodeSegment(container, CONTAINER_SEGMENT)}/${encodeSegment(object, OBJECT_SEGMENTS)}`;
}
