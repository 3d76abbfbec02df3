import type { MetricValue } from "./alarm-language";
import type { CheckTypeDef } from "./service-data";

// Deterministic check results: the same (check, zone, metric, run) always gives the same value,
// so data points and alarm states can be computed for any time range on the emulator's clock
// without storing samples. Values move run to run so alarms over them change state (changelogs).

function hash(s: string): number {
  // FNV-1a, 32 bits, then murmur3's finaliser.
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // FNV's last multiply barely moves the top bits when only the run number's last digit changes:
  // murmur3's finaliser mixes them, so consecutive runs are independent.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

/** A number in [0, 1) for this key. */
function unit(key: string): number {
  return hash(key) / 2 ** 32;
}

/** One run's metrics for a check from a zone (`zone` undefined for agent checks). */
export function sample(type: CheckTypeDef, checkId: string, zone: string | undefined, run: number): Record<string, MetricValue> {
  const key = (m: string) => `${checkId}|${zone ?? ""}|${m}|${run}`;
  // One run in 20 finds the target down.
  const up = unit(key("available")) >= 0.05;
  const out: Record<string, MetricValue> = {};
  for (const [name, kind] of Object.entries(type.metrics)) {
    const u = unit(key(name));
    if (name === "available") out[name] = up ? 100 : 0;
    else if (name === "code") out[name] = up ? "200" : "0";
    else if (kind === "s") out[name] = up ? "ok" : "";
    else if (!up && (name === "duration" || name === "average" || name.startsWith("tt_") || name === "rtt")) out[name] = 0;
    else if (name === "duration" || name === "rtt" || name.startsWith("tt_")) out[name] = 20 + Math.floor(u * 980);
    else if (name === "average" || name === "minimum" || name === "maximum") out[name] = Math.round((5 + u * 45) * 1000) / 1000;
    else if (name === "count") out[name] = 5;
    else if (name === "bytes") out[name] = 1000 + Math.floor(u * 9000);
    else if (kind === "L") out[name] = Math.floor(u * 2 ** 32);
    else out[name] = Math.round(u * 100 * 1000) / 1000;
  }
  return out;
}

/** `sample` as the test-check answer writes metrics: `{name: {type, data}}`. */
export function typedMetrics(type: CheckTypeDef, values: Record<string, MetricValue>): Record<string, { type: string; data: MetricValue }> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { type: type.metrics[k] ?? "n", data: v }]));
}
