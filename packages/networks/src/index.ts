export { Networks } from "./networks-client";
