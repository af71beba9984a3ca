import type { EntityManager } from '@mikro-orm/postgresql';
import type { SubgraphName } from '../../shared/topology';
import type { EventPayloads } from '../../shared/vocabulary/events';

/**
 * The transactional outbox. A subgraph writes an event row in its own schema in the same transaction as the
 * change, and `pg_notify` (delivered only on commit) wakes listeners in every process. Listeners read events
 * past the last sequence number they saw, so nothing is lost across restarts.
 */
export const EVENTS_CHANNEL = 'hub_events';

/**
 * Every outbox topic with its payload type: the events between subgraphs (shared/vocabulary/events.ts) and those a
 * subgraph keeps to itself, which it adds by declaration merging (as subgraphs/reports/events.ts does).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- extended by declaration merging
export interface OutboxTopics extends EventPayloads {}
export type Topic = Extract<keyof OutboxTopics, string>;

export function outboxTableSql(schema: SubgraphName): string[] {
  return [
    `create table "${schema}"."outbox_event" ("seq" bigserial primary key, "topic" varchar(100) not null, "payload" jsonb not null, "created_at" timestamptz not null default now());`,
    `create index "outbox_event_topic_seq_index" on "${schema}"."outbox_event" ("topic", "seq");`,
  ];
}

/**
 * What a write touched, told to every listener with its NOTIFY: per province, the first date whose figures it
 * changed. Caches keyed by province and date retire only that; a NOTIFY without a scope retires everything.
 */
export type ChangeScope = ReadonlyArray<{ provinceId: string; from: string }>;

export async function appendEvent<T extends Topic>(
  em: EntityManager,
  schema: SubgraphName,
  topic: T,
  payload: OutboxTopics[T],
  scope?: ChangeScope,
): Promise<void> {
  await appendEvents(em, schema, topic, [payload], scope);
}

/**
 * Readers take events by increasing `seq` and remember the last one, so a row must never become visible after a row
 * with a higher `seq`: a transaction that committed event 101 before another committed 100 would make every reader
 * skip 100. So writers of one schema's outbox queue, from their first event to their commit, on a transaction lock
 * (taken again by later appends in the same transaction at no cost). Take every other lock before it: append events
 * last in a transaction, and the wait is only the other writers' inserts and commits.
 */
export async function lockOutbox(em: EntityManager, schema: SubgraphName): Promise<void> {
  await em.execute(`select pg_advisory_xact_lock(hashtext(?))`, [`outbox:${schema}`]);
}

/** Many events of one topic in as few statements as possible (seeding writes thousands). */
export async function appendEvents<T extends Topic>(
  em: EntityManager,
  schema: SubgraphName,
  topic: T,
  payloads: Array<OutboxTopics[T]>,
  scope?: ChangeScope,
): Promise<void> {
  if (payloads.length === 0) return;
  await lockOutbox(em, schema);
  for (let i = 0; i < payloads.length; i += 1000) {
    const chunk = payloads.slice(i, i + 1000);
    await em.execute(
      `insert into "${schema}"."outbox_event" ("topic", "payload") values ${chunk.map(() => '(?, ?)').join(', ')}`,
      chunk.flatMap((p) => [topic, JSON.stringify(p)]),
    );
  }
  // A NOTIFY carries at most 8,000 bytes: a scope larger than that is left out (listeners then retire everything).
  const notice = JSON.stringify({ schema, topic, scope });
  await em.execute(`select pg_notify(?, ?)`, [
    EVENTS_CHANNEL,
    notice.length < 7_000 ? notice : JSON.stringify({ schema, topic }),
  ]);
}
