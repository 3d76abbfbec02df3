import { assertAbsoluteUrl } from "./url";

// What undici is given for a URL: its origin and its path + query, as WHATWG URL parsing makes
// them. Parsing a URL per request was a visible share of a small call's CPU, and a client sends
// almost every request to the same origin: once one URL of an origin parsed to exactly its own
// text, later URLs that start with that origin and hold only characters the parser leaves alone
// (no dot segments, nothing it would percent-encode, no fragment) are split without a parse.

// Path: RFC 3986 pchar plus "/" and "%"; query: the same minus "'" (which the parser encodes there).
const PLAIN_TARGET = /^\/[A-Za-z0-9\-._~!$&'()*+,;=:@%/]*(?:\?[A-Za-z0-9\-._~!$&()*+,;=:@%/?]+)?$/;
// A "." or ".." segment, in any spelling the parser collapses (%2e for a dot).
const DOT_SEGMENT = /\/(?:\.|%2e){1,2}(?=[/?]|$)/i;

function plain(target: string): boolean {
  return PLAIN_TARGET.test(target) && !DOT_SEGMENT.test(target);
}

export interface RequestTarget {
  readonly origin: string;
  readonly path: string;
}

/** Splits absolute URLs into origin and path, remembering the last origin that parsed verbatim. */
export class TargetSplitter {
  #origin?: string;
  // The last URL split and its target (read-only to callers): a client that sends the same URL
  // again (HEAD or GET of one object, polling) skips the checks and the slice.
  #lastUrl?: string;
  #last?: RequestTarget;

  /** Throws `ValidationError` (field `url`) for anything but an absolute http(s) URL. */
  split(url: string): RequestTarget {
    if (url === this.#lastUrl) return this.#last as RequestTarget;
    const target = this.#split(url);
    this.#lastUrl = url;
    this.#last = target;
    return target;
  }

  #split(url: string): RequestTarget {
    const origin = this.#origin;
    if (origin !== undefined && url.startsWith(origin) && url.charCodeAt(origin.length) === 0x2f) {
      const path = url.slice(origin.length);
      if (plain(path)) return { origin, path };
    }
    const u = assertAbsoluteUrl(url);
    const path = u.pathname + u.search;
    // Remembered only when the URL is its origin followed verbatim by its path: then the fast
    // path above gives exactly what the parser gives.
    if (url.length === u.origin.length + path.length && url.startsWith(u.origin) && url.endsWith(path) && plain(path)) this.#origin = u.origin;
    return { origin: u.origin, path };
  }
}
