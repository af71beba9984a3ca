import { useEffect, useRef, useState } from 'preact/hooks';
import { gql } from '../api';
import { fmtDate, fmtInt, fmtTime } from '../format';
import { addDays, todayInVietnam } from '../../../../shared/pure/dates';
import { useLiveQuery } from '../live';
import { COVERAGE_FIELDS, coverageLine } from '../coverage';
import { Change, ErrorBox, html, LiveStatus, NotFound } from '../ui';
import type { WallQuery } from '../generated/graphql';
import { againstWeekAgo, applyRankEvent } from './province/liveRanking';
import { NO_FIGURES, rateCell } from './province/RankingTable';
import { RANK_SUBSCRIPTION, RANKING_FIELDS, WEEK_AGO_FIELDS, type RankEvent } from './province/queries';
import { batchesComplete, describe, describeShifted, foldMoves, type BatchedMove, type FeedLine } from './rankFeed';

const TOP = 15;
const QUERY =
  /* GraphQL */ `query Wall($code: String!, $weekAgo: Date!) {
  province(code: $code) { id name fullName progress { figuresDate coverage { ...CoverageFields } }
    ranking { ...RankingFields } weekAgo: ranking(asOf: $weekAgo) { ...WeekAgoFields } }
  liveCursor
}` +
  RANKING_FIELDS +
  WEEK_AGO_FIELDS +
  COVERAGE_FIELDS;
type WallData = WallQuery;
interface FeedItem extends FeedLine {
  key: string;
  at: Date;
}
/** Moves without a batch that arrive within this long of each other come from one cause and make one line. */
const BURST_MS = 600;
/** How long to wait for the rest of a batch (events of one publication) before showing what came. */
const BATCH_WAIT_MS = 5_000;

function applyRank(data: WallData, e: RankEvent): WallData | null {
  const ranking = data.province && applyRankEvent(data.province.ranking, e);
  return ranking && data.province ? { ...data, province: { ...data.province, ranking } } : null;
}

/**
 * The wall screen: the top of the ranking, large, and every rank change as it happens. Events come from
 * rankChanged (resubscribed with `after` after a drop, so none is lost); while the live link is down the page polls
 * and reports the moves it sees between two rankings.
 */
