// "Monitoring Zones": where remote checks run from; their ids go into monitoringZonesPoll.
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { monitoring } from "./setup";

export async function main(target: ExampleTarget): Promise<{ ids: string[]; hops: number }> {
  // pyrax: cm.list_monitoring_zones()
  const zones = await monitoring(target).zones.list().toArray();
  for (const z of zones) console.log(`<CloudMonitorZone country_code=${z.countryCode}, id=${z.id}, label=${z.label}, source_ips=${JSON.stringify(z.sourceIps)}>`);
  // Not in pyrax: the route from a zone to your server.
  const hops = await zones[0]!.traceroute({ target: "192.0.2.34" });
  return { ids: zones.map((z) => z.id), hops: hops.length };
}

if (isMain(import.meta.url)) await runStandalone(main);
