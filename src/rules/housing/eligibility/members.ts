/**
 * Facts about the family read from its members: ages from the ID numbers, who is applicant
 * and spouse, whose hukou counts.
 */
import { ageOn } from '../../core/dates.js';
import { RuleInputError } from '../../core/errors.js';
import { parseIdNumber } from '../../core/id-number.js';
import type { EligibilityInput, Member } from './input.js';

export type MemberFacts = Member & { index: number; birthDate: string; age: number };

export type Family = {
  members: MemberFacts[];
  applicant: MemberFacts;
  spouse: MemberFacts | undefined;
  /** Applicant and spouse: the couple whose hukou, education and talent level count. */
  couple: MemberFacts[];
};

/**
 * Reads the family. The schema has already checked the ID numbers and that there is one applicant.
 * @throws RuleInputError when a member is born after `asOf`.
 */
export function familyOf(input: EligibilityInput, asOf: string): Family {
  const members = input.members.map((m, index) => {
    const id = parseIdNumber(m.idNumber);
    if (!id.ok) throw new RuleInputError(`members.${index}.idNumber`, id.message_zh, id.message_en);
    if (id.value.birthDate > asOf) {
      throw new RuleInputError(`members.${index}.idNumber`, `出生日期 ${id.value.birthDate} 晚于评估日期 ${asOf}`, `born ${id.value.birthDate}, after asOf ${asOf}`);
    }
    return { ...m, index, birthDate: id.value.birthDate, age: ageOn(id.value.birthDate, asOf) };
  });
  const applicant = members.find((m) => m.relation === 'applicant');
  if (!applicant) throw new RuleInputError('members', '须有且仅有一名申请人', 'exactly one member must be the applicant');
  const spouse = members.find((m) => m.relation === 'spouse');
  return { members, applicant, spouse, couple: spouse ? [applicant, spouse] : [applicant] };
}
