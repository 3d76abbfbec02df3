export { BlockStorage } from "./block-storage-client";
