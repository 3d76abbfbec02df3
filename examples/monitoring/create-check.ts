// "Create the Check": the seed's HTTP check every 15 minutes from Dallas, London and Sydney; a dry
// run first (pyrax test_only); the period/timeout/target rules refused before any request. The seed
// passes a URL as target_hostname, which the API takes as a hostname or IP address: rax sends the
// URL's host ("example.com").
import { ValidationError } from "@rax/core";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { cleanUp, exampleEntity } from "./setup";

export async function main(target: ExampleTarget): Promise<{ tested: string[]; period: number; zones: string[]; host: string; refused: string[] }> {
  const ent = await exampleEntity(target);
  const check = { label: "sample_check", type: "remote.http", details: { url: "http://example.com/some_page" }, period: 900, timeout: 20, monitoringZonesPoll: ["mzdfw", "mzlon", "mzsyd"], targetHostname: "http://example.com" };
  // pyrax: cm.create_check(ent, ..., test_only=True)
  const runs = await ent.createCheck({ ...check, test: true });
  for (const r of runs) console.log(r.monitoringZoneId, r.available ? "up" : "down", r.status);
  // pyrax: chk = cm.create_check(ent, label="sample_check", check_type="remote.http", details={...}, period=900, timeout=20, monitoring_zones_poll=[...], target_hostname="http://example.com")
  const chk = await ent.createCheck(check);
  console.log("Check:", chk);
  const refused: string[] = [];
  for (const bad of [{ period: 15 }, { timeout: 900 }, { targetAlias: "example" }]) {
    try {
      await ent.createCheck({ ...check, ...bad });
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      refused.push(e.field);
    }
  }
  await cleanUp(ent);
  return { tested: runs.map((r) => r.monitoringZoneId ?? ""), period: chk.period!, zones: chk.monitoringZonesPoll, host: chk.targetHostname ?? "", refused };
}

if (isMain(import.meta.url)) await runStandalone(main);
