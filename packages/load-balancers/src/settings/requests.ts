import { type CallOptions, type ServiceClient, validate } from "@rax/core";
import * as z from "zod/mini";
import { changeOnly, lbPath, read } from "../mutation";
import { type Ref, ref } from "../ref";
import {
  type ConnectionThrottleData,
  connectionThrottleBody,
  type ConnectionThrottleInput,
  connectionThrottleInput,
  connectionLoggingBody,
  contentCachingBody,
  errorPageBody,
  errorPageInput,
  type HealthMonitorData,
  healthMonitorBody,
  type HealthMonitorInput,
  healthMonitorInput,
  type PersistenceType,
  persistenceInput,
  sessionPersistenceBody,
} from "./models";

const lbId = (lb: Ref) => validate(ref(), lb, "loadBalancer");
const defined = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null));

/** GET …/healthmonitor; `{}` when none (as pyrax). */
export async function getHealthMonitor(client: ServiceClient, lb: Ref, o: CallOptions = {}): Promise<HealthMonitorData> {
  const id = lbId(lb);
  return defined((await read(client, id, lbPath(id, "/healthmonitor"), healthMonitorBody(), o)).healthMonitor ?? {}) as HealthMonitorData;
}

/** PUT …/healthmonitor → 202 (pyrax `add_health_monitor`): CONNECT, HTTP or HTTPS with the seed's parameters. */
export async function setHealthMonitor(client: ServiceClient, lb: Ref, monitor: HealthMonitorInput, o: CallOptions = {}): Promise<void> {
  const id = lbId(lb);
  const m = validate(healthMonitorInput(), monitor, "healthMonitor");
  await changeOnly(client, id, { method: "PUT", path: lbPath(id, "/healthmonitor"), json: { healthMonitor: defined(m) } }, [202], o);
}

/** DELETE …/healthmonitor → 202. */
export async function deleteHealthMonitor(client: ServiceClient, lb: Ref, o: CallOptions = {}): Promise<void> {
  const id = lbId(lb);
  await changeOnly(client, id, { method: "DELETE", path: lbPath(id, "/healthmonitor") }, [202], o);
}

/** GET …/connectionthrottle; `{}` when none. */
export async function getConnectionThrottle(client: ServiceClient, lb: Ref, o: CallOptions = {}): Promise<ConnectionThrottleData> {
  const id = lbId(lb);
  return defined((await read(client, id, lbPath(id, "/connectionthrottle"), connectionThrottleBody(), o)).connectionThrottle ?? {}) as ConnectionThrottleData;
}

/** PUT …/connectionthrottle → 200 (CLB's create-or-update-connection-throttling docs; the reference's "200/202" guessed the 202). */
export async function setConnectionThrottle(client: ServiceClient, lb: Ref, throttle: ConnectionThrottleInput, o: CallOptions = {}): Promise<void> {
  const id = lbId(lb);
  const t = validate(connectionThrottleInput(), throttle, "connectionThrottle");
  await changeOnly(client, id, { method: "PUT", path: lbPath(id, "/connectionthrottle"), json: { connectionThrottle: defined(t) } }, [200], o);
}

/** DELETE …/connectionthrottle → 200 (CLB's delete-connection-throttling docs). */
export async function deleteConnectionThrottle(client: ServiceClient, lb: Ref, o: CallOptions = {}): Promise<void> {
  const id = lbId(lb);
  await changeOnly(client, id, { method: "DELETE", path: lbPath(id, "/connectionthrottle") }, [200], o);
}

/** GET …/sessionpersistence: HTTP_COOKIE, SOURCE_IP, or undefined when off. */
export async function getSessionPersistence(client: ServiceClient, lb: Ref, o: CallOptions = {}): Promise<PersistenceType | undefined> {
  const id = lbId(lb);
  const t = (await read(client, id, lbPath(id, "/sessionpersistence"), sessionPersistenceBody(), o)).sessionPersistence?.persistenceType;
  return t ? (t as PersistenceType) : undefined;
}

/** PUT …/sessionpersistence → 202 (pyrax `sp_mgr.add(sp)` / `lb.session_persistence = …`). */
export async function setSessionPersistence(client: ServiceClient, lb: Ref, type: PersistenceType, o: CallOptions = {}): Promise<void> {
  const id = lbId(lb);
  const persistenceType = validate(persistenceInput(), type, "persistenceType");
  await changeOnly(client, id, { method: "PUT", path: lbPath(id, "/sessionpersistence"), json: { sessionPersistence: { persistenceType } } }, [202], o);
}

/** DELETE …/sessionpersistence → 202. */
export async function deleteSessionPersistence(client: ServiceClient, lb: Ref, o: CallOptions = {}): Promise<void> {
  const id = lbId(lb);
  await changeOnly(client, id, { method: "DELETE", path: lbPath(id, "/sessionpersistence") }, [202], o);
}

/** GET …/connectionlogging: whether connection logs go to Cloud Files. */
export async function getConnectionLogging(client: ServiceClient, lb: Ref, o: CallOptions = {}): Promise<boolean> {
  const id = lbId(lb);
  return (await read(client, id, lbPath(id, "/connectionlogging"), connectionLoggingBody(), o)).connectionLogging?.enabled ?? false;
}

/** PUT …/connectionlogging → 200, with a JSON boolean (CLB's docs; pyrax sent the string "true"). */
export async function setConnectionLogging(client: ServiceClient, lb: Ref, enabled: boolean, o: CallOptions = {}): Promise<void> {
  const id = lbId(lb);
  const e = validate(z.boolean(), enabled, "enabled");
  await changeOnly(client, id, { method: "PUT", path: lbPath(id, "/connectionlogging"), json: { connectionLogging: { enabled: e } } }, [200], o);
}

/** GET …/contentcaching. */
export async function getContentCaching(client: ServiceClient, lb: Ref, o: CallOptions = {}): Promise<boolean> {
  const id = lbId(lb);
  return (await read(client, id, lbPath(id, "/contentcaching"), contentCachingBody(), o)).contentCaching?.enabled ?? false;
}

/** PUT …/contentcaching → 202 (pyrax `lb.content_caching = True`). */
export async function setContentCaching(client: ServiceClient, lb: Ref, enabled: boolean, o: CallOptions = {}): Promise<void> {
  const id = lbId(lb);
  const e = validate(z.boolean(), enabled, "enabled");
  await changeOnly(client, id, { method: "PUT", path: lbPath(id, "/contentcaching"), json: { contentCaching: { enabled: e } } }, [202], o);
}

/** GET …/errorpage: the custom page, or CLB's default when none is set. */
export async function getErrorPage(client: ServiceClient, lb: Ref, o: CallOptions = {}): Promise<string> {
  const id = lbId(lb);
  return (await read(client, id, lbPath(id, "/errorpage"), errorPageBody(), o)).errorpage.content ?? "";
}

/** PUT …/errorpage → 200 (pyrax `set_error_page(html)`). */
export async function setErrorPage(client: ServiceClient, lb: Ref, html: string, o: CallOptions = {}): Promise<void> {
  const id = lbId(lb);
  const content = validate(errorPageInput(), html, "html");
  await changeOnly(client, id, { method: "PUT", path: lbPath(id, "/errorpage"), json: { errorpage: { content } } }, [200], o);
}

/** DELETE …/errorpage → 200: back to the default page (pyrax `clear_error_page`). */
export async function deleteErrorPage(client: ServiceClient, lb: Ref, o: CallOptions = {}): Promise<void> {
  const id = lbId(lb);
  await changeOnly(client, id, { method: "DELETE", path: lbPath(id, "/errorpage") }, [200], o);
}
