/**
 * Delivers live events to this process's subscriptions. One LISTEN connection per process: on each NOTIFY from the
 * reports outbox it reads the new `progress.updated` / `rank.changed` rows once and hands them to every matching
 * subscription. A subscription that gives `after` (the last event id it saw) first receives everything it missed,
 * in order, read from the outbox in pages, then live events — with no gap and no duplicate between the two. A gap
 * that reaches beyond the replay retention is refused up front (`replayGap`): the client must reload instead.
 */
import { Pool } from 'pg';
import { listenForWrites } from '../../common/notify';
import { PROGRESS_UPDATED, RANK_CHANGED } from './store';
import { pruneIntervalMs, pruneOutbox } from './retention';
import { describeError } from '../../../shared/logging';
import { Repeater } from '../../../shared/repeater';

export interface LiveEvent<P = Record<string, unknown>> {
  seq: number;
  topic: string;
  payload: P;
}

type Listener = (event: LiveEvent) => void;

/**
 * A subscription's queue: unbounded, as a subscriber's backlog of live events is (a slow client is the gateway's to
 * cap), and it tells when it is empty, so a replay reads its next page only once the last one was taken.
 */
class DrainableBuffer<T> {
  private readonly items: T[] = [];
  private waiting: Array<() => void> = [];
  get empty(): boolean {
    return this.items.length === 0;
  }
  get full(): boolean {
    return false;
  }
  add(value: T): void {
    this.items.push(value);
  }
  remove(): T {
    if (this.items.length === 0) throw new Error('DrainableBuffer is empty');
    const value = this.items.shift()!;
    if (this.items.length === 0) {
      for (const resolve of this.waiting) resolve();
      this.waiting = [];
    }
    return value;
  }
  drained(): Promise<void> {
    return this.items.length === 0 ? Promise.resolve() : new Promise((resolve) => this.waiting.push(resolve));
  }
}

/** Events read per statement while replaying (the replay itself has no limit). */
export const REPLAY_PAGE = 1000;

/** How far back `after` may reach: LIVE_REPLAY_RETENTION_HOURS, default 24 hours (docs/subscriptions.md). */
export function replayRetentionMs(env: NodeJS.ProcessEnv = process.env): number {
  const hours = Number(env.LIVE_REPLAY_RETENTION_HOURS || 24);
  if (!(hours > 0))
    throw new Error(`LIVE_REPLAY_RETENTION_HOURS must be a positive number, got "${env.LIVE_REPLAY_RETENTION_HOURS}"`);
  return hours * 3_600_000;
}

/**
 * Why a replay cannot be served: its first missed event is older than the retention, or was already pruned
 * (`expired`); or `after` names an event the outbox never had (`ahead`: a cursor from before a restore of an older
 * backup, or made up), so what the client holds cannot be brought up to date by replaying.
 */
export interface ReplayGap {
  reason: 'expired' | 'ahead';
  retentionHours: number;
  firstMissedAt: Date | null;
}

