/**
 * Test and demo support: valid ID numbers (GB 11643 check code), a family form that passes
 * housing.eligibility as a wage family, and a small world of accounts on a real database.
 */
import { randomUUID } from 'node:crypto';
import { idCheckCode } from '../../rules/core/id-number.js';
import type { DbHandle } from '../../db/client.js';
import { accounts } from '../../db/schema.js';
import { AAD, randomFieldCrypto, type FieldCrypto } from '../../crypto/index.js';
import { SimulatedProvider, type SimPerson } from '../../datachecks/index.js';
import { fixedClock, type Actor, type CommandContext } from '../context.js';
import type { ApplicationForm, Member } from './form.js';

/** A valid ID number for a birth date, sequence (odd = male) and division code. */
export function idFor(birthDate: string, seq: string, division = '370102'): string {
  const body = `${division}${birthDate.replaceAll('-', '')}${seq}`;
  return body + idCheckCode(body);
}

/** A member with Jinan urban hukou; override what the case needs. */
export function memberOf(relation: Member['relation'], name: string, idNumber: string, over: Partial<Member> = {}): Member {
  return {
    name, idNumber, relation,
    hukou: { type: 'urban', city: '370102', place: '济南市历下区' },
    maritalStatus: relation === 'child' ? 'single' : 'married',
    educationLevel: 'secondary', skillLevel: 'none', talentLevel: 'none',
    ...over,
  };
}

/** A married couple renting in Jinan with 12 months of social insurance, applying in 历下区. */
export function familyForm(ids: { applicant: string; spouse?: string; child?: string }, over: Partial<ApplicationForm> = {}): ApplicationForm {
  const members: Member[] = [memberOf('applicant', '张明华', ids.applicant)];
  if (ids.spouse) members.push(memberOf('spouse', '李秀英', ids.spouse));
  if (ids.child) members.push(memberOf('child', '张小雨', ids.child));
  return {
    districtCode: '370102', phone: '13912345678', members,
    employment: { socialInsuranceMonths: 12, retired: false, employer: '济南某科技有限公司' },
    incomeStatus: 'none', housing: { ownedUnits: 0, ownedArea: 0 },
    declarations: { formerPolicyHousing: false, publicRental: false, rentalSubsidy: false, talentPurchaseSubsidy: false },
    ...over,
  };
}

/** Department records that agree with `familyForm` (12 months of social insurance, nothing owned). */
export function agreeingRecords(form: ApplicationForm): Record<string, SimPerson> {
  return Object.fromEntries(form.members.map((m) => [m.idNumber, { socialInsuranceMonths: form.employment.socialInsuranceMonths, retired: false, homes: [] }]));
}

export type WorldActor = 'family1' | 'family2' | 'lixia' | 'licheng' | 'city' | 'auditor';

/** Accounts of every role, a fixed clock, the simulated departments and a crypto with fresh keys. */
export async function makeWorld(h: DbHandle, today = '2026-01-05') {
  const crypto: FieldCrypto = randomFieldCrypto();
  const clock = fixedClock(today);
  const provider = new SimulatedProvider({}, () => clock.now());
  const defs: Array<[WorldActor, Actor['role'], string | null]> = [
    ['family1', 'applicant', null], ['family2', 'applicant', null], ['lixia', 'district_staff', '370102'],
    ['licheng', 'district_staff', '370112'], ['city', 'city_staff', null], ['auditor', 'auditor', null],
  ];
  const actors = {} as Record<WorldActor, Actor>;
  for (const [username, role, districtCode] of defs) {
    const id = randomUUID();
    const [a] = await h.db.insert(accounts).values({
      id, username, role, districtCode, passwordHash: 'not-used-in-command-tests', displayName: username,
      phoneEnc: role === 'applicant' ? crypto.encrypt('13912345678', AAD.accountPhone(id)) : null,
    }).returning({ id: accounts.id });
    actors[username] = { accountId: a.id, role, ...(districtCode ? { districtCode } : {}) } as Actor;
  }
  const ctx = (who: WorldActor): CommandContext => ({ db: h.db, clock, crypto, dataChecks: provider, actor: actors[who] });
  return { crypto, clock, provider, actors, ctx, deps: { db: h.db, clock, crypto, dataChecks: provider } };
}
