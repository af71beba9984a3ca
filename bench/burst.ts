// `npm run bench -- burst [--reports N] [--submitters N] [--subscribers N] [--province NN]`: the Friday afternoon.
// Submitters (each a village reporter's own signed token) send village reports through the gateway as fast as the
// stack takes them, while graphql-ws subscribers watch their communes' progressUpdated and their province's
// rankChanged. Prints reports/s sustained, submit latency, event delivery latency (from the submission's answer to
// the subscriber), events delivered against what the outbox holds for each subscription (every one exactly once, in
// order), and how much the outbox and the processes' memory grew.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Pool } from 'pg';
import { signToken } from '../shared/auth';
import { todayInVietnam } from '../shared/pure/dates';
import { disposeAll, wsClient } from '../scripts/ws-client';
import { checkDelivery, firstAfter, latencyFigures, mib, type BurstOptions, type Received } from './burst-stats';
import type { Stack } from './stack';

const TOPIC = { progress: 'progress.updated', rank: 'rank.changed' } as const;

interface Subscriber extends Received {
  arrivals: number[];
}

/** Resident set size of a process started by the stack (its pid from the tap), in bytes. */
function rssOf(tapDir: string, service: string): number {
  try {
    const pid = readFileSync(path.join(tapDir, `pid-${service}`), 'utf8').trim();
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : NaN;
  } catch {
    return NaN;
  }
}

async function outboxSize(db: Pool): Promise<{ rows: number; bytes: number; seq: number }> {
  const { rows } = await db.query<{ rows: string; bytes: string; seq: string }>(
    `select count(*) as rows, pg_total_relation_size('reports.outbox_event') as bytes,
            coalesce(max(seq), 0) as seq from reports.outbox_event`,
  );
  return { rows: Number(rows[0].rows), bytes: Number(rows[0].bytes), seq: Number(rows[0].seq) };
}

async function gatewayClients(url: string): Promise<number> {
  const h = (await (await fetch(url.replace('/graphql', '/health'))).json()) as { subscriptionClients: number };
  return h.subscriptionClients;
}

