/**
 * Reads behind `Query.nation`: the national view of a date, built from every province's snapshot in a fixed number
 * of statements whatever the number of provinces and communes (one for the provinces' ids, then the snapshot
 * loader's batch), then kept by the process's snapshot cache until a write retires it with the snapshots (a report,
 * an import, a registry event or another process's NOTIFY): a warm request makes no statement and no
 * ranking. Each commune entry carries its name and province from reports' own areas, so the gateway needs no
 * registry fetch for them (NationResolver's @provides).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { IsoDate } from '../../../shared/pure/dates';
import { codeOfArea } from '../../../shared/pure/ids';
import type { ReportsLoaders } from '../loaders';
import { hasFigures, nationalProgress, rankAreas } from './rules';
import type { ProgressValue } from '../progress/rules';

export interface NationalEntry {
  position: number;
  progress: ProgressValue;
}

export interface NationalProvinceEntry extends NationalEntry {
  province: { id: string; code: string; name: string };
}

export interface NationalCommuneEntry extends NationalEntry {
  commune: { id: string; name: string; province: { id: string; code: string } };
}

export interface NationView {
  progress: ProgressValue;
  /** The provinces with figures, ranked. */
  provinces: NationalProvinceEntry[];
  /** The provinces without any figures yet, by id: not ranked. */
  provincesWithoutFigures: Array<{ id: string; code: string; name: string }>;
  communes: NationalCommuneEntry[];
}

async function buildView(em: EntityManager, loaders: ReportsLoaders, asOf: IsoDate): Promise<NationView> {
  const rows = await em.execute<Array<{ id: string; name: string }>>(
    `select id, name from reports.area where level = 'PROVINCE' order by id`,
  );
  const names = new Map(rows.map((r) => [r.id, r.name]));
  const snapshots = (await loaders.snapshot.loadMany(rows.map((r) => ({ provinceId: r.id, asOf })))).map((s) => {
    if (s instanceof Error) throw s;
    return s;
  });
  // Only provinces with figures are ranked: one without any is listed apart, not placed last as if at 0%.
  const all = snapshots.map((s) => ({ id: s.provinceId, progress: s.progress(s.provinceId) }));
  const provinces = rankAreas(all.filter((p) => hasFigures(p.progress)));
  const provinceFacts = (id: string) => ({ id, code: codeOfArea(id), name: names.get(id)! });
  const communeFacts = new Map(
    snapshots.flatMap((s) => s.communes().map((c) => [c.id, { name: c.name, provinceId: s.provinceId }] as const)),
  );
  const communes = rankAreas(
    snapshots.flatMap((s) => s.communes().map((c) => ({ id: c.id, progress: s.progress(c.id) }))),
  );
  return {
    progress: nationalProgress(
      asOf,
      snapshots.map((s) => s.progress(s.provinceId)),
    ),
    provinces: provinces.map((p) => ({ position: p.position, province: provinceFacts(p.id), progress: p.progress })),
    provincesWithoutFigures: all.filter((p) => !hasFigures(p.progress)).map((p) => provinceFacts(p.id)),
    communes: communes.map((c) => {
      const { name, provinceId } = communeFacts.get(c.id)!;
      return {
        position: c.position,
        commune: { id: c.id, name, province: { id: provinceId, code: codeOfArea(provinceId) } },
        progress: c.progress,
      };
    }),
  };
}

/** The national view of a date: built once per write that retires it and shared by every request and every field of a request. */
export function nationView(em: EntityManager, loaders: ReportsLoaders, asOf: IsoDate): Promise<NationView> {
  return loaders.view(`nation|${asOf}`, () => buildView(em, loaders, asOf));
}
