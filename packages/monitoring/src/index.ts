export { Monitoring } from "./monitoring-client";
