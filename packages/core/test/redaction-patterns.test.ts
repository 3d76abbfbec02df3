import { describe, expect, it } from "vitest";
import { errorFromResponse, redact, redactHeaders, registerSecret, unregisterSecret } from "../src/index";

// Secrets rax never registered (a server's echo of another user's password, a token in a response
// read before identity registers it, a capability URL in a listing) are masked by their shape:
// where they sit in JSON, a Python repr, HTML, a form, XML, a multipart part or a header echo.

const S = "S3cr3t-VALUE-9f8e7d";

const SHAPES: Record<string, string> = {
  "form body, first field": `password=${S}&username=bob`,
  "form body, later field": `username=bob&password=${S}`,
  "form api_key": `username=bob&api_key=${S}`,
  "FormPost signature field": `redirect=&max_file_size=1&expires=1&signature=${S}`,
  "multipart FormPost signature part": `--xyz\r\nContent-Disposition: form-data; name="signature"\r\n\r\n${S}\r\n--xyz--\r\n`,
  "query password": `http://127.0.0.1/v1?password=${S}`,
  "fragment access_token": `http://127.0.0.1/cb#access_token=${S}&state=1`,
  "XML element": `<auth><passwordCredentials><password>${S}</password></passwordCredentials></auth>`,
  "XML namespaced element": `<rax:apiKey>${S}</rax:apiKey>`,
  "XML apiKey attribute": `<apiKeyCredentials xmlns="http://docs.rackspace.com/identity/api/ext/RAX-KSKEY/v1.0" username="u" apiKey="${S}"/>`,
  "XML password attribute, single quotes": `<passwordCredentials username='u' password='${S}'/>`,
  "XML token id": `<access><token expires="2030-01-01T00:00:00Z" id="${S}"/></access>`,
  "Authorization: Basic": `Authorization: Basic ${S}`,
  "Authorization: Bearer": `{"authorization": "Bearer ${S}"}`,
  "X-Storage-Pass (tempauth)": `X-Storage-Pass: ${S}`,
  "URL-Signature (Zaqar)": `URL-Signature: ${S}`,
  "header echoed as a JSON list": `{"X-Auth-Token": ["${S}"]}`,
  "Python repr of a dict": `Invalid request {'auth': {'password': '${S}'}}`,
  "JSON inside a JSON string": JSON.stringify({ message: JSON.stringify({ password: S }) }),
  "JSON inside a JSON string, a value holding quotes and backslashes": JSON.stringify({ message: JSON.stringify({ password: `a"b\\c'${S}` }) }),
  "JSON echoed in HTML": `<pre>{&quot;apiKey&quot;: &quot;${S}&quot;}</pre>`,
  "Keystone v3 original_password": `{"user": {"password": "x", "original_password": "${S}"}}`,
  "monitoring webhook_token": `{"id": "ac1", "webhook_token": "${S}"}`,
  "application credential secret": `{"application_credential": {"id": "a", "secret": "${S}"}}`,
  "private_key": `{"certificate": "c", "private_key": "${S}"}`,
  "Zaqar share signature": `{"project": "p", "signature": "${S}", "expires": "2030"}`,
  "token id after a nested tenant": `{"access": {"token": {"expires": "2030", "tenant": {"id": "t1", "name": "n"}, "id": "${S}"}}}`,
  "a token id cut short with its snippet": `{"access": {"token": {"expires": "2030", "id": "${S}`.slice(0, -4),
  "a password cut short with its snippet": `{"auth": {"passwordCredentials": {"username": "u", "password": "${S}`.slice(0, -4),
  "autoscale capability URL": `{"links": [{"href": "https://127.0.0.1/v1.0/execute/1/${S}/", "rel": "capability"}]}`,
  "monitoring webhook details.url, type first": `{"id": "nt1", "type": "webhook", "details": {"url": "https://hooks.example/${S}"}}`,
  "monitoring webhook details.url, type last": `{"id": "nt1", "details": {"url": "https://hooks.example/${S}"}, "label": "l", "type": "webhook"}`,
  "Keystone validation message (as real Keystone 400s a password it cannot take)": `Invalid input for field 'identity/password/user/password': '${S}' is too long\n\nFailed validating 'maxLength' in schema['properties']:\n    {'type': 'string'}\n\nOn instance['identity']['password']['user']['password']:\n    '${S}'`,
  "Keystone validation message inside its JSON body": JSON.stringify({ error: { code: 400, message: `Invalid input for field 'identity/password/user/password': '${S}' is too long\n\nOn instance['identity']['password']['user']['password']:\n    '${S}'`, title: "Bad Request" } }),
  "Nova validation message": `Invalid input for field/attribute adminPass. Value: ${S}. '${S}' is too short`,
};

