import { NotFound } from "@rax/core";

/**
 * `find` found nothing among the rows Cinder listed: the same error class a 404 gives (`NoSuchVolume`,
 * `NoSuchSnapshot`…), so callers catch one class however the lookup was made.
 */
export function notFound<E>(what: string, message: string, make: (e: NotFound) => E): E {
  return make(new NotFound({ status: 404, message, method: "GET", url: what }));
}
