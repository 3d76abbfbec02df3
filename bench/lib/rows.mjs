// One result row. `ratio` is always rax ÷ baseline; `better` says which direction wins, so a
// reader never has to guess whether 0.8 is good.

/**
 * @param {object} r
 * @param {string} r.id
 * @param {string} r.unit
 * @param {number} r.rax
 * @param {number} r.baseline
 * @param {string} r.baselineName
 * @param {"higher"|"lower"} [r.better]
 * @param {{ ratio?: [op: ">="|"<=", value: number], rax?: [op: ">="|"<=", value: number] }} [r.goal]
 * @param {object} [r.params]
 * @param {object} [r.extra] further measurements of both sides (p50, CPU, requests …)
 */
export function row({ id, unit, rax, baseline, baselineName, better = "higher", goal, params = {}, extra }) {
  const ratio = baseline > 0 ? rax / baseline : null;
  const out = { id, unit, rax: round(rax), baseline: round(baseline), baselineName, ratio: round(ratio, 3), better };
  if (goal) {
    const checks = [];
    if (goal.ratio) checks.push([`ratio ${goal.ratio[0]} ${goal.ratio[1]}`, ratio, goal.ratio]);
    if (goal.rax) checks.push([`rax ${goal.rax[0]} ${goal.rax[1]} ${unit}`, rax, goal.rax]);
    out.goal = checks.map((c) => c[0]).join(" and ");
    out.goalMet = checks.every(([, v, [op, lim]]) => v !== null && (op === ">=" ? v >= lim : v <= lim));
  }
  if (extra) out.extra = roundDeep(extra);
  out.params = params;
  return out;
}

/** A row that could not run for a reason that is not a failure (no servers, package not built yet). */
export function skipped(id, reason, extra = {}) {
  return { id, skipped: reason, ...extra };
}

/** A row that failed: the run exits non-zero. */
export function failed(id, err) {
  const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return { id, error: message.slice(0, 500) };
}

function round(v, digits) {
  if (v === null || v === undefined || !Number.isFinite(v)) return v ?? null;
  if (digits !== undefined) return Number(v.toFixed(digits));
  const a = Math.abs(v);
  return Number(v.toFixed(a >= 100 ? 1 : a >= 1 ? 2 : 4));
}

function roundDeep(o) {
  if (typeof o === "number") return round(o);
  if (Array.isArray(o)) return o.map(roundDeep);
  if (o && typeof o === "object") return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, roundDeep(v)]));
  return o;
}
