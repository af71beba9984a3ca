/**
 * Delivers live events to this process's subscriptions. One LISTEN connection per process: on each NOTIFY from the
 * reports outbox it reads the new `progress.updated` / `rank.changed` rows once and hands them to every matching
 * subscription. A subscription that gives `after` (the last event id it saw) first receives what it missed, in
 * order, from the outbox, then live events — with no gap and no duplicate between the two.
 */
import { Pool } from 'pg';
import { listenForWrites } from '../common/notify';
import { PROGRESS_UPDATED, RANK_CHANGED } from './live';

export interface LiveEvent<P = Record<string, unknown>> {
  seq: number;
  topic: string;
  payload: P;
}

type Listener = (event: LiveEvent) => void;

export class LiveHub {
  private readonly pool: Pool;
  private listener: { stop(): Promise<void> } | null = null;
  private readonly listeners = new Set<{ matches: (e: LiveEvent) => boolean; push: Listener }>();
  private lastSeq = 0;
  private fetching: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly databaseUrl: string,
    private readonly log: (line: string) => void = () => undefined,
  ) {
    this.pool = new Pool({ connectionString: databaseUrl, max: 3 });
    // An idle connection lost in a database outage is dropped and replaced; unhandled, it would crash the process.
    this.pool.on('error', (e) => this.log(`live hub lost an idle connection (${e.message})`));
  }

  async start(): Promise<void> {
    const { rows } = await this.pool.query<{ seq: string | null }>(`select max(seq) as seq from reports.outbox_event`);
    this.lastSeq = Number(rows[0].seq ?? 0);
    this.listener = await listenForWrites(this.databaseUrl, 'reports', () => this.wake(), this.log);
  }

  private wake(): void {
    if (this.fetching) {
      this.again = true;
      return;
    }
    this.fetching = (async () => {
      do {
        this.again = false;
        const { rows } = await this.pool.query<{ seq: string; topic: string; payload: Record<string, unknown> }>(
          `select seq, topic, payload from reports.outbox_event where seq > $1 and topic in ($2, $3) order by seq limit 5000`,
          [this.lastSeq, PROGRESS_UPDATED, RANK_CHANGED],
        );
        for (const r of rows) {
          const event: LiveEvent = { seq: Number(r.seq), topic: r.topic, payload: r.payload };
          this.lastSeq = event.seq;
          for (const l of this.listeners) if (l.matches(event)) l.push(event);
        }
        if (rows.length === 5000) this.again = true;
      } while (this.again && !this.stopped);
    })()
      .catch((e: unknown) => this.log(`live hub could not read events: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => {
        this.fetching = null;
      });
  }

  /** Events of one topic whose payload field `key` equals `value`, after `after` (replayed first), then live. */
  subscribe(
    topic: string,
    key: 'areaId' | 'provinceId',
    value: string,
    after: number | null,
  ): AsyncIterableIterator<LiveEvent> {
    const queue: LiveEvent[] = [];
    let wakeUp: (() => void) | null = null;
    let done = false;
    let replayedUpTo = after ?? Number.POSITIVE_INFINITY;
    let replaying = after !== null;
    const listener = {
      matches: (e: LiveEvent) => e.topic === topic && e.payload[key] === value,
      push: (e: LiveEvent) => {
        queue.push(e);
        wakeUp?.();
      },
    };
    this.listeners.add(listener);
    const replay =
      after === null
        ? Promise.resolve([] as LiveEvent[])
        : this.pool
            .query<{ seq: string; topic: string; payload: Record<string, unknown> }>(
              `select seq, topic, payload from reports.outbox_event where topic = $1 and payload->>'${key}' = $2 and seq > $3 order by seq limit 10000`,
              [topic, value, after],
            )
            .then((r) => r.rows.map((row) => ({ seq: Number(row.seq), topic: row.topic, payload: row.payload })));
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the iterator object has its own `this`
    const hub = this;
    let pending: LiveEvent[] | null = null;
    const iterator: AsyncIterableIterator<LiveEvent> = {
      [Symbol.asyncIterator]() {
        return this;
      },
      async next(): Promise<IteratorResult<LiveEvent>> {
        if (pending === null) {
          pending = await replay;
          replayedUpTo = pending.length ? pending[pending.length - 1].seq : (after ?? 0);
        }
        for (;;) {
          if (done) return { value: undefined, done: true };
          if (pending.length) return { value: pending.shift()!, done: false };
          if (replaying) {
            // Live events that the replay already delivered are skipped once, then everything flows.
            while (queue.length && queue[0].seq <= replayedUpTo) queue.shift();
            replaying = false;
          }
          if (queue.length) return { value: queue.shift()!, done: false };
          await new Promise<void>((resolve) => (wakeUp = resolve));
          wakeUp = null;
        }
      },
      async return(): Promise<IteratorResult<LiveEvent>> {
        done = true;
        hub.listeners.delete(listener);
        wakeUp?.();
        return { value: undefined, done: true };
      },
    };
    return iterator;
  }

  get subscriptions(): number {
    return this.listeners.size;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const l of this.listeners) this.listeners.delete(l);
    await this.listener?.stop();
    await this.fetching;
    await this.pool.end();
  }
}
