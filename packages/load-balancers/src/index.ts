export { LoadBalancers } from "./load-balancers-client";
