/** `X-Timestamp`: epoch seconds with five decimals. */
export function xTimestamp(ms: number): string {
  return (ms / 1000).toFixed(5);
}

/** `Last-Modified`: Swift rounds the timestamp up to the next whole second. */
export function httpDate(ms: number): string {
  return new Date(Math.ceil(ms / 1000) * 1000).toUTCString();
}

/** Listing `last_modified`: ISO 8601 with microseconds and no zone. */
export function listingDate(ms: number): string {
  return new Date(ms).toISOString().replace("Z", "000");
}
