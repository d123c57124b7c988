/**
 * lookupPerson: staff ask where a person (by ID number) is held in an active application —
 * the answer the family is not given when its submission is refused as a duplicate
 * (issue 2: "staff see where; the family sees a clear message"). Audited, like any read of
 * personal data by staff. District staff learn the registration code and district only.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { activePersons, applications } from '../../db/schema.js';
import { appendAudit } from '../../audit/index.js';
import { districtName } from '../../db/reference/districts.js';
import { maskId } from '../../rules/core/mask.js';
import { parseIdNumber } from '../../rules/core/id-number.js';
import { requireRole } from '../authz.js';
import type { CommandContext } from '../context.js';
import { parseInput } from '../validate.js';

const Input = z.object({
  idNumber: z.string().trim().superRefine((v, c) => {
    const r = parseIdNumber(v);
    if (!r.ok) c.addIssue({ code: 'custom', message: `${r.message_zh} / ${r.message_en}` });
  }),
});

/** Where the person is held, or null. */
export async function lookupPerson(ctx: CommandContext, input: { idNumber: string }) {
  requireRole(ctx.actor, ['district_staff', 'city_staff', 'auditor']);
  const { idNumber } = parseInput(Input, input);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.select({ id: applications.id, regCode: applications.regCode, status: applications.status, districtCode: applications.districtCode, since: activePersons.since })
      .from(activePersons).innerJoin(applications, eq(applications.id, activePersons.applicationId))
      .where(eq(activePersons.idBlind, ctx.crypto.blindIndex(idNumber)));
    await appendAudit(tx, { actor: ctx.actor, action: 'person.lookup', targetType: 'person', targetId: maskId(idNumber), at: now, detail: { found: row?.regCode ?? null, requestId: ctx.requestId } });
    return row ? { applicationId: row.id, regCode: row.regCode, status: row.status, districtCode: row.districtCode, districtName: districtName(row.districtCode), since: row.since } : null;
  });
}
