import { RaxError } from "./errors";

/**
 * `find` matched more than one resource where acting on an arbitrary one would be wrong (pyrax's
 * NoUniqueMatch): `what` names the rows (`"servers"`), `ids` every match. The twin of `notFound`.
 */
export class NoUniqueMatch extends RaxError {
  static override readonly errorName: string = "NoUniqueMatch";
  constructor(
    readonly what: string,
    readonly ids: string[],
  ) {
    super(`${ids.length} ${what} match; pass an id instead (${ids.join(", ")})`);
  }
}