describe("redact() masks secrets it was never told about, by their shape", () => {
  for (const [shape, text] of Object.entries(SHAPES)) {
    it(shape, () => {
      const out = redact(text);
      // no part of it either (a value cut short keeps only its start)
      expect(out).not.toContain(S.slice(0, 12));
      expect(out).not.toContain(S.slice(-12, -4));
      expect(out).toContain("[REDACTED]");
      // idempotent: a line redacted twice (transport, then a logger that redacts) reads the same
      expect(redact(out)).toBe(out);
    });
  }

  it("a body of backslashes after a secret key is read once, not once per way to split it", () => {
    // Before: 20 escaped backslashes after {\"password\": \" took 15 s (every split of the run was tried).
    for (const body of [`{\\"password\\": \\"${"\\\\".repeat(5000)}x tail`, `"password": "${"\\\\\\'".repeat(5000)}x tail`, `'token': {'id': '${"\\".repeat(20000)}`]) {
      const out = redact(body);
      expect(out).toContain("[REDACTED]");
      expect(out.length).toBeLessThan(body.length);
    }
  });

  it("leaves what is not a secret alone", () => {
    const plain = [
      "token expired, please authenticate again",
      '{"server": {"id": "abc-123", "name": "web"}}',
      '{"token_type": "bearer", "expires_in": 3600}',
      '{"type": "remote.http", "details": {"url": "http://example.com/health", "method": "GET"}}',
      "http://127.0.0.1/v1/AUTH_x/c/o?temp_url_expires=1700000000&multipart-manifest=get",
      "<container><name>photos</name><count>3</count></container>",
      "Authorization failed for user bob",
      "limit=10&marker=abc",
    ];
    for (const text of plain) expect(redact(text)).toBe(text);
  });

  it("masks the secret header names redactHeaders knows as whole values", () => {
    const shown = redactHeaders({ "x-storage-pass": S, "url-signature": S, "set-cookie": `sid=${S}`, "x-service-token": S, "content-type": "text/plain" });
    expect(JSON.stringify(shown)).not.toContain(S);
    expect(shown["content-type"]).toBe("text/plain");
  });
});

describe("registered secrets are masked in HTML-escaped form too", () => {
  it("a password with quotes, < and & echoed in an HTML error page does not reach err.body", () => {
    const pw = `p"w<'&>-${S}`;
    registerSecret(pw);
    try {
      const escaped = pw.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
      const page = `<html><body><h1>400 Bad Request</h1><p>You sent ${escaped}</p></body></html>`;
      const err = errorFromResponse({ status: 400, headers: { "content-type": "text/html" }, body: page, method: "POST", url: "http://127.0.0.1/x" });
      const shown = JSON.stringify({ message: err.message, body: err.body, stack: err.stack });
      expect(shown).not.toContain(escaped);
      expect(shown).not.toContain(S);
      expect(err.message).toContain("You sent [REDACTED]");
      // &#34; / &#39; (another escaper's spelling) too
      const numeric = pw.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&#34;").replace(/'/g, "&#39;");
      expect(redact(`got ${numeric}`)).toBe("got [REDACTED]");
    } finally {
      unregisterSecret(pw);
    }
  });
});

describe("a snippet cut from a body shows no start of a secret", () => {
  it("InvalidResponse for a token body whose id straddles the 200-character cut", async () => {
    const { createServer } = await import("node:http");
    const { inspect } = await import("node:util");
    const { Transport, InvalidResponse } = await import("../src/index");
    const token = `gAAAAA${S}${S}`;
    const prefix = `{"access": {"token": {"expires": "2030-01-01T00:00:00Z", "tenant": {"id": "t", "name": "${"n".repeat(60)}"}, "id": "`;
    const body = `${prefix.padEnd(190, " ")}${token}"}}, oops`;
    const srv = createServer((req, res) => {
      req.resume();
      res.writeHead(200, { "content-type": "application/json" });
      res.end(body);
    });
    await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
    const t = new Transport();
    try {
      const res = await t.request({ method: "POST", url: `http://127.0.0.1:${(srv.address() as { port: number }).port}/v2.0/tokens` });
      const e = await res.json().catch((x: unknown) => x);
      expect(e).toBeInstanceOf(InvalidResponse);
      expect(body.indexOf(token)).toBeLessThan(200);
      expect(body.indexOf(token) + token.length).toBeGreaterThan(200);
      for (const shown of [inspect(e, { depth: Infinity, showHidden: true }), JSON.stringify(e), String(e)]) expect(shown).not.toContain(token.slice(0, 10));
    } finally {
      await t.close();
      srv.close();
    }
  });
});

describe("Keystone's validation 400 keeps its JSON shape in err.body", () => {
  it("the refused password is masked in message and body, and the body is still an object", () => {
    const body = JSON.stringify({ error: { code: 400, message: `Invalid input for field 'identity/password/user/password': '${S}' is too long\n\nFailed validating 'maxLength' in schema:\n    {'type': 'string'}\n\nOn instance['identity']['password']['user']['password']:\n    '${S}'`, title: "Bad Request" } });
    const err = errorFromResponse({ status: 400, headers: { "content-type": "application/json" }, body, method: "POST", url: "http://127.0.0.1/v3/auth/tokens" });
    expect(JSON.stringify({ m: err.message, b: err.body })).not.toContain(S.slice(0, 12));
    expect(err.message).toContain("Invalid input for field 'identity/password/user/password': [REDACTED] is too long");
    expect((err.body as { error: { title: string } }).error.title).toBe("Bad Request");
  });
});
