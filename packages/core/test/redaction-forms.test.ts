import { describe, expect, it } from "vitest";
import { HttpError, InvalidResponse, errorFromResponse, redact, registerSecret, unregisterSecret } from "../src/index";

describe("session secrets never age out of the redaction list", () => {
  it("an API key registered first is still masked after 2000 temp-URL signatures", () => {
    const apiKey = "api-key-0123456789abcdef";
    registerSecret(apiKey);
    for (let i = 0; i < 2000; i++) registerSecret(`sig-${i.toString(16).padStart(40, "0")}`, "ephemeral");
    expect(redact(`key ${apiKey}`)).toBe("key [REDACTED]");
    // the newest signatures are still masked; the oldest ephemeral ones made room
    expect(redact(`sig-${(1999).toString(16).padStart(40, "0")}`)).toBe("[REDACTED]");
    expect(redact(`sig-${(0).toString(16).padStart(40, "0")}`)).not.toBe("[REDACTED]");
    unregisterSecret(apiKey);
    expect(redact(`key ${apiKey}`)).toBe(`key ${apiKey}`);
  });

  it("registering a session secret again as ephemeral does not demote it", () => {
    const key = "temp-url-key-that-is-also-used-per-url";
    registerSecret(key);
    registerSecret(key, "ephemeral");
    for (let i = 0; i < 600; i++) registerSecret(`other-${i}-xxxxxxxx`, "ephemeral");
    expect(redact(key)).toBe("[REDACTED]");
    unregisterSecret(key);
  });
});

describe("every encoded form of a registered secret is masked", () => {
  const password = 'pa"ss\\wörd/+ 1';
  it("JSON-escaped, URL-encoded (upper, lower, form) and base64", () => {
    registerSecret(password);
    const forms = [
      JSON.stringify({ password: "x", note: password }),
      JSON.stringify(JSON.stringify({ note: password })),
      encodeURIComponent(password),
      encodeURIComponent(password).toLowerCase(),
      encodeURIComponent(password).replace(/%20/g, "+"),
      Buffer.from(password).toString("base64"),
      Buffer.from(password).toString("base64url"),
    ];
    for (const text of forms) {
      const out = redact(`before ${text} after`);
      expect(out, text).toContain("[REDACTED]");
      expect(out, text).not.toContain("ss\\\\w");
      expect(out).toMatch(/^before .*after$/);
    }
    unregisterSecret(password);
  });

  it("base64 of user:password (Basic auth echoed in a body) at any alignment", () => {
    const pw = "correct-horse-battery";
    registerSecret(pw);
    for (const user of ["a", "ab", "abc", "alice"]) {
      const b64 = Buffer.from(`${user}:${pw}`).toString("base64");
      const out = redact(`echo: Basic ${b64}`);
      expect(out, user).toContain("[REDACTED]");
      // what is left around the mask cannot give the password back
      const rest = out.replace("echo: Basic ", "").split("[REDACTED]").join("");
      expect(Buffer.from(rest, "base64").toString("latin1")).not.toContain("horse");
    }
    unregisterSecret(pw);
  });

  it("err.body keeps no JSON-escaped password from a server's error body", () => {
    const pw = 'quote"and\\slash-pw';
    registerSecret(pw);
    const body = JSON.stringify({ badRequest: { code: 400, message: `password ${pw} is wrong`, echo: { given: pw } } });
    const err = errorFromResponse({ status: 400, headers: { "x-echo": pw }, body: Buffer.from(body), method: "POST", url: "http://127.0.0.1/tokens" });
    const shown = JSON.stringify({ message: err.message, body: err.body, headers: err.headers, server: err.serverMessage });
    expect(shown).not.toContain("and\\\\slash");
    expect(shown).not.toContain("and\\slash");
    expect((err.body as { badRequest: { echo: { given: string } } }).badRequest.echo.given).toBe("[REDACTED]");
    unregisterSecret(pw);
  });
});

describe("the request id is masked in errors as in the debug log", () => {
  it("a token echoed in X-Trans-Id does not reach err.message or err.requestId", () => {
    const token = "gAAAAA-token-echoed-in-trans-id";
    registerSecret(token);
    const err = errorFromResponse({ status: 500, headers: { "x-trans-id": `tx-${token}` }, body: "oops", method: "GET", url: "http://127.0.0.1/x" });
    expect(err).toBeInstanceOf(HttpError);
    expect(err.message).not.toContain(token);
    expect(err.requestId).not.toContain(token);
    expect(err.message).toContain("Request-ID: tx-[REDACTED]");
    const inv = new InvalidResponse({ status: 200, method: "GET", url: "u", snippet: "", requestId: token }, "bad");
    expect(inv.requestId).toBe("[REDACTED]");
    unregisterSecret(token);
  });
});
