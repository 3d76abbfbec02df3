// The read-only catalogues of Cloud Monitoring: check types, monitoring zones, notification types.
// Zones are the seed's list ("Monitoring Zones"); remote.http's fields are the seed's, verbatim;
// the other types' fields follow Rackspace's check-type appendix (inferred where the seed is silent).

export interface Field {
  name: string;
  description: string;
  optional: boolean;
}

export interface CheckTypeDef {
  id: string;
  type: "remote" | "agent";
  fields: Field[];
  /** Metric name → the service's type letter (`n` number, `I` 64-bit int, `i` int, `s` string). */
  metrics: Record<string, "n" | "I" | "i" | "s" | "L">;
}

const f = (name: string, description: string, optional = true): Field => ({ name, description, optional });

export const CHECK_TYPES: readonly CheckTypeDef[] = [
  {
    id: "remote.http",
    type: "remote",
    fields: [
      f("url", "Target URL", false),
      f("body", "Body match regular expression (body is limited to 100k)"),
      f("headers", "Arbitrary headers which are sent with the request."),
      f("body_matches", "Body match regular expressions (body is limited to 100k, matches are truncated to 80 characters)"),
      f("method", "HTTP method (default: GET)"),
      f("auth_user", "Optional auth user"),
      f("auth_password", "Optional auth password"),
      f("follow_redirects", "Follow redirects (default: true)"),
      f("payload", "Specify a request body (limited to 1024 characters). If following a redirect, payload will only be sent to first location"),
    ],
    metrics: { available: "n", code: "s", duration: "I", bytes: "i", tt_connect: "I", tt_firstbyte: "I" },
  },
  { id: "remote.ping", type: "remote", fields: [f("count", "Number of pings to send within a single check")], metrics: { available: "n", average: "n", count: "i", maximum: "n", minimum: "n" } },
  { id: "remote.tcp", type: "remote", fields: [f("port", "Port number", false), f("banner_match", "Banner match regex."), f("send_body", "Send a body.")], metrics: { available: "n", duration: "I", tt_connect: "I" } },
  { id: "remote.dns", type: "remote", fields: [f("query", "DNS Query", false), f("record_type", "DNS Record Type", false), f("port", "Port number (default: 53)")], metrics: { available: "n", rtt: "I" } },
  { id: "remote.ssh", type: "remote", fields: [f("port", "Port number (default: 22)")], metrics: { available: "n", duration: "I" } },
  { id: "remote.smtp", type: "remote", fields: [f("port", "Port number (default: 25)"), f("ehlo", "EHLO parameter")], metrics: { available: "n", duration: "I" } },
  { id: "agent.cpu", type: "agent", fields: [], metrics: { usage_average: "n", max_cpu_usage: "n" } },
  { id: "agent.memory", type: "agent", fields: [], metrics: { actual_used: "L", free: "L", total: "L" } },
  { id: "agent.load_average", type: "agent", fields: [], metrics: { "1m": "n", "5m": "n", "15m": "n" } },
  { id: "agent.disk", type: "agent", fields: [f("target", "The disk to check (eg '/dev/xvda1')", false)], metrics: { reads: "L", writes: "L" } },
];

export interface ZoneDef {
  id: string;
  label: string;
  country_code: string;
  source_ips: string[];
}

export const ZONES: readonly ZoneDef[] = [
  { id: "mzdfw", label: "Dallas Fort Worth (DFW)", country_code: "US", source_ips: ["2001:4800:7902:0001::/64", "50.56.142.128/26"] },
  { id: "mzhkg", label: "Hong Kong (HKG)", country_code: "HK", source_ips: ["180.150.149.64/26", "2401:1800:7902:1:0:0:0:0/64"] },
  { id: "mziad", label: "Washington Dulles (IAD)", country_code: "US", source_ips: ["2001:4802:7902:0001::/64", "69.20.52.192/26"] },
  { id: "mzlon", label: "London (LON)", country_code: "GB", source_ips: ["2a00:1a48:7902:0001::/64", "78.136.44.0/26"] },
  { id: "mzord", label: "Chicago (ORD)", country_code: "US", source_ips: ["2001:4801:7902:0001::/64", "50.57.61.0/26"] },
  { id: "mzsyd", label: "Sydney (SYD)", country_code: "AU", source_ips: ["119.9.5.0/26", "2401:1801:7902:1::/64"] },
];

/** The seed's three (`list_notification_types`) plus sms (monitoring.md create_notification). */
export const NOTIFICATION_TYPES: readonly { id: string; fields: Field[] }[] = [
  { id: "webhook", fields: [f("url", "An HTTP or HTTPS URL to POST to", false)] },
  { id: "email", fields: [f("address", "Email address to send notifications to", false)] },
  { id: "pagerduty", fields: [f("service_key", "The PagerDuty service key to use.", false)] },
  { id: "sms", fields: [f("phone_number", "Phone number to send the notification to, with leading + and country code (E.164 format)", false)] },
];
