/**
 * The SQL behind the chase lists and the rewards (chase/resolvers.ts), as DataLoaders: a request asking
 * for every commune of a province makes the same number of statements as one asking for a single commune.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { IsoDate } from '../../../shared/pure/dates';
import { argLoader, listLoader } from '../../common/loaders';
import type { ChaseCommune, CommuneTally, Reporter, Submission } from './rules';

export interface PersonRow {
  reportId: number;
  name: string;
  role: 'OFFICIAL' | 'RESIDENT';
  certified: boolean;
  guided: number;
  /** The row's place in the statement's `order by name`, so lists merged from several reports keep that order. */
  order: number;
}

/** The villages and units of communes, by name, closed ones too (with their closing day). */
function loadReporters(em: EntityManager, communeIds: readonly string[]) {
  return em.execute<Array<Reporter & { communeId: string }>>(
    `select id, name, level, commune_id as "communeId", closed_on::text as "closedOn", unit_type as "unitType"
       from reports.area
      where commune_id in (?) and level in ('VILLAGE', 'UNIT') order by name`,
    [communeIds],
  );
}

/** When each reporter of the communes first submitted a report for the date. */
async function loadFirstSubmissions(
  em: EntityManager,
  communeIds: readonly string[],
  reportDate: IsoDate,
): Promise<Map<string, Submission[]>> {
  const rows = await em.execute<Array<Submission & { communeId: string }>>(
    `select commune_id as "communeId", reporter_id as "reporterId", min(submitted_at) as first
       from reports.unit_report where commune_id in (?) and report_date = ? group by commune_id, reporter_id`,
    [communeIds, reportDate],
  );
  const out = new Map<string, Submission[]>();
  for (const r of rows) out.set(r.communeId, [...(out.get(r.communeId) ?? []), r]);
  return out;
}

/** When each reporter of the communes first submitted a report dated within [from, to]. */
async function loadFirstInWindow(
  em: EntityManager,
  communeIds: readonly string[],
  { from, to }: { from: IsoDate; to: IsoDate },
): Promise<Map<string, Submission[]>> {
  const rows = await em.execute<Array<Submission & { communeId: string }>>(
    `select commune_id as "communeId", reporter_id as "reporterId", min(submitted_at) as first
       from reports.unit_report where commune_id in (?) and report_date between ? and ? group by commune_id, reporter_id`,
    [communeIds, from, to],
  );
  const out = new Map<string, Submission[]>();
  for (const r of rows) out.set(r.communeId, [...(out.get(r.communeId) ?? []), r]);
  return out;
}

/** The communes of provinces with how many villages and units each has, by name. */
function loadCommunes(em: EntityManager, provinceIds: readonly string[]) {
  return em.execute<Array<ChaseCommune & { provinceId: string }>>(
    `select c.id, c.name, c.province_id as "provinceId",
            (select count(*)::int from reports.area a
              where a.commune_id = c.id and a.level in ('VILLAGE', 'UNIT')) as reporters
       from reports.area c where c.province_id in (?) and c.level = 'COMMUNE' order by c.name`,
    [provinceIds],
  );
}

/** Per commune of the provinces: the first submission dated within [from, to] and how many reporters sent one. */
async function loadTallies(
  em: EntityManager,
  provinceIds: readonly string[],
  { from, to }: { from: IsoDate; to: IsoDate },
): Promise<Map<string, CommuneTally[]>> {
  const rows = await em.execute<Array<CommuneTally & { provinceId: string }>>(
    `select province_id as "provinceId", commune_id as "communeId", min(submitted_at) as first,
            count(distinct reporter_id)::int as reported
       from reports.unit_report where province_id in (?) and report_date between ? and ?
      group by province_id, commune_id`,
    [provinceIds, from, to],
  );
  const out = new Map<string, CommuneTally[]>();
  for (const r of rows) out.set(r.provinceId, [...(out.get(r.provinceId) ?? []), r]);
  return out;
}

async function loadPeople(em: EntityManager, reportIds: readonly number[]): Promise<PersonRow[]> {
  const rows = await em.execute<Array<Omit<PersonRow, 'order'>>>(
    `select report_id as "reportId", name, role, certified, guided from reports.report_person
      where report_id in (?) order by name`,
    [reportIds],
  );
  return rows.map((r, order) => ({ ...r, order }));
}

/** Loaders for one request. */
export function createChaseLoaders(em: EntityManager) {
  return {
    /** A commune's villages and units, by name. */
    reporters: listLoader<string, Reporter & { communeId: string }>(
      (ids) => loadReporters(em, ids),
      (r) => r.communeId,
    ),
    /** `{ key: communeId, arg: reportDate }`: first submission per reporter of the commune for the date. */
    firstSubmissions: argLoader<IsoDate, string, Submission[]>(
      (ids, reportDate) => loadFirstSubmissions(em, ids, reportDate),
      [],
    ),
    /** `{ key: communeId, arg: { from, to } }`: first submission per reporter of the commune dated in the window. */
    firstInWindow: argLoader<{ from: IsoDate; to: IsoDate }, string, Submission[]>(
      (ids, window) => loadFirstInWindow(em, ids, window),
      [],
    ),
    /** A province's communes with their number of reporters, by name. */
    communes: listLoader<string, ChaseCommune & { provinceId: string }>(
      (ids) => loadCommunes(em, ids),
      (c) => c.provinceId,
    ),
    /** `{ key: provinceId, arg: { from, to } }`: per commune, who reported within the window. */
    tallies: argLoader<{ from: IsoDate; to: IsoDate }, string, CommuneTally[]>(
      (ids, window) => loadTallies(em, ids, window),
      [],
    ),
    /** The people named in a report, in name order (PersonRow.order keeps it across reports). */
    people: new DataLoader<number, PersonRow[]>(async (reportIds) => {
      const byReport = new Map<number, PersonRow[]>();
      for (const row of await loadPeople(em, reportIds))
        byReport.set(row.reportId, [...(byReport.get(row.reportId) ?? []), row]);
      return reportIds.map((id) => byReport.get(id) ?? []);
    }),
  };
}

export type ChaseLoaders = ReturnType<typeof createChaseLoaders>;
