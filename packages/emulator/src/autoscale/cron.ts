// Five-field cron (minute hour day-of-month month day-of-week, UTC), the form Otter's schedule
// policies take (reference autoscale.md: `"args": {"cron": "23 * * * *"}`), so the emulator can run
// them as its clock passes each matching minute.

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const DAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

interface Field {
  min: number;
  max: number;
  names?: string[];
  /** Names count from this number (months from 1). */
  base?: number;
}
const FIELDS: Field[] = [{ min: 0, max: 59 }, { min: 0, max: 23 }, { min: 1, max: 31 }, { min: 1, max: 12, names: MONTHS, base: 1 }, { min: 0, max: 7, names: DAYS, base: 0 }];

export interface Cron {
  sets: Array<Set<number>>;
  /** Whether day-of-month / day-of-week were restricted (cron ORs them when both are). */
  domAny: boolean;
  dowAny: boolean;
}

/** Parses a cron expression; undefined when it is not one. */
export function parseCron(expr: string): Cron | undefined {
  const parts = expr.trim().split(/\s+/);
  if (parts.length !== 5) return undefined;
  const sets: Array<Set<number>> = [];
  for (let i = 0; i < 5; i++) {
    const set = parseField(parts[i]!, FIELDS[i]!);
    if (!set) return undefined;
    sets.push(set);
  }
  if (sets[4]!.has(7)) sets[4]!.add(0);
  return { sets, domAny: parts[2] === "*" || parts[2] === "?", dowAny: parts[4] === "*" || parts[4] === "?" };
}

function parseField(text: string, f: Field): Set<number> | undefined {
  const out = new Set<number>();
  const value = (v: string): number | undefined => {
    const named = f.names?.indexOf(v.toUpperCase()) ?? -1;
    if (named >= 0) return named + (f.base ?? 0);
    return /^\d+$/.test(v) ? Number(v) : undefined;
  };
  for (const item of text.split(",")) {
    const [range = "", stepText] = item.split("/");
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) return undefined;
    let lo: number | undefined;
    let hi: number | undefined;
    if (range === "*" || range === "?") [lo, hi] = [f.min, f.max];
    else {
      const [a = "", b] = range.split("-");
      lo = value(a);
      hi = b === undefined ? (stepText === undefined ? lo : f.max) : value(b);
    }
    if (lo === undefined || hi === undefined || lo < f.min || hi > f.max || lo > hi) return undefined;
    for (let n = lo; n <= hi; n += step) out.add(n);
  }
  return out;
}

/** Whether the minute starting at `ms` (UTC) matches. */
export function cronMatches(c: Cron, ms: number): boolean {
  const d = new Date(ms);
  const [minute, hour, dom, month, dow] = c.sets as [Set<number>, Set<number>, Set<number>, Set<number>, Set<number>];
  if (!minute.has(d.getUTCMinutes()) || !hour.has(d.getUTCHours()) || !month.has(d.getUTCMonth() + 1)) return false;
  const domOk = dom.has(d.getUTCDate());
  const dowOk = dow.has(d.getUTCDay());
  if (c.domAny || c.dowAny) return domOk && dowOk;
  return domOk || dowOk;
}
