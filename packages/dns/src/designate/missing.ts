import { BadRequest, type HttpError, NotFound } from "@rax/core";

/**
 * `notFoundAs` for Designate: an id that is not a UUID is a 400 `invalid_uuid` there (a UUID it
 * lacks is a 404), and both mean "no such domain / record" — the usual cause is a domain name or
 * a Cloud DNS number passed as an id. The error keeps Designate's status and message as its cause.
 */
export async function missingAs<T>(p: Promise<T>, make: (e: HttpError) => Error): Promise<T> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof NotFound || (e instanceof BadRequest && e.code === "invalid_uuid")) throw make(e);
    throw e;
  }
}
