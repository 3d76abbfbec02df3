import type { EmulatorState } from "./state";

/**
 * A service's state, made on first use and kept for the life of its emulator: services stay out of
 * `EmulatorState`, so one nobody calls costs nothing, and two emulators never share one.
 */
export function perEmulator<T>(make: (state: EmulatorState) => T): (state: EmulatorState) => T {
  const states = new WeakMap<EmulatorState, T>();
  return (state) => {
    let s = states.get(state);
    if (!s) {
      s = make(state);
      states.set(state, s);
    }
    return s;
  };
}
