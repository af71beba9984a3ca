import { Client } from 'pg';
import { backoff } from '../../shared/pure/backoff';
import { EVENTS_CHANNEL, type ChangeScope } from './outbox';
import type { SubgraphName } from '../../shared/topology';

/** What a NOTIFY of the outbox says: whose outbox, the topic written, and (when the writer knew it) its scope. */
export interface WriteNotice {
  schema: string;
  topic: string;
  scope?: ChangeScope;
}

function noticeOf(payload: string): WriteNotice | undefined {
  try {
    const value = JSON.parse(payload) as Partial<WriteNotice>;
    if (typeof value.schema !== 'string' || typeof value.topic !== 'string') return undefined;
    const scope = Array.isArray(value.scope)
      ? (value.scope as ReadonlyArray<Partial<ChangeScope[number]> | null>).filter(
          (c): c is ChangeScope[number] => typeof c?.provinceId === 'string' && typeof c?.from === 'string',
        )
      : undefined;
    return { schema: value.schema, topic: value.topic, scope: scope?.length ? scope : undefined };
  } catch {
    return undefined;
  }
}

/**
 * Calls `onChange` whenever any process commits an outbox event in `schema` (its NOTIFY), and once more after the
 * listener had to reconnect (a change may have been missed meanwhile: then with no notice). Used to retire in-process caches and to wake
 * outbox readers, which then catch up by sequence number: a database outage loses no event.
 * When the connection is lost (PostgreSQL restarted, network), it reconnects with back-off until stopped.
 */
export async function listenForWrites(
  databaseUrl: string,
  schema: SubgraphName,
  onChange: (notice?: WriteNotice) => void,
  log: (line: string) => void = () => undefined,
): Promise<{ stop(): Promise<void> }> {
  let client: Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | null = null;
  const marker = `"schema":"${schema}"`;
  const connect = async (): Promise<void> => {
    const c = new Client({ connectionString: databaseUrl });
    let lost = false;
    const onLost = (reason: string) => {
      if (lost) return;
      lost = true;
      if (client === c) client = null;
      c.end().catch(() => undefined);
      if (stopped) return;
      log(`${schema} change listener lost (${reason}); reconnecting`);
      onChange();
      reconnect(1);
    };
    c.on('notification', (msg) => {
      if (msg.channel === EVENTS_CHANNEL && (msg.payload ?? '').includes(marker)) onChange(noticeOf(msg.payload ?? ''));
    });
    c.on('error', (e) => onLost(e.message));
    c.on('end', () => onLost('connection closed'));
    try {
      await c.connect();
      await c.query(`listen ${EVENTS_CHANNEL}`);
    } catch (error) {
      lost = true;
      c.end().catch(() => undefined);
      throw error;
    }
    if (stopped) {
      await c.end().catch(() => undefined);
      return;
    }
    client = c;
  };
  /** Tries again after a wait that doubles with each failed `attempt` (250 ms, then up to 5 s). */
  const reconnect = (attempt: number): void => {
    if (stopped || retry) return;
    retry = setTimeout(
      () => {
        retry = null;
        connect().then(
          () => {
            if (stopped) return;
            log(`${schema} change listener back`);
            onChange(); // catch up on whatever was committed while it was away
          },
          () => reconnect(attempt + 1),
        );
      },
      backoff(attempt, { firstMs: 250, maxMs: 5000 }),
    );
  };
  await connect();
  return {
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}
