import { describe, expect, it, vi } from "vitest";
import { Transport } from "../src/index";

describe("verifySsl: false", () => {
  it("warns once (process warning and the debug log)", () => {
    const spy = vi.spyOn(process, "emitWarning").mockImplementation(() => {});
    const lines: string[] = [];
    const g = globalThis as unknown as Record<symbol, unknown>;
    delete g[Symbol.for("rax.insecureTlsWarned")];
    new Transport({ verifySsl: false, logger: (l) => lines.push(l) });
    new Transport({ verifySsl: false, logger: (l) => lines.push(l) });
    new Transport({ verifySsl: true, logger: (l) => lines.push(l) });
    expect(spy).toHaveBeenCalledTimes(1);
    expect(String(spy.mock.calls[0]?.[0])).toMatch(/verification is disabled/);
    expect(lines.filter((l) => l.includes("verification is disabled"))).toHaveLength(1);
    spy.mockRestore();
  });
});
