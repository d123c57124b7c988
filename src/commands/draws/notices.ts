/**
 * Telling each entrant family its rank (第七条 公开摇号顺序; 第十一条), or that a draw was voided.
 * The outbox rows are written by one INSERT … SELECT over draw_ranks in the draw's transaction,
 * so a family hears of exactly the draw that was committed. The texts follow src/notify/templates.ts
 * (same fields; the per-family parts are filled in SQL).
 *
 * Above RANK_NOTICE_MAX entrants the per-family messages are not written: two rows per family
 * (in-app and SMS) for a million families would hold the draw's transaction for tens of seconds
 * and flood the SMS gateway at once. Such a draw is announced publicly instead, and each family
 * reads its rank in 我的认购 and on the public ranks page (both read draw_ranks). The audit row
 * of the draw records that the notices were skipped.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';

/** Largest list whose families are each sent their rank. */
export const RANK_NOTICE_MAX = 100_000;

const RANK = {
  subject: '摇号排序结果',
  body: '您认购登记的项目「{projectName}」第 {round} 轮摇号已完成，您的登记号 {regNo} 排序第 {rank} 名（{pool} 池）。摇号结果、名单与验证文件已公开，任何人可自行验证（济政发〔2025〕3号 第七条、第十一条）。请按选房通知的批次与时间参加选房。',
  sms: '【泉城安居】{projectName}摇号已完成，您排第{rank}名，请登录查看选房安排。',
};
const VOIDED = {
  subject: '摇号结果作废',
  body: '项目「{projectName}」第 {round} 轮第 {attempt} 次摇号已作废，原因：{reason}。名单将重新冻结并重新摇号，新的排序以重新摇号结果为准（济政发〔2025〕3号 第七条）。',
  sms: '【泉城安居】{projectName}第{attempt}次摇号已作废，将重新摇号，请登录查看原因。',
};

const fillFixed = (text: string, p: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (m, k: string) => (k in p ? String(p[k]) : m));

/** Inserts in-app and SMS rows for every ranked family of the draw; returns the families told, or 0 when skipped. */
export async function enqueueRankNotices(tx: Tx, d: { drawId: string; projectName: string; round: number; attempt: number; entrantCount: number }, now: Date): Promise<number> {
  if (d.entrantCount > RANK_NOTICE_MAX) return 0;
  const fixed = { projectName: d.projectName, round: d.round, attempt: d.attempt };
  const subject = RANK.subject, body = fillFixed(RANK.body, fixed), sms = fillFixed(RANK.sms, fixed);
  await tx.execute(sql`
    insert into notifications (account_id, channel, template, subject, body, payload, created_at)
    select r.account_id, c.channel, 'draw_rank', ${subject},
           replace(replace(replace(case when c.channel = 'sms' then ${sms} else ${body} end, '{regNo}', dr.entrant_id), '{rank}', dr.rank::text), '{pool}', dr.pool),
           jsonb_build_object('drawId', dr.draw_id, 'regNo', dr.entrant_id, 'rank', dr.rank, 'pool', dr.pool, 'projectName', ${d.projectName}::text, 'round', ${d.round}::int),
           ${now}
    from draw_ranks dr
    join registrations r on r.reg_no = dr.entrant_id
    cross join (values ('in_app'), ('sms')) as c(channel)
    where dr.draw_id = ${d.drawId}`);
  return d.entrantCount;
}

/** Tells the families ranked by a voided draw (if any were told their rank) that it was voided. */
export async function enqueueVoidNotices(tx: Tx, d: { drawId: string; projectName: string; round: number; attempt: number; reason: string; entrantCount: number }, now: Date): Promise<void> {
  if (d.entrantCount > RANK_NOTICE_MAX) return;
  const fixed = { projectName: d.projectName, round: d.round, attempt: d.attempt, reason: d.reason };
  await tx.execute(sql`
    insert into notifications (account_id, channel, template, subject, body, payload, created_at)
    select r.account_id, c.channel, 'draw_voided', ${VOIDED.subject}, case when c.channel = 'sms' then ${fillFixed(VOIDED.sms, fixed)} else ${fillFixed(VOIDED.body, fixed)} end,
           jsonb_build_object('drawId', dr.draw_id, 'regNo', dr.entrant_id, 'reason', ${d.reason}::text), ${now}
    from draw_ranks dr
    join registrations r on r.reg_no = dr.entrant_id
    cross join (values ('in_app'), ('sms')) as c(channel)
    where dr.draw_id = ${d.drawId}`);
}
