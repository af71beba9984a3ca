/**
 * A commune report's figures, drafted from the hub's own data as of the request's last day (or today), and the
 * request they answer. Read by the draft's fields and frozen by the submission (store.ts).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { todayInVietnam, type IsoDate } from '../../../shared/pure/dates';
import { bilingual, NotFoundError } from '../../../shared/pure/errors';
import type { DeadlineData } from '../../../shared/vocabulary/model';
import { DirectiveTarget } from '../entities/DirectiveTarget';
import type { ReportsLoaders } from '../loaders';
import { GROUPS } from '../progress/rules';
import type { MeasurePoint } from '../targets/status';
import { figuresDay, findRequest } from './rules';

/** The figures a report states, as drafted from the hub's data and frozen at submission. */
export interface ReportFiguresValue {
  asOf: IsoDate;
  learners: number;
  adults: number | null;
  participationRate: number | null;
  figuresDate: IsoDate | null;
  groups: Array<{ group: string; registered: number; completed: number; certified: number }>;
  villages: Array<{
    id: string;
    name: string;
    level: string;
    formerCommune: string | null;
    learners: number;
    adults: number | null;
    participationRate: number | null;
    figuresDate: IsoDate | null;
  }>;
  /** Stored with the report: `change` is the rank move (ranking/rules.ts), named as GraphQL's ReportRank names it. */
  rank: { position: number; outOf: number; previous: number | null; change: number | null } | null;
  /** Villages and units with no report by the figures' date. */
  notReported: Array<{ id: string; name: string; level: string }>;
  /**
   * What its targets are judged from, added when it is submitted (store.ts): the commune's counts and denominators at
   * the figure dates up to asOf (not a GraphQL field). Absent in a draft, and in a report submitted before they were
   * kept: judged from the live data then.
   */
  targetSeries?: MeasurePoint[];
}

/** A reporting request of a directive: its id, number and the one-off deadline. */
export interface RequestValue {
  directiveId: string;
  number: string;
  deadline: DeadlineData;
}

/** The request's deadline, from the directive's targets kept here (NOT_FOUND / BAD_USER_INPUT). */
export async function findReportingRequest(
  em: EntityManager,
  provinceId: string,
  directiveId: string,
  dueOn: IsoDate,
): Promise<RequestValue> {
  const directive = await em.findOne(DirectiveTarget, { directiveId });
  if (!directive || directive.provinceId !== provinceId)
    throw new NotFoundError(
      bilingual(
        `Không tìm thấy văn bản chỉ đạo "${directiveId}" của tỉnh`,
        `no directive ${directiveId} in the province`,
      ),
    );
  const deadline = findRequest(directive.deadlines as unknown as DeadlineData[], dueOn, directive.number);
  return { directiveId, number: directive.number, deadline };
}

/** The commune's figures as of the request's last day (or today): one snapshot and one ranking per province. */
export async function draftFigures(
  loaders: ReportsLoaders,
  provinceId: string,
  communeId: string,
  deadline: DeadlineData,
): Promise<ReportFiguresValue> {
  const asOf = figuresDay(deadline, todayInVietnam());
  const [snapshot, ranked] = await Promise.all([
    loaders.snapshot.load({ provinceId, asOf }),
    loaders.ranking.load({ provinceId, asOf }),
  ]);
  const p = snapshot.progress(communeId);
  const children = snapshot.children(communeId).filter((a) => a.level === 'VILLAGE' || a.level === 'UNIT');
  const r = ranked.find((x) => x.communeId === communeId);
  return {
    asOf,
    learners: p.learners,
    adults: p.adults,
    participationRate: p.participationRate,
    figuresDate: p.figuresDate,
    groups: GROUPS.map((group) => ({ group, ...(p.groups?.[group] ?? { registered: 0, completed: 0, certified: 0 }) })),
    villages: children.map((a) => {
      const v = snapshot.progress(a.id);
      return {
        id: a.id,
        name: a.name,
        level: a.level,
        formerCommune: a.formerCommune,
        learners: v.learners,
        adults: v.adults,
        participationRate: v.participationRate,
        figuresDate: v.figuresDate,
      };
    }),
    rank: r ? { position: r.position, outOf: r.outOf, previous: r.previous, change: r.move } : null,
    notReported: children
      .filter((a) => !snapshot.latestReport(a.id))
      .map((a) => ({ id: a.id, name: a.name, level: a.level })),
  };
}
