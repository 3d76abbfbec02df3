import { RaxError, RECIPE_MADE } from "./errors";

// The recipe for a lookup by name that matched several rows (`ImageNameNotUnique`); see not-found-error.ts.

/** What a `notUniqueError` class holds: the name looked for under `P`, and every matching id. */
export type NotUniqueOf<P extends string> = RaxError & { readonly [K in P]: string } & { readonly ids: string[] };

/** What `notUniqueError` makes: `new (value, ids)`, a `RaxError` with `value` under `P` and `ids`. */
export interface NotUniqueErrorClass<P extends string> {
  new (value: string, ids: string[]): NotUniqueOf<P>;
  readonly prototype: NotUniqueOf<P>;
  readonly errorName: string;
}

/**
 * A name that `find` matched more than once, where acting on an arbitrary match would be wrong:
 * `new X(value, ids)` says `<n> <phrase> "<value>"; pass an id instead (<ids>)` and keeps `value`
 * under `property`, then `ids`. For a match that is not by one name, core's `NoUniqueMatch`.
 */
export function notUniqueError<P extends string>(errorName: string, property: P, phrase: string): NotUniqueErrorClass<P> {
  const made = class extends RaxError {
    static override readonly errorName: string = errorName;
    constructor(value: string, ids: string[]) {
      super(`${ids.length} ${phrase} ${JSON.stringify(value)}; pass an id instead (${ids.join(", ")})`);
      // The fields parameter properties would make, in their order.
      (this as Record<string, unknown>)[property] = value;
      (this as Record<string, unknown>).ids = ids;
    }
  };
  Object.defineProperty(made, RECIPE_MADE, { value: true });
  return made as unknown as NotUniqueErrorClass<P>;
}
