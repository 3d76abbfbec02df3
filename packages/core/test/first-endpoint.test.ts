import { describe, expect, it } from "vitest";
import { NoEndpointForService, RaxError, firstEndpoint, type AuthSession, type EndpointQuery } from "../src/index";

const session = (urls: Record<string, string>, fail?: Error): AuthSession =>
  ({
    endpoint(q: EndpointQuery) {
      if (fail) throw fail;
      const url = urls[q.type];
      if (url === undefined) throw new NoEndpointForService(q);
      return `${url}${q.region ? `#${q.region}` : ""}`;
    },
  }) as unknown as AuthSession;

describe("firstEndpoint()", () => {
  it("answers the first candidate the catalog has, without a trailing slash, with the query's region", () => {
    const s = session({ volume: "http://v1/", volumev3: "http://v3///" });
    expect(firstEndpoint(s, [{ type: "volumev3" }, { type: "volume" }], { region: "ORD" })).toBe("http://v3///#ORD");
    expect(firstEndpoint(s, [{ type: "block-storage" }, { type: "volume" }])).toBe("http://v1");
  });

  it("none listed: the last NoEndpointForService", () => {
    const e = (() => {
      try {
        return firstEndpoint(session({}), [{ type: "a" }, { type: "b" }]);
      } catch (err) {
        return err;
      }
    })();
    expect(e).toBeInstanceOf(NoEndpointForService);
    expect((e as NoEndpointForService).query.type).toBe("b");
  });

  it("any other error is thrown at once, not skipped", () => {
    const boom = new RaxError("not authenticated");
    expect(() => firstEndpoint(session({ b: "http://b" }, boom), [{ type: "a" }, { type: "b" }])).toThrow(boom);
  });
});
