export { Images } from "./images-client";
export { NoSuchImage, NoSuchImageMember, NoSuchTask, ImageNameNotUnique, TaskFailed, ImageHasNoData, UnsharableImage } from "./errors";
export { Image, ImageCollection } from "./images/images";
export type { CreateImageInput, ImageData, ListImagesInput, UpdateImageInput } from "./images/models";
export { JSON_PATCH, type ImageDataBody, type ImageDownload } from "./images/requests";
export { ImageMember, Members } from "./members/members";
export type { ImageMemberData, MemberStatus } from "./members/models";
export { Task, Tasks, type TrackTaskOptions, type WaitForTaskOptions } from "./tasks/tasks";
export type { ImportTaskInput, ListTasksInput, TaskData } from "./tasks/models";
