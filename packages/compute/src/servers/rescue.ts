/**
 * What `rescue()` resolves with: the rescue system's root password, behind a getter over a private
 * field (and registered with core's redaction), so `console.log` or `JSON.stringify` of the result
 * never shows it — a plain `{ adminPass }` printed the password.
 */
export class Rescue {
  readonly #adminPass?: string;

  constructor(adminPass?: string) {
    this.#adminPass = adminPass;
  }

  /** The root password Nova set for the rescue system (undefined when it sent none). */
  get adminPass(): string | undefined {
    return this.#adminPass;
  }

  toJSON(): Record<string, never> {
    return {};
  }
}
