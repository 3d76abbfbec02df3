/** A slice of Python's mimetypes table, which Swift uses when the client sends no Content-Type. */
const BY_EXTENSION: Record<string, string> = {
  txt: "text/plain",
  text: "text/plain",
  log: "text/plain",
  md: "text/markdown",
  html: "text/html",
  htm: "text/html",
  css: "text/css",
  csv: "text/csv",
  xml: "text/xml",
  js: "application/javascript",
  mjs: "application/javascript",
  json: "application/json",
  pdf: "application/pdf",
  zip: "application/zip",
  tar: "application/x-tar",
  gz: "application/gzip",
  tgz: "application/x-tar",
  wasm: "application/wasm",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  svg: "image/svg+xml",
  webp: "image/webp",
  ico: "image/vnd.microsoft.icon",
  mp3: "audio/mpeg",
  wav: "audio/x-wav",
  mp4: "video/mp4",
  webm: "video/webm",
  mov: "video/quicktime",
};

export function guessContentType(name: string): string {
  const base = name.slice(name.lastIndexOf("/") + 1);
  const dot = base.lastIndexOf(".");
  if (dot < 0) return "application/octet-stream";
  return BY_EXTENSION[base.slice(dot + 1).toLowerCase()] ?? "application/octet-stream";
}

// Swift's _rfc_token / _rfc_extension_pattern (swift.common.utils).
const TOKEN = String.raw`[^()<>@,;:\"/\[\]?={}\x00-\x20\x7f]+`;
const PARAMETER = new RegExp(String.raw`(?:\s*;\s*(${TOKEN})\s*(?:=\s*(${TOKEN}|"(?:[^"\\]|\\.)*"))?)`, "g");

/**
 * A Content-Type as container listings show it: Swift re-joins the parameters
 * it parses (to drop `swift_bytes`) as `;key=value`, so `text/plain; charset=utf-8`
 * is listed as `text/plain;charset=utf-8`.
 */
export function listedContentType(contentType: string): string {
  const cut = contentType.indexOf(";");
  if (cut < 0) return contentType;
  let out = contentType.slice(0, cut);
  for (const m of contentType.slice(cut).matchAll(PARAMETER)) {
    const key = m[1]!.trim();
    if (key !== "swift_bytes") out += `;${key}=${(m[2] ?? "").trim()}`;
  }
  return out;
}
