import { describe, expect, it } from "vitest";
import { ResourceFailed, WaitTimeout, assignData, statusFailedError, waitInPlace } from "../src/index";

interface ThingData {
  id: string;
  status: string;
  progress?: number;
  raw: Record<string, unknown>;
}

class Thing {
  constructor(data: ThingData) {
    assignData(this, data);
  }
}
interface Thing extends ThingData {}

class ThingFailed extends statusFailedError("ThingFailed", "Thing", "ERROR") {}

const building = () => new Thing({ id: "t1", status: "BUILD", progress: 40, raw: { id: "t1", status: "BUILD", progress: 40 } });

describe("waitInPlace", () => {
  it("refreshes the object in place with what the wait resolved with and returns that same object", async () => {
    const thing = building();
    const got = await waitInPlace(thing, async () => new Thing({ id: "t1", status: "ACTIVE", raw: { id: "t1", status: "ACTIVE" } }));
    expect(got).toBe(thing);
    expect(thing.status).toBe("ACTIVE");
    // A field the fresh resource no longer has is gone, not left over from BUILD.
    expect("progress" in thing).toBe(false);
    expect(thing.raw).toEqual({ id: "t1", status: "ACTIVE" });
  });

  it("on the service's failed error, refreshes the object with the failed resource and rethrows that error", async () => {
    const thing = building();
    const failed = new Thing({ id: "t1", status: "ERROR", raw: { id: "t1", status: "ERROR", fault: "no valid host" } });
    const error = new ThingFailed(failed, "ACTIVE", "Thing", "no valid host");
    const caught = await waitInPlace(thing, async () => {
      throw error;
    }).catch((e: unknown) => e);
    expect(caught).toBe(error);
    expect(thing.status).toBe("ERROR");
    expect(thing.raw.fault).toBe("no valid host");
  });

  it("leaves the object as it was when the failed resource is not of its class", async () => {
    const thing = building();
    const error = new ResourceFailed({ resource: { id: "t1", status: "ERROR", raw: {} }, value: "ERROR" });
    await expect(waitInPlace(thing, () => Promise.reject(error))).rejects.toBe(error);
    expect(thing.status).toBe("BUILD");
    expect(thing.progress).toBe(40);
  });

  it("leaves the object as it was when the wait times out", async () => {
    const thing = building();
    const last = new Thing({ id: "t1", status: "BUILD", progress: 90, raw: {} });
    const error = new WaitTimeout(last, 3, "status did not reach ACTIVE after 3 attempts");
    await expect(waitInPlace(thing, () => Promise.reject(error))).rejects.toBe(error);
    expect(thing.progress).toBe(40);
  });
});
