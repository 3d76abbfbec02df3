/**
 * The statuses Swift defines as success for each kind of call. Anything else below 400 (a 3xx
 * from a balancer, a 202 where 201 means "stored") is not success: taking it as one stores
 * nothing while reporting it stored, or hands back a redirect page as the object's bytes.
 */
export const OK = {
  head: [200, 204],
  headObject: [200],
  list: [200, 204],
  getObject: [200],
  getRange: [200, 206],
  putContainer: [201, 202],
  putObject: [201],
  post: [204],
  postObject: [202],
  delete: [204],
  deleteWithSegments: [200, 204],
  bulkDelete: [200],
  cdnPut: [201, 202, 204],
  // Rackspace's CDN reference: 204; its own "disable CDN" example answers 202 Accepted.
  cdnPost: [202, 204],
} as const satisfies Record<string, readonly number[]>;

export type SuccessStatuses = readonly number[];
