/**
 * Live events: after every change of figures (a report, a portal import, a population correction), the new
 * progress of the areas concerned and every change of rank in the province are written to the reports outbox as
 * `progress.updated` and `rank.changed`, in the same transaction as the change. Their sequence numbers are the
 * event ids clients resume from; NOTIFY (sent on commit) wakes every process that serves subscriptions.
 *
 * The ranking last published per province is kept in `rank_state`, so a change is measured against what
 * subscribers last saw, whichever process wrote it. Changes in one province are serialised by an advisory lock.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { todayInVietnam } from '../../shared/pure/dates';
import { appendEvents } from '../common/outbox';
import type { ProgressValue } from './progress';
import { loadSnapshots } from './snapshot-queries';

export const PROGRESS_UPDATED = 'progress.updated';
export const RANK_CHANGED = 'rank.changed';
export type Cause = 'REPORT' | 'PORTAL_IMPORT' | 'POPULATION';

export interface ProgressUpdatedPayload {
  areaId: string;
  level: string;
  provinceId: string;
  asOf: string;
  cause: Cause;
  progress: ProgressValue;
}

export interface RankChangedPayload {
  provinceId: string;
  communeId: string;
  asOf: string;
  previous: number | null;
  position: number;
  outOf: number;
  change: number;
  progress: ProgressValue;
  /**
   * The rank changes one publication made in this province share it (one report, import or correction, or a
   * coalesced burst of reports), with their count: a screen folds them into one line without timing guesses.
   * Absent on events written before it existed.
   */
  batch?: string;
  batchSize?: number;
}

/** The areas whose progress a change under `areaId` moves: itself and every ancestor up to the province. */
export async function withAncestors(
  em: EntityManager,
  areaIds: string[],
): Promise<Array<{ id: string; provinceId: string }>> {
  if (areaIds.length === 0) return [];
  return em.execute(
    `select distinct x.id, x."provinceId" from (
       select a.id, a.province_id as "provinceId" from reports.area a where a.id in (?)
       union select a.commune_id, a.province_id from reports.area a where a.id in (?) and a.commune_id is not null
       union select a.province_id, a.province_id from reports.area a where a.id in (?)
     ) x`,
    [areaIds, areaIds, areaIds],
  );
}

/** The events of one change, computed (and `rank_state` moved) but not yet in the outbox. */
export interface PreparedChanges {
  progress: ProgressUpdatedPayload[];
  rank: RankChangedPayload[];
}

/**
 * Publishes the progress of `areaIds` (with ancestors) and the rank changes of their provinces, in `em`'s
 * transaction.
 */
export async function publishChanges(em: EntityManager, areaIds: string[], cause: Cause): Promise<void> {
  await appendChanges(em, (await prepareChanges(em, areaIds, cause, { wait: true }))!);
}

/** Writes prepared events to the outbox (its lock is taken there: do it last in the transaction). */
export async function appendChanges(em: EntityManager, changes: PreparedChanges): Promise<void> {
  await appendEvents(em, 'reports', PROGRESS_UPDATED, changes.progress);
  await appendEvents(em, 'reports', RANK_CHANGED, changes.rank);
}

/**
 * Computes the events of a change under each province's lock and records the new ranking in `rank_state`.
 * With `wait: false` and one province, returns null at once, having done nothing, when another transaction holds
 * that province's lock: the caller leaves the publication to the coalescing consumer (live-publisher.ts).
 */
export async function prepareChanges(
  em: EntityManager,
  areaIds: string[],
  cause: Cause,
  options: { wait: boolean },
): Promise<PreparedChanges | null> {
  const areas = await withAncestors(em, areaIds);
  const provinces = [...new Set(areas.map((a) => a.provinceId))].sort();
  const asOf = todayInVietnam();
  if (!options.wait && provinces.length === 1) {
    const [{ locked }] = await em.execute<Array<{ locked: boolean }>>(
      `select pg_try_advisory_xact_lock(hashtext(?)) as locked`,
      [`live:${provinces[0]}`],
    );
    if (!locked) return null;
  } else {
    for (const provinceId of provinces)
      await em.execute(`select pg_advisory_xact_lock(hashtext(?))`, [`live:${provinceId}`]);
  }
  const snapshots = await loadSnapshots(
    em,
    provinces.map((provinceId) => ({ provinceId, asOf })),
  );
  const progressEvents: ProgressUpdatedPayload[] = [];
  const rankEvents: RankChangedPayload[] = [];
  for (const a of areas) {
    const snapshot = snapshots.get(`${a.provinceId}|${asOf}`)!;
    const area = snapshot.area(a.id);
    if (area)
      progressEvents.push({
        areaId: a.id,
        level: area.level,
        provinceId: a.provinceId,
        asOf,
        cause,
        progress: snapshot.progress(a.id),
      });
  }
  for (const provinceId of provinces) {
    const snapshot = snapshots.get(`${provinceId}|${asOf}`)!;
    const ranking = snapshot.ranking();
    const before = new Map(
      (
        await em.execute<Array<{ communeId: string; position: number }>>(
          `select commune_id as "communeId", position from reports.rank_state where province_id = ?`,
          [provinceId],
        )
      ).map((r) => [r.communeId, r.position]),
    );
    const changed = ranking.filter((r) => before.get(r.communeId) !== r.position);
    // The first publication for a province only records the ranking: there is no earlier one to compare with.
    if (before.size > 0) {
      const batch = randomUUID();
      for (const r of changed) {
        const previous = before.get(r.communeId) ?? null;
        rankEvents.push({
          provinceId,
          communeId: r.communeId,
          asOf,
          previous,
          position: r.position,
          outOf: r.outOf,
          change: previous === null ? 0 : previous - r.position,
          progress: snapshot.progress(r.communeId),
          batch,
          batchSize: changed.length,
        });
      }
    }
    if (changed.length > 0) {
      for (let i = 0; i < changed.length; i += 500) {
        const chunk = changed.slice(i, i + 500);
        await em.execute(
          `insert into reports.rank_state (province_id, commune_id, position, out_of, as_of)
           values ${chunk.map(() => '(?, ?, ?, ?, ?)').join(', ')}
           on conflict (province_id, commune_id) do update set position = excluded.position,
              out_of = excluded.out_of, as_of = excluded.as_of, updated_at = now()`,
          chunk.flatMap((r) => [provinceId, r.communeId, r.position, r.outOf, asOf]),
        );
      }
    }
  }
  return { progress: progressEvents, rank: rankEvents };
}

/** Records the current ranking of a province without events (for a freshly seeded database). */
export async function initRankState(em: EntityManager, provinceId: string): Promise<void> {
  const asOf = todayInVietnam();
  const snapshot = (await loadSnapshots(em, [{ provinceId, asOf }])).get(`${provinceId}|${asOf}`)!;
  const ranking = snapshot.ranking();
  if (ranking.length === 0) return;
  await em.execute(
    `insert into reports.rank_state (province_id, commune_id, position, out_of, as_of)
     values ${ranking.map(() => '(?, ?, ?, ?, ?)').join(', ')}
     on conflict (province_id, commune_id) do update set position = excluded.position,
        out_of = excluded.out_of, as_of = excluded.as_of, updated_at = now()`,
    ranking.flatMap((r) => [provinceId, r.communeId, r.position, r.outOf, asOf]),
  );
}
