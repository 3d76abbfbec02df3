import { StaticSession } from "@rax/core";
import { ObjectStore, type ObjectStoreOptions } from "../src/index";
import { type FakeSwift, TOKEN } from "./fake-swift";

/** A client wired to the fake, through the catalog names the real service uses. */
export function clientFor(swift: FakeSwift, opts: ObjectStoreOptions & { withCdn?: boolean } = {}): ObjectStore {
  const { withCdn = true, ...rest } = opts;
  const session = new StaticSession({
    token: TOKEN,
    endpoints: {
      "object-store": swift.url,
      ...(withCdn ? { "rax:object-cdn": swift.cdnUrl } : {}),
    },
  });
  return new ObjectStore(session, rest);
}

/** Requests made since `mark` (an index into swift.requests). */
export const since = (swift: FakeSwift, mark: number) => swift.requests.slice(mark);
