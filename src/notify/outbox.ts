/**
 * Notifications through an outbox: a command writes the rows inside its own transaction, so a
 * notice exists exactly when the decision it reports was committed; a dispatcher sends them
 * later and marks them. If the process dies between the two, the rows are still pending and
 * are sent on the next run (at least once).
 */
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import { accounts, notifications } from '../db/schema.js';
import { AAD, type FieldCrypto } from '../crypto/index.js';
import { TEMPLATES, fill, type TemplateName } from './templates.js';

export type Channel = 'in_app' | 'sms' | 'email';

/** What a command enqueues. */
export interface EnqueueInput {
  accountId: string;
  template: TemplateName;
  params: Record<string, unknown>;
  /** Default: in_app + sms. */
  channels?: Channel[];
}

/** Write outbox rows (one per channel) in the caller's transaction. */
export async function enqueue(tx: Tx | Db, n: EnqueueInput, now?: Date): Promise<void> {
  await enqueueMany(tx, [n], now);
}

/** Write the outbox rows of several notifications in one statement (batch jobs). */
export async function enqueueMany(tx: Tx | Db, list: EnqueueInput[], now?: Date): Promise<void> {
  const rows = list.flatMap((n) => {
    const t = TEMPLATES[n.template];
    return (n.channels ?? ['in_app', 'sms']).map((channel) => ({
      accountId: n.accountId,
      channel,
      template: n.template,
      subject: fill(t.subject, n.params),
      body: fill(channel === 'sms' ? t.sms : t.body, n.params),
      payload: n.params,
      createdAt: now ?? new Date(),
    }));
  });
  if (rows.length) await tx.insert(notifications).values(rows);
}

/** Sends one message over a channel. Throw to have it retried. */
export interface ChannelAdapter {
  send(msg: { id: string; to: string | null; subject: string; body: string; template: string }): Promise<void>;
}

/** Development adapter: writes the message to the log instead of a gateway. */
export function logAdapter(channel: Channel, log: (line: Record<string, unknown>) => void = (l) => console.info(JSON.stringify(l))): ChannelAdapter {
  return {
    async send(msg) {
      // Only the last 4 digits of the recipient reach the log.
      log({ msg: `notify.${channel}`, id: msg.id, to: msg.to ? `***${msg.to.slice(-4)}` : null, template: msg.template, subject: msg.subject, body: msg.body });
    },
  };
}

/** Maximum send attempts before a message is left for staff to look at. */
export const MAX_ATTEMPTS = 5;

/**
 * Send up to `batchSize` pending messages. Rows are claimed with FOR UPDATE SKIP LOCKED, so
 * several dispatchers never send the same row twice at once. In-app messages need no gateway:
 * they are marked dispatched as they are already in the inbox.
 */
export async function dispatchOutbox(
  db: Db,
  deps: { adapters: Partial<Record<Channel, ChannelAdapter>>; crypto: FieldCrypto; now?: () => Date },
  batchSize = 100,
): Promise<{ sent: number; failed: number }> {
  const now = deps.now ?? (() => new Date());
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({ n: notifications, phoneEnc: accounts.phoneEnc, accountId: accounts.id })
      .from(notifications)
      .innerJoin(accounts, eq(accounts.id, notifications.accountId))
      .where(and(isNull(notifications.dispatchedAt), sql`${notifications.attempts} < ${MAX_ATTEMPTS}`))
      .orderBy(asc(notifications.createdAt))
      .limit(batchSize)
      .for('update', { of: notifications, skipLocked: true });
    let sent = 0;
    let failed = 0;
    for (const { n, phoneEnc, accountId } of rows) {
      try {
        const adapter = deps.adapters[n.channel as Channel];
        if (n.channel !== 'in_app') {
          if (!adapter) throw new Error(`no adapter for channel ${n.channel}`);
          const to = n.channel === 'sms' && phoneEnc ? deps.crypto.decrypt(phoneEnc, AAD.accountPhone(accountId)) : null;
          await adapter.send({ id: n.id, to, subject: n.subject, body: n.body, template: n.template });
        }
        await tx.update(notifications).set({ dispatchedAt: now(), attempts: n.attempts + 1, lastError: null }).where(eq(notifications.id, n.id));
        sent++;
      } catch (e) {
        await tx.update(notifications).set({ attempts: n.attempts + 1, lastError: String((e as Error).message ?? e).slice(0, 500) }).where(eq(notifications.id, n.id));
        failed++;
      }
    }
    return { sent, failed };
  });
}

/** An account's in-app inbox, newest first. */
export async function listInbox(db: Db, accountId: string, limit = 50) {
  return db
    .select({ id: notifications.id, template: notifications.template, subject: notifications.subject, body: notifications.body, createdAt: notifications.createdAt, readAt: notifications.readAt })
    .from(notifications)
    .where(and(eq(notifications.accountId, accountId), eq(notifications.channel, 'in_app')))
    .orderBy(desc(notifications.createdAt))
    .limit(limit);
}

/** Mark an in-app message read (only the owner's). Returns false when not found. */
export async function markRead(db: Db, accountId: string, id: string, now: Date): Promise<boolean> {
  const r = await db.update(notifications).set({ readAt: now })
    .where(and(eq(notifications.id, id), eq(notifications.accountId, accountId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return r.length > 0;
}
