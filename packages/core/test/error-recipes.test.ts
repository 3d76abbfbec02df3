// The error recipes services declare their 404 / failed-wait errors with: what a user catches must be
// what the hand-written classes they replace gave (name, field, message, brand, printed form).
import { build } from "esbuild";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import {
  type HttpError,
  HttpError as HttpErrorClass,
  NotFound,
  NoUniqueMatch,
  RaxError,
  ResourceFailed,
  errorFromResponse,
  httpErrorInit,
  isRaxError,
  lookupMiss,
  namedError,
  notFoundError,
  notUniqueError,
  registerSecret,
  statusFailedError,
} from "../src/index";

class NoSuchThing extends notFoundError("NoSuchThing", "thing", "thing") {}
class NoSuchOther extends notFoundError("NoSuchOther", "other thing") {}
class NoSuchKindOfThing extends NotFound {
  static override readonly errorName: string = "NoSuchKindOfThing";
  constructor(
    readonly kind: "gadget" | "widget",
    readonly id: string,
    from: HttpError,
  ) {
    super(httpErrorInit(from, `No such ${kind}: ${id}`));
  }
}
class NoSuchGadget extends namedError(NoSuchKindOfThing, "NoSuchGadget", "gadget") {}
class GadgetFailed extends namedError(ResourceFailed, "GadgetFailed") {}
class HandNoSuchGadget extends NoSuchKindOfThing {
  static override readonly errorName: string = "NoSuchGadget";
  constructor(id: string, from: HttpError) {
    super("gadget", id, from);
  }
}
class ThingFailed<R extends { id: string; status?: string } = { id: string; status?: string }> extends statusFailedError("ThingFailed", "Thing", "ERROR")<R> {}

// The hand-written forms the recipes replace, to compare what users see.
class HandNoSuchThing extends NotFound {
  static override readonly errorName: string = "NoSuchThing";
  constructor(
    readonly thing: string,
    from: HttpError,
  ) {
    super(httpErrorInit(from, `No such thing: ${thing}`));
  }
}

const SECRET = "tok-9f8e7d6c5b4a39281706";
registerSecret(SECRET, "session");

function a404(): NotFound {
  const e = errorFromResponse({
    status: 404,
    method: "GET",
    url: "https://files.example.com/v1/AUTH_1/c/o?temp_url_sig=abcdef0123456789&temp_url_expires=1",
    headers: { "x-openstack-request-id": "req-42", "x-auth-token": SECRET },
    body: { itemNotFound: { code: 404, message: `Thing t-1 could not be found (token ${SECRET})` } },
  });
  if (!(e instanceof NotFound)) throw new Error("expected a NotFound");
  return e;
}

// Stack frames name the constructors that ran; everything else printed must match.
const printed = (e: unknown): string => inspect(e, { depth: 5 }).replace(/\n\s+at [^\n]*/g, "");

