/**
 * Fixtures for the server tests: valid application forms with fresh ID numbers, staff
 * accounts of two districts, the city and an auditor, each signed in as an Agent.
 */
import { createStaff } from '../commands/accounts/create-staff.js';
import { idCheckCode } from '../rules/core/id-number.js';
import { Agent, type TestApp } from './testing.js';

let seq = 100;
/** A valid GB 11643 ID number, unique within the test run. */
export function freshId(birthDate: string, division = '370102'): string {
  seq = (seq + 2) % 1000;
  const body = `${division}${birthDate.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return body + idCheckCode(body);
}

/** Changes the check digit so the number fails GB 11643. */
export function breakChecksum(id: string): string {
  const last = id[17]!;
  return id.slice(0, 17) + (last === '0' ? '1' : '0');
}

const person = (name: string, relation: string, birth: string) => ({
  name, idNumber: freshId(birth), relation,
  hukou: { type: 'urban', city: '370102', place: '济南市历下区' },
  maritalStatus: relation === 'child' ? 'single' : 'married',
  educationLevel: 'secondary', skillLevel: 'none', talentLevel: 'none',
});

/**
 * A married couple with one child that passes 第五条 as a wage family. With `t`, the simulated
 * departments are told the same facts (no home, 36 months of social insurance), so the
 * checked data agree with the declaration.
 */
export function familyForm(districtCode = '370102', t?: TestApp) {
  const f = {
    districtCode,
    phone: '13912345678',
    members: [person('张建国', 'applicant', '1988-04-12'), person('李秀英', 'spouse', '1990-09-30'), person('张小明', 'child', '2016-05-01')],
    employment: { socialInsuranceMonths: 36, retired: false, employer: '济南某公司' },
    incomeStatus: 'none',
    housing: { ownedUnits: 0, ownedArea: 0 },
    declarations: { formerPolicyHousing: false, publicRental: false, rentalSubsidy: false, talentPurchaseSubsidy: false },
  };
  for (const m of f.members) t?.sim.put(m.idNumber, { homes: [], socialInsuranceMonths: 36, retired: false, lowMiddleIncomeSince: null });
  return f;
}

/** Registers an applicant family and returns its signed-in agent. */
export async function family(t: TestApp, username: string): Promise<Agent> {
  const a = new Agent(t.app);
  const res = await a.post('/api/auth/register', { username, password: 'family2025', displayName: '申请人', phone: '13912345678' });
  if (res.statusCode !== 201) throw new Error(`register ${username}: ${res.statusCode} ${res.body}`);
  return a;
}

/** Staff of 历下区 (370102) and 市中区 (370103), city staff and an auditor, signed in. */
export async function staff(t: TestApp) {
  const make = async (username: string, role: 'district_staff' | 'city_staff' | 'auditor', districtCode?: string) => {
    await createStaff({ db: t.handle.db }, { username, password: 'staff2025x', displayName: username, role, districtCode });
    const a = new Agent(t.app);
    const res = await a.post('/api/auth/login', { username, password: 'staff2025x' });
    if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
    return a;
  };
  return {
    lixia: await make('lixia', 'district_staff', '370102'),
    shizhong: await make('shizhong', 'district_staff', '370103'),
    city: await make('city', 'city_staff'),
    auditor: await make('auditor', 'auditor'),
  };
}

/** Creates and submits an application for the agent's family; returns its id. */
export async function submitted(a: Agent, form = familyForm()): Promise<string> {
  const d = await a.post('/api/my/applications', { form });
  if (d.statusCode !== 201) throw new Error(`draft: ${d.statusCode} ${d.body}`);
  const id = d.json().id as string;
  const s = await a.post(`/api/my/applications/${id}/submit`);
  if (s.statusCode !== 200) throw new Error(`submit: ${s.statusCode} ${s.body}`);
  return id;
}
