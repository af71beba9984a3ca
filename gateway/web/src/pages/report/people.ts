/**
 * The people a report may name for the reward rules (PersonInput): name, whether an official or a resident, whether
 * certified, and how many people each guided. Checked as the API checks them (intake/validation.ts). Plain functions.
 */
import { parseCount } from './validate';

export type PersonRole = 'OFFICIAL' | 'RESIDENT';
export const PERSON_ROLE_VI: Record<PersonRole, string> = {
  OFFICIAL: 'Cán bộ, công chức, viên chức',
  RESIDENT: 'Người dân',
};
export interface PersonRow {
  name: string;
  role: PersonRole;
  certified: boolean;
  guided: string;
}
export interface PersonInput {
  name: string;
  role: PersonRole;
  certified: boolean;
  guided: number;
}
/** The API's limits (intake/validation.ts: MAX_PERSON_NAME, MAX_PEOPLE_PER_REPORT's default). */
export const MAX_PERSON_NAME = 200;
export const MAX_PEOPLE = 200;

export const personField = (i: number, field: keyof PersonRow) => `people.${i}.${field}`;

export const newPerson = (role: PersonRole): PersonRow => ({ name: '', role, certified: false, guided: '' });

/** A row with nothing typed in it is not a person: it is left out, not refused. */
const blankRow = (p: PersonRow) => p.name.trim() === '' && p.guided.trim() === '' && !p.certified;

export function validatePeople(people: readonly PersonRow[]): Record<string, string> {
  const errors: Record<string, string> = {};
  const named = people.filter((p) => !blankRow(p));
  if (named.length > MAX_PEOPLE)
    errors.people =
      `Một báo cáo chỉ được nêu tối đa ${MAX_PEOPLE} người (đang nêu ${named.length}); ` +
      'hãy chỉ nêu những người đề nghị khen thưởng';
  people.forEach((p, i) => {
    if (blankRow(p)) return;
    const name = p.name.trim().replace(/\s+/g, ' ');
    if (name === '') errors[personField(i, 'name')] = 'Hãy nhập họ tên người được đề nghị khen thưởng';
    else if (name.length > MAX_PERSON_NAME)
      errors[personField(i, 'name')] =
        `Họ tên người thứ ${i + 1} dài ${name.length} ký tự; tối đa ${MAX_PERSON_NAME} ký tự`;
    if (parseCount(p.guided) == null)
      errors[personField(i, 'guided')] =
        `Số người ${name || `thứ ${i + 1}`} đã hướng dẫn phải là số nguyên không âm (đang nhập ${p.guided})`;
  });
  return errors;
}

/** The people to send; null when none is named (the report names nobody). */
export function peopleInput(people: readonly PersonRow[]): PersonInput[] | null {
  const out = people
    .filter((p) => !blankRow(p))
    .map((p) => ({
      name: p.name.trim().replace(/\s+/g, ' '),
      role: p.role,
      certified: p.certified,
      guided: parseCount(p.guided) ?? 0,
    }));
  return out.length ? out : null;
}

/** A refused or queued report's people, back in the form. */
export function peopleOf(input: ReadonlyArray<PersonInput> | null | undefined): PersonRow[] {
  return (input ?? []).map((p) => ({ ...p, guided: String(p.guided) }));
}
