import { encodeSegment } from "@rax/core";

// Otter's resource paths, relative to `/v1.0/{tenant}` (reference autoscale.md tables).

export const groupPath = (group: string, rest = "") => `groups/${encodeSegment(group)}${rest}`;
export const policyPath = (group: string, policy: string, rest = "") => groupPath(group, `/policies/${encodeSegment(policy)}${rest}`);
export const webhookPath = (group: string, policy: string, webhook: string) => policyPath(group, policy, `/webhooks/${encodeSegment(webhook)}`);
