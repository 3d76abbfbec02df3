export { CloudDNS } from "./dns-client";
