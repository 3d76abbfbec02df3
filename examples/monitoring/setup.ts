// What several examples start from: an entity (the seed's "Create an Entity") and a check on it.
import { type Check, type Entity, Monitoring } from "@rax/monitoring";
import { exampleName } from "../lib/names";
import type { ExampleTarget } from "../lib/target";

export function monitoring({ ctx }: ExampleTarget): Monitoring {
  // Cloud Monitoring is global: no region (pyrax's "ALL").
  return ctx.client(Monitoring);
}

export async function exampleEntity(target: ExampleTarget): Promise<Entity> {
  return monitoring(target).entities.create({ name: exampleName("entity"), ipAddresses: { example: "192.0.2.34" }, metadata: { description: "Just a test entity" } });
}

export async function exampleCheck(entity: Entity, period = 60): Promise<Check> {
  return entity.createCheck({ label: exampleName("ping"), type: "remote.ping", monitoringZonesPoll: ["mzdfw"], targetAlias: "example", period, timeout: 30 });
}

/**
 * Checks report after each period. Against the emulator its clock moves forward; against a real
 * account this waits nothing, and the metrics may still be empty (as the seed warns).
 */
export function letChecksRun(target: ExampleTarget, ms: number): void {
  const emulator = (target as ExampleTarget & { emulator?: { state: { clock: { advance(ms: number): void } } } }).emulator;
  emulator?.state.clock.advance(ms);
}

/** Deletes what an example made: alarms, then checks, then the entity. */
export async function cleanUp(entity: Entity): Promise<void> {
  for (const a of await entity.listAlarms().toArray()) await a.delete();
  for (const c of await entity.listChecks().toArray()) await c.delete();
  await entity.delete();
}
