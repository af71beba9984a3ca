/**
 * Demo reports for Quảng Ngãi: GENERATED figures (rows carry demo = true), deterministic, consistent with what the
 * seed letters state. The portal's statistics of 21 and 26 Oct 2025 are generated for all 96 communes so that Ba Tô
 * has exactly its published figures (188 learners: 130 officials + 58 residents; then 208: 144 + 64) and its
 * published ranks (34, then 38: "down 4"). Weekly village and unit reports (Fridays from 31 Oct to 5 Dec 2025)
 * follow each commune's curve through those points. Plain data in, plain data out: no ORM here.
 */
import { seededRandom } from '../../common/random';
import { allocate, interpolate } from './math';
import type { StudentLevelFigures } from '../intake/validation';
const figuresOfTriple = ([registered, completed, certified]: [number, number, number]) => ({
  registered,
  completed,
  certified,
});

export interface DemoReporter {
  id: string;
  level: 'VILLAGE' | 'UNIT';
  unitType: string | null;
  staff: number | null;
  adults: number | null;
}

export interface DemoCommune {
  id: string;
  name: string;
  adults: number;
  reporters: DemoReporter[];
}

export interface DemoReportRow {
  reporterId: string;
  reporterLevel: 'VILLAGE' | 'UNIT';
  communeId: string;
  reportDate: string;
  submittedAt: string;
  officials: [number, number, number];
  residents: [number, number, number];
  students: [number, number, number];
  workers: [number, number, number];
  guidedResidents: number;
  /** Villages only: adults with a digital signature / a level-2 VNeID account / skills confirmed on VNeID (cumulative). */
  digitalSignatures?: number | null;
  vneidConfirmed?: number | null;
  vneidSkills?: number | null;
  /** The THCS school only: its students by level with the level's enrolment (illustrative, like every demo figure). */
  studentLevels?: StudentLevelFigures[] | null;
}

export interface DemoPortalRow {
  communeId: string;
  date: string;
  rank: number;
  learners: number;
  officialsRegistered: number;
  residentsRegistered: number;
  officialsPercent: number;
  residentsPercent: number;
}

export const PORTAL_DATES = ['2025-10-21', '2025-10-26'] as const;
/** Weekly reporting (every Friday afternoon) started after the peak-campaign letters of late October. */
export const REPORT_FRIDAYS = ['2025-10-31', '2025-11-07', '2025-11-14', '2025-11-21', '2025-11-28', '2025-12-05'];
const BA_TO = {
  name: 'Ba Tô',
  d21: { officials: 130, residents: 58 },
  d26: { officials: 144, residents: 64 },
  rank21: 34,
  rank26: 38,
};

const random = seededRandom;

export interface CommuneCurve {
  communeId: string;
  anchors: Array<[string, number]>;
  officialsShare: number;
  portal: Record<(typeof PORTAL_DATES)[number], { officials: number; residents: number }>;
}

/**
 * Learner curves for every commune such that, ranked by learners / adults, Ba Tô is 34th on 21 Oct and 38th on
 * 26 Oct: 33 communes above it on both dates, 4 that overtake it between the two, and the rest below.
 */
