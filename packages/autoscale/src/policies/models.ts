import { lazy } from "@rax/core";
import * as z from "zod/mini";
import { type WireLink, wireLink } from "../paging";
import { cooldownInput, nameInput } from "../ref";

export const wirePolicy = lazy(() =>
  z.looseObject({
    id: z.string(),
    name: z.optional(z.string()),
    type: z.optional(z.string()),
    cooldown: z.optional(z.number()),
    change: z.optional(z.number()),
    changePercent: z.optional(z.number()),
    desiredCapacity: z.optional(z.number()),
    args: z.optional(z.looseObject({ cron: z.optional(z.string()), at: z.optional(z.string()) })),
    links: z.optional(z.array(wireLink())),
  }),
);
export type WirePolicy = z.output<ReturnType<typeof wirePolicy>>;

export const policyBody = lazy(() => z.looseObject({ policy: wirePolicy() }));
export const policiesBody = lazy(() => z.looseObject({ policies: z.array(wirePolicy()), policies_links: z.optional(z.array(wireLink())) }));
/** A create's answer: the created policy (pyrax reads `policies[0]`). */
export const createdPoliciesBody = lazy(() => z.looseObject({ policies: z.tuple([wirePolicy()], z.unknown()) }));

/** What a policy does when it runs; exactly one of `change`, `changePercent`, `desiredCapacity`. */
export interface PolicyData {
  id: string;
  /** The scaling group the policy belongs to. */
  groupId: string;
  name: string;
  /** `webhook` (run by its webhooks or `execute()`) or `schedule` (run at `args.at` / by `args.cron`). */
  type: string;
  /** Seconds after this policy runs during which it will not run again. */
  cooldown: number;
  /** Servers to add (positive) or remove (negative). */
  change?: number;
  /** Percent of the desired capacity to add or remove. */
  changePercent?: number;
  /** The capacity to set. */
  desiredCapacity?: number;
  /** Schedule policies: `{ cron }` or `{ at }` (ISO 8601, UTC). */
  args?: { cron?: string; at?: string };
  links: WireLink[];
  /** Every field Otter sent, as sent. */
  raw: Record<string, unknown>;
}

export function toPolicy(groupId: string, w: WirePolicy): PolicyData {
  return {
    id: w.id,
    groupId,
    name: w.name ?? "",
    type: w.type ?? "",
    cooldown: w.cooldown ?? 0,
    ...(w.change !== undefined ? { change: w.change } : {}),
    ...(w.changePercent !== undefined ? { changePercent: w.changePercent } : {}),
    ...(w.desiredCapacity !== undefined ? { desiredCapacity: w.desiredCapacity } : {}),
    ...(w.args ? { args: { ...(w.args.cron !== undefined ? { cron: w.args.cron } : {}), ...(w.args.at !== undefined ? { at: w.args.at } : {}) } } : {}),
    links: w.links ?? [],
    raw: w,
  };
}

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;
/** Each cron field's bounds (minute, hour, day of month, month, day of week) and its names. */
type CronBound = readonly [min: number, max: number, names?: readonly string[]];
const CRON_BOUNDS: readonly CronBound[] = [
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12, ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]],
  [0, 7, ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]],
];

/** A five-field cron expression whose every item (`*`, `n`, `a-b`, with `/step`, comma lists) is in range. */
function isCron(expr: string): boolean {
  const fields = expr.trim().split(/\s+/);
  return fields.length === 5 && fields.every((f, i) => cronFieldOk(f, CRON_BOUNDS[i]!));
}

function cronFieldOk(field: string, [min, max, names]: CronBound): boolean {
  const num = (v: string) => {
    const n = names?.indexOf(v.toUpperCase()) ?? -1;
    if (n >= 0) return n + min;
    return /^\d+$/.test(v) ? Number(v) : Number.NaN;
  };
  return field.split(",").every((item) => {
    const [range = "", step] = item.split("/");
    if (step !== undefined && !/^[1-9]\d*$/.test(step)) return false;
    if (range === "*" || range === "?") return true;
    const [lo, hi] = range.split("-").map(num);
    if (lo === undefined || Number.isNaN(lo) || (hi !== undefined && Number.isNaN(hi))) return false;
    return lo >= min && lo <= max && (hi === undefined || (hi >= lo && hi <= max));
  });
}

const scheduleArgs = lazy(() =>
  z.strictObject({
    /** Five-field cron expression (minute hour day month weekday), UTC. */
    cron: z.optional(z.string().check(z.refine(isCron, "must be a five-field cron expression with each field in range (\"23 * * * *\")"))),
    /** One run at this instant, ISO 8601 in UTC (`2030-12-05T03:12:00Z`), in the future (Otter's `validate_datetime` refuses a past one). */
    at: z.optional(
      z.string().check(
        z.regex(ISO_UTC, "must be an ISO 8601 time in UTC (2030-12-05T03:12:00Z)"),
        z.refine((at) => !ISO_UTC.test(at) || Date.parse(at) > Date.now(), "must be in the future (Otter refuses a time that has passed)"),
      ),
    ),
  }),
);

