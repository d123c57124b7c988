/** Outbox notifications: see outbox.ts and templates.ts. */
export { enqueue, enqueueMany, dispatchOutbox, logAdapter, listInbox, markRead, MAX_ATTEMPTS, type Channel, type ChannelAdapter, type EnqueueInput } from './outbox.js';
export { TEMPLATES, fill, type TemplateName } from './templates.js';