describe("notFoundError", () => {
  it("makes a NotFound with the id under its field, the service's message and the 404's details", () => {
    const from = a404();
    const e = new NoSuchThing("t-1", from);
    expect(e).toBeInstanceOf(NoSuchThing);
    expect(e).toBeInstanceOf(NotFound);
    expect(e).toBeInstanceOf(HttpErrorClass);
    expect(e).toBeInstanceOf(RaxError);
    expect(e).not.toBeInstanceOf(NoSuchOther);
    expect(isRaxError(e)).toBe(true);
    expect(e.thing).toBe("t-1");
    expect(e.name).toBe("NoSuchThing");
    expect(NoSuchThing.errorName).toBe("NoSuchThing");
    expect(e.constructor).toBe(NoSuchThing);
    expect(e.serverMessage).toBe("No such thing: t-1");
    expect(e.message).toMatch(/^No such thing: t-1 \(HTTP 404; GET https:\/\/files\.example\.com\/.*\) \(Request-ID: req-42\)$/);
    expect(e.status).toBe(404);
    expect(e.requestId).toBe("req-42");
    expect(e.code).toBe("itemNotFound");
    expect(e.cause).toBe(from);
    expect(e.body).toEqual(from.body);
  });

  it("keeps the id under `id` when no field is named", () => {
    const e = new NoSuchOther("o-1", a404());
    expect(e.id).toBe("o-1");
    expect(e.message).toMatch(/^No such other thing: o-1 /);
    expect(Object.keys(e)).not.toContain("thing");
  });

  it("prints, serialises and lists fields exactly as the hand-written class did", () => {
    const from = a404();
    const made = new NoSuchThing("t-1", from);
    const hand = new HandNoSuchThing("t-1", from);
    expect(Object.keys(made)).toEqual(Object.keys(hand));
    expect(Object.getOwnPropertyNames(made)).toEqual(Object.getOwnPropertyNames(hand));
    expect(Object.getOwnPropertySymbols(made).map(String)).toEqual(Object.getOwnPropertySymbols(hand).map(String));
    expect(JSON.stringify(made)).toBe(JSON.stringify(hand));
    expect(printed(made)).toBe(printed(hand));
    expect(String(made)).toBe(String(hand));
    // Same brand: each counts as the other, as two copies of one package's class do.
    expect(hand).toBeInstanceOf(NoSuchThing);
    expect(made).toBeInstanceOf(HandNoSuchThing);
  });

  it("shows no secret of the 404 it refines", () => {
    const e = new NoSuchThing("t-1", a404());
    for (const form of [e.message, printed(e), JSON.stringify(e), String(e)]) {
      expect(form).not.toContain(SECRET);
      expect(form).not.toContain("abcdef0123456789");
    }
  });

  it("a lookup miss names what was looked for and where, and no request that was never sent", () => {
    class Compute {
      static readonly serviceType = "compute";
      constructor(
        readonly region?: string,
        readonly token = SECRET,
      ) {}
    }
    const e = new NoSuchThing("web1", { in: new Compute("ORD") });
    expect(e).toBeInstanceOf(NoSuchThing);
    expect(e).toBeInstanceOf(NotFound);
    expect(e.status).toBe(404);
    expect(e.thing).toBe("web1");
    expect(e.message).toBe('No thing named "web1" in compute (ORD)');
    expect(e.serverMessage).toBe(e.message);
    expect(e.method).toBe("");
    expect(e.url).toBe("");
    expect(String(e)).not.toMatch(/HTTP|GET/);
    for (const form of [e.message, printed(e), JSON.stringify(e), String(e)]) expect(form).not.toContain(SECRET);
    expect(new NoSuchOther("2", { in: new Compute(), by: "with id, name or RAM", on: "instance i-1" }).message).toBe(
      'No other thing with id, name or RAM "2" on instance i-1 in compute',
    );
    expect(new NoSuchOther("x", { in: {} }).message).toBe('No other thing named "x" in the service');
  });

  it("lookupMiss gives a NotFound class that takes an init the same message, never the client's endpoint", () => {
    class UserNotFound extends namedError(NotFound, "UserNotFound") {}
    class Identity {
      static readonly serviceType = "identity";
      readonly endpoint = "http://127.0.0.1:5000/v3";
      readonly token = SECRET;
    }
    const e = new UserNotFound(lookupMiss("user", "bob", { in: new Identity(), by: "with name" }));
    expect(e).toBeInstanceOf(UserNotFound);
    expect(e.status).toBe(404);
    expect(e.message).toBe('No user with name "bob" in identity');
    for (const form of [e.message, printed(e), JSON.stringify(e), String(e)]) {
      expect(form).not.toContain(SECRET);
      expect(form).not.toContain("127.0.0.1");
    }
  });

  it("a subclass of a recipe class is its own kind and still the recipe's", () => {
    class NoSuchSpecialThing extends NoSuchThing {
      static override readonly errorName: string = "NoSuchSpecialThing";
    }
    const special = new NoSuchSpecialThing("s", a404());
    expect(special.name).toBe("NoSuchSpecialThing");
    expect(special).toBeInstanceOf(NoSuchThing);
    expect(new NoSuchThing("t", a404())).not.toBeInstanceOf(NoSuchSpecialThing);
    // One without a name of its own falls back to the prototype chain, as for any RaxError subclass.
    class Unnamed extends NoSuchThing {}
    expect(new Unnamed("u", a404())).toBeInstanceOf(NoSuchThing);
    expect(new NoSuchThing("t", a404())).not.toBeInstanceOf(Unnamed);
  });

  it("narrows in a catch and names a type, as a class declaration does", () => {
    let caught: NoSuchThing | undefined;
    try {
      throw new NoSuchThing("t-2", a404());
    } catch (e) {
      if (e instanceof NoSuchThing) {
        expectTypeOf(e).toEqualTypeOf<NoSuchThing>();
        expectTypeOf(e.thing).toEqualTypeOf<string>();
        expectTypeOf(e.status).toEqualTypeOf<number>();
        caught = e;
      }
    }
    expect(caught?.thing).toBe("t-2");
    const other = new NoSuchOther("o", a404());
    expectTypeOf(other.id).toEqualTypeOf<string>();
    // @ts-expect-error a recipe class has only the field it was given
    expect(other.thing).toBeUndefined();
  });
});

