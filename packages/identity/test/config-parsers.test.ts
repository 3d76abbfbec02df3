// config-parsers.ts (what Node runs: yaml and ini loaded on first use) and config-parsers-bundled.ts
// (what a bundler gets: both imported) are two files behind one `#lazy` import: they must
// export the same functions and parse alike.
import { describe, expect, it } from "vitest";
import * as bundled from "../src/config-parsers-bundled";
import * as lazy from "../src/config-parsers";

const YAML = "clouds:\n  lab:\n    auth:\n      password: 0123\n      api_key: yes\n    regions: [ORD, DFW]\n";
const INI = "[keystone]\nusername = demo\npassword = s\\;x\n[region\\.a]\nflag = true\n";

describe("#lazy: the Node file and the bundlers' file", () => {
  it("export the same functions", () => {
    expect(Object.keys(lazy).sort()).toEqual(Object.keys(bundled).sort());
  });

  it("parse YAML alike (failsafe: scalars stay the strings written)", () => {
    const options = { schema: "failsafe" as const, maxAliasCount: 100 };
    expect(lazy.parseYaml(YAML, options)).toEqual({ clouds: { lab: { auth: { password: "0123", api_key: "yes" }, regions: ["ORD", "DFW"] } } });
    expect(bundled.parseYaml(YAML, options)).toEqual(lazy.parseYaml(YAML, options));
  });

  it("decode INI alike", () => {
    expect(lazy.decodeIni(INI)).toEqual({ keystone: { username: "demo", password: "s;x" }, "region.a": { flag: true } });
    expect(bundled.decodeIni(INI)).toEqual(lazy.decodeIni(INI));
  });

  it("report a YAML error the same way", () => {
    const message = (parse: typeof lazy.parseYaml) => {
      try {
        parse("a: [1, 2\n", {});
      } catch (e) {
        return (e as Error).message;
      }
      return "no error";
    };
    expect(message(lazy.parseYaml)).toMatch(/flow sequence/i);
    expect(message(bundled.parseYaml)).toBe(message(lazy.parseYaml));
  });
});
