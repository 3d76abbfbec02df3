export { VERSION } from "./version";
export {
  RaxError,
  isRaxError,
  HttpError,
  BadRequest,
  Unauthorized,
  Forbidden,
  NotFound,
  Conflict,
  UnprocessableEntity,
  OverLimit,
  ServerError,
  Redirected,
  ValidationError,
  TimeoutError,
  WaitTimeout,
  ResourceFailed,
  AbortError,
  NotAuthenticated,
  NoEndpointForService,
  ConnectionError,
  TransportLoadError,
  InvalidResponse,
  httpErrorInit,
  notFoundAs,
  notFound,
  type RaxErrorOptions,
  type HttpErrorInit,
  type TimeoutPhase,
  type TimeoutErrorInit,
  type EndpointQuery,
  type ConnectionErrorInit,
  type InvalidResponseInit,
  type ResourceFailedInit,
} from "./errors";
export { lookupMiss, type LookupMiss, notFoundError, type NotFoundOf, type NotFoundErrorClass } from "./not-found-error";
export { statusFailedError, type StatusResource, type StatusFailedErrorClass } from "./status-failed-error";
export { NoUniqueMatch } from "./no-unique-match";
export { notUniqueError, type NotUniqueOf, type NotUniqueErrorClass } from "./not-unique-error";
export { namedError, type BoundErrorClass } from "./named-error";
export { errorFromResponse, type ErrorResponse } from "./error-from-response";
export { extractErrorMessage, type ExtractedMessage } from "./error-message";
export { parseRetryAfter, retryAfterFromHeaders } from "./retry-after";
export { requestIdFrom } from "./request-id";
export { redact, redactUrl, redactHeaders, registerSecret, unregisterSecret } from "./redact";
export { createDebugLogger, debugFromEnv, debugLevelFromEnv, type DebugLevel, type DebugLogger, type DebugLoggerOptions } from "./debug-log";
export { userAgent } from "./user-agent";
export { RetryBudget, type RetryBudgetOptions } from "./retry-budget";
export { DEFAULT_RETRY, backoffDelay, isIdempotentMethod, type RetryOptions } from "./retry-policy";
export { isReplayableBody, type RequestBody, type StreamBody } from "./request-body";
export { RaxResponse, type RaxResponseInit } from "./response";
export { Transport, DEFAULT_TIMEOUTS, type Timeouts, type TransportOptions, type RequestOptions } from "./transport";
export { withQuery, encodePath, encodeSegment, joinUrl, type Query, type QueryValue } from "./url";
export { SharedReauth, type AuthSession } from "./session";
export { StaticSession, type StaticSessionOptions, type StaticEndpoints } from "./static-session";
export { sendFor, jsonFor } from "./expect-status";
export { assignData } from "./resource-data";
export { waitInPlace } from "./wait-in-place";
export { ServiceClient, type ServiceClientOptions, type ServiceCall, type CallOptions, type ServiceRequestOptions, type CatalogEntry } from "./service-client";
export { Paginated, type ListedPage, type Page, type PageFetcher, type PaginatedOptions } from "./pagination";
export { markerPager, offsetPager, linkPager, type MarkerPagerOptions, type OffsetPagerOptions, type MarkerPageResult } from "./pagers";
export {
  waitUntil,
  waitForBuild,
  waitUntilGone,
  BUILD_FAILED_STATUSES,
  type Loader,
  type WaitOptions,
  type WaitGoneOptions,
  type WaitProgress,
} from "./waiters";
export { validate } from "./validation";
export { parseSchema } from "./parse-schema";
export { firstEndpoint } from "./first-endpoint";
export { lazy } from "./lazy";
export { ID_SEGMENT } from "./id-segment";
export { sleep, raceSignal } from "./abort";
export { startJob, type Job, type JobStatus, type JobEvents, type JobContext, type StartJobOptions } from "./start-job";
export { pollingJob, type PollingJobOptions } from "./job";
