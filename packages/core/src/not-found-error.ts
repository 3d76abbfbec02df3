import { type HttpError, type HttpErrorInit, httpErrorInit, NotFound, RECIPE_MADE } from "./errors";

// Recipes for the errors every service declares: one line each in a package's errors.ts,
//   export class NoSuchServer extends /* @__PURE__ */ notFoundError("NoSuchServer", "server", "server") {}
// The named class extends what the recipe makes, so it stays a real class (value and type, JSDoc,
// a readable d.ts) and takes the recipe's brand for `instanceof` (RaxError's RECIPE_MADE rule).
// Each call makes its own class, so a bundle keeps only the errors it imports; each recipe has its
// own file, so a bundle of core's dist (where every module is kept whole) keeps only the ones used.

/** A 404 refined to one kind of resource, the id kept under `P` (`NoSuchServer` → `server`). */
export type NotFoundOf<P extends string> = NotFound & { readonly [K in P]: string };

/**
 * Where a lookup among listed rows (`find`, name resolution) looked and found nothing: `in` is the
 * service client (its catalog type and region are named, never its endpoint or token), `by` how the
 * value was matched (default `"named"`), `on` the parent searched within (`"instance 4f1…"`).
 */
export interface LookupMiss {
  readonly in: { readonly region?: string; readonly catalogEntry?: { readonly type: string; readonly region?: string }; readonly constructor: unknown };
  readonly by?: string;
  readonly on?: string;
}

/** What `notFoundError` makes: `new (id, from)`, a `NotFound` with the id under `P`. */
export interface NotFoundErrorClass<P extends string> {
  new (id: string, from: HttpError | LookupMiss): NotFoundOf<P>;
  readonly prototype: NotFoundOf<P>;
  readonly errorName: string;
}

/**
 * `compute (ORD)`: the catalog entry the client resolved (`dns (RegionOne)` for a Designate
 * catalog, though the class's own type is `rax:dns`); before it resolved one (lazy auth, an
 * explicit endpoint), the class's catalog type and the client's region, when it has one.
 */
function placeOf(client: LookupMiss["in"]): string {
  const entry = client.catalogEntry;
  if (entry) return entry.region ? `${entry.type} (${entry.region})` : entry.type;
  const type = (client.constructor as { serviceType?: unknown }).serviceType;
  const service = typeof type === "string" && type ? type : "the service";
  return client.region ? `${service} (${client.region})` : service;
}

/**
 * What a `NotFound` for a lookup miss is built from: `No <kind> <by> "<value>"[ on <on>] in <service> (<region>)`,
 * status 404 and no request (`method` and `url` empty, so the message names none). For `NotFound`
 * classes that take an init (`new UserNotFound(lookupMiss("user", "bob", { in: client, by: "with name" }))`);
 * `notFoundError` classes take the `LookupMiss` directly.
 */
export function lookupMiss(kind: string, value: string, miss: LookupMiss): HttpErrorInit {
  const within = miss.on ? ` on ${miss.on}` : "";
  return { status: 404, message: `No ${kind} ${miss.by ?? "named"} ${JSON.stringify(value)}${within} in ${placeOf(miss.in)}`, method: "", url: "" };
}

/**
 * A `NotFound` for one kind of resource, kept under `property` (default `id`):
 * - `new NoSuchX(id, from)` refines a real 404: says `No such <kind>: <id>` and carries status,
 *   request, request id, body and `cause` over from `from`;
 * - `new NoSuchX(value, { in: client, by?, on? })` is a lookup that listed rows and matched none:
 *   says `No <kind> named "web1" in compute (ORD)`. No request of its own failed, so it names none
 *   (`method` and `url` are empty) rather than inventing one; status stays 404 so one `catch`
 *   handles both.
 * `errorName` is the class's stable name (its brand).
 */
export function notFoundError<P extends string = "id">(errorName: string, kind: string, property?: P): NotFoundErrorClass<P> {
  const key = property ?? "id";
  const made = class extends NotFound {
    static override readonly errorName: string = errorName;
    constructor(id: string, from: HttpError | LookupMiss) {
      super("in" in from ? lookupMiss(kind, id, from) : httpErrorInit(from, `No such ${kind}: ${id}`));
      // Assigned after super, as a parameter property is: the same field, in the same place.
      (this as Record<string, unknown>)[key] = id;
    }
  };
  Object.defineProperty(made, RECIPE_MADE, { value: true });
  return made as unknown as NotFoundErrorClass<P>;
}
