// Cloud Monitoring's alarm language, as far as the seed and Rackspace's "Alert Triggering and
// Alarms" appendix show it: `:set name=value` lines, `if (…) { … } else …` blocks, comparisons
// (> >= < <= == != regex nregex) joined by && / ||, `metric['name']`, `rate(…)`, `previous(…)`,
// and `return new AlarmStatus(OK|WARNING|CRITICAL[, 'message'])` or `return CRITICAL`.
// Parse failures become the service's 400 alarmParseError (monitoring.md create_alarm).

export type AlarmState = "OK" | "WARNING" | "CRITICAL";
const STATES = new Set(["OK", "WARNING", "CRITICAL"]);

type Expr =
  | { k: "num"; v: number }
  | { k: "str"; v: string }
  | { k: "metric"; name: string; fn?: "rate" | "previous" }
  | { k: "not"; e: Expr }
  | { k: "bin"; op: string; a: Expr; b: Expr };
type Stmt = { k: "if"; cond: Expr; then: Stmt[]; else?: Stmt[] } | { k: "return"; state: AlarmState; message?: string };

export interface Program {
  settings: Record<string, string>;
  body: Stmt[];
}

export class CriteriaError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
  }
}

interface Token {
  t: "num" | "str" | "id" | "op";
  v: string;
  at: number;
}

const OPS = ["&&", "||", ">=", "<=", "==", "!=", ">", "<", "!", "(", ")", "{", "}", "[", "]", ",", ";", "="];

function tokenize(src: string, offset: number): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === "/" && src[i + 1] === "/") {
      while (i < src.length && src[i] !== "\n") i++;
      continue;
    }
    const at = offset + i;
    const num = /^\d+(?:\.\d+)?/.exec(src.slice(i));
    if (num) {
      out.push({ t: "num", v: num[0], at });
      i += num[0].length;
      continue;
    }
    if (c === "'" || c === '"') {
      let j = i + 1;
      let v = "";
      while (j < src.length && src[j] !== c) {
        if (src[j] === "\\" && j + 1 < src.length) j++;
        v += src[j];
        j++;
      }
      if (j >= src.length) throw new CriteriaError("Unterminated string", at);
      out.push({ t: "str", v, at });
      i = j + 1;
      continue;
    }
    const id = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(src.slice(i));
    if (id) {
      out.push({ t: "id", v: id[0], at });
      i += id[0].length;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new CriteriaError(`Unexpected character '${c}'`, at);
    out.push({ t: "op", v: op, at });
    i += op.length;
  }
  return out;
}

class Parser {
  i = 0;
  constructor(
    readonly toks: Token[],
    readonly end: number,
  ) {}
  peek(): Token | undefined {
    return this.toks[this.i];
  }
  fail(what: string): never {
    const t = this.peek();
    throw new CriteriaError(t ? `Expected ${what}, found '${t.v}'` : `Expected ${what}, found end of input`, t?.at ?? this.end);
  }
  eat(v: string): boolean {
    const t = this.peek();
    if (t && (t.t === "op" || t.t === "id") && t.v === v) {
      this.i++;
      return true;
    }
    return false;
  }
  need(v: string): void {
    if (!this.eat(v)) this.fail(`'${v}'`);
  }
  block(): Stmt[] {
    const out: Stmt[] = [];
    while (this.peek() && !(this.peek()!.t === "op" && this.peek()!.v === "}")) out.push(this.stmt());
    return out;
  }
  stmt(): Stmt {
    if (this.eat("if")) {
      this.need("(");
      const cond = this.expr();
      this.need(")");
      this.need("{");
      const then = this.block();
      this.need("}");
      if (!this.eat("else")) return { k: "if", cond, then };
      if (this.peek()?.v === "if") return { k: "if", cond, then, else: [this.stmt()] };
      this.need("{");
      const other = this.block();
      this.need("}");
      return { k: "if", cond, then, else: other };
    }
    if (this.eat("return")) {
      let state: string | undefined;
      let message: string | undefined;
      if (this.eat("new")) {
        this.need("AlarmStatus");
        this.need("(");
        state = this.state();
        if (this.eat(",")) {
          const t = this.peek();
          if (t?.t !== "str") this.fail("a message string");
          message = t.v;
          this.i++;
        }
        this.need(")");
      } else state = this.state();
      this.eat(";");
      return { k: "return", state: state as AlarmState, ...(message !== undefined ? { message } : {}) };
    }
    return this.fail("'if' or 'return'");
  }
  state(): string {
    const t = this.peek();
    if (t?.t !== "id" || !STATES.has(t.v)) this.fail("OK, WARNING or CRITICAL");
    this.i++;
    return t.v;
  }
  expr(): Expr {
    let a = this.and();
    while (this.eat("||")) a = { k: "bin", op: "||", a, b: this.and() };
    return a;
  }
  and(): Expr {
    let a = this.cmp();
    while (this.eat("&&")) a = { k: "bin", op: "&&", a, b: this.cmp() };
    return a;
  }
  cmp(): Expr {
    const a = this.term();
    const t = this.peek();
    if (t && ((t.t === "op" && [">", ">=", "<", "<=", "==", "!="].includes(t.v)) || (t.t === "id" && (t.v === "regex" || t.v === "nregex")))) {
      this.i++;
      return { k: "bin", op: t.v, a, b: this.term() };
    }
    return a;
  }
  term(): Expr {
    const t = this.peek();
    if (!t) return this.fail("a value");
    if (t.t === "num") {
      this.i++;
      return { k: "num", v: Number(t.v) };
    }
    if (t.t === "str") {
      this.i++;
      return { k: "str", v: t.v };
    }
    if (this.eat("!")) return { k: "not", e: this.term() };
    if (this.eat("(")) {
      const e = this.expr();
      this.need(")");
      return e;
    }
    if (t.t === "op" && t.v === "-") return this.fail("a value");
    if (t.t === "id" && (t.v === "rate" || t.v === "previous")) {
      this.i++;
      this.need("(");
      const m = this.metric();
      this.need(")");
      return { ...m, fn: t.v };
    }
    if (t.t === "id" && t.v === "metric") return this.metric();
    return this.fail("a number, a string or metric['name']");
  }
  metric(): { k: "metric"; name: string } {
    this.need("metric");
    this.need("[");
    const t = this.peek();
    if (t?.t !== "str") this.fail("a metric name string");
    this.i++;
    this.need("]");
    return { k: "metric", name: t.v };
  }
}

