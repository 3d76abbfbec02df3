import { lazy } from "@rax/core";
import * as z from "zod/mini";
import { databaseName, hostName, password, userName } from "../instances/models";

const wireLink = lazy(() => z.looseObject({ href: z.optional(z.string()), rel: z.optional(z.string()) }));

export const wireUser = lazy(() =>
  z.looseObject({
    name: z.string(),
    host: z.nullish(z.string()),
    databases: z.nullish(z.array(z.looseObject({ name: z.string() }))),
  }),
);
export type WireUser = z.output<ReturnType<typeof wireUser>>;

export const userBody = lazy(() => z.looseObject({ user: wireUser() }));
export const usersBody = lazy(() => z.looseObject({ users: z.array(wireUser()), links: z.optional(z.array(wireLink())) }));
export const accessBody = lazy(() => z.looseObject({ databases: z.array(z.looseObject({ name: z.string() })) }));

export interface UserData {
  /** The instance the user lives on. */
  instanceId: string;
  name: string;
  /** Where the user may connect from (`%` = anywhere). */
  host: string;
  /** Names of the databases the user may use. */
  databases: string[];
  /** Every field the service sent, as sent (never the password). */
  raw: Record<string, unknown>;
}

export function toUser(instanceId: string, w: WireUser): UserData {
  return { instanceId, name: w.name, host: w.host ?? "%", databases: (w.databases ?? []).map((d) => d.name), raw: { ...w } };
}

/** Database names, or objects with a name (`Database`), one or many. */
export const databaseNames = lazy(() =>
  z
    .union([
      z.pipe(databaseName(), z.transform((n: string) => [n])),
      z.pipe(z.object({ name: databaseName() }), z.transform((d) => [d.name])),
      z.array(z.union([databaseName(), z.pipe(z.object({ name: databaseName() }), z.transform((d) => d.name))])),
    ])
    .check(z.refine((a) => a.length > 0, "must name at least one database")),
);
export type DatabaseNames = z.input<ReturnType<typeof databaseNames>>;

/** What `update` changes; at least one (pyrax's DBUpdateUnchanged otherwise). */
export const updateUserInput = lazy(() =>
  z
    .strictObject({ name: z.optional(userName()), host: z.optional(hostName()), password: z.optional(password()) })
    .check(z.refine((c) => c.name !== undefined || c.host !== undefined || c.password !== undefined, "must change the name, host or password")),
);
export type UpdateUserInput = z.input<ReturnType<typeof updateUserInput>>;

export { password as passwordInput };
