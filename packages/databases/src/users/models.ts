import { lazy } from "@rax/core";
import * as z from "zod";
import { databaseName, hostName, password, userName } from "../instances/models";

const wireLink = lazy(() => z.looseObject({ href: z.string().optional(), rel: z.string().optional() }));

export const wireUser = lazy(() =>
  z.looseObject({
    name: z.string(),
    host: z.string().nullish(),
    databases: z.array(z.looseObject({ name: z.string() })).nullish(),
  }),
);
export type WireUser = z.output<ReturnType<typeof wireUser>>;

export const userBody = lazy(() => z.looseObject({ user: wireUser() }));
export const usersBody = lazy(() => z.looseObject({ users: z.array(wireUser()), links: z.array(wireLink()).optional() }));
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
    .union([databaseName().transform((n) => [n]), z.object({ name: databaseName() }).transform((d) => [d.name]), z.array(z.union([databaseName(), z.object({ name: databaseName() }).transform((d) => d.name)]))])
    .refine((a) => a.length > 0, "must name at least one database"),
);
export type DatabaseNames = z.input<ReturnType<typeof databaseNames>>;

/** What `update` changes; at least one (pyrax's DBUpdateUnchanged otherwise). */
export const updateUserInput = lazy(() =>
  z
    .strictObject({ name: userName().optional(), host: hostName().optional(), password: password().optional() })
    .refine((c) => c.name !== undefined || c.host !== undefined || c.password !== undefined, "must change the name, host or password"),
);
export type UpdateUserInput = z.input<ReturnType<typeof updateUserInput>>;

export { password as passwordInput };