const adjustment = lazy(() => ({
    /** Whole servers; a percentage (any number) with `isPercent`. */
    change: z.optional(z.number()),
    changePercent: z.optional(z.number()),
    desiredCapacity: z.optional(z.number().check(z.int("must be a whole number of servers"), z.gte(0))),
    /** pyrax's `is_percent`: read `change` as a percentage (sent as `changePercent`). */
    isPercent: z.optional(z.boolean()),
}));

const policyFields = lazy(() => ({
    name: nameInput(),
    /** `webhook` (default) or `schedule`. */
    type: z.optional(z.enum(["webhook", "schedule"])),
    cooldown: cooldownInput(),
    ...adjustment(),
    args: z.optional(scheduleArgs()),
}));

type Shape = { type?: string; change?: number; changePercent?: number; desiredCapacity?: number; isPercent?: boolean; args?: { cron?: string; at?: string } };

/** The rules Otter's policy schema enforces, checked before any request. */
function checkPolicy(p: Shape, ctx: z.core.$RefinementCtx): void {
  const given = (["change", "changePercent", "desiredCapacity"] as const).filter((k) => p[k] !== undefined);
  if (given.length !== 1)
    ctx.addIssue({ code: "custom", path: [given[1] ?? "change"], message: given.length ? `give only one of change, changePercent or desiredCapacity (got ${given.join(", ")})` : "a policy needs one of change, changePercent or desiredCapacity" });
  if (p.change !== undefined && !p.isPercent && !Number.isInteger(p.change)) ctx.addIssue({ code: "custom", path: ["change"], message: "must be a whole number of servers (or pass isPercent)" });
  // Otter's schema: change and changePercent "disallow" zero (a policy that changes nothing).
  if (p.change === 0) ctx.addIssue({ code: "custom", path: ["change"], message: "must not be 0 (a positive number scales up, a negative one down)" });
  if (p.changePercent === 0) ctx.addIssue({ code: "custom", path: ["changePercent"], message: "must not be 0 (a positive percentage scales up, a negative one down)" });
  if (p.isPercent && p.change === undefined) ctx.addIssue({ code: "custom", path: ["isPercent"], message: "isPercent reads `change` as a percentage; give change" });
  if ((p.type ?? "webhook") === "schedule") {
    const a = p.args ?? {};
    if ((a.cron === undefined) === (a.at === undefined)) ctx.addIssue({ code: "custom", path: ["args"], message: "a schedule policy needs exactly one of args.cron or args.at" });
  } else if (p.args !== undefined) ctx.addIssue({ code: "custom", path: ["args"], message: "only schedule policies take args" });
}

/** A new policy (pyrax `add_policy(name, policy_type, cooldown, change, is_percent, desired_capacity, args)`). */
export const createPolicyInput = lazy(() => z.strictObject(policyFields()).check(z.superRefine(checkPolicy)));
export type CreatePolicyInput = z.input<ReturnType<typeof createPolicyInput>>;

/** Changes to a policy; what is not given keeps its current value (pyrax `update_policy`). */
export const updatePolicyInput = lazy(() => z.strictObject({ ...policyFields(), name: z.optional(policyFields().name), cooldown: z.optional(cooldownInput()) }));
export type UpdatePolicyInput = z.input<ReturnType<typeof updatePolicyInput>>;

/** The policy as Otter's create and update bodies carry it. */
export function toWirePolicy(p: z.output<ReturnType<typeof createPolicyInput>>): Record<string, unknown> {
  const amount = p.isPercent ? { changePercent: p.change } : p.change !== undefined ? { change: p.change } : p.changePercent !== undefined ? { changePercent: p.changePercent } : { desiredCapacity: p.desiredCapacity };
  return { name: p.name, type: p.type ?? "webhook", cooldown: p.cooldown, ...amount, ...(p.args ? { args: p.args } : {}) };
}

/**
 * The full policy after `changes` (pyrax carries unchanged values over): an adjustment given
 * replaces the current one; `isPercent` alone re-reads the current amount as a percentage.
 */
export function mergePolicy(current: PolicyData, changes: z.output<ReturnType<typeof updatePolicyInput>>): z.input<ReturnType<typeof createPolicyInput>> {
  const adjusting = changes.change !== undefined || changes.changePercent !== undefined || changes.desiredCapacity !== undefined;
  const currentAmount = current.change ?? current.changePercent;
  const amount = adjusting
    ? { change: changes.change, changePercent: changes.changePercent, desiredCapacity: changes.desiredCapacity, isPercent: changes.isPercent }
    : changes.isPercent !== undefined && currentAmount !== undefined
      ? changes.isPercent
        ? { changePercent: currentAmount }
        : { change: currentAmount }
      : { change: current.change, changePercent: current.changePercent, desiredCapacity: current.desiredCapacity };
  const type = (changes.type ?? current.type) as "webhook" | "schedule";
  const args = changes.args ?? (type === "schedule" ? current.args : undefined);
  return strip({ name: changes.name ?? current.name, type, cooldown: changes.cooldown ?? current.cooldown, ...amount, ...(args ? { args } : {}) });
}

function strip<T extends Record<string, unknown>>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}
