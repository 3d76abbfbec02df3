import { assignData, type CallOptions, type Paginated } from "@rax/core";
import type { QueuesApi } from "../queues-api";
import type { QueueRef, Ref } from "../ref";
import type { DeleteMessageInput, ListMessagesInput, MessageData, NewMessage, PostedMessage } from "./models";
import * as api from "./requests";

/** `queues.messages`: post, list, read and delete messages. Every method takes a queue name or a `Queue`. */
export class Messages {
  constructor(readonly client: QueuesApi) {}

  /** Posts one message (pyrax `post_message(queue, body, ttl)`): any JSON value, TTL 60–1209600 s. */
  async post(queue: QueueRef, body: unknown, ttl: number, o?: CallOptions): Promise<PostedMessage> {
    const [posted] = await api.postMessages(this.client, queue, [{ body, ttl }], o);
    return posted!;
  }

  /** Posts up to 10 messages in one request; returns one `{ id, href }` per message, in order. */
  postMany(queue: QueueRef, messages: NewMessage[], o?: CallOptions): Promise<PostedMessage[]> {
    return api.postMessages(this.client, queue, messages, o);
  }

  /**
   * The queue's messages (pyrax `list_messages`), page after page. Unclaimed only unless
   * `includeClaimed`; a client's own messages only with `echo: true`. `limit` bounds the total.
   */
  list(queue: QueueRef, filters?: ListMessagesInput, o?: CallOptions): Paginated<Message> {
    return api.listMessages(this.client, queue, filters, o).map((d) => new Message(this, queue, d));
  }

  /** One message (pyrax `get_message`). `NoSuchMessage` if deleted or expired. */
  async get(queue: QueueRef, message: Ref, o?: CallOptions): Promise<Message> {
    return new Message(this, queue, await api.getMessage(this.client, queue, message, o));
  }

  /** Up to 20 messages by id (pyrax `list_messages_by_ids`); ids that no longer exist are left out. */
  async getByIds(queue: QueueRef, ids: Ref[], o?: CallOptions): Promise<Message[]> {
    return (await api.getMessagesByIds(this.client, queue, ids, o)).map((d) => new Message(this, queue, d));
  }

  /** Deletes a message; a claimed one needs its claim id (a `Message` from a claim carries it). */
  delete(queue: QueueRef, message: Ref | { id: string; claimId?: string }, options?: DeleteMessageInput, o?: CallOptions): Promise<void> {
    return api.deleteMessage(this.client, queue, message, options, o);
  }

  /** Deletes up to 20 messages by id in one request (pyrax `delete_messages_by_ids`). */
  deleteByIds(queue: QueueRef, ids: Ref[], o?: CallOptions): Promise<void> {
    return api.deleteMessagesByIds(this.client, queue, ids, o);
  }
}

export interface Message extends MessageData {}

/** A message as the server last described it (pyrax's `QueueMessage`); `delete()` uses its claim id. */
export class Message {
  readonly #messages: Messages;
  readonly #queue: QueueRef;

  constructor(messages: Messages, queue: QueueRef, data: MessageData) {
    this.#messages = messages;
    this.#queue = queue;
    // Every claimed or listed row becomes one of these: the fields are set in one fixed order (one
    // object shape for all), not by assignData's generic copy, whose keyed stores over every
    // resource class showed per message. Same result: the data's fields, `raw` non-enumerable.
    this.id = data.id;
    this.href = data.href;
    this.ttl = data.ttl;
    this.age = data.age;
    this.body = data.body;
    if (data.claimId !== undefined) this.claimId = data.claimId;
    Object.defineProperty(this, "raw", { value: data.raw, enumerable: false, configurable: true, writable: true });
  }

  /** The queue it belongs to (name). */
  get queue(): string {
    return typeof this.#queue === "string" ? this.#queue : this.#queue.name;
  }

  /** Deletes it (with its claim id when it was read through a claim). */
  delete(o?: CallOptions): Promise<void> {
    return this.#messages.delete(this.#queue, this, this.claimId ? { claimId: this.claimId } : undefined, o);
  }

  /** Reloads this object in place and returns it. */
  async reload(o?: CallOptions): Promise<this> {
    const d = await api.getMessage(this.#messages.client, this.#queue, this, o);
    assignData(this, d);
    return this;
  }
}
