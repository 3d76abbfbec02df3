export { Queues } from "./queues-client";
