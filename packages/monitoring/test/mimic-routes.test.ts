import { describe, expect, it } from "vitest";
import { NoSuchNotification } from "../src";
import { created, serve } from "./fixture";

// Rackspace's mock (mimic/rest/maas_api.py) has no GET /notifications/{id}: the route exists for
// PUT and DELETE only, so a GET is its router's 405. rax still returns the created notification
// (and answers `get`) from the notifications list there.
const methodNotAllowed = { method: "GET", path: "/notifications/ntAAAA0001", status: 405, body: undefined };
const listed = (values: unknown[]) => ({ method: "GET", path: "/notifications", status: 200, body: { values, metadata: { count: values.length, limit: 100, marker: null, next_marker: null, next_href: null } } });
const email = { id: "ntAAAA0001", label: "my_email_notification", type: "email", details: { address: "me@example.com" }, metadata: null };

describe("notifications where GET by id is not routed (mimic)", () => {
  it("create still returns the notification, found in the list", async () => {
    const { cm, seen } = await serve(created("/notifications", "ntAAAA0001"), methodNotAllowed, listed([{ ...email, id: "ntOTHER" }, email]));
    const n = await cm.notifications.create({ type: "email", label: "my_email_notification", details: { address: "me@example.com" } });
    expect(n).toMatchObject({ id: "ntAAAA0001", type: "email", label: "my_email_notification", details: { address: "me@example.com" } });
    expect(seen.map((s) => `${s.method} ${s.path}`)).toEqual(["POST /notifications", "GET /notifications/ntAAAA0001", "GET /notifications"]);
  });

  it("get answers from the list; an id the list does not hold is NoSuchNotification", async () => {
    const { cm } = await serve(methodNotAllowed, listed([email]), { ...methodNotAllowed, path: "/notifications/ntNOPE" }, listed([email]));
    expect(await cm.notifications.get("ntAAAA0001")).toMatchObject({ id: "ntAAAA0001", type: "email" });
    const miss = await cm.notifications.get("ntNOPE").catch((e: unknown) => e);
    expect(miss).toBeInstanceOf(NoSuchNotification);
    // A 404 naming the id looked for in the list, not the unrouted GET's 405 ("No such notification … (HTTP 405; GET …)").
    expect((miss as NoSuchNotification).status).toBe(404);
    expect((miss as NoSuchNotification).id).toBe("ntNOPE");
    expect((miss as Error).message).toBe('No notification with id "ntNOPE" in rax:monitor');
  });
});

describe("monitoring zones and notification types as lists only (mimic)", () => {
  const zone = { id: "mzdfw", label: "Dallas Fort Worth (DFW)", country_code: "US", source_ips: ["2001:4800:7902:0001::/64", "50.56.142.128/26"] };
  it("zones.get answers from the list when GET by id is not found; a zone not listed stays NoSuchMonitoringResource", async () => {
    const list = { method: "GET", path: "/monitoring_zones", status: 200, body: { values: [zone], metadata: { count: 1, limit: 100, marker: null, next_marker: null, next_href: null } } };
    const { cm } = await serve({ method: "GET", path: "/monitoring_zones/mzdfw", status: 404, body: undefined }, list, { method: "GET", path: "/monitoring_zones/mzxyz", status: 404, body: undefined }, list);
    expect(await cm.zones.get("mzdfw")).toMatchObject({ id: "mzdfw", countryCode: "US" });
    await expect(cm.zones.get("mzxyz")).rejects.toMatchObject({ name: "NoSuchMonitoringResource", kind: "monitoring zone", status: 404, message: 'No monitoring zone with id "mzxyz" in rax:monitor' });
  });
  it("notificationTypes.get answers from the list on a 405", async () => {
    const list = { method: "GET", path: "/notification_types", status: 200, body: { values: [{ id: "email", fields: [{ name: "address", optional: false, description: "Email address to send notifications to" }] }], metadata: { count: 1, limit: 100, marker: null, next_marker: null, next_href: null } } };
    const { cm } = await serve({ method: "GET", path: "/notification_types/email", status: 405, body: undefined }, list);
    expect(await cm.notificationTypes.get("email")).toMatchObject({ id: "email", fields: [{ name: "address", optional: false }] });
  });
});
