/**
 * An id (or name) that becomes one path segment: not blank, and without "/", which no id holds and which
 * the OpenStack services' WSGI servers decode from "%2F" before routing, so it would address another
 * resource. Every service package checks its ids with this one rule (a Swift object name is not an id:
 * "/" is legal there, and object-store keeps its own rule). Its schemas (`idSegment`, `idRef`) are in
 * id-schemas.ts, served from `@rax/core/zod-mini`: core's main entry loads no zod.
 */
export const ID_SEGMENT = /^[^/]*[^/\s][^/]*$/;
