import { Gauge } from 'prom-client';
import type { ConsumerOptions } from './events';
import type { Observability } from '../../shared/metrics';

export type LagConsumer = Pick<ConsumerOptions, 'producer' | 'consumer' | 'name' | 'topics'>;
type Query = (sql: string, params: unknown[]) => Promise<Array<Record<string, unknown>>>;

/**
 * How far one consumer is behind its producer's outbox: the newest sequence number among the topics it reads minus
 * the last one it applied (`event_offset.last_seq`); 0 when caught up. Only its topics count, because the consumer's
 * position moves past the events it reads, not past other topics' events written after them.
 */
export async function outboxLag(query: Query, c: LagConsumer): Promise<number> {
  let newest = 0;
  // One indexed max per topic ("topic", "seq"): cheap at every scrape however long the outbox grows.
  for (const topic of c.topics) {
    const [row] = await query(`select max("seq") as "seq" from "${c.producer}"."outbox_event" where "topic" = ?`, [
      topic,
    ]);
    newest = Math.max(newest, Number(row?.seq ?? 0));
  }
  const [offset] = await query(`select "last_seq" from "${c.consumer}"."event_offset" where "name" = ?`, [c.name]);
  return Math.max(0, newest - Number(offset?.last_seq ?? 0));
}

/** `hub_outbox_lag{consumer, producer}`: read at each scrape for every consumer the subgraph runs. */
export function registerOutboxLag(obs: Observability, query: Query, consumers: LagConsumer[]): Gauge {
  return new Gauge({
    name: 'hub_outbox_lag',
    help: "Outbox sequence numbers a consumer is behind its producer's newest event (0 = caught up)",
    labelNames: ['consumer', 'producer'],
    registers: [obs.registry],
    async collect() {
      for (const c of consumers) {
        try {
          this.set({ consumer: c.name, producer: c.producer }, await outboxLag(query, c));
        } catch (error) {
          // A scrape must not fail because the database is away; the series simply keeps its last value.
          obs.logger.warn({ err: error, consumer: c.name }, 'outbox lag not readable');
        }
      }
    },
  });
}
