import { jsonResponse } from "../respond";

/** Neutron's error body: `{"NeutronError": {"type": "NetworkNotFound", "message": "…", "detail": ""}}`. */
export function neutronError(status: number, type: string, message: string): Response {
  return jsonResponse(status, { NeutronError: { type, message, detail: "" } });
}

/** A Neutron error raised deep in a route; the handler turns it into `neutronError`. */
export class NeutronFault extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}
