import { AbortError, NotFound } from "@rax/core";
import { NoSuchContainer, NoSuchObject } from "./errors";
import { containerPath } from "./names";
import { OK } from "./success-status";
import { storage, type SwiftClient } from "./swift-client";

/**
 * Swift answers 404 alike for a missing object and a missing container; a HEAD of the container
 * tells them apart. It is one of the call's requests, so the call's signal stops it too.
 */
async function containerMissing(client: SwiftClient, container: string, signal?: AbortSignal): Promise<boolean> {
  try {
    const res = await storage(client, { method: "HEAD", ok: OK.head, path: containerPath(container), signal });
    await res.dump();
    return false;
  } catch (e) {
    // A caller who gave up hears so, not a guess at which of the two is missing.
    if (e instanceof AbortError) throw e;
    // Anything else but a 404 leaves the question open: the object's own 404 stands.
    return e instanceof NotFound;
  }
}

/**
 * The error for a failed object call: a 404 becomes `NoSuchContainer` when the container is gone
 * (one extra HEAD, only on this failure path), else `NoSuchObject`; other errors pass through.
 */
export async function objectNotFound(client: SwiftClient, e: unknown, container: string, name: string, signal?: AbortSignal): Promise<unknown> {
  if (!(e instanceof NotFound) || e instanceof NoSuchObject || e instanceof NoSuchContainer) return e;
  if (await containerMissing(client, container, signal)) return new NoSuchContainer(container, e);
  return new NoSuchObject(container, name, e);
}

/** A copy's 404: the destination container, the source container, or the source object. */
export async function copyNotFound(client: SwiftClient, e: unknown, from: { container: string; name: string }, toContainer: string, signal?: AbortSignal): Promise<unknown> {
  if (!(e instanceof NotFound) || e instanceof NoSuchObject || e instanceof NoSuchContainer) return e;
  if (await containerMissing(client, toContainer, signal)) return new NoSuchContainer(toContainer, e);
  return objectNotFound(client, e, from.container, from.name, signal);
}

/** A 404 on a retried DELETE: an earlier attempt, whose answer was lost, did the deleting. */
export function goneOnRetry(e: unknown): boolean {
  return e instanceof NotFound && e.attempts > 1;
}
