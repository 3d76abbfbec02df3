import { describe, expect, it, vi } from "vitest";
import {
  BadRequest,
  Conflict,
  Forbidden,
  HttpError,
  NotFound,
  OverLimit,
  RaxError,
  ServerError,
  TimeoutError,
  Unauthorized,
  UnprocessableEntity,
  ValidationError,
  WaitTimeout,
  errorFromResponse,
  isRaxError,
} from "../src/index";

const base = { method: "GET", url: "https://dns.example.com/v1.0/123/domains?temp_url_sig=abcdef123456" };

function err(status: number, body: unknown, headers: Record<string, string> = {}) {
  return errorFromResponse({ ...base, status, body, headers });
}

describe("errorFromResponse: status → class", () => {
  it.each([
    [400, BadRequest],
    [401, Unauthorized],
    [403, Forbidden],
    [404, NotFound],
    [409, Conflict],
    [422, UnprocessableEntity],
    [413, OverLimit],
    [429, OverLimit],
    [500, ServerError],
    [503, ServerError],
  ])("%i → %o", (status, cls) => {
    const e = err(status, "");
    expect(e).toBeInstanceOf(cls);
    expect(e).toBeInstanceOf(HttpError);
    expect(e).toBeInstanceOf(RaxError);
    expect(e.status).toBe(status);
  });

  it("other statuses are plain HttpError", () => {
    for (const status of [405, 418, 498]) {
      const e = err(status, { message: "nope", code: status });
      expect(e.constructor).toBe(HttpError);
      expect(e).not.toBeInstanceOf(BadRequest);
    }
  });

  it("422 (Trove's unprocessableEntity wrapper) is UnprocessableEntity with Trove's message and fault name", () => {
    const message = "Instance 5f0c is not currently available for an action to be performed (task status was REBOOTING).";
    const e = err(422, { unprocessableEntity: { code: 422, message } });
    expect(e).toBeInstanceOf(UnprocessableEntity);
    expect(e).not.toBeInstanceOf(BadRequest);
    expect(e).not.toBeInstanceOf(Conflict);
    expect(e.name).toBe("UnprocessableEntity");
    expect(e.serverMessage).toBe(message);
    expect(e.code).toBe("unprocessableEntity");
    // The brand lets a second copy of @rax/core recognise it.
    expect((e as unknown as Record<symbol, unknown>)[Symbol.for("rax.error.UnprocessableEntity")]).toBe(true);
  });
});

