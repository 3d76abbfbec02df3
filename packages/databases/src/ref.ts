import { lazy } from "@rax/core";
import { idSegment } from "@rax/core/zod-mini";
import * as z from "zod/mini";


/** A resource given by its id or by any object carrying it (an `Instance`, a `Backup`, a `Flavor`). */
export type Ref = string | { readonly id: string | number };

/** Validates a `Ref` into the id (`ValidationError` names the argument when it is neither). */
export const ref = lazy(() =>
  z.union([idSegment(), z.pipe(z.object({ id: z.union([idSegment(), z.number()]) }), z.transform((o) => String(o.id)))], {
    error: "must be an id (not blank, no '/') or an object with an id",
  }),
);

/** A database (schema) given by its name or by any object carrying it (a `Database`). */
export type NameRef = string | { readonly name: string };

export const nameRef = lazy(() =>
  z.union([idSegment(), z.pipe(z.object({ name: idSegment() }), z.transform((o) => o.name))], {
    error: "must be a name (not blank, no '/') or an object with a name",
  }),
);

/**
 * A database user: its name, `name@host`, or any object with `name` (and `host`) — a `User`.
 * Trove addresses a user whose host is not `%` as `name@host`.
 */
export type UserRef = string | { readonly name: string; readonly host?: string | null };

export const userRef = lazy(() =>
  z.union(
    [
      z.pipe(idSegment(), z.transform((s) => {
        const at = s.lastIndexOf("@");
        return at > 0 ? { name: s.slice(0, at), host: s.slice(at + 1) || "%" } : { name: s, host: "%" };
      })),
      z.pipe(z.object({ name: idSegment(), host: z.nullish(idSegment()) }), z.transform((o) => ({ name: o.name, host: o.host ?? "%" }))),
    ],
    { error: "must be a user name (not blank, no '/') or an object with a name" },
  ),
);

/** The path segment Trove reads a user from: `name`, or `name@host` for any host but `%`. */
export function userId(u: { name: string; host: string }): string {
  return u.host === "%" ? u.name : `${u.name}@${u.host}`;
}
