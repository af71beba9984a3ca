import { useEffect, useRef, useState } from 'preact/hooks';
import { gql } from '../api';
import { fmtDate, fmtInt, fmtPct, fmtTime } from '../format';
import { useLiveQuery } from '../live';
import { Change, ErrorBox, html, LiveStatus, NotFound } from '../ui';
import type { WallQuery } from '../generated/graphql';
import { RANK_SUBSCRIPTION, RANKING_FIELDS, type RankEvent } from './province/queries';

const TOP = 15;
const QUERY =
  /* GraphQL */ `query Wall($code: String!) {
  province(code: $code) { id name fullName ranking { ...RankingFields } }
}` + RANKING_FIELDS;
type WallData = WallQuery;
interface FeedItem {
  key: string;
  at: Date;
  name: string;
  from: number | null;
  to: number;
  change: number;
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
  const push = (items: FeedItem[]) => {
    if (items.length === 0) return;
    setFeed((old) => [...items, ...old].slice(0, 12));
    setFlash(new Set(items.map((i) => i.key.split(':')[0])));
  };
  const live = useLiveQuery<WallData, RankEvent>(() => gql<WallData>(QUERY, { code }), code, {
    query: RANK_SUBSCRIPTION,
    variables: { provinceId: `P${code}` },
    pick: (d) => d.rankChanged as RankEvent,
    onEvent: (e) => {
      seen.current?.set(e.commune.id, e.position);
      push([
        {
          key: `${e.commune.id}:${e.eventId}`,
          at: new Date(),
          name: e.commune.name,
          from: e.previous,
          to: e.position,
          change: e.change,
        },
      ]);
    },
  });
  // Moves seen between two rankings (the polling fallback, or a catch-up after a gap).
  useEffect(() => {
    const ranking = live.data?.province?.ranking;
    if (!ranking) return;
    if (seen.current) {
      const moved = ranking.filter(
        (r) => seen.current!.has(r.commune.id) && seen.current!.get(r.commune.id) !== r.position,
      );
      push(
        moved.map((r) => {
          const from = seen.current!.get(r.commune.id)!;
          return {
            key: `${r.commune.id}:${Date.now()}`,
            at: new Date(),
            name: r.commune.name,
            from,
            to: r.position,
            change: from - r.position,
          };
        }),
      );
    }
    seen.current = new Map(ranking.map((r) => [r.commune.id, r.position]));
  }, [live.data]);
  useEffect(() => {
    if (flash.size === 0) return;
    const t = setTimeout(() => setFlash(new Set()), 8_000);
    return () => clearTimeout(t);
  }, [flash]);

  if (live.error) return html`<${ErrorBox} error=${live.error} />`;
  if (live.data && !live.data.province) return html`<${NotFound} what=${`tỉnh có mã "${code}"`} back="/province/23" />`;
  const province = live.data?.province;
  return html`<div class="wall">
    <header>
      <h1>Xếp hạng trực tiếp — ${province?.fullName ?? '…'}</h1>
      <div class="wall-meta">
        ${province?.ranking[0]?.date ? `Số liệu đến ngày ${fmtDate(province.ranking[0].date)}` : ''}
      </div>
      <${LiveStatus} ...${live} />
    </header>
    <div class="wall-body">
      <table class="wall-table" data-testid="wall-table">
        <thead>
          <tr>
            <th class="num">Hạng</th>
            <th>Xã, phường, đặc khu</th>
            <th class="num">Thay đổi</th>
            <th class="num">Người học</th>
            <th class="num">Tỷ lệ tham gia</th>
          </tr>
        </thead>
        <tbody>
          ${(province?.ranking ?? []).slice(0, TOP).map(
            (r) =>
              html`<tr
                data-testid="ranking-row"
                data-commune-id=${r.commune.id}
                data-position=${r.position}
                class=${flash.has(r.commune.id) ? 'moved' : ''}
              >
                <td class="num pos">${r.position}</td>
                <td>${r.commune.name}</td>
                <td class="num"><${Change} change=${r.change} /></td>
                <td class="num">${fmtInt(r.progress.learners)}</td>
                <td class="num">${fmtPct(r.progress.participationRate)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      <aside class="feed" data-testid="rank-feed">
        <h2>Thay đổi thứ hạng</h2>
        ${feed.length === 0 ? html`<p class="muted">Chưa có thay đổi nào từ khi mở màn hình.</p>` : null}
        <ul>
          ${feed.map(
            (f) =>
              html`<li key=${f.key} class=${f.change > 0 ? 'up' : 'down'}>
                <span class="time">${fmtTime(f.at)}</span>
                <strong>${f.name}</strong> ${f.change > 0 ? ` lên ${f.change} bậc` : ` xuống ${-f.change} bậc`}:
                ${f.from ?? 'mới'} → ${f.to}
              </li>`,
          )}
        </ul>
      </aside>
    </div>
  </div>`;
}
