/**
 * Outbox retention (issue 26, item 1): a replay reaches back only the replay window (hub.ts), so the live events
 * older than it are deleted, and so are the submissions older than it that the coalescing publisher has passed
 * (publisher.ts; nothing else reads them). The highest deleted sequence number is kept in `outbox_pruned`: a
 * subscriber resuming from before it is told RELOAD_REQUIRED (hub.ts `replayGap`), as for any event past the window.
 * Cheap and safe with several processes: a bounded delete of rows no other process is deleting (skip locked), and
 * the mark only ever rises.
 */
import { PROGRESS_UPDATED, RANK_CHANGED } from './store';
import { LIVE_PUBLISHER } from './publisher';

type Query = (sql: string, params: unknown[]) => Promise<{ rows: Array<Record<string, unknown>> }>;

/** Rows deleted per run; a backlog goes in several runs. */
export const PRUNE_BATCH = 5000;

/** Deletes one batch of expired rows; returns how many. */
export async function pruneOutbox(query: Query, retentionMs: number, limit = PRUNE_BATCH): Promise<number> {
  const { rows } = await query(
    `with expired as (
       select e.seq from reports.outbox_event e
        where e.created_at < now() - make_interval(secs => $1::double precision / 1000)
          and (e.topic in ($2, $3)
               or (e.topic = $4 and e.seq <= coalesce((select o.last_seq from reports.event_offset o where o.name = $5), 0)))
        order by e.seq limit $6 for update skip locked
     ), gone as (
       delete from reports.outbox_event e using expired x where e.seq = x.seq returning e.seq
     ), mark as (
       insert into reports.outbox_pruned (id, through) select 1, max(seq) from gone having count(*) > 0
       on conflict (id) do update set through = greatest(outbox_pruned.through, excluded.through), pruned_at = now()
     )
     select count(*)::int as n from gone`,
    [retentionMs, PROGRESS_UPDATED, RANK_CHANGED, 'report.submitted', LIVE_PUBLISHER.name, limit],
  );
  return Number(rows[0].n);
}

/** The interval between runs: OUTBOX_PRUNE_INTERVAL_SECONDS, default 10 minutes. */
export function pruneIntervalMs(env: NodeJS.ProcessEnv = process.env): number {
  const seconds = Number(env.OUTBOX_PRUNE_INTERVAL_SECONDS || 600);
  if (!(seconds > 0))
    throw new Error(
      `OUTBOX_PRUNE_INTERVAL_SECONDS must be a positive number, got "${env.OUTBOX_PRUNE_INTERVAL_SECONDS}"`,
    );
  return seconds * 1000;
}