export function communeCurves(communes: DemoCommune[]): CommuneCurve[] {
  const rnd = random(20251026);
  const baTo = communes.find((c) => c.name === BA_TO.name);
  const others = communes.filter((c) => c !== baTo);
  const rate21 = baTo ? (BA_TO.d21.officials + BA_TO.d21.residents) / baTo.adults : 0.02;
  const rate26 = baTo ? (BA_TO.d26.officials + BA_TO.d26.residents) / baTo.adults : 0.022;
  const shuffled = [...others]
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((c) => [rnd(), c] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([, c]) => c);
  const aboveBoth = baTo ? BA_TO.rank21 - 1 : 0;
  const risers = baTo ? BA_TO.rank26 - BA_TO.rank21 : 0;
  return communes.map((c) => {
    let r21: number;
    let r26: number;
    if (c === baTo) {
      r21 = rate21;
      r26 = rate26;
    } else {
      const i = shuffled.indexOf(c);
      if (i < aboveBoth) {
        r26 = rate26 * (1.3 + rnd() * 2.5);
        r21 = Math.max(rate21 * 1.08, r26 * (0.8 + rnd() * 0.12));
      } else if (i < aboveBoth + risers) {
        r21 = rate21 * (0.7 + rnd() * 0.2);
        r26 = rate26 * (1.1 + rnd() * 0.2);
      } else {
        r26 = rate26 * (0.2 + rnd() * 0.65);
        r21 = Math.min(rate21 * 0.92, r26 * (0.8 + rnd() * 0.15));
      }
    }
    const officialsShare =
      c === baTo ? BA_TO.d26.officials / (BA_TO.d26.officials + BA_TO.d26.residents) : 0.45 + rnd() * 0.3;
    const l21 = Math.max(1, Math.round(r21 * c.adults));
    const l26 = Math.max(l21, Math.round(r26 * c.adults));
    const split = (l: number) => {
      const officials = Math.round(l * officialsShare);
      return { officials, residents: l - officials };
    };
    const portal =
      c === baTo
        ? { '2025-10-21': BA_TO.d21, '2025-10-26': BA_TO.d26 }
        : { '2025-10-21': split(l21), '2025-10-26': split(l26) };
    const growth = 4 + rnd() * 6; // the peak campaign multiplies learners by 4–10 by early December
    const anchors: Array<[string, number]> = [
      ['2025-10-03', Math.round(l21 * 0.35)],
      ['2025-10-21', l21],
      ['2025-10-26', l26],
      ['2025-12-05', Math.round(l26 * growth)],
    ];
    return { communeId: c.id, anchors, officialsShare, portal };
  });
}

export function portalRows(communes: DemoCommune[], curves: CommuneCurve[]): DemoPortalRow[] {
  const rows: DemoPortalRow[] = [];
  for (const date of PORTAL_DATES) {
    const entries = curves.map((cv) => {
      const c = communes.find((x) => x.id === cv.communeId)!;
      const p = cv.portal[date];
      return { c, p, rate: (p.officials + p.residents) / c.adults };
    });
    entries.sort(
      (a, b) =>
        b.rate - a.rate ||
        b.p.officials + b.p.residents - (a.p.officials + a.p.residents) ||
        (a.c.id < b.c.id ? -1 : 1),
    );
    entries.forEach((e, i) => {
      rows.push({
        communeId: e.c.id,
        date,
        rank: i + 1,
        learners: e.p.officials + e.p.residents,
        officialsRegistered: e.p.officials,
        residentsRegistered: e.p.residents,
        officialsPercent: Math.round((e.p.officials / e.c.adults) * 10000) / 100,
        residentsPercent: Math.round((e.p.residents / e.c.adults) * 10000) / 100,
      });
    });
  }
  return rows;
}

