import { describe, expect, it } from "vitest";
import { CriteriaError, evaluate, parseCriteria } from "../src/monitoring/alarm-language";
import { sample } from "../src/monitoring/metric-generator";
import { CHECK_TYPES } from "../src/monitoring/service-data";

describe("the alarm language", () => {
  it("parses the seed's and the docs' forms", () => {
    for (const src of [
      "if (rate(metric['average']) > 10) { return new AlarmStatus(WARNING); } return new AlarmStatus(OK);",
      'if (metric["duration"] >= 2) { return new AlarmStatus(OK); } return new AlarmStatus(CRITICAL);',
      'if (metric["size"] >= 200) { return CRITICAL } return OK',
      ":set consecutiveCount=3\nif (metric['code'] nregex '^[23]..$' && metric['available'] < 100) { return new AlarmStatus(CRITICAL, 'code #{code}'); }\nelse if (previous(metric['duration']) > 900 || !(metric['duration'] < 800)) { return WARNING; }\nreturn new AlarmStatus(OK);",
    ])
      expect(() => parseCriteria(src), src).not.toThrow();
    expect(parseCriteria(":set consecutiveCount=3\nreturn OK").settings).toEqual({ consecutiveCount: "3" });
  });

  it.each([
    ["", 0],
    ["if (metric['a'] > ) { return OK }", 18],
    ["if metric['a'] > 1 { return OK }", 3],
    ["return MAYBE", 7],
    ["if (metric['a'] > 1) { return OK ", 33],
    ["if (metric[a] > 1) { return OK }", 11],
  ])("refuses %j, saying where (position %i)", (src, position) => {
    const e = (() => {
      try {
        parseCriteria(src);
      } catch (x) {
        return x;
      }
    })();
    expect(e).toBeInstanceOf(CriteriaError);
    expect((e as CriteriaError).position).toBe(position);
  });

  it("evaluates comparisons, regex, rate/previous and message interpolation", () => {
    const p = parseCriteria(
      "if (metric['code'] nregex '^2') { return new AlarmStatus(CRITICAL, 'got #{code}'); } if (rate(metric['bytes']) > 10) { return WARNING } return new AlarmStatus(OK, 'fine');",
    );
    expect(evaluate(p, { code: "503", bytes: 0 })).toEqual({ state: "CRITICAL", status: "got 503" });
    expect(evaluate(p, { code: "200", bytes: 1200 }, { bytes: 0 }, 60)).toMatchObject({ state: "WARNING" });
    expect(evaluate(p, { code: "200", bytes: 300 }, { bytes: 0 }, 60)).toEqual({ state: "OK", status: "fine" });
    // A metric the run does not have makes its comparison false, never an error.
    expect(evaluate(parseCriteria("if (metric['nope'] > 1) { return CRITICAL } return OK"), {})).toMatchObject({ state: "OK" });
  });
});

describe("the metric generator", () => {
  it("is deterministic per (check, zone, run) and independent from run to run", () => {
    const ping = CHECK_TYPES.find((t) => t.id === "remote.ping")!;
    expect(sample(ping, "chA", "mzdfw", 7)).toEqual(sample(ping, "chA", "mzdfw", 7));
    const averages = Array.from({ length: 200 }, (_, k) => sample(ping, "chA", "mzdfw", k + 1).average as number).filter((x) => x > 0);
    const high = averages.filter((x) => x > 27.5).length;
    // Uniform over 5–50: about half above the middle, and neighbours not stuck together.
    expect(high).toBeGreaterThan(averages.length * 0.3);
    expect(high).toBeLessThan(averages.length * 0.7);
    const flips = averages.slice(1).filter((x, i) => x > 27.5 !== averages[i]! > 27.5).length;
    expect(flips).toBeGreaterThan(averages.length * 0.3);
  });
});
