export { AutoScale } from "./autoscale-client";
