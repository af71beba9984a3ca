import { Client } from 'pg';
import { EVENTS_CHANNEL } from './outbox';
import type { SubgraphName } from '../../shared/topology';

/**
 * Calls `onChange` whenever any process commits an outbox event in `schema` (its NOTIFY), and once more after the
 * listener had to reconnect (a change may have been missed meanwhile). Used to retire in-process caches.
 */
export async function listenForWrites(
  databaseUrl: string,
  schema: SubgraphName,
  onChange: () => void,
  log: (line: string) => void = () => undefined,
): Promise<{ stop(): Promise<void> }> {
  let client: Client | null = null;
  let stopped = false;
  const marker = `"schema":"${schema}"`;
  const connect = async (): Promise<void> => {
    if (stopped) return;
    const c = new Client({ connectionString: databaseUrl });
    c.on('notification', (msg) => {
      if (msg.channel === EVENTS_CHANNEL && (msg.payload ?? '').includes(marker)) onChange();
    });
    c.on('error', (e) => {
      log(`${schema} change listener lost (${e.message}); reconnecting`);
      client = null;
      onChange();
      c.end().catch(() => undefined);
      setTimeout(() => void connect().catch(() => undefined), 1000);
    });
    await c.connect();
    await c.query(`listen ${EVENTS_CHANNEL}`);
    client = c;
  };
  await connect();
  return {
    async stop() {
      stopped = true;
      await client?.end().catch(() => undefined);
    },
  };
}
