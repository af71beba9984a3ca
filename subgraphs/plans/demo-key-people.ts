/**
 * The key people the demo plans name (demo.ts holds the plans): Ba Tô's 14 villages' three roles and Ngọk Bay's
 * first six village heads. Invented names, phones of the 0999 block that belong to nobody.
 */
import type { KeyPersonRoleName } from '../../shared/vocabulary/enums';
import { seededRandom } from '../common/random';
import { BA_TO_PLAN, NGOK_BAY_PLAN, pad, range, v } from './demo';

/** A key person the demo names (invented names, phones 0999… that belong to nobody). */
export interface DemoKeyPerson {
  communeId: string;
  /** The plan naming them: its number and date. */
  planNumber: string;
  planIssuedOn: string;
  villageId: string;
  role: KeyPersonRoleName;
  /** Revisions, oldest first: a replaced person stays as history. */
  revisions: Array<{ fullName: string; phone: string | null; certifiedOn: string | null; reason?: string }>;
}

const FAMILY = ['Đinh', 'Phạm', 'Huỳnh', 'Nguyễn', 'Trần', 'Lê', 'Võ'];
const MIDDLE_MEN = ['Văn', 'Minh', 'Thanh', 'Quốc', 'Đức'];
const MIDDLE_WOMEN = ['Thị', 'Thị Kim', 'Thị Thu', 'Ngọc'];
const GIVEN_MEN = ['Hùng', 'Dũng', 'Lâm', 'Sơn', 'Tài', 'Phúc', 'Bình', 'Trung', 'Hòa', 'Khánh', 'Thắng', 'Lực'];
const GIVEN_WOMEN = ['Hoa', 'Lan', 'Mai', 'Hương', 'Nga', 'Thủy', 'Liên', 'Hạnh'];

/** A made-up mobile number of the 0999 block, by village and role: e.g. 0999 008 101. */
const demoPhone = (village: number, role: number, n = 1) => `0999${pad(village).padStart(3, '0')}${role}${pad(n)}`;

/**
 * Ba Tô's 14 villages each with a village head, a Party cell secretary and a head of the Front work committee (76/KH-
 * UBND names them; the commune's letter requires "14/14 … phải hoàn thành và có giấy chứng nhận"), most certified
 * in October–November 2025 and a few not yet; Làng Mâm's village head was replaced in November (history kept).
 * Ngọk Bay's plan names the heads of its first six villages. Deterministic (seeded).
 */
export function demoKeyPeople(): DemoKeyPerson[] {
  const rnd = seededRandom(2949);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  const person = () => {
    const woman = rnd() < 0.3;
    return `${pick(FAMILY)} ${pick(woman ? MIDDLE_WOMEN : MIDDLE_MEN)} ${pick(woman ? GIVEN_WOMEN : GIVEN_MEN)}`;
  };
  const dateIn = () => {
    const day = Math.floor(rnd() * 37); // 10/10 – 15/11/2025, the campaign's peak (before the 20/11 report)
    return new Date(Date.UTC(2025, 9, 10 + day)).toISOString().slice(0, 10);
  };
  const notYet: Record<KeyPersonRoleName, number[]> = {
    VILLAGE_HEAD: [8, 13],
    PARTY_CELL_SECRETARY: [],
    FRONT_HEAD: [3, 10, 14],
  };
  const roles: KeyPersonRoleName[] = ['VILLAGE_HEAD', 'PARTY_CELL_SECRETARY', 'FRONT_HEAD'];
  const people: DemoKeyPerson[] = [];
  for (const n of range(14)) {
    roles.forEach((role, r) => {
      const first = {
        fullName: person(),
        phone: role === 'FRONT_HEAD' && n % 4 === 0 ? null : demoPhone(n, r + 1),
        certifiedOn: notYet[role].includes(n) ? null : dateIn(),
      };
      const revisions =
        n === 2 && role === 'VILLAGE_HEAD'
          ? [
              { ...first, certifiedOn: '2025-10-20' },
              {
                fullName: person(),
                phone: demoPhone(n, r + 1, 2),
                certifiedOn: '2025-11-14',
                reason: 'Thôn bầu trưởng thôn mới (demo)',
              },
            ]
          : [first];
      people.push({
        communeId: BA_TO_PLAN.communeId,
        planNumber: BA_TO_PLAN.number,
        planIssuedOn: BA_TO_PLAN.issuedOn,
        villageId: v('02949', n),
        role,
        revisions,
      });
    });
  }
  for (const n of range(6)) {
    people.push({
      communeId: NGOK_BAY_PLAN.communeId,
      planNumber: NGOK_BAY_PLAN.number,
      planIssuedOn: NGOK_BAY_PLAN.issuedOn,
      villageId: v('02032', n),
      role: 'VILLAGE_HEAD',
      revisions: [{ fullName: person(), phone: demoPhone(100 + n, 1), certifiedOn: n <= 4 ? dateIn() : null }],
    });
  }
  return people;
}