export function LivePage(props: { code: string }) {
  const { code } = props;
  const [feed, setFeed] = useState<FeedItem[]>([]);
  const [flash, setFlash] = useState<Set<string>>(new Set());
  const seen = useRef<Map<string, number> | null>(null);
  const fromEvents = useRef(false);
  const burst = useRef<BatchedMove[]>([]);
  const burstTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const push = (moves: BatchedMove[]) => {
    if (moves.length === 0) return;
    burst.current.push(...moves);
    if (burstTimer.current) clearTimeout(burstTimer.current);
    // A whole batch is one cause: its line shows at once, however slowly its events came.
    const flush = () => {
      burstTimer.current = null;
      const at = new Date();
      const lines = foldMoves(burst.current).map((l) => ({ ...l, key: `${l.communeId}:${at.getTime()}`, at }));
      burst.current = [];
      if (lines.length === 0) return;
      setFeed((old) => [...lines, ...old].slice(0, 8));
      setFlash(new Set(lines.map((l) => l.communeId)));
    };
    if (batchesComplete(burst.current)) flush();
    else burstTimer.current = setTimeout(flush, burst.current.some((m) => m.batch) ? BATCH_WAIT_MS : BURST_MS);
  };
  useEffect(() => () => void (burstTimer.current && clearTimeout(burstTimer.current)), []);
  const variables = { code, weekAgo: addDays(todayInVietnam(), -7) };
  const live = useLiveQuery<WallData, RankEvent>(
    () => gql<WallData>(QUERY, variables),
    code,
    {
      query: RANK_SUBSCRIPTION,
      variables: { provinceId: `P${code}` },
      pick: (d) => d.rankChanged as RankEvent,
      onEvent: (e) => {
        seen.current?.set(e.commune.id, e.position);
        fromEvents.current = true;
        push([
          {
            communeId: e.commune.id,
            name: e.commune.name,
            previous: e.previous,
            position: e.position,
            batch: e.batch,
            batchSize: e.batchSize,
          },
        ]);
      },
      apply: applyRank,
    },
    [],
    // Subscribed from the cursor the ranking was loaded with: no second load when the socket opens.
    (data) => data.liveCursor,
  );
  // Moves seen between two loaded rankings (the polling fallback, or a catch-up after a gap).
  useEffect(() => {
    const ranking = live.data?.province?.ranking;
    if (!ranking) return;
    // A ranking changed by the events themselves is not compared: applying one commune's move shifts the others on
    // screen before their own events (of the same batch) arrive, and those shifts, pushed without a batch, held the
    // whole line back for the batch wait (the wall's line came ~5 s after the events).
    if (seen.current && !fromEvents.current) {
      const before = seen.current;
      push(
        ranking
          .filter((r) => before.has(r.commune.id) && before.get(r.commune.id) !== r.position)
          .map((r) => ({
            communeId: r.commune.id,
            name: r.commune.name,
            previous: before.get(r.commune.id)!,
            position: r.position,
          })),
      );
    }
    seen.current = new Map(ranking.map((r) => [r.commune.id, r.position]));
    fromEvents.current = false;
  }, [live.data]);
  useEffect(() => {
    if (flash.size === 0) return;
    const t = setTimeout(() => setFlash(new Set()), 8_000);
    return () => clearTimeout(t);
  }, [flash]);

  if (live.error) return html`<${ErrorBox} error=${live.error} />`;
  if (live.data && !live.data.province) return html`<${NotFound} what=${`tỉnh có mã "${code}"`} back="/province/23" />`;
  const province = live.data?.province;
  const rows = province ? againstWeekAgo(province.ranking.slice(0, TOP), province.weekAgo) : [];
  return html`<div class="wall" role="main">
    <header role="none">
      <h1>Xếp hạng trực tiếp — ${province?.fullName ?? '…'}</h1>
      <div class="wall-meta">
        ${
          province?.ranking[0]?.date
            ? [
                `Số liệu đến ngày ${fmtDate(province.ranking[0].date)}`,
                coverageLine(province.progress.coverage, province.progress.figuresDate),
              ]
                .filter(Boolean)
                .join(' · ')
            : ''
        }
      </div>
      <${LiveStatus} ...${live} figuresDate=${province?.ranking[0]?.date} coverage=${province?.progress.coverage} />
    </header>
    <div class="wall-body">
      <div class="table-wrap">
        <table class="wall-table" data-testid="wall-table">
          <thead>
            <tr>
              <th class="num">Hạng</th>
              <th>Xã, phường, đặc khu</th>
              <th class="num">Thay đổi 7 ngày</th>
              <th class="num">Người học</th>
              <th class="num">Tỷ lệ tham gia</th>
            </tr>
          </thead>
          <tbody>
            ${rows.map(
              (r) =>
                html`<tr
                  data-testid="ranking-row"
                  data-commune-id=${r.commune.id}
                  data-position=${r.position}
                  class=${flash.has(r.commune.id) ? 'moved' : ''}
                >
                  <td class="num pos">${r.progress.figuresDate ? r.position : NO_FIGURES}</td>
                  <td>${r.commune.name}</td>
                  <td class="num">${r.progress.figuresDate ? html`<${Change} change=${r.change} />` : null}</td>
                  <td class="num">${fmtInt(r.progress.learners)}</td>
                  <td class="num">${rateCell(r)}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <aside class="feed" data-testid="rank-feed">
        <h2>Thay đổi thứ hạng</h2>
        ${feed.length === 0 ? html`<p class="muted">Chưa có thay đổi nào từ khi mở màn hình.</p>` : null}
        <ul>
          ${feed.map(
            (f) =>
              html`<li key=${f.key} class=${f.change >= 0 ? 'up' : 'down'} data-commune-id=${f.communeId}>
                <span class="time">${fmtTime(f.at)}</span>
                <strong>${describe(f)}</strong>: ${f.from ?? 'mới'} → ${f.to}
                ${f.shifted ? html`<span class="shifted">${describeShifted(f)}</span>` : null}
              </li>`,
          )}
        </ul>
      </aside>
    </div>
  </div>`;
}