export class LiveHub {
  private readonly pool: Pool;
  private listener: { stop(): Promise<void> } | null = null;
  private readonly listeners = new Set<{ matches: (e: LiveEvent) => boolean; push: Listener }>();
  private lastSeq = 0;
  private fetching: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private pruneTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly databaseUrl: string,
    private readonly log: (line: string) => void = () => undefined,
    private readonly retentionMs = replayRetentionMs(),
  ) {
    this.pool = new Pool({ connectionString: databaseUrl, max: 3 });
    // An idle connection lost in a database outage is dropped and replaced; unhandled, it would crash the process.
    this.pool.on('error', (e) => this.log(`live hub lost an idle connection (${e.message})`));
  }

  async start(): Promise<void> {
    const { rows } = await this.pool.query<{ seq: string | null }>(`select max(seq) as seq from reports.outbox_event`);
    this.lastSeq = Number(rows[0].seq ?? 0);
    this.listener = await listenForWrites(this.databaseUrl, 'reports', () => this.wake(), this.log);
    // Every process prunes (retention.ts is safe with several); the timer never keeps a process alive.
    this.pruneTimer = setInterval(() => void this.prune(), pruneIntervalMs());
    this.pruneTimer.unref();
  }

  /** Deletes the outbox rows past the replay window (retention.ts), a batch at a time; returns how many. */
  async prune(): Promise<number> {
    let total = 0;
    try {
      for (let n = -1; n !== 0 && !this.stopped; total += n)
        n = Math.max(0, await pruneOutbox((sql, params) => this.pool.query(sql, params), this.retentionMs));
    } catch (e) {
      this.log(`live hub could not prune the outbox: ${describeError(e)}`);
    }
    return total;
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
      .catch((e: unknown) => this.log(`live hub could not read events: ${describeError(e)}`))
      .finally(() => {
        this.fetching = null;
      });
  }

  /**
   * Events of one topic whose payload field `key` equals `value`, after `after` (replayed first), then live. The
   * repeater starts on the first `next()`; without `after` it starts from the last event this hub had read when
   * asked, and replays from the outbox whatever the hub handed out before the subscription was listening.
   */
  subscribe(
    topic: string,
    key: 'areaId' | 'provinceId',
    value: string,
    after: number | null,
  ): AsyncIterableIterator<LiveEvent> {
    const start = after ?? this.lastSeq;
    const buffer = new DrainableBuffer<LiveEvent>();
    return new Repeater<LiveEvent>(async (push, stop) => {
      // Events go out in increasing order, each once: a live event the replay already delivered (its NOTIFY can be
      // read after the replay's statement saw the row) is skipped whenever it arrives.
      let delivered = start;
      const deliver = (e: LiveEvent) => {
        if (e.seq <= delivered) return;
        delivered = e.seq;
        void push(e);
      };
      // Live events that arrive while the replay runs wait for it.
      let arrivedDuringReplay: LiveEvent[] | null = [];
      const listener = {
        matches: (e: LiveEvent) => e.topic === topic && e.payload[key] === value,
        push: (e: LiveEvent) => (arrivedDuringReplay ? arrivedDuringReplay.push(e) : deliver(e)),
      };
      this.listeners.add(listener);
      let stopped = false;
      void stop.then(() => {
        stopped = true;
        this.listeners.delete(listener);
      });
      if (after !== null || this.lastSeq > start) {
        // Keyset pages after the last event read: the whole gap, however long, a page at a time, the next read
        // once the subscriber has taken the last.
        for (let cursor = start; !stopped;) {
          const events = await this.replayPage(topic, key, value, cursor);
          events.forEach(deliver);
          if (events.length < REPLAY_PAGE) break;
          cursor = events[events.length - 1].seq;
          await Promise.race([buffer.drained(), stop]);
        }
      }
      const waiting = arrivedDuringReplay;
      arrivedDuringReplay = null;
      waiting.forEach(deliver);
      await stop;
    }, buffer);
  }

  /** One page of a replay: the events of a topic for one area after `cursor`. */
  private async replayPage(topic: string, key: 'areaId' | 'provinceId', value: string, cursor: number) {
    const { rows } = await this.pool.query<{ seq: string; topic: string; payload: Record<string, unknown> }>(
      `select seq, topic, payload from reports.outbox_event where topic = $1 and payload->>'${key}' = $2 and seq > $3 order by seq limit ${REPLAY_PAGE}`,
      [topic, value, cursor],
    );
    return rows.map((row): LiveEvent => ({ seq: Number(row.seq), topic: row.topic, payload: row.payload }));
  }

  /**
   * Null when every event of the topic after `after` can still be replayed; else why not. Events are kept in the
   * outbox, but a replay reaches back only `retentionMs`: a client gone longer reloads the current state.
   */
  async replayGap(
    topic: string,
    key: 'areaId' | 'provinceId',
    value: string,
    after: number,
  ): Promise<ReplayGap | null> {
    const { rows } = await this.pool.query<{
      oldest: string | null;
      newest: string | null;
      pruned_through: string | null;
      first_missed_at: Date | null;
      too_old: boolean;
    }>(
      `select (select min(seq) from reports.outbox_event) as oldest, (select max(seq) from reports.outbox_event) as newest,
              (select through from reports.outbox_pruned where id = 1) as pruned_through,
              m.created_at as first_missed_at,
              m.created_at < now() - make_interval(secs => $4::double precision / 1000) as too_old
         from (select 1) one
         left join lateral (select created_at from reports.outbox_event
                             where topic = $1 and payload->>'${key}' = $2 and seq > $3 order by seq limit 1) m on true`,
      [topic, value, after, this.retentionMs],
    );
    const { oldest, newest, pruned_through, first_missed_at, too_old } = rows[0];
    const retentionHours = this.retentionMs / 3_600_000;
    // An event id beyond the newest: nothing would ever be replayed, and live events below it would be dropped.
    if (after > Number(newest ?? 0)) return { reason: 'ahead', retentionHours, firstMissedAt: null };
    // Rows after `after` already deleted from the outbox: what they held cannot be known any more.
    // (Retention deletes only some topics: the highest row it deleted is kept, and a cursor before it may miss one.)
    const pruned = (oldest !== null && Number(oldest) > after + 1) || after < Number(pruned_through ?? 0);
    if (!too_old && !pruned) return null;
    return { reason: 'expired', retentionHours, firstMissedAt: first_missed_at };
  }

  get subscriptions(): number {
    return this.listeners.size;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.pruneTimer) clearInterval(this.pruneTimer);
    for (const l of this.listeners) this.listeners.delete(l);
    await this.listener?.stop();
    await this.fetching;
    await this.pool.end();
  }
}
