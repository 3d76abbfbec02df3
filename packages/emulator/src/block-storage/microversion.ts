import { badRequest, CinderFault } from "./cinder-errors";

/** The microversions this emulator's Cinder v3 answers to (real Cinder 2023.x: 3.0 – 3.70). */
export const MIN_MICROVERSION = "3.0";
export const MAX_MICROVERSION = "3.70";

/**
 * The request's `OpenStack-API-Version: volume X.Y` (3.0 without one; `latest` is the maximum).
 * A version outside 3.0 – 3.70 is 406, with the header echoed only when the major is 3 (as Cinder
 * does); a malformed one is 400.
 */
export function requestedMicroversion(request: Request): string {
  const header = request.headers.get("openstack-api-version");
  if (header === null) return MIN_MICROVERSION;
  const m = /^\s*volume\s+(\S+)\s*$/i.exec(header);
  // A header for another service is ignored, as Cinder ignores it.
  if (!m) return MIN_MICROVERSION;
  const asked = m[1]!;
  if (asked === "latest") return MAX_MICROVERSION;
  if (!/^\d+\.\d+$/.test(asked)) throw badRequest(`API Version String ${asked} is of invalid format. Must be of format MajorNum.MinorNum.`);
  const [major, minor] = asked.split(".").map(Number) as [number, number];
  const [, max] = MAX_MICROVERSION.split(".").map(Number) as [number, number];
  if (major !== 3 || minor > max) {
    const fault = new CinderFault(406, `Version ${asked} is not supported by the API. Minimum is ${MIN_MICROVERSION} and maximum is ${MAX_MICROVERSION}.`);
    if (major === 3) (fault as CinderFault & { microversion?: string }).microversion = `${major}.${minor}`;
    throw fault;
  }
  return `${major}.${minor}`;
}

/** Adds Cinder's microversion headers to a v3 answer. */
export function withMicroversion(res: Response, version: string): Response {
  res.headers.set("OpenStack-API-Version", `volume ${version}`);
  res.headers.set("Vary", "OpenStack-API-Version");
  return res;
}

/** The v3 entry of Cinder's version document (GET / and GET /v3/). */
export function v3VersionDoc(root: string) {
  return {
    id: "v3.0",
    status: "CURRENT",
    version: MAX_MICROVERSION,
    min_version: MIN_MICROVERSION,
    updated: "2022-08-31T00:00:00Z",
    links: [
      { rel: "describedby", type: "text/html", href: "https://docs.openstack.org/" },
      { rel: "self", href: `${root}/v3/` },
    ],
    "media-types": [{ base: "application/json", type: "application/vnd.openstack.volume+json;version=3" }],
  };
}
