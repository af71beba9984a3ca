/**
 * Coalescing live publications in a burst (a plain rule: no database, no GraphQL). A report submitted while another
 * transaction computes its province's ranking does not wait for it: it commits with `live: false`, and the
 * coalescing consumer (publisher.ts) publishes all such reports of a batch — whatever arrived while the
 * previous publication ran, at most one outbox page — with one ranking per province. Each event still carries the
 * figures after every report it covers, in outbox order, so nothing is lost or reordered; only the intermediate
 * states of a burst collapse into one event per area and one rank move per commune that moved.
 */

/** What the consumer reads of a `report.submitted` event. */
export interface SubmittedReport {
  reporterId: string;
  provinceId: string;
  /** True when its own transaction published its live events. */
  live?: boolean;
}

export interface Coalesced {
  /** The reporters to publish, each once, in the order of their first report in the batch. */
  areaIds: string[];
  /** Their provinces, in code order: one ranking each. */
  provinces: string[];
  /** Reports of the batch this publication covers. */
  reports: number;
}

export function coalesceReports(batch: readonly SubmittedReport[]): Coalesced {
  const pending = batch.filter((r) => r.live !== true);
  return {
    areaIds: [...new Set(pending.map((r) => r.reporterId))],
    provinces: [...new Set(pending.map((r) => r.provinceId))].sort(),
    reports: pending.length,
  };
}
