/**
 * The coalescing consumer of the reports' own outbox: publishes the live events of the reports that could not
 * publish them in their own transaction (their province was busy), a batch at a time (rules.ts). It runs in
 * every reports process; the consumer's locked position makes each batch published once, by one of them.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { isEvent, type OutboxEvent } from '../../common/events';
import { coalesceReports } from './rules';
import { publishLiveEvents } from './store';

export async function publishCoalesced(em: EntityManager, events: OutboxEvent[]): Promise<void> {
  const { areaIds } = coalesceReports(events.flatMap((e) => (isEvent(e, 'report.submitted') ? [e.payload] : [])));
  if (areaIds.length > 0) await publishLiveEvents(em, areaIds, 'REPORT');
}

export const LIVE_PUBLISHER = {
  producer: 'reports' as const,
  consumer: 'reports' as const,
  name: 'reports-live',
  topics: ['report.submitted'],
  // Reports submitted before this consumer first ran published their events themselves.
  startAtEnd: true,
  // It publishes live events only; the report that woke it retired the snapshots it changed (progress/cache.ts).
  leavesAnswers: true,
  handle: async () => undefined,
  afterBatch: publishCoalesced,
};
