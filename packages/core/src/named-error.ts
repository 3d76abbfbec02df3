import { type RaxError, RECIPE_MADE } from "./errors";

// The recipe for an error that is its parent under another name, one line in a package's errors.ts:
//   export class DomainCreationFailed extends /* @__PURE__ */ namedError(DNSJobFailed, "DomainCreationFailed") {}
//   export class NoSuchEntity extends /* @__PURE__ */ namedError(NoSuchMonitoringResource, "NoSuchEntity", "entity") {}
// See not-found-error.ts for why the named class extends what the recipe makes.

// `any[]`: what TypeScript requires of a class expression's base (a mixin constructor).
type ErrorClass = abstract new (...args: any[]) => RaxError;

/** The constructor arguments after the first. */
type RestArgs<C extends ErrorClass> = ConstructorParameters<C> extends [unknown, ...infer R] ? R : never;

/** What `namedError(Base, name, first)` makes: `Base` with its first constructor argument given. */
export type BoundErrorClass<C extends ErrorClass> = Omit<C, "prototype"> & {
  new (...args: RestArgs<C>): InstanceType<C>;
  readonly prototype: InstanceType<C>;
};

/**
 * A subclass of `Base` that is its own kind of error: `name`, `errorName` and the brand are
 * `errorName`, everything else is `Base`'s. With `first`, the subclass gives `Base`'s first
 * constructor argument itself (`NoSuchEntity` is a `NoSuchMonitoringResource` of kind `"entity"`).
 */
export function namedError<C extends ErrorClass>(Base: C, errorName: string): C;
export function namedError<C extends ErrorClass>(Base: C, errorName: string, first: ConstructorParameters<C>[0]): BoundErrorClass<C>;
export function namedError(Base: ErrorClass, errorName: string, ...bound: unknown[]): unknown {
  const Parent = Base as unknown as new (...args: unknown[]) => RaxError;
  const made = class extends Parent {
    static readonly errorName: string = errorName;
    constructor(...args: unknown[]) {
      super(...bound, ...args);
    }
  };
  Object.defineProperty(made, RECIPE_MADE, { value: true });
  return made;
}
