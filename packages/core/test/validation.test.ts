import { describe, expect, it } from "vitest";
import * as z from "zod";
import { StaticSession, Transport, ValidationError, validate } from "../src/index";

describe("validate", () => {
  const schema = z.object({ name: z.string().min(1), metadata: z.record(z.string(), z.string()).optional(), nics: z.array(z.object({ uuid: z.string() })).optional() });

  it("returns the parsed value", () => {
    expect(validate(schema, { name: "web" }, "opts")).toEqual({ name: "web" });
  });

  it("names the field: argument prefix + zod issue path", () => {
    const e1 = (() => { try { validate(schema, { name: "" }, "opts"); } catch (e) { return e; } })();
    expect(e1).toBeInstanceOf(ValidationError);
    expect((e1 as ValidationError).field).toBe("opts.name");
    expect((e1 as ValidationError).message).toMatch(/^opts\.name: /);
    const e2 = (() => { try { validate(schema, { name: "a", nics: [{ uuid: 3 }] }, "opts"); } catch (e) { return e; } })();
    expect((e2 as ValidationError).field).toBe("opts.nics.0.uuid");
    const e3 = (() => { try { validate(z.string(), 5, "container"); } catch (e) { return e; } })();
    expect((e3 as ValidationError).field).toBe("container");
  });

  it("core's own inputs are validated before any request", async () => {
    expect(() => new StaticSession({ token: "", endpoint: "http://x" })).toThrow(ValidationError);
    const t = new Transport();
    await expect(t.request({ method: "GET", url: "not a url" })).rejects.toMatchObject({ field: "url" });
    await expect(t.request({ method: "GE T", url: "http://127.0.0.1:1/" })).rejects.toMatchObject({ field: "method" });
    expect(() => new Transport({ connections: 0 })).toThrow(ValidationError);
  });
});
