export { Images } from "./images-client";