export async function measureBurst(stack: Stack, options: BurstOptions): Promise<void> {
  const db = new Pool({ connectionString: stack.databaseUrl, max: 2 });
  const provinceId = `P${options.province}`;
  const villages = (
    await db.query<{ id: string; commune: string }>(
      `select id, commune_id as commune from reports.area where level = 'VILLAGE' and province_id = $1 order by id`,
      [provinceId],
    )
  ).rows;
  const communes = [...new Set(villages.map((v) => v.commune))];
  if (villages.length === 0) throw new Error(`burst: province ${options.province} has no villages in this database`);
  const tokens = await Promise.all(
    villages.map((v) =>
      signToken(stack.authSecret, { sub: `burst:${v.id}`, name: `Thôn ${v.id}`, role: 'VILLAGE_REPORTER', area: v.id }),
    ),
  );

  // Subscribers: one in ten watches the province's rank changes, the others their commune's progress.
  const clients = Array.from({ length: options.subscribers }, () => wsClient(stack.url));
  const subscribers: Subscriber[] = clients.map((client, i) => {
    const rank = i % 10 === 0;
    const area = communes[i % communes.length];
    const s: Subscriber = {
      key: rank ? `${TOPIC.rank}|${provinceId}` : `${TOPIC.progress}|${area}`,
      eventIds: [],
      arrivals: [],
    };
    client.subscribe<{ rankChanged?: { eventId: string }; progressUpdated?: { eventId: string } }>(
      {
        query: rank
          ? `subscription($p: ID!) { rankChanged(provinceId: $p) { eventId position change } }`
          : `subscription($a: ID!) { progressUpdated(areaId: $a) { eventId progress { learners participationRate } } }`,
        variables: rank ? { p: provinceId } : { a: area },
      },
      {
        next: (r) => {
          const e = r.data?.rankChanged ?? r.data?.progressUpdated;
          if (!e) return;
          s.arrivals.push(performance.now());
          s.eventIds.push(Number(e.eventId));
        },
        error: (e) => console.error(`[burst] subscriber ${i}: ${JSON.stringify(e)}`),
        complete: () => undefined,
      },
    );
    return s;
  });
  for (let i = 0; i < 300 && (await gatewayClients(stack.url)) < options.subscribers; i++)
    await new Promise((r) => setTimeout(r, 100));
  await new Promise((r) => setTimeout(r, 1000)); // every upstream subscription open
  global.gc?.();
  const before = { outbox: await outboxSize(db), gateway: rssOf(stack.tapDir, 'gateway') };
  const beforeReports = rssOf(stack.tapDir, 'reports');

  // Submitters: report k is village k mod V's (k div V + 1)-th report today, its figures growing each time.
  const today = todayInVietnam();
  const run = Date.now().toString(36);
  const answered = new Map<number, number>(); // report id → when its answer arrived
  const submitLatencies: number[] = [];
  const failures = new Map<string, number>();
  let next = 0;
  const started = performance.now();
  let lastPrint = started;
  await Promise.all(
    Array.from({ length: options.submitters }, async () => {
      for (let k = next++; k < options.reports; k = next++) {
        const v = k % villages.length;
        const round = Math.floor(k / villages.length);
        const registered = 5 + round * 4 + (v % 5);
        const t = performance.now();
        try {
          const res = await fetch(stack.url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[v]}` },
            body: JSON.stringify({
              query: 'mutation($i: UnitReportInput!) { submitUnitReport(input: $i) { id } }',
              variables: {
                i: {
                  reporterId: villages[v].id,
                  reportDate: today,
                  idempotencyKey: `burst-${run}-${k}`,
                  groups: [{ group: 'RESIDENTS', registered, completed: registered >> 1, certified: registered >> 2 }],
                },
              },
            }),
          });
          const body = (await res.json()) as {
            data?: { submitUnitReport: { id: string } };
            errors?: Array<{ message: string; extensions?: { code?: string } }>;
          };
          const now = performance.now();
          if (body.errors?.length || !body.data) {
            const why = `${res.status} ${body.errors?.[0]?.extensions?.code ?? ''} ${body.errors?.[0]?.message ?? ''}`;
            failures.set(why, (failures.get(why) ?? 0) + 1);
            continue;
          }
          submitLatencies.push(now - t);
          answered.set(Number(body.data.submitUnitReport.id), now);
          if (now - lastPrint > 10_000) {
            lastPrint = now;
            console.log(
              `[burst] ${submitLatencies.length} reports in ${((now - started) / 1000).toFixed(0)} s (${(
                (submitLatencies.length * 1000) /
                (now - started)
              ).toFixed(1)}/s)`,
            );
          }
        } catch (e) {
          const why = e instanceof Error ? e.message : String(e);
          failures.set(why, (failures.get(why) ?? 0) + 1);
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;

  // What the outbox holds for each subscription since the start; wait until subscribers stop receiving.
  const expectedByKey = async () => {
    const { rows } = await db.query<{ seq: string; topic: string; key: string }>(
      `select seq, topic, case when topic = $2 then payload->>'provinceId' else payload->>'areaId' end as key
         from reports.outbox_event where seq > $1 and topic in ($2, $3) order by seq`,
      [before.outbox.seq, TOPIC.rank, TOPIC.progress],
    );
    const byKey = new Map<string, number[]>();
    for (const r of rows) {
      const key = `${r.topic}|${r.key}`;
      if (!byKey.has(key)) byKey.set(key, []);
      byKey.get(key)!.push(Number(r.seq));
    }
    return byKey;
  };
  let outbox = await expectedByKey();
  let check = checkDelivery(subscribers, outbox);
  for (let idle = 0, last = -1; check.missing > 0 && idle < 300; idle++) {
    await new Promise((r) => setTimeout(r, 100));
    outbox = await expectedByKey();
    check = checkDelivery(subscribers, outbox);
    if (check.delivered !== last) idle = 0;
    last = check.delivered;
  }
  const deliveryDone = (performance.now() - started) / 1000;

  // Delivery latency: from a report's answer to the arrival, at each subscriber of its commune, of the first
  // progress event of that commune written after the report (the one that includes it, alone or coalesced).
  const { rows: submitted } = await db.query<{ seq: string; report: string; commune: string }>(
    `select seq, payload->>'reportId' as report, payload->>'communeId' as commune from reports.outbox_event
      where seq > $1 and topic = 'report.submitted'`,
    [before.outbox.seq],
  );
  const arrivalsByKey = new Map<string, Array<Map<number, number>>>();
  for (const s of subscribers) {
    if (!arrivalsByKey.has(s.key)) arrivalsByKey.set(s.key, []);
    arrivalsByKey.get(s.key)!.push(new Map(s.eventIds.map((id, i) => [id, s.arrivals[i]])));
  }
  const deliveries: number[] = [];
  for (const r of submitted) {
    const key = `${TOPIC.progress}|${r.commune}`;
    const at = answered.get(Number(r.report));
    const event = firstAfter(outbox.get(key) ?? [], Number(r.seq));
    if (at === undefined || event === undefined) continue;
    for (const arrivals of arrivalsByKey.get(key) ?? []) {
      const arrival = arrivals.get(event);
      if (arrival !== undefined) deliveries.push(Math.max(0, arrival - at));
    }
  }

  // How the live events were published: in the report's own transaction, or coalesced by the consumer.
  const { rows: pubs } = await db.query<{ own: string; coalesced: string; publications: string }>(
    `select (select count(*) from reports.outbox_event where seq > $1 and topic = 'report.submitted' and payload->>'live' = 'true') as own,
            (select count(*) from reports.outbox_event where seq > $1 and topic = 'report.submitted' and payload->>'live' = 'false') as coalesced,
            (select count(distinct xmin::text) from reports.outbox_event where seq > $1 and topic = $2) as publications`,
    [before.outbox.seq, TOPIC.progress],
  );
  const own = Number(pubs[0].own);
  const batches = Number(pubs[0].publications) - own;

  global.gc?.();
  const after = {
    outbox: await outboxSize(db),
    gateway: rssOf(stack.tapDir, 'gateway'),
    reports: rssOf(stack.tapDir, 'reports'),
  };
  const submit = latencyFigures(submitLatencies);
  const delivery = latencyFigures(deliveries);
  const events = [...outbox.values()].reduce((n, ids) => n + ids.length, 0);
  const line = (label: string, text: string) => console.log(`${label.padEnd(34)} ${text}`);
  line(
    'burst: reports submitted',
    `${submit.n}/${options.reports} by ${options.submitters} submitters in ${elapsed.toFixed(1)} s: ${(submit.n / elapsed).toFixed(1)} reports/s sustained (${villages.length} villages, ${communes.length} communes)`,
  );
  for (const [why, n] of failures) line('burst: refused', `${n} × ${why}`);
  line('burst: submit latency', `p50 ${submit.p50.toFixed(0)} ms  p99 ${submit.p99.toFixed(0)} ms`);
  line(
    'burst: event delivery latency',
    `p50 ${delivery.p50.toFixed(0)} ms  p99 ${delivery.p99.toFixed(0)} ms (${delivery.n} report × subscriber pairs; all delivered ${deliveryDone.toFixed(1)} s after the start)`,
  );
  line(
    'burst: events delivered / expected',
    `${check.delivered}/${check.expected} to ${options.subscribers} subscribers (${events} events on their keys): missing ${check.missing}, duplicate or unexpected ${check.extra}, out of order ${check.outOfOrder}`,
  );
  line(
    'burst: live publications',
    `${own} reports published in their own transaction, ${pubs[0].coalesced} coalesced into ${batches} publications (${(Number(pubs[0].coalesced) / Math.max(1, batches)).toFixed(1)} reports each)`,
  );
  line(
    'burst: outbox growth',
    `${after.outbox.rows - before.outbox.rows} rows, ${mib(after.outbox.bytes - before.outbox.bytes, true)} (${before.outbox.rows} → ${after.outbox.rows} rows, ${mib(after.outbox.bytes)})`,
  );
  line(
    'burst: memory (RSS)',
    `gateway ${mib(before.gateway)} → ${mib(after.gateway)} (${mib(after.gateway - before.gateway, true)}), reports ${mib(beforeReports)} → ${mib(after.reports)} (${mib(after.reports - beforeReports, true)})`,
  );
  await disposeAll(clients);
  await db.end();
  if (check.missing > 0 || check.extra > 0 || check.outOfOrder > 0)
    throw new Error('burst: subscribers did not receive every event exactly once, in order');
}