describe("statusFailedError", () => {
  it("makes a ResourceFailed naming the resource, its status and the wanted one, reason redacted", () => {
    const r = { id: "v-1", status: "error" };
    const e = new ThingFailed(r, "available", undefined, `quota (token ${SECRET})`);
    expect(e).toBeInstanceOf(ThingFailed);
    expect(e).toBeInstanceOf(ResourceFailed);
    expect(e.name).toBe("ThingFailed");
    expect(e.message).toBe("Thing v-1 went to error while waiting for available: quota (token [REDACTED])");
    expect(e.resource).toBe(r);
    expect(e.value).toBe("error");
    expect(e.fault).toBe("quota (token [REDACTED])");
    expect(e.faultMessage).not.toContain(SECRET);
    expectTypeOf(e.resource).toEqualTypeOf<{ id: string; status: string }>();
  });

  it("redacts the fault object it carries, so logging the whole error prints no secret", () => {
    const fault = { code: 500, message: `boot failed, adminPass ${SECRET}`, details: [`token ${SECRET}`] };
    const e = new ResourceFailed({ resource: { id: "s-1" }, value: "ERROR", fault });
    for (const form of [inspect(e, { depth: 6 }), JSON.stringify(e), JSON.stringify(e.fault)]) expect(form).not.toContain(SECRET);
    expect(e.fault).toEqual({ code: 500, message: "boot failed, adminPass [REDACTED]", details: ["token [REDACTED]"] });
    expect(fault.message).toContain(SECRET);
  });

  it("takes another kind for the message, and the failed status when the resource has none", () => {
    const e = new ThingFailed({ id: "b-1" }, "COMPLETED", "Backup");
    expect(e.message).toBe("Backup b-1 went to ERROR while waiting for COMPLETED");
    expect(e.value).toBe("ERROR");
    expect(e.fault).toBeUndefined();
  });
});

describe("namedError", () => {
  it("is its parent under its own name, with the parent's first argument given", () => {
    const from = a404();
    const e = new NoSuchGadget("g-1", from);
    expect(e).toBeInstanceOf(NoSuchGadget);
    expect(e).toBeInstanceOf(NoSuchKindOfThing);
    expect(e).toBeInstanceOf(NotFound);
    expect(new NoSuchKindOfThing("widget", "w", from)).not.toBeInstanceOf(NoSuchGadget);
    expect(e.name).toBe("NoSuchGadget");
    expect(NoSuchGadget.errorName).toBe("NoSuchGadget");
    expect(e.kind).toBe("gadget");
    expect(e.id).toBe("g-1");
    expect(e.serverMessage).toBe("No such gadget: g-1");
    expect(e.cause).toBe(from);
    const hand = new HandNoSuchGadget("g-1", from);
    expect(Object.keys(e)).toEqual(Object.keys(hand));
    expect(Object.getOwnPropertySymbols(e).map(String)).toEqual(Object.getOwnPropertySymbols(hand).map(String));
    expect(JSON.stringify(e)).toBe(JSON.stringify(hand));
    expect(printed(e)).toBe(printed(hand));
    expect(hand).toBeInstanceOf(NoSuchGadget);
  });

  it("without a first argument keeps the parent's constructor", () => {
    const e = new GadgetFailed({ resource: { id: "g" }, value: "ERROR" });
    expect(e.name).toBe("GadgetFailed");
    expect(e.message).toBe("status became ERROR");
    expect(e).toBeInstanceOf(ResourceFailed);
    expect(new ResourceFailed({ resource: {}, value: "x" })).not.toBeInstanceOf(GadgetFailed);
  });

  it("types the subclass as its parent, less the argument it gives", () => {
    const e = new NoSuchGadget("g", a404());
    expectTypeOf(e).toMatchTypeOf<NoSuchKindOfThing>();
    expectTypeOf(e.kind).toEqualTypeOf<"gadget" | "widget">();
    expectTypeOf<ConstructorParameters<typeof NoSuchGadget>>().toEqualTypeOf<[id: string, from: HttpError]>();
    // @ts-expect-error the kind is given by the recipe, not by the caller
    expect(() => new NoSuchGadget("gadget", "g", a404())).toBeDefined();
  });
});

