// "CDN Support": publish a container on Rackspace's CDN. (OpenStack Swift has no CDN.)
import { NoEndpointForService } from "@rax/core";
import { type CdnAttributes, ObjectStore } from "@rax/object-store";
import { exampleName } from "../lib/names";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";

export interface CdnResult {
  published?: CdnAttributes;
  publicContent?: string;
  listedAsPublic?: boolean;
  /** Log retention read back after turning it on. */
  logRetention?: boolean;
  afterPrivate?: CdnAttributes;
  /** Set when this cloud has no CDN service. */
  skipped?: string;
}

export async function main({ ctx, region }: ExampleTarget): Promise<CdnResult> {
  const cf = ctx.client(ObjectStore, { region });
  try {
    void cf.cdnEndpoint; // resolved from the catalog; throws when the cloud has no CDN
  } catch (e) {
    if (!(e instanceof NoEndpointForService)) throw e;
    console.log("This cloud has no CDN service; nothing to show.");
    return { skipped: e.message };
  }

  const name = exampleName("cdn");
  const cont = await cf.createContainer(name);
  try {
    await cont.storeObject("logo.txt", "pretend this is a logo");

    // TTL: how long edge servers cache an object (900 s … 1 year; default 72 h).
    await cont.makePublic({ ttl: 900 });
    const published = await cont.getCdnAttributes();
    console.log(`Public at ${published.cdnUri} (SSL: ${published.cdnSslUri}), TTL ${published.cdnTtl} s`);

    // Anyone can read it now, no token needed.
    const res = await fetch(`${published.cdnUri}/logo.txt`);
    const publicContent = await res.text();
    console.log(`Fetched through the CDN: HTTP ${res.status}`);

    const listedAsPublic = (await cf.listPublicContainers()).includes(name);

    // Keep the CDN's access logs in your account (only for a container on the CDN: a private one
    // throws NotCDNEnabled rather than being published by it).
    await cont.setCdnLogRetention(true);
    const logRetention = (await cont.getCdnAttributes()).cdnLogRetention;
    console.log(`CDN log retention: ${logRetention}`);

    // Purge removes an object from edge caches before its TTL runs out (rate-limited on Rackspace).
    await cont.purgeCdnObject("logo.txt");

    await cont.makePrivate();
    const afterPrivate = await cont.getCdnAttributes();
    console.log(`After makePrivate: CDN enabled = ${afterPrivate.cdnEnabled}`);
    return { published, publicContent, listedAsPublic, logRetention, afterPrivate };
  } finally {
    await cf.deleteContainer(name, { deleteObjects: true });
  }
}

if (isMain(import.meta.url)) await runStandalone(main);
