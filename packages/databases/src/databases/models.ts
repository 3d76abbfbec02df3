import { lazy } from "@rax/core";
import * as z from "zod";

const wireLink = lazy(() => z.looseObject({ href: z.string().optional(), rel: z.string().optional() }));

export const wireDatabase = lazy(() =>
  z.looseObject({
    name: z.string(),
    character_set: z.string().nullish(),
    collate: z.string().nullish(),
  }),
);
export type WireDatabase = z.output<ReturnType<typeof wireDatabase>>;

export const databasesBody = lazy(() => z.looseObject({ databases: z.array(wireDatabase()), links: z.array(wireLink()).optional() }));

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
  z
    .strictObject({
      /** Default `utf8` (pyrax). */
      characterSet: z.string().min(1).optional(),
      /** Default `utf8_general_ci` (pyrax). */
      collate: z.string().min(1).optional(),
    })
    .optional(),
);
export type CreateDatabaseOptions = z.input<ReturnType<typeof createDatabaseOptions>>;

export const listNamedInput = lazy(() =>
  z
    .strictObject({
      /** Stop after this many in all. */
      limit: z.number().int().positive().optional(),
      /** Start after this name. */
      marker: z.string().min(1).optional(),
      /** Rows per request. */
      pageSize: z.number().int().positive().optional(),
    })
    .optional(),
);
export type ListNamedInput = z.input<ReturnType<typeof listNamedInput>>;
