/**
 * National demo reports: a learner curve for every commune outside Quảng Ngãi (whose curves follow the letters, see
 * data.ts), GENERATED and deterministic from the commune's id. The weekly reports then follow these curves exactly as
 * Quảng Ngãi's do (data.ts weeklyReports). Plain data in, plain data out: no ORM here.
 */
import { seededRandom } from '../../common/random';
import type { CommuneCurve, DemoCommune } from './data';

function idSeed(id: string): number {
  let h = 2166136261;
  for (const ch of `curve:${id}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return h >>> 0;
}

/** Around 1–4 % of adults learning by late October, 4–10 times that by early December. */
export function nationalCurves(communes: DemoCommune[]): CommuneCurve[] {
  return communes.map((c) => {
    const rnd = seededRandom(idSeed(c.id));
    const r21 = 0.008 + rnd() * 0.032;
    const r26 = r21 * (1.05 + rnd() * 0.25);
    const officialsShare = 0.45 + rnd() * 0.3;
    const growth = 4 + rnd() * 6;
    const l21 = Math.max(1, Math.round(r21 * c.adults));
    const l26 = Math.max(l21, Math.round(r26 * c.adults));
    const split = (l: number) => {
      const officials = Math.round(l * officialsShare);
      return { officials, residents: l - officials };
    };
    return {
      communeId: c.id,
      officialsShare,
      portal: { '2025-10-21': split(l21), '2025-10-26': split(l26) },
      anchors: [
        ['2025-10-03', Math.round(l21 * 0.35)],
        ['2025-10-21', l21],
        ['2025-10-26', l26],
        ['2025-12-05', Math.round(l26 * growth)],
      ],
    };
  });
}
