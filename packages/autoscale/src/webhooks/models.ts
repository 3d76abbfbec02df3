import { lazy } from "@rax/core";
import * as z from "zod/mini";
import { type WireLink, wireLink } from "../paging";
import { metadataInput, nameInput } from "../ref";

export const wireWebhook = lazy(() =>
  z.looseObject({
    id: z.string(),
    name: z.optional(z.string()),
    metadata: z.nullish(z.record(z.string(), z.string())),
    links: z.optional(z.array(wireLink())),
  }),
);
export type WireWebhook = z.output<ReturnType<typeof wireWebhook>>;

export const webhookBody = lazy(() => z.looseObject({ webhook: wireWebhook() }));
export const webhooksBody = lazy(() => z.looseObject({ webhooks: z.array(wireWebhook()), webhooks_links: z.optional(z.array(wireLink())) }));
/** A create's answer: the created webhook (pyrax reads `webhooks[0]`). */
export const createdWebhooksBody = lazy(() => z.looseObject({ webhooks: z.tuple([wireWebhook()], z.unknown()) }));

export interface WebhookData {
  id: string;
  groupId: string;
  policyId: string;
  name: string;
  metadata: Record<string, string>;
  /** `self` links only: the capability link is a secret, kept apart (`Webhook.capabilityUrl`). */
  links: WireLink[];
  /** Every field Otter sent, as sent, except the capability link. */
  raw: Record<string, unknown>;
}

/** A webhook's data, and its capability URL (the secret that runs the policy with no token). */
export interface ConvertedWebhook {
  webhook: WebhookData;
  capabilityUrl?: string;
}

export function toWebhook(groupId: string, policyId: string, w: WireWebhook): ConvertedWebhook {
  const capability = w.links?.find((l) => l.rel === "capability")?.href;
  const links = (w.links ?? []).filter((l) => l.rel !== "capability");
  const raw = { ...w, links };
  return {
    webhook: { id: w.id, groupId, policyId, name: w.name ?? "", metadata: { ...(w.metadata ?? {}) }, links, raw },
    ...(capability ? { capabilityUrl: capability } : {}),
  };
}

/** A new webhook (pyrax `add_webhook(name, metadata)`). */
export const createWebhookInput = lazy(() => z.strictObject({ name: nameInput(), metadata: z.optional(metadataInput()) }));
export type CreateWebhookInput = z.input<ReturnType<typeof createWebhookInput>>;

/** New name and/or metadata; `metadata` replaces the webhook's whole metadata (use `updateMetadata` to merge). */
export const updateWebhookInput = lazy(() => z.strictObject({ name: z.optional(nameInput()), metadata: z.optional(metadataInput()) }));
export type UpdateWebhookInput = z.input<ReturnType<typeof updateWebhookInput>>;

/** A capability URL: absolute http(s), as Otter hands it out (`…/v1.0/execute/1/<hash>/`). */
export const capabilityUrlInput = lazy(() =>
  z.string().check(z.refine((u) => {
    try {
      const p = new URL(u).protocol;
      return p === "https:" || p === "http:";
    } catch {
      return false;
    }
  }, "must be the webhook's capability URL (absolute http or https)")),
);

/** What `webhooks.execute` takes: the capability URL, or a `Webhook` carrying it. */
export const executeWebhookInput = lazy(() =>
  z.union([capabilityUrlInput(), z.pipe(z.object({ capabilityUrl: capabilityUrlInput() }), z.transform((w) => w.capabilityUrl))], {
    error: "must be a webhook's capability URL (absolute http or https) or a Webhook with one",
  }),
);
