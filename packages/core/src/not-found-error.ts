import { type HttpError, httpErrorInit, NotFound, RECIPE_MADE } from "./errors";

// Recipes for the errors every service declares: one line each in a package's errors.ts,
//   export class NoSuchServer extends /* @__PURE__ */ notFoundError("NoSuchServer", "server", "server") {}
// The named class extends what the recipe makes, so it stays a real class (value and type, JSDoc,
// a readable d.ts) and takes the recipe's brand for `instanceof` (RaxError's RECIPE_MADE rule).
// Each call makes its own class, so a bundle keeps only the errors it imports; each recipe has its
// own file, so a bundle of core's dist (where every module is kept whole) keeps only the ones used.

/** A 404 refined to one kind of resource, the id kept under `P` (`NoSuchServer` → `server`). */
export type NotFoundOf<P extends string> = NotFound & { readonly [K in P]: string };

/** What `notFoundError` makes: `new (id, from)`, a `NotFound` with the id under `P`. */
export interface NotFoundErrorClass<P extends string> {
  new (id: string, from: HttpError): NotFoundOf<P>;
  readonly prototype: NotFoundOf<P>;
  readonly errorName: string;
}

/**
 * A `NotFound` for one kind of resource: `new NoSuchX(id, from)` says `No such <kind>: <id>`,
 * keeps `id` under `property` (default `id`) and carries status, request id, body and `cause`
 * over from `from`, the 404 it refines. `errorName` is the class's stable name (its brand).
 */
export function notFoundError<P extends string = "id">(errorName: string, kind: string, property?: P): NotFoundErrorClass<P> {
  const key = property ?? "id";
  const made = class extends NotFound {
    static override readonly errorName: string = errorName;
    constructor(id: string, from: HttpError) {
      super(httpErrorInit(from, `No such ${kind}: ${id}`));
      // Assigned after super, as a parameter property is: the same field, in the same place.
      (this as Record<string, unknown>)[key] = id;
    }
  };
  Object.defineProperty(made, RECIPE_MADE, { value: true });
  return made as unknown as NotFoundErrorClass<P>;
}
