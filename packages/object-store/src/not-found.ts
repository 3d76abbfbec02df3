import { NotFound } from "@rax/core";
import { NoSuchContainer, NoSuchObject } from "./errors";
import { containerPath } from "./names";
import { OK } from "./success-status";
import { storage, type SwiftClient } from "./swift-client";

/** Swift answers 404 alike for a missing object and a missing container; a HEAD of the container tells them apart. */
async function containerMissing(client: SwiftClient, container: string): Promise<boolean> {
  try {
    const res = await storage(client, { method: "HEAD", ok: OK.head, path: containerPath(container) });
    await res.dump();
    return false;
  } catch (e) {
    // Anything but a 404 leaves the question open: the object's own 404 stands.
    return e instanceof NotFound;
  }
}

/**
 * The error for a failed object call: a 404 becomes `NoSuchContainer` when the container is gone
 * (one extra HEAD, only on this failure path), else `NoSuchObject`; other errors pass through.
 */
export async function objectNotFound(client: SwiftClient, e: unknown, container: string, name: string): Promise<unknown> {
  if (!(e instanceof NotFound) || e instanceof NoSuchObject || e instanceof NoSuchContainer) return e;
  if (await containerMissing(client, container)) return new NoSuchContainer(container, e);
  return new NoSuchObject(container, name, e);
}

/** A copy's 404: the destination container, the source container, or the source object. */
export async function copyNotFound(client: SwiftClient, e: unknown, from: { container: string; name: string }, toContainer: string): Promise<unknown> {
  if (!(e instanceof NotFound) || e instanceof NoSuchObject || e instanceof NoSuchContainer) return e;
  if (await containerMissing(client, toContainer)) return new NoSuchContainer(toContainer, e);
  return objectNotFound(client, e, from.container, from.name);
}

/** A 404 on a retried DELETE: an earlier attempt, whose answer was lost, did the deleting. */
export function goneOnRetry(e: unknown): boolean {
  return e instanceof NotFound && e.attempts > 1;
}
