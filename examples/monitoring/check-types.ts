// "Check Types": every check type and the `details` fields each takes (remote.http: only url is required).
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { monitoring } from "./setup";

export async function main(target: ExampleTarget): Promise<{ count: number; httpRequired: string[] }> {
  // pyrax: chk_types = cm.list_check_types()
  const types = await monitoring(target).checkTypes.list().toArray();
  for (const t of types) console.log(`<CloudMonitorCheckType id=${t.id}, fields=${t.fields.length}>`);
  const http = types.find((t) => t.id === "remote.http")!;
  console.log(http.fields);
  return { count: types.length, httpRequired: http.requiredFields };
}

if (isMain(import.meta.url)) await runStandalone(main);
