import type { EntityManager } from '@mikro-orm/postgresql';
import { listenForWrites } from './notify';
import { describeError } from '../../shared/logging';
import type { SubgraphName } from '../../shared/topology';
import { inBackground, type Orm } from './orm';
import type { OutboxTopics, Topic } from './outbox';

/** An event as written to a producer's outbox; `isEvent` narrows its payload to its topic's type. */
export interface OutboxEvent<P = unknown> {
  seq: number;
  topic: string;
  payload: P;
  createdAt: string;
}

/** True when the event is of the topic, and then its payload is that topic's type (OutboxTopics). */
export function isEvent<T extends Topic>(event: OutboxEvent, topic: T): event is OutboxEvent<OutboxTopics[T]> {
  return event.topic === topic;
}

export interface ConsumerOptions {
  /** The subgraph that owns the outbox to read. */
  producer: SubgraphName;
  /** The subgraph that consumes; its schema keeps the consumer's position. */
  consumer: SubgraphName;
  /** A stable name for this consumer (one position per name). */
  name: string;
  topics: string[];
  /** Applies one event, in the same transaction that moves the consumer's position past it. */
  handle(em: EntityManager, event: OutboxEvent): Promise<void>;
  /** Called inside the batch's transaction after its events were applied (e.g. to publish derived events once). */
  afterBatch?(em: EntityManager, events: OutboxEvent[]): Promise<void>;
  /** Called after a batch of events was applied and committed (e.g. to notify live subscribers). */
  afterCommit?(events: OutboxEvent[]): void | Promise<void>;
  log?: (line: string) => void;
  /**
   * It writes nothing the subgraph's shared answers are built from (e.g. it only publishes derived events): they are
   * not cleared after its batches.
   */
  leavesAnswers?: boolean;
  /** A new consumer starts after the events already in the outbox (default: from the first). */
  startAtEnd?: boolean;
  /** Safety poll in case a notification was missed while reconnecting (default 5 s). */
  pollMs?: number;
}

export interface RunningConsumer {
  /** Applies everything not yet applied; resolves when caught up. */
  catchUp(): Promise<number>;
  stop(): Promise<void>;
}

const BATCH = 500;

/** SQL that creates the table where a consumer keeps its position; each consuming subgraph's migration runs it. */
export function consumerOffsetTableSql(schema: SubgraphName): string {
  return `create table if not exists "${schema}"."event_offset" ("name" varchar(100) primary key, "last_seq" bigint not null default 0, "updated_at" timestamptz not null default now());`;
}

/**
 * Applies the next batch of a producer's events for one consumer, in one transaction with the consumer's position
 * (locked, so replicas never apply an event twice). Also used to catch up synchronously, e.g. before seeding.
 */
export async function applyOutboxBatch(
  em: EntityManager,
  options: Pick<ConsumerOptions, 'producer' | 'consumer' | 'name' | 'topics' | 'handle' | 'afterBatch'>,
): Promise<OutboxEvent[]> {
  const offsetTable = `"${options.consumer}"."event_offset"`;
  await em.execute(`insert into ${offsetTable} ("name", "last_seq") values (?, 0) on conflict do nothing`, [
    options.name,
  ]);
  const applied: OutboxEvent[] = [];
  await em.transactional(async (tx) => {
    const t = tx;
    const [{ last_seq: last }] = await t.execute<Array<{ last_seq: number }>>(
      `select "last_seq" from ${offsetTable} where "name" = ? for update`,
      [options.name],
    );
    const rows = await t.execute<
      Array<{ seq: number; topic: string; payload: Record<string, unknown>; created_at: Date }>
    >(
      `select "seq", "topic", "payload", "created_at" from "${options.producer}"."outbox_event"
        where "seq" > ? and "topic" in (?) order by "seq" limit ${BATCH}`,
      [last, options.topics],
    );
    for (const r of rows) {
      const event: OutboxEvent = {
        seq: Number(r.seq),
        topic: r.topic,
        payload: r.payload,
        createdAt: new Date(r.created_at).toISOString(),
      };
      await options.handle(t, event);
      applied.push(event);
    }
    if (applied.length > 0 && options.afterBatch) await options.afterBatch(t, applied);
    if (rows.length > 0) {
      await t.execute(`update ${offsetTable} set "last_seq" = ?, "updated_at" = now() where "name" = ?`, [
        Number(rows[rows.length - 1].seq),
        options.name,
      ]);
    }
  });
  return applied;
}

/** Applies every pending event now (used before seeding, when no consumer runs yet). */
export async function drainOutbox(em: EntityManager, options: Parameters<typeof applyOutboxBatch>[1]): Promise<number> {
  let total = 0;
  for (;;) {
    const applied = await applyOutboxBatch(em, options);
    total += applied.length;
    if (applied.length < BATCH) return total;
  }
}

/**
 * Reads another subgraph's outbox in order, exactly once per consumer name: each event is applied in a transaction
 * that also records its sequence number, under a row lock so replicas never apply the same event twice. It catches
 * up on start (so nothing is lost across restarts), wakes on LISTEN/NOTIFY, and polls as a safety net.
 */
export async function startConsumer(orm: Orm, databaseUrl: string, options: ConsumerOptions): Promise<RunningConsumer> {
  const log = options.log ?? (() => undefined);
  const offsetTable = `"${options.consumer}"."event_offset"`;
  const em = orm.orm.em.fork() as EntityManager;
  await em.execute(
    options.startAtEnd
      ? `insert into ${offsetTable} ("name", "last_seq") select ?, coalesce(max("seq"), 0) from "${options.producer}"."outbox_event" on conflict do nothing`
      : `insert into ${offsetTable} ("name", "last_seq") values (?, 0) on conflict do nothing`,
    [options.name],
  );

  let running: Promise<number> | null = null;
  let again = false;
  let stopped = false;

  const applyBatch = () => applyOutboxBatch(orm.orm.em.fork(), options);

  async function drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const applied = await applyBatch();
      total += applied.length;
      if (applied.length > 0 && options.afterCommit) await options.afterCommit(applied);
      if (applied.length < BATCH) return total;
    }
  }

  /** One drain at a time; a wake-up during a drain schedules one more. */
  function catchUp(): Promise<number> {
    if (stopped) return Promise.resolve(0);
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let total = 0;
      do {
        again = false;
        total += await drain();
      } while (again && !stopped);
      return total;
    })().finally(() => {
      running = null;
    });
    return running;
  }

  const wake = () => {
    inBackground(catchUp).catch((e: unknown) => log(`${options.name}: catching up failed: ${describeError(e)}`));
  };

  await catchUp();
  // Woken by the producer's NOTIFY (and after a reconnect, when one may have been missed).
  const listener = await listenForWrites(databaseUrl, options.producer, wake, log);
  wake(); // whatever arrived between the catch-up and the LISTEN
  const poll = setInterval(wake, options.pollMs ?? 5000);
  poll.unref();

  return {
    catchUp,
    async stop() {
      stopped = true;
      clearInterval(poll);
      if (running) await running.catch(() => undefined);
      await listener.stop();
    },
  };
}
