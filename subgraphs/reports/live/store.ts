/**
 * Live events: after every write of figures (a report, a portal import, a population correction), the new progress
 * of the areas concerned and the rank move of every commune whose place moved in the province are written to the
 * reports outbox as `progress.updated` and `rank.changed`, in the same transaction as the write. Their sequence
 * numbers are the event ids clients resume from; NOTIFY (sent on commit) wakes every process that serves
 * subscriptions.
 *
 * The ranking last published per province is kept in `rank_state` (ranking/store.ts), so a rank move is measured
 * against what subscribers last saw, whichever process wrote it. Publications in one province are serialised by an
 * advisory lock.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { todayInVietnam } from '../../../shared/pure/dates';
import { appendEvents } from '../../common/outbox';
import type { ProgressValue } from '../progress/rules';
import { loadSnapshots } from '../progress/store';
import { rankMoves } from '../ranking/rules';
import { loadRankState, saveRankState } from '../ranking/store';

export const PROGRESS_UPDATED = 'progress.updated';
export const RANK_CHANGED = 'rank.changed';
export type Cause = 'REPORT' | 'PORTAL_IMPORT' | 'POPULATION' | 'REGISTRY';

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
  /** The rank move since `previous` (0 for a commune new to the ranking); `change` as GraphQL's RankChange names it. */
  change: number;
  progress: ProgressValue;
  /**
   * The rank moves one publication made in this province share it (one report, import or correction, or a
   * coalesced burst of reports), with their count: a screen folds them into one line without timing guesses.
   * Absent on events written before it existed.
   */
  batch?: string;
  batchSize?: number;
}

/** The areas whose progress a write under `areaId` moves: itself and every ancestor up to the province. */
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

/** The live events of one write, computed (and `rank_state` moved) but not yet in the outbox. */
export interface LiveEvents {
  progress: ProgressUpdatedPayload[];
  rank: RankChangedPayload[];
}

/**
 * Publishes the progress of `areaIds` (with ancestors) and the rank moves of their provinces, in `em`'s
 * transaction.
 */
export async function publishLiveEvents(em: EntityManager, areaIds: string[], cause: Cause): Promise<void> {
  await appendLiveEvents(em, (await prepareLiveEvents(em, areaIds, cause, { wait: true }))!);
}

/** Writes prepared events to the outbox (its lock is taken there: do it last in the transaction). */
export async function appendLiveEvents(em: EntityManager, events: LiveEvents): Promise<void> {
  await appendEvents(em, 'reports', PROGRESS_UPDATED, events.progress);
  await appendEvents(em, 'reports', RANK_CHANGED, events.rank);
}

/**
 * Computes the live events of a write under each province's lock and records the new ranking in `rank_state`.
 * With `wait: false` and one province, returns null at once, having done nothing, when another transaction holds
 * that province's lock: the caller leaves the publication to the coalescing consumer (publisher.ts).
 */
export async function prepareLiveEvents(
  em: EntityManager,
  areaIds: string[],
  cause: Cause,
  options: { wait: boolean },
): Promise<LiveEvents | null> {
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
    const published = await loadRankState(em, provinceId);
    // The first publication for a province only records the ranking: there is no earlier one to compare with.
    const moves = rankMoves(published.length > 0 ? published : null, snapshot.ranking());
    const movedCommunes = moves.filter((m) => m.previous !== m.position);
    if (published.length > 0) {
      const batch = randomUUID();
      for (const m of movedCommunes)
        rankEvents.push({
          provinceId,
          communeId: m.communeId,
          asOf,
          previous: m.previous,
          position: m.position,
          outOf: m.outOf,
          // The payload's `change` is never null (RankChange.change is Int!): a commune new to the ranking moved 0.
          change: m.move ?? 0,
          progress: snapshot.progress(m.communeId),
          batch,
          batchSize: movedCommunes.length,
        });
    }
    await saveRankState(em, provinceId, asOf, movedCommunes);
  }
  return { progress: progressEvents, rank: rankEvents };
}

/** Records the current ranking of a province without events (for a freshly seeded database). */
export async function initRankState(em: EntityManager, provinceId: string): Promise<void> {
  const asOf = todayInVietnam();
  const snapshot = (await loadSnapshots(em, [{ provinceId, asOf }])).get(`${provinceId}|${asOf}`)!;
  await saveRankState(em, provinceId, asOf, snapshot.ranking());
}
