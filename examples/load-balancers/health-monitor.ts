// "Health Monitors": get, a TCP CONNECT monitor, an HTTP one with the seed's parameters, delete.
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { exampleLb, WAIT } from "./example-lb";

export async function main(target: ExampleTarget) {
  const lb = await exampleLb(target);
  const none = await lb.getHealthMonitor();
  await lb.addHealthMonitor({ type: "CONNECT", delay: 10, timeout: 10, attemptsBeforeDeactivation: 3 }).whenActive(WAIT);
  const connect = await lb.getHealthMonitor();
  // The type must match the load balancer's protocol (HTTP here).
  await lb
    .addHealthMonitor({ type: "HTTP", delay: 10, timeout: 10, attemptsBeforeDeactivation: 3, path: "/", statusRegex: "^[234][0-9][0-9]$", bodyRegex: ".* testing .*", hostHeader: "example.com" })
    .whenActive(WAIT);
  const http = await lb.getHealthMonitor();
  console.log(http);
  await lb.deleteHealthMonitor().whenActive(WAIT);
  const after = await lb.getHealthMonitor();
  await lb.delete();
  return { none, connect: connect.type, http: http.type, after };
}

if (isMain(import.meta.url)) await runStandalone(main);
