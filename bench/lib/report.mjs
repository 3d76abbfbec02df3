// The terminal table, bench/results/latest.md and bench/results/latest.json: the same rows.
import fs from "node:fs";
import path from "node:path";
import { RESULTS_DIR } from "./paths.mjs";

function fmt(v) {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return v.toLocaleString("en-US", { maximumFractionDigits: v >= 100 ? 1 : 3 });
  return String(v);
}

function statusOf(r) {
  // One line per row: a stack trace must not break the Markdown table.
  if (r.error) return `ERROR: ${r.error.replace(/\s+/g, " ").slice(0, 240)}`;
  if (r.skipped) return `skipped: ${r.skipped}`;
  // A row that measured the floor no client can beat on this machine says so beside a missed goal.
  const floor = r.extra?.floorRatio;
  const attainable = r.extra?.attainableRatio;
  if (r.goal && !r.goalMet && typeof floor === "number") {
    const zero = r.extra?.zeroClientRatio;
    const withIdle =
      (typeof attainable === "number" ? `; ${fmt(attainable)} with the idle Swift keeps under the baseline's own load` : "") +
      (typeof zero === "number" ? `; ${fmt(zero)} for a client that costs no CPU` : "");
    return `MISSED (${r.goal}; floor on this machine ${fmt(floor)}: client + server CPU ÷ cores${withIdle}, see details)`;
  }
  if (r.goal) return `${r.goalMet ? "met" : "MISSED"} (${r.goal})`;
  return "";
}

export function tableLines(rows) {
  const header = ["id", "unit", "rax", "baseline", "baseline is", "ratio", "better", "goal / status"];
  const body = rows.map((r) => [
    r.id, r.unit ?? "", fmt(r.rax), fmt(r.baseline), r.baselineName ?? "", fmt(r.ratio), r.better ?? "", statusOf(r),
  ]);
  const esc = (s) => String(s).replace(/\|/g, "\\|");
  return [
    `| ${header.join(" | ")} |`,
    `|${header.map(() => "---").join("|")}|`,
    ...body.map((c) => `| ${c.map(esc).join(" | ")} |`),
  ];
}

export function writeReport(rows, meta) {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const md = [
    `# rax benchmarks — ${meta.quick ? "quick" : "full"} run`,
    "",
    `${meta.date} · node ${meta.node} · ${meta.cpus} × ${meta.cpuModel} · ${meta.durationS.toFixed(0)} s`,
    "",
    "`ratio` = rax ÷ baseline; `better` says which direction wins. See bench/README.md for what each row measures.",
    "",
    ...tableLines(rows),
    "",
    ...notes(rows),
  ].join("\n");
  const out = meta.out ?? "latest";
  const tmpMd = path.join(RESULTS_DIR, `${out}.md.tmp`);
  const tmpJson = path.join(RESULTS_DIR, `${out}.json.tmp`);
  fs.writeFileSync(tmpMd, md + "\n");
  fs.writeFileSync(tmpJson, JSON.stringify(rows, null, 2) + "\n");
  fs.renameSync(tmpMd, path.join(RESULTS_DIR, `${out}.md`));
  fs.renameSync(tmpJson, path.join(RESULTS_DIR, `${out}.json`));
}

function notes(rows) {
  const withExtra = rows.filter((r) => r.extra);
  if (!withExtra.length) return [];
  return ["## Details", "", ...withExtra.map((r) => `- **${r.id}**: ${JSON.stringify(r.extra)}`)];
}
