// "Content Caching": lb.content_caching = True / False.
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { exampleLb, WAIT } from "./example-lb";

export async function main(target: ExampleTarget) {
  const lb = await exampleLb(target);
  await lb.setContentCaching(true).whenActive(WAIT);
  const on = await lb.getContentCaching();
  await lb.setContentCaching(false).whenActive(WAIT);
  const off = await lb.getContentCaching();
  console.log({ on, off });
  await lb.delete();
  return { on, off };
}

if (isMain(import.meta.url)) await runStandalone(main);
