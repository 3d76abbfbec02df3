export { Compute } from "./compute-client";
