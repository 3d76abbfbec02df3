import { InvalidResponse, type RaxResponse } from "@rax/core";
import { describe, expect, it } from "vitest";
import { parseV2Access, parseV3Token } from "../src/auth-result";

// zod/mini loads no locale: a schema parsed with its own `safeParse` says only "Invalid input". Nothing in
// this process imports classic zod (which would set English globally), so this fails if the parse of a
// token body skips core's `parseSchema`.
describe("a token body of the wrong shape", () => {
  const res = { status: 200, method: "POST", url: "http://127.0.0.1:1/v2.0/tokens", requestId: undefined, headers: { "x-subject-token": "tok" } } as unknown as RaxResponse;

  const refusal = async (parse: () => Promise<unknown>): Promise<InvalidResponse> => {
    try {
      await parse();
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidResponse);
      return e as InvalidResponse;
    }
    return expect.fail("expected an InvalidResponse");
  };

  it("v2.0: names the field and says in English what was expected", async () => {
    const e = await refusal(() => parseV2Access(res, { access: { token: { id: 42 } } }));
    expect(e.path).toBe("access.token.id");
    expect(e.message).toContain("Unexpected identity response at access.token.id: Invalid input: expected string, received number");
  });

  it("v3: names the field and says in English what was expected", async () => {
    const e = await refusal(() => parseV3Token(res, { token: { roles: "admin" } }));
    expect(e.path).toBe("token.roles");
    expect(e.message).toContain("Invalid input: expected array, received string");
  });
});