/** Weekly cumulative reports of every village and unit, following the commune's curve. */
export function weeklyReports(communes: DemoCommune[], curves: CommuneCurve[]): DemoReportRow[] {
  const rows: DemoReportRow[] = [];
  for (const c of communes) {
    const curve = curves.find((x) => x.communeId === c.id)!;
    const rnd = random(Number(c.id.replace(/\D/g, '')) || 1);
    const villages = c.reporters.filter((r) => r.level === 'VILLAGE');
    const staffUnits = c.reporters.filter(
      (r) => r.level === 'UNIT' && r.unitType !== 'DIGITAL_TEAM' && r.unitType !== 'COOPERATIVE',
    );
    // The lower-secondary school (THCS) reports its students; it is the last school of a commune in the demo registry.
    const school = [...c.reporters].reverse().find((r) => r.unitType === 'SCHOOL');
    const coop = c.reporters.find((r) => r.unitType === 'COOPERATIVE');
    const teams = c.reporters.filter((r) => r.unitType === 'DIGITAL_TEAM');
    // Some reporters are habitually late or silent: the commune's Friday chase list.
    // The unit numbered last (the Phòng Văn hóa – Xã hội, added to the demo registry after the others) draws last, so
    // that every other reporter's demo history stays as it was.
    const units = c.reporters.filter((r) => r.level === 'UNIT');
    const newest = units.length ? units.reduce((a, b) => (a.id > b.id ? a : b)) : null;
    const drawOrder = [...c.reporters.filter((r) => r !== newest), ...(newest ? [newest] : [])];
    const habit = new Map(drawOrder.map((r) => [r.id, rnd()]));
    // The school's enrolment: constant over the weeks, 90% of it registered by the last Friday.
    const enrolled = Math.max(1, Math.round((interpolate(curve.anchors, REPORT_FRIDAYS.at(-1)!) * 0.1) / 0.9));
    REPORT_FRIDAYS.forEach((date, week) => {
      const learners = interpolate(curve.anchors, date);
      const officials = Math.min(
        Math.round(learners * curve.officialsShare),
        staffUnits.reduce((s, u) => s + (u.staff ?? 0), 0),
      );
      const residentsAll = learners - officials;
      const students = school ? Math.round(residentsAll * 0.1) : 0;
      const workers = coop ? Math.round(residentsAll * 0.05) : 0;
      const residents = residentsAll - students - workers;
      const progress = Math.min(1, (week + 1) / REPORT_FRIDAYS.length);
      const triple = (registered: number): [number, number, number] => {
        const completed = Math.floor(registered * (0.15 + 0.65 * progress));
        return [registered, completed, Math.floor(completed * 0.85)];
      };
      const officialsBy = allocate(
        officials,
        staffUnits.map((u) => u.staff ?? 1),
        staffUnits.map((u) => u.staff),
      );
      const residentsBy = allocate(
        residents,
        villages.map((v) => v.adults ?? 1),
      );
      const submit = (
        r: DemoReporter,
        row: Omit<DemoReportRow, 'reporterId' | 'reporterLevel' | 'communeId' | 'reportDate' | 'submittedAt'>,
      ) => {
        const h = habit.get(r.id)!;
        if (h > 0.93 && week % 2 === 1) return; // misses every other week
        const late = h > 0.85;
        rows.push({
          reporterId: r.id,
          reporterLevel: r.level,
          communeId: c.id,
          reportDate: date,
          submittedAt: late ? `${date}T10:30:00Z` : `${date}T08:00:00Z`, // 15:00 on time (UTC+7); late ones arrive 17:30
          ...row,
        });
      };
      const zero: [number, number, number] = [0, 0, 0];
      villages.forEach((v, i) =>
        submit(v, {
          officials: zero,
          residents: triple(residentsBy[i]),
          students: zero,
          workers: zero,
          guidedResidents: Math.round(residentsBy[i] * 0.3),
          // The adult measures rise over the weeks: signatures from 30% towards 55%, level-2 VNeID accounts from 45%
          // towards 75%, skills confirmed on VNeID (which follow the course) from 10% towards 40%.
          digitalSignatures: Math.round((villages[i].adults ?? 0) * (0.3 + 0.25 * progress)),
          vneidConfirmed: Math.round((villages[i].adults ?? 0) * (0.45 + 0.3 * progress)),
          vneidSkills: Math.round((villages[i].adults ?? 0) * (0.1 + 0.3 * progress)),
        }),
      );
      staffUnits.forEach((u, i) =>
        submit(u, {
          officials: triple(officialsBy[i]),
          residents: zero,
          students: u === school ? triple(students) : zero,
          workers: zero,
          guidedResidents: Math.round(officialsBy[i] * 1.5),
          studentLevels:
            u === school ? [{ level: 'LOWER_SECONDARY', enrolled, ...figuresOfTriple(triple(students)) }] : null,
        }),
      );
      if (coop)
        submit(coop, {
          officials: zero,
          residents: zero,
          students: zero,
          workers: triple(workers),
          guidedResidents: 0,
        });
      teams.forEach((t) =>
        submit(t, {
          officials: zero,
          residents: zero,
          students: zero,
          workers: zero,
          guidedResidents: Math.round((residents / Math.max(1, teams.length)) * 0.2),
        }),
      );
    });
  }
  return rows;
}