/** Parses criteria; `CriteriaError` (message + position) when it is not the alarm language. */
export function parseCriteria(src: string): Program {
  const settings: Record<string, string> = {};
  // `:set consecutiveCount=3` lines come first.
  const lines = src.split("\n");
  let offset = 0;
  let bodyStart = 0;
  for (const line of lines) {
    const m = /^\s*:set\s+([A-Za-z]+)\s*=\s*(\S+)\s*$/.exec(line);
    if (m) {
      settings[m[1]!] = m[2]!;
      offset += line.length + 1;
      bodyStart = offset;
      continue;
    }
    if (/^\s*:/.test(line)) throw new CriteriaError("Invalid :set directive", offset);
    if (line.trim() !== "") break;
    offset += line.length + 1;
  }
  const body = src.slice(bodyStart);
  const p = new Parser(tokenize(body, bodyStart), src.length);
  const stmts = p.block();
  if (p.peek()) p.fail("end of input");
  if (stmts.length === 0) throw new CriteriaError("Criteria must contain at least one return statement", 0);
  return { settings, body: stmts };
}

export type MetricValue = number | string | boolean;

export interface Evaluation {
  state: AlarmState;
  status: string;
}

/** Runs a program over one set of metrics (and the set before, for rate/previous; `intervalS` apart). */
export function evaluate(p: Program, now: Record<string, MetricValue>, before: Record<string, MetricValue> = {}, intervalS = 60): Evaluation {
  const value = (e: Expr): MetricValue | undefined => {
    switch (e.k) {
      case "num":
      case "str":
        return e.v;
      case "metric": {
        const cur = now[e.name];
        if (e.fn === undefined) return cur;
        const prev = before[e.name];
        if (e.fn === "previous") return prev;
        return typeof cur === "number" && typeof prev === "number" ? (cur - prev) / intervalS : undefined;
      }
      case "not":
        return !truthy(value(e.e));
      case "bin": {
        if (e.op === "&&") return truthy(value(e.a)) && truthy(value(e.b));
        if (e.op === "||") return truthy(value(e.a)) || truthy(value(e.b));
        const a = value(e.a);
        const b = value(e.b);
        if (a === undefined || b === undefined) return false;
        switch (e.op) {
          case "regex":
            return new RegExp(String(b)).test(String(a));
          case "nregex":
            return !new RegExp(String(b)).test(String(a));
          case "==":
            return String(a) === String(b);
          case "!=":
            return String(a) !== String(b);
          default: {
            const x = Number(a);
            const y = Number(b);
            if (Number.isNaN(x) || Number.isNaN(y)) return false;
            return e.op === ">" ? x > y : e.op === ">=" ? x >= y : e.op === "<" ? x < y : x <= y;
          }
        }
      }
    }
  };
  const run = (stmts: Stmt[]): Evaluation | undefined => {
    for (const s of stmts) {
      if (s.k === "return") return { state: s.state, status: (s.message ?? defaultStatus(s.state)).replace(/#\{([^}]+)\}/g, (_, n: string) => String(now[n] ?? "")) };
      const branch = truthy(value(s.cond)) ? s.then : s.else;
      const r = branch ? run(branch) : undefined;
      if (r) return r;
    }
    return undefined;
  };
  return run(p.body) ?? { state: "OK", status: "No return statement matched" };
}

function truthy(v: MetricValue | undefined): boolean {
  return v !== undefined && v !== false && v !== 0 && v !== "";
}

function defaultStatus(state: AlarmState): string {
  return state === "OK" ? "Everything is OK" : `Alarm is ${state}`;
}
