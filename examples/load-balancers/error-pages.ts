// "Error Pages": the default page, a custom one, cleared.
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { exampleLb, WAIT } from "./example-lb";

export async function main(target: ExampleTarget) {
  const lb = await exampleLb(target);
  const original = await lb.getErrorPage();
  console.log(original);
  const html = "<html><body>Sorry, something is amiss!</body></html>";
  await lb.setErrorPage(html).whenActive(WAIT);
  const custom = await lb.getErrorPage();
  await lb.clearErrorPage().whenActive(WAIT);
  const cleared = await lb.getErrorPage();
  await lb.delete();
  return { defaultShown: original.includes("Service Unavailable"), custom, backToDefault: cleared === original };
}

if (isMain(import.meta.url)) await runStandalone(main);