describe("notUniqueError", () => {
  class GadgetNameNotUnique extends notUniqueError("GadgetNameNotUnique", "gadgetName", "gadgets are named") {}
  class HandGadgetNameNotUnique extends RaxError {
    static override readonly errorName: string = "GadgetNameNotUnique";
    constructor(
      readonly gadgetName: string,
      readonly ids: string[],
    ) {
      super(`${ids.length} gadgets are named ${JSON.stringify(gadgetName)}; pass an id instead (${ids.join(", ")})`);
    }
  }

  it("names the value looked for, how many rows matched and their ids", () => {
    const e = new GadgetNameNotUnique("web", ["g-1", "g-2"]);
    expect(e.message).toBe('2 gadgets are named "web"; pass an id instead (g-1, g-2)');
    expect(e.gadgetName).toBe("web");
    expect(e.ids).toEqual(["g-1", "g-2"]);
    expect(e.name).toBe("GadgetNameNotUnique");
    expect(e).toBeInstanceOf(RaxError);
    expect(e).not.toBeInstanceOf(NoUniqueMatch);
    expectTypeOf(e.gadgetName).toEqualTypeOf<string>();
    expectTypeOf(e.ids).toEqualTypeOf<string[]>();
  });

  it("prints and serialises as the hand-written class did", () => {
    const made = new GadgetNameNotUnique("web", ["g-1", "g-2"]);
    const hand = new HandGadgetNameNotUnique("web", ["g-1", "g-2"]);
    expect(Object.keys(made)).toEqual(Object.keys(hand));
    expect(JSON.stringify(made)).toBe(JSON.stringify(hand));
    expect(printed(made)).toBe(printed(hand));
    expect(hand).toBeInstanceOf(GadgetNameNotUnique);
    expect(made).toBeInstanceOf(HandGadgetNameNotUnique);
  });
});

describe("NoUniqueMatch", () => {
  it("names how many rows matched and their ids", () => {
    const e = new NoUniqueMatch("servers", ["a", "b"]);
    expect(e.message).toBe("2 servers match; pass an id instead (a, b)");
    expect(e.name).toBe("NoUniqueMatch");
    expect(e.what).toBe("servers");
    expect(e.ids).toEqual(["a", "b"]);
    expect(e).toBeInstanceOf(RaxError);
  });
});

describe("two copies of core and of a service package", () => {
  let dir: string;
  let copy: typeof import("../src/index");
  beforeAll(async () => {
    // A real second copy: core bundled on its own, as a second install would be.
    dir = await mkdtemp(join(tmpdir(), "rax-error-recipes-"));
    const outfile = join(dir, "core-copy.mjs");
    await build({ entryPoints: [fileURLToPath(new URL("../src/index.ts", import.meta.url))], bundle: true, format: "esm", platform: "node", outfile, logLevel: "silent", external: ["undici"] });
    copy = (await import(pathToFileURL(outfile).href)) as typeof import("../src/index");
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("a recipe class from one copy recognises the other copy's errors and the other way round", () => {
    expect(copy.NotFound).not.toBe(NotFound);
    class CopyNoSuchThing extends copy.notFoundError("NoSuchThing", "thing", "thing") {}
    class CopyThingFailed extends copy.statusFailedError("ThingFailed", "Thing", "ERROR") {}
    const foreign = new CopyNoSuchThing("t", a404());
    const local = new NoSuchThing("t", a404());
    expect(foreign).toBeInstanceOf(NoSuchThing);
    expect(foreign).toBeInstanceOf(NotFound);
    expect(foreign).not.toBeInstanceOf(NoSuchOther);
    expect(local).toBeInstanceOf(CopyNoSuchThing);
    expect(local).toBeInstanceOf(copy.NotFound);
    expect(local).not.toBeInstanceOf(CopyThingFailed);
    expect(new CopyThingFailed({ id: "x" }, "ACTIVE")).toBeInstanceOf(ThingFailed);
    expect(new ThingFailed({ id: "x" }, "ACTIVE")).toBeInstanceOf(CopyThingFailed);
    expect(new copy.NoUniqueMatch("x", [])).toBeInstanceOf(NoUniqueMatch);
    class CopyGadgetFailed extends copy.namedError(copy.ResourceFailed, "GadgetFailed") {}
    expect(new CopyGadgetFailed({ resource: {}, value: "x" })).toBeInstanceOf(GadgetFailed);
    expect(new GadgetFailed({ resource: {}, value: "x" })).toBeInstanceOf(CopyGadgetFailed);
    expect(new GadgetFailed({ resource: {}, value: "x" })).toBeInstanceOf(copy.ResourceFailed);
    expect(foreign.name).toBe("NoSuchThing");
    expect(printed(foreign)).toBe(printed(local));
  });
});
