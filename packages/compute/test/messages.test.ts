import { InvalidResponse, ValidationError } from "@rax/core";
import { describe, expect, it } from "vitest";
import { serve, wireServer } from "./fixture";

// The schemas are zod/mini, which loads no locale: parsed directly, every message would read
// "Invalid input". These pin that users still read zod's English wording, for bad arguments and for
// response bodies the package checks itself (the servers listing's hand-checked rows).

describe("messages stay English", () => {
  it("a bad argument names the field and says what was expected", async () => {
    const { nova, seen } = await serve();
    const e = await nova.servers.create({ name: "", image: "img-1", flavor: "general1-1" }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).field).toBe("server.name");
    expect((e as ValidationError).message).toContain("Too small: expected string to have >=1 characters");
    const n = await nova.servers.consoleOutput("srv-1", 1.5).catch((x: unknown) => x);
    expect((n as ValidationError).field).toBe("length");
    expect((n as ValidationError).message).toContain("Invalid input: expected int, received number");
    expect(seen).toHaveLength(0);
  });

  it("a listing row the fast check refuses is worded by the schema in English", async () => {
    const { nova } = await serve({ method: "GET", path: "/servers/detail", status: 200, body: { servers: [wireServer(), wireServer({ id: 42 })] } });
    const e = await nova.servers.list().toArray().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InvalidResponse);
    expect((e as InvalidResponse).message).toContain("at servers.1.id: Invalid input: expected string, received number");
  });
});
