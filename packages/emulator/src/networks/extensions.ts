import { jsonResponse } from "../respond";

/**
 * The Neutron API extensions the emulator implements (names and descriptions as Neutron 21 words them).
 * Clients probe `/extensions[/<alias>]` before optional features (`openstack port create` asks for
 * `tag-ports-during-bulk-creation`); an alias not listed is 404, so they leave the feature out.
 */
const EXTENSIONS = [
  { alias: "quotas", name: "Quota management support", description: "Expose functions for quotas management per project", updated: "2012-07-29T10:00:00-00:00" },
  { alias: "project-id", name: "project_id field enabled", description: "Extension that indicates that project_id field is enabled.", updated: "2016-09-09T09:09:09-09:09" },
  { alias: "standard-attr-description", name: "standard-attr-description", description: "Extension to add descriptions to standard attributes", updated: "2016-02-10T10:00:00-00:00" },
].map((e) => ({ ...e, links: [] }));

export function neutronExtensions(alias: string | undefined): Response {
  if (alias === undefined) return jsonResponse(200, { extensions: EXTENSIONS });
  const found = EXTENSIONS.find((e) => e.alias === alias);
  // Neutron raises webob's HTTPNotFound here, whose JSON page is not a NeutronError (checked against Neutron 21).
  if (!found) return jsonResponse(404, { message: `The resource could not be found.<br /><br />\nExtension with alias ${alias} does not exist\n\n`, code: "404 Not Found", title: "Not Found" });
  return jsonResponse(200, { extension: found });
}
