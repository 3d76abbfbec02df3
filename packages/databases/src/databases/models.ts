import { lazy } from "@rax/core";
import * as z from "zod/mini";

const wireLink = lazy(() => z.looseObject({ href: z.optional(z.string()), rel: z.optional(z.string()) }));

export const wireDatabase = lazy(() =>
  z.looseObject({
    name: z.string(),
    character_set: z.nullish(z.string()),
    collate: z.nullish(z.string()),
  }),
);
export type WireDatabase = z.output<ReturnType<typeof wireDatabase>>;

export const databasesBody = lazy(() => z.looseObject({ databases: z.array(wireDatabase()), links: z.optional(z.array(wireLink())) }));

export interface DatabaseData {
  /** The instance the database lives on. */
  instanceId: string;
  name: string;
  /** Sent by create; listings carry only the name. */
  characterSet?: string;
  collate?: string;
  /** Every field the service sent, as sent. */
  raw: Record<string, unknown>;
}

export function toDatabase(instanceId: string, w: WireDatabase): DatabaseData {
  return {
    instanceId,
    name: w.name,
    ...(w.character_set ? { characterSet: w.character_set } : {}),
    ...(w.collate ? { collate: w.collate } : {}),
    raw: { ...w },
  };
}

export const createDatabaseOptions = lazy(() =>
  z.optional(
    z.strictObject({
      /** Default `utf8` (pyrax). */
      characterSet: z.optional(z.string().check(z.minLength(1))),
      /** Default `utf8_general_ci` (pyrax). */
      collate: z.optional(z.string().check(z.minLength(1))),
    }),
  ),
);
export type CreateDatabaseOptions = z.input<ReturnType<typeof createDatabaseOptions>>;

export const listNamedInput = lazy(() =>
  z.optional(
    z.strictObject({
      /** Stop after this many in all. */
      limit: z.optional(z.int().check(z.positive())),
      /** Start after this name. */
      marker: z.optional(z.string().check(z.minLength(1))),
      /** Rows per request. */
      pageSize: z.optional(z.int().check(z.positive())),
    }),
  ),
);
export type ListNamedInput = z.input<ReturnType<typeof listNamedInput>>;
