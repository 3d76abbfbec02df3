import { clientIdMissing } from "./errors";

/** Every call goes through here: the server's 400 for a missing Client-ID becomes QueueClientIDNotDefined. */
export async function guarded<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    throw clientIdMissing(e);
  }
}
