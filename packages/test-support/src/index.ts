// Loopback fixture servers for the packages' tests (private, never published): a canned-answer
// server for per-call fixtures, a scripted one for servers that misbehave in ways the emulator does not.
export { type Canned, type CannedOptions, cannedServer, NO_RETRIES, QUICK_RETRIES, type Seen, type Served, serveCanned, TOKEN } from "./canned-server";
export { type Listening, listen, type PathMap, readBody, type RequestLine, requestLine } from "./loopback";
export { type Answer, type Script, type Scripted, type ScriptedOptions, type SeenRequest, serveScripted } from "./scripted-server";
