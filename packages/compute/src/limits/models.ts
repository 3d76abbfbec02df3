import { lazy } from "@rax/core";
import * as z from "zod/mini";

const rateLimit = lazy(() => z.looseObject({
  verb: z.string(),
  value: z.number(),
  remaining: z.optional(z.number()),
  unit: z.string(),
  "next-available": z.optional(z.string()),
}));

export const limitsBody = lazy(() => z.looseObject({
  limits: z.looseObject({
    rate: z.optional(z.array(z.looseObject({ uri: z.optional(z.string()), regex: z.optional(z.string()), limit: z.array(rateLimit()) }))),
    absolute: z.optional(z.record(z.string(), z.number())),
  }),
}));

export interface RateLimit {
  uri?: string;
  regex?: string;
  verb: string;
  value: number;
  remaining?: number;
  /** MINUTE, HOUR, DAY. */
  unit: string;
  nextAvailable?: string;
}

export interface LimitsData {
  /** One row per verb and URI pattern. */
  rate: RateLimit[];
  /** Quotas and usage: `maxTotalInstances`, `totalRAMUsed`, `maxTotalKeypairs`, … */
  absolute: Record<string, number>;
}

export function toLimits(w: z.output<ReturnType<typeof limitsBody>>): LimitsData {
  const rate: RateLimit[] = [];
  for (const group of w.limits.rate ?? [])
    for (const l of group.limit)
      rate.push({
        ...(group.uri ? { uri: group.uri } : {}),
        ...(group.regex ? { regex: group.regex } : {}),
        verb: l.verb,
        value: l.value,
        ...(l.remaining !== undefined ? { remaining: l.remaining } : {}),
        unit: l.unit,
        ...(l["next-available"] ? { nextAvailable: l["next-available"] } : {}),
      });
  return { rate, absolute: w.limits.absolute ?? {} };
}