describe("errorFromResponse: message extraction per service body shape", () => {
  it("Nova/Trove/Cinder first-key wrapper", () => {
    const e = err(409, { buildInProgress: { code: 409, message: "Cannot resize while building", details: "later" } });
    expect(e.serverMessage).toBe("Cannot resize while building");
    expect(e.details).toBe("later");
    expect(e.code).toBe("buildInProgress");
  });
  it("Identity v2 wrapper", () => {
    expect(err(401, '{"unauthorized":{"code":401,"message":"Username or api key is invalid."}}').serverMessage).toBe("Username or api key is invalid.");
  });
  it("Keystone v3 error.message", () => {
    const e = err(401, { error: { code: 401, message: "The request you have made requires authentication.", title: "Unauthorized" } });
    expect(e.serverMessage).toBe("The request you have made requires authentication.");
  });
  it("Autoscale error.type becomes the code", () => {
    const e = err(404, { error: { type: "NoSuchScalingGroupError", code: 404, message: "Group abc not found", details: "" } });
    expect(e.serverMessage).toBe("Group abc not found");
    expect(e.code).toBe("NoSuchScalingGroupError");
  });
  it("flat DNS / CLB message", () => {
    const e = err(422, { message: "Load Balancer '1' has a status of 'PENDING_UPDATE' and is considered immutable.", code: 422 });
    expect(e.serverMessage).toMatch(/immutable/);
  });
  it("DNS validationErrors.messages (which pyrax lost)", () => {
    const e = err(400, { validationErrors: { messages: ["Domain name is invalid", "TTL too low"] }, code: 400 });
    expect(e.serverMessage).toBe("Domain name is invalid; TTL too low");
  });
  it("CLB validation with a message keeps both", () => {
    const e = err(400, { validationErrors: { messages: ["port must be set"] }, message: "Validation Failure", code: 400 });
    expect(e.serverMessage).toBe("Validation Failure: port must be set");
  });
  it("CLB schema message as an array", () => {
    expect(err(400, { message: ["JSON does not match the expected schema"] }).serverMessage).toBe("JSON does not match the expected schema");
  });
  it("Monitoring flat body with type and txnId", () => {
    const e = err(404, { type: "notFoundError", code: 404, message: "Object does not exist", details: "Object en123 does not exist", txnId: ".rh-abc" });
    expect(e.serverMessage).toBe("Object does not exist");
    expect(e.code).toBe("notFoundError");
    expect(e.requestId).toBe(".rh-abc");
  });
  it("Queues title + description", () => {
    const e = err(400, { title: "Unsupported limit", description: "The value of limit must be at most 20.", code: 1092 });
    expect(e.serverMessage).toBe("Unsupported limit: The value of limit must be at most 20.");
    expect(e.code).toBe(1092);
  });
  it("Swift HTML body is stripped to text", () => {
    const e = err(404, "<html><h1>Not Found</h1><p>The resource could not be found.</p></html>");
    expect(e.serverMessage).toBe("Not Found The resource could not be found.");
  });
  it("Glance text body is trimmed and long text truncated", () => {
    expect(err(404, "404 Not Found\n\nThe resource could not be found.\n\n   ").serverMessage).toBe("404 Not Found The resource could not be found.");
    const long = err(500, "x".repeat(5000)).serverMessage;
    expect(long.length).toBeLessThanOrEqual(301);
  });
  it("webob's JSON message (Glance, Trove) loses its <br /><br /> and trailing newlines", () => {
    const e = err(404, { code: "404 Not Found", message: "No image found with ID 5f1c.<br /><br />\n\n\n", title: "Not Found" });
    expect(e.serverMessage).toBe("No image found with ID 5f1c.");
    expect(e.message).toMatch(/^No image found with ID 5f1c\. \(HTTP 404; /);
    // The body is kept as the server sent it.
    expect((e.body as { message: string }).message).toBe("No image found with ID 5f1c.<br /><br />\n\n\n");
  });
  it("a message spread over lines becomes one line; text that only looks like a tag stays", () => {
    const e = err(400, { badRequest: { code: 400, message: "Invalid input for field/attribute name.\n  Value: x.\t'x' does not match '^(?! )[a-z]+(?<! )$' or <name>\n" } });
    expect(e.serverMessage).toBe("Invalid input for field/attribute name. Value: x. 'x' does not match '^(?! )[a-z]+(?<! )$' or <name>");
  });
  it("webob's text body keeps its words and loses its markup", () => {
    expect(err(400, "400 Bad Request\n\nProvided object does not match schema 'image'<br /><br />\n\n\n").serverMessage).toBe(
      "400 Bad Request Provided object does not match schema 'image'",
    );
  });
  it("an HTML error page reads as its body, without the title it repeats", () => {
    const page = "<html>\n <head>\n  <title>404 Not Found</title>\n </head>\n <body>\n  <h1>404 Not Found</h1>\n  No image found with ID 5f1c.<br /><br />\n\n\n\n </body>\n</html>";
    expect(err(404, page).serverMessage).toBe("404 Not Found No image found with ID 5f1c.");
    expect(err(503, "<html><head><title>Service Unavailable</title></head><body></body></html>").serverMessage).toBe("Service Unavailable");
  });
  it("a secret in a message with markup is still redacted", () => {
    const e = err(400, { message: "bad header X-Auth-Token: gAAAAABsecretsecretsecret<br /><br />\n" });
    expect(e.serverMessage).not.toContain("gAAAAABsecretsecretsecret");
    expect(JSON.stringify(e.body)).not.toContain("gAAAAABsecretsecretsecret");
  });
  it("empty body gets a default message", () => {
    expect(err(404, "").serverMessage).toBe("Not found");
    expect(err(401, new Uint8Array()).serverMessage).toBe("Unauthorized");
    expect(err(502, undefined).serverMessage).toBe("Bad Gateway");
  });
  it("bytes bodies are decoded", () => {
    expect(err(400, new TextEncoder().encode('{"badRequest":{"message":"bad flavor"}}')).serverMessage).toBe("bad flavor");
  });
  it("request ids come from the OpenStack/Swift headers", () => {
    expect(err(500, "", { "x-openstack-request-id": "req-os" }).requestId).toBe("req-os");
    expect(err(500, "", { "x-trans-id": "tx123" }).requestId).toBe("tx123");
    expect(err(500, "", { "x-request-id": "r1" }).requestId).toBe("r1");
  });
  it("OverLimit carries the retry hint in ms (Retry-After / Reply-After)", () => {
    expect((err(429, "", { "retry-after": "7" }) as OverLimit).retryAfter).toBe(7000);
    expect((err(413, "", { "reply-after": "2" }) as OverLimit).retryAfter).toBe(2000);
  });
  it("message names status, method and the redacted URL", () => {
    const e = err(404, { itemNotFound: { message: "gone" } }, { "x-compute-request-id": "req-9" });
    expect(e.message).toBe("gone (HTTP 404; GET https://dns.example.com/v1.0/123/domains?temp_url_sig=[REDACTED]) (Request-ID: req-9)");
    expect(e.url).not.toContain("abcdef123456");
    expect(e.method).toBe("GET");
    expect(e.attempts).toBe(1);
  });
});

describe("brand checks", () => {
  it("instanceof works across a second copy of the module", async () => {
    vi.resetModules();
    // @ts-expect-error the query suffix makes Vite load a second, independent module instance
    const copy = (await import("../src/errors?copy=2")) as typeof import("../src/errors");
    expect(copy.NotFound).not.toBe(NotFound);
    const foreign = new copy.NotFound({ status: 404, message: "x", method: "GET", url: "u" });
    expect(foreign).toBeInstanceOf(NotFound);
    expect(foreign).toBeInstanceOf(HttpError);
    expect(foreign).toBeInstanceOf(RaxError);
    expect(foreign).not.toBeInstanceOf(ServerError);
    expect(isRaxError(foreign)).toBe(true);
    const local = new ValidationError("name", "required");
    expect(local).toBeInstanceOf(copy.ValidationError);
    expect(local).not.toBeInstanceOf(copy.HttpError);
  });

  it("a plain object carrying the brand symbols counts; a plain Error does not", () => {
    const fake = { [Symbol.for("rax.error.RaxError")]: true, [Symbol.for("rax.error.TimeoutError")]: true };
    expect(fake).toBeInstanceOf(TimeoutError);
    expect(isRaxError(fake)).toBe(true);
    expect(new Error("x")).not.toBeInstanceOf(RaxError);
    expect(isRaxError(new Error("x"))).toBe(false);
    expect(isRaxError(null)).toBe(false);
  });

  it("service subclasses declare their own brand and inherit their parents'", () => {
    class NoSuchContainer extends NotFound {
      static override readonly errorName = "NoSuchContainer";
    }
    const e = new NoSuchContainer({ status: 404, message: "no container", method: "HEAD", url: "u" });
    expect(e).toBeInstanceOf(NoSuchContainer);
    expect(e).toBeInstanceOf(NotFound);
    expect(e.name).toBe("NoSuchContainer");
    expect(new NotFound({ status: 404, message: "x", method: "GET", url: "u" })).not.toBeInstanceOf(NoSuchContainer);
    class Unbranded extends RaxError {}
    expect(new Unbranded("x")).toBeInstanceOf(Unbranded);
    expect(new ValidationError("a", "b")).not.toBeInstanceOf(Unbranded);
  });

  it("WaitTimeout is a TimeoutError carrying the last resource", () => {
    const w = new WaitTimeout({ status: "BUILD" }, 3, "not yet");
    expect(w).toBeInstanceOf(TimeoutError);
    expect(w.last).toEqual({ status: "BUILD" });
    expect(w.name).toBe("WaitTimeout");
  });
});
