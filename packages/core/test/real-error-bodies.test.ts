import { describe, expect, it } from "vitest";
import { errorFromResponse } from "../src/index";

// Error bodies as the real services on 127.0.0.1 sent them (Debian 12 packages: Glance 25.1.0, Trove 18.0.0,
// Cinder 21.3.1, Nova 26.2.2, Placement 8.0.0; curl, 2026-12-02), byte for byte: webob's JSON and HTML bodies
// (Glance, Trove), the first-key wrappers (Cinder, Nova, Trove's own 404) and the API working group's `errors` list.
const REAL = [
  { from: "glance-404-json", status: 404, contentType: "application/json", body: "{\"message\": \"No image found with ID 00000000-0000-0000-0000-000000000000<br /><br />\\n\\n\\n\", \"code\": \"404 Not Found\", \"title\": \"Not Found\"}" },
  { from: "glance-404-any", status: 404, contentType: "text/html; charset=UTF-8", body: "<html>\n <head>\n  <title>404 Not Found</title>\n </head>\n <body>\n  <h1>404 Not Found</h1>\n  No image found with ID 00000000-0000-0000-0000-000000000000<br /><br />\n\n\n\n </body>\n</html>" },
  { from: "glance-400-json", status: 400, contentType: "application/json", body: "{\"message\": \"Provided object does not match schema 'image': 'bogus' is not one of [None, 'ami', 'ari', 'aki', 'vhd', 'vhdx', 'vmdk', 'raw', 'qcow2', 'vdi', 'iso', 'ploop']\\n\\nFailed validating 'enum' in schema['properties']['disk_format']:\\n    {'description': 'Format of the disk',\\n     'enum': [None,\\n              'ami',\\n              'ari',\\n              'aki',\\n              'vhd',\\n              'vhdx',\\n              'vmdk',\\n              'raw',\\n              'qcow2',\\n              'vdi',\\n              'iso',\\n              'ploop'],\\n     'type': ['null', 'string']}\\n\\nOn instance['disk_format']:\\n    'bogus'<br /><br />\\n\\n\\n\", \"code\": \"400 Bad Request\", \"title\": \"Bad Request\"}" },
  { from: "glance-400-sortkey", status: 400, contentType: "application/json", body: "{\"message\": \"Invalid sort key: bogus. It must be one of the following: name, status, container_format, disk_format, size, id, created_at, updated_at.<br /><br />\\n\\n\\n\", \"code\": \"400 Bad Request\", \"title\": \"Bad Request\"}" },
  { from: "glance-403-member", status: 403, contentType: "application/json", body: "{\"message\": \"Not allowed to create members for image e3dcdfaf-85ff-46cf-a6b9-d3d169b2df19.<br /><br />\\n\\n\\n\", \"code\": \"403 Forbidden\", \"title\": \"Forbidden\"}" },
  { from: "trove-400-malformed", status: 400, contentType: "application/json", body: "{\"message\": \"Malformed request body<br /><br />\\n\\n\\n\", \"code\": \"400 Bad Request\", \"title\": \"Bad Request\"}" },
  { from: "cinder-404", status: 404, contentType: "application/json", body: "{\"itemNotFound\": {\"code\": 404, \"message\": \"Volume 00000000-0000-0000-0000-000000000000 could not be found.\"}}" },
  { from: "cinder-400", status: 400, contentType: "application/json", body: "{\"badRequest\": {\"code\": 400, \"message\": \"Invalid input for field/attribute size. Value: -1. -1 is less than the minimum of 1\"}}" },
  { from: "nova-404", status: 404, contentType: "application/json; charset=UTF-8", body: "{\"itemNotFound\": {\"code\": 404, \"message\": \"Instance 00000000-0000-0000-0000-000000000000 could not be found.\"}}" },
  { from: "nova-400", status: 400, contentType: "application/json; charset=UTF-8", body: "{\"badRequest\": {\"code\": 400, \"message\": \"An invalid 'name' value was provided. The name must be: printable characters. Can not start or end with whitespace.\"}}" },
  { from: "placement-403", status: 403, contentType: "application/json", body: "{\"errors\": [{\"status\": 403, \"title\": \"Forbidden\", \"detail\": \"Access was denied to this resource.\\n\\n Policy does not allow placement:resource_providers:show to be performed.  \", \"request_id\": \"req-ac37cffe-3915-49da-a67b-bfdd68376945\"}]}" },
] as const;

const MESSAGES: Record<(typeof REAL)[number]["from"], string> = {
  "glance-404-json": "No image found with ID 00000000-0000-0000-0000-000000000000",
  "glance-404-any": "404 Not Found No image found with ID 00000000-0000-0000-0000-000000000000",
  "glance-400-json":
    "Provided object does not match schema 'image': 'bogus' is not one of [None, 'ami', 'ari', 'aki', 'vhd', 'vhdx', 'vmdk', 'raw', 'qcow2', 'vdi', 'iso', 'ploop']",
  "glance-400-sortkey": "Invalid sort key: bogus. It must be one of the following: name, status, container_format, disk_format, size, id, created_at, updated_at.",
  "glance-403-member": "Not allowed to create members for image e3dcdfaf-85ff-46cf-a6b9-d3d169b2df19.",
  "trove-400-malformed": "Malformed request body",
  "cinder-404": "Volume 00000000-0000-0000-0000-000000000000 could not be found.",
  "cinder-400": "Invalid input for field/attribute size. Value: -1. -1 is less than the minimum of 1",
  "nova-404": "Instance 00000000-0000-0000-0000-000000000000 could not be found.",
  "placement-403": "Forbidden: Access was denied to this resource. Policy does not allow placement:resource_providers:show to be performed.",
  "nova-400": "An invalid 'name' value was provided. The name must be: printable characters. Can not start or end with whitespace.",
};

describe("messages from real OpenStack error bodies", () => {
  for (const r of REAL) {
    it(`${r.from}: one line of the server's words; the body as sent`, () => {
      const e = errorFromResponse({ status: r.status, headers: { "content-type": r.contentType }, body: new TextEncoder().encode(r.body), method: "GET", url: "http://127.0.0.1/x" });
      expect(e.serverMessage).toBe(MESSAGES[r.from]);
      expect(e.message).toBe(`${MESSAGES[r.from]} (HTTP ${r.status}; GET http://127.0.0.1/x)`);
      // What the server sent stays readable whole: parsed JSON, or the text.
      expect(e.body).toEqual(r.contentType.startsWith("application/json") ? JSON.parse(r.body) : r.body);
    });
  }
});
