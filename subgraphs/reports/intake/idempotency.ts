/**
 * Idempotency keys: a retried submission must say what the first one said. Plain functions: the content of an input
 * and of a stored report in one normal form, and the CONFLICT refusal when they differ.
 */
import { viDate, type IsoDate } from '../../../shared/pure/dates';
import { bilingual, ConflictError } from '../../../shared/pure/errors';
import { cleanText } from '../../../shared/pure/text';
import { GROUPS, type Figures } from '../progress/rules';
import type { ReportInputShape, StudentLevelFigures } from './validation';

/** What a submission says, normalised as it is stored: two submissions with the same content are the same report. */
export interface SubmissionContent {
  reportDate: IsoDate;
  figures: Figures;
  guidedResidents: number;
  digitalSignatures: number | null;
  vneidConfirmed: number | null;
  vneidSkills: number | null;
  studentLevels: StudentLevelFigures[] | null;
  note: string | null;
  people: Array<{ name: string; role: string; certified: boolean; guided: number }>;
}

/** The content of a validated input, as submitUnitReport stores it (names and note cleaned, defaults filled). */
export function contentOfInput(input: ReportInputShape, figures: Figures): SubmissionContent {
  return {
    reportDate: input.reportDate,
    figures,
    guidedResidents: input.guidedResidents ?? 0,
    digitalSignatures: input.digitalSignatures ?? null,
    vneidConfirmed: input.vneidConfirmed ?? null,
    vneidSkills: input.vneidSkills ?? null,
    studentLevels: input.studentLevels?.length ? input.studentLevels : null,
    note: input.note?.trim() || null,
    people: (input.people ?? []).map((p) => ({
      name: cleanText(p.name),
      role: p.role,
      certified: p.certified,
      guided: p.guided,
    })),
  };
}

type Count = 'Registered' | 'Completed' | 'Certified';
/** A stored report's columns (UnitReport), as far as its content goes. */
export type StoredFigures = { [K in `${'officials' | 'residents' | 'students' | 'workers'}${Count}`]: number } & {
  reportDate: IsoDate;
  guidedResidents: number;
  digitalSignatures: number | null;
  vneidConfirmed: number | null;
  vneidSkills: number | null;
  studentLevels: StudentLevelFigures[] | null;
  note: string | null;
};

/** What a stored report and its people say, in the form checkRetryMatches compares. */
export function contentOfRow(r: StoredFigures, people: SubmissionContent['people']): SubmissionContent {
  const group = (g: 'officials' | 'residents' | 'students' | 'workers') => ({
    registered: r[`${g}Registered`],
    completed: r[`${g}Completed`],
    certified: r[`${g}Certified`],
  });
  return {
    reportDate: r.reportDate,
    figures: {
      OFFICIALS: group('officials'),
      RESIDENTS: group('residents'),
      STUDENTS: group('students'),
      WORKERS: group('workers'),
    },
    guidedResidents: r.guidedResidents,
    digitalSignatures: r.digitalSignatures,
    vneidConfirmed: r.vneidConfirmed,
    vneidSkills: r.vneidSkills,
    studentLevels: r.studentLevels,
    note: r.note,
    people: people.map((p) => ({ name: p.name, role: p.role, certified: p.certified, guided: p.guided })),
  };
}

function canonical(c: SubmissionContent): string {
  const people = c.people.map((p) => JSON.stringify([p.name, p.role, p.certified, p.guided])).sort();
  const groups = GROUPS.map((g) => [c.figures[g].registered, c.figures[g].completed, c.figures[g].certified]);
  const adults = [c.digitalSignatures, c.vneidConfirmed, c.vneidSkills];
  const levels = (c.studentLevels ?? [])
    .map((l) => [l.level, l.enrolled, l.registered, l.completed, l.certified])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  return JSON.stringify([c.reportDate, groups, c.guidedResidents, adults, levels, c.note, people]);
}

/**
 * A retried submission (same idempotency key, same content) returns the first report; the same key with other
 * content (other figures, another date, other people) is a CONFLICT naming the first report, so that nothing a
 * clerk typed is dropped silently.
 */
export function checkRetryMatches(
  key: string,
  earlier: { id: number; content: SubmissionContent },
  retry: SubmissionContent,
): void {
  if (canonical(earlier.content) === canonical(retry)) return;
  const what = earlier.content.reportDate !== retry.reportDate ? 'ngày báo cáo khác' : 'số liệu khác';
  throw new ConflictError(
    bilingual(
      `Mã chống gửi trùng "${key}" đã được dùng cho báo cáo số ${earlier.id} ngày ${viDate(earlier.content.reportDate)}, ` +
        `nay được gửi lại với ${what}; không có gì được ghi. Nếu đây là báo cáo mới, hãy gửi với mã mới`,
      `idempotency key ${key} was already used by report ${earlier.id} with different content; nothing was written`,
    ),
    { reportId: earlier.id, idempotencyKey: key },
  );
}
