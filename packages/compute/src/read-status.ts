/**
 * The statuses a Nova read (GET) succeeds with: 200, and 203, which Rackspace's API docs list for
 * answers from its caching layer. Anything else — another 2xx included — is an `InvalidResponse`,
 * as a create that answers other than 202 is.
 */
export const READ_OK: readonly number[] = [200, 203];
