export { Databases } from "./databases-client";
