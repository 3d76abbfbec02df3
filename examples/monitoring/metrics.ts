// "Metrics": a check's metrics (empty until it has run), then their data points over an hour.
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { cleanUp, exampleCheck, exampleEntity, letChecksRun } from "./setup";

export async function main(target: ExampleTarget): Promise<{ before: string[]; after: string[]; points: number }> {
  const ent = await exampleEntity(target);
  const check = await exampleCheck(ent);
  // pyrax: check.list_metrics()
  const before = (await check.listMetrics().toArray()).map((m) => m.name);
  // The check's own clock: its creation time (the server's, which need not be this machine's).
  const start = check.created ?? Date.now();
  letChecksRun(target, 60 * 60_000);
  const after = (await check.listMetrics().toArray()).map((m) => m.name);
  console.log(after);
  // pyrax: cm.get_metric_data_points(ent, check, "mzdfw.average", start, end, points=12)
  const points = after.includes("mzdfw.average") ? await check.getDataPoints("mzdfw.average", { from: start, to: start + 60 * 60_000, points: 12, select: ["average", "max"] }) : [];
  for (const p of points) console.log(new Date(p.timestamp).toISOString(), p.average, p.max);
  await cleanUp(ent);
  return { before, after, points: points.length };
}

if (isMain(import.meta.url)) await runStandalone(main);
