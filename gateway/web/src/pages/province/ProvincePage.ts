import { useEffect, useRef, useState } from 'preact/hooks';
import { errorsAt, gqlPartial, type GqlError } from '../../api';
import { fmtDate, fmtInt, fmtPct } from '../../format';
import type { DashboardQuery } from '../../generated/graphql';
import { DASHBOARD_QUERY, dashboardVariables } from './dashboardQuery';
import { useLiveQuery } from '../../live';
import { coverageLine } from '../../coverage';
import { ErrorBox, html, Layout, LiveStatus, Loading, NotFound } from '../../ui';
import { DeadlineChase } from './DeadlineChase';
import { ProgressChart } from './ProgressChart';
import { ReportFollowUp } from './ReportFollowUp';
import { againstWeekAgo, applyRankEvent } from './liveRanking';
import {
  PROVINCE_PROGRESS_SUBSCRIPTION,
  RANK_SUBSCRIPTION,
  type ProvinceProgressEvent,
  type RankEvent,
} from './queries';
import { RankingTable } from './RankingTable';
import { Download } from '../Download';
import { Targets } from './Targets';
import { WithoutPlan } from './WithoutPlan';

/** The page's data and the errors of the parts that failed. */
type Dashboard = DashboardQuery & { errors: GqlError[] };

/** A rank move applied to the ranking on screen (no reload). */
function applyRank(data: Dashboard, e: RankEvent): Dashboard | null {
  const ranking = data.province && applyRankEvent(data.province.ranking, e);
  return ranking && data.province ? { ...data, province: { ...data.province, ranking } } : null;
}

/** The province's new totals applied on screen (no reload). */
function applyProgress(data: Dashboard, e: ProvinceProgressEvent): Dashboard | null {
  if (!data.province) return null;
  return { ...data, province: { ...data.province, progress: { ...data.province.progress, ...e.progress } } };
}

const PROVINCE_SKIPS = [
  { id: 'ranking', label: 'Bảng xếp hạng' },
  { id: 'targets', label: 'Chỉ tiêu của tỉnh' },
  { id: 'deadline-chase', label: 'Số liệu tuần theo hạn' },
  { id: 'follow-up', label: 'Báo cáo định kỳ của các xã' },
];

/** What makes a ranking row's figures new: a report, an import or a population correction changes one of these. */
function figuresKey(p: { learners: number; participationRate?: number | null; figuresDate?: string | null }): string {
  return `${p.learners}|${p.participationRate ?? ''}|${p.figuresDate ?? ''}`;
}

/** The province dashboard: totals, progress over time, targets, the ranking of the communes and the chase lists. */
export function ProvincePage(props: { code: string }) {
  const { code } = props;
  const [highlight, setHighlight] = useState<Map<string, number>>(new Map());
  const figures = useRef<Map<string, string> | null>(null);
  const mark = (ids: string[]) => {
    if (ids.length === 0) return;
    setHighlight((old) => {
      const next = new Map(old);
      const until = Date.now() + 8_000;
      for (const id of ids) next.set(id, until);
      return next;
    });
  };
  useEffect(() => {
    const timer = setInterval(() => {
      setHighlight((old) => {
        const now = Date.now();
        if (![...old.values()].some((t) => t <= now)) return old;
        return new Map([...old].filter(([, t]) => t > now));
      });
    }, 1_000);
    return () => clearInterval(timer);
  }, []);

  const variables = dashboardVariables(code);
  // Live changes of the province's totals: the targets ask their state again (not on every rank move).
  const [totalsVersion, setTotalsVersion] = useState(0);
  const live = useLiveQuery<Dashboard, RankEvent>(
    () => gqlPartial<DashboardQuery>(DASHBOARD_QUERY, variables).then((r) => ({ ...r.data, errors: r.errors })),
    code,
    {
      query: RANK_SUBSCRIPTION,
      variables: { provinceId: `P${code}` },
      pick: (d) => d.rankChanged as RankEvent,
      apply: applyRank,
    },
    [
      {
        query: PROVINCE_PROGRESS_SUBSCRIPTION,
        variables: { areaId: `P${code}` },
        pick: (d) => d.progressUpdated as ProvinceProgressEvent,
        onEvent: () => setTotalsVersion((v) => v + 1),
        apply: (data, e) => applyProgress(data, e as ProvinceProgressEvent),
      },
    ],
    (data) => data.liveCursor,
  );

  // A row whose figures changed since the last data (an event or a poll) is highlighted for a few seconds: the
  // commune that reported, not the dozens it pushed down one place (their arrows already say so).
  useEffect(() => {
    const ranking = live.data?.province?.ranking;
    if (!ranking) return;
    const now = new Map(ranking.map((r) => [r.commune.id, figuresKey(r.progress)]));
    const before = figures.current;
    if (before)
      mark(
        ranking
          .filter((r) => before.has(r.commune.id) && before.get(r.commune.id) !== now.get(r.commune.id))
          .map((r) => r.commune.id),
      );
    figures.current = now;
  }, [live.data]);

  const mainError = live.data && errorsAt(live.data.errors, 'province');
  // The panels below the ranking (three long tables) are drawn just after the first paint with data, so that the
  // ranking's first rows do not wait for them: the data is all there, only the drawing is put off.
  const [below, setBelow] = useState(false);
  const hasData = !!live.data;
  useEffect(() => {
    if (!hasData || below) return;
    const timer = setTimeout(() => setBelow(true), 0);
    return () => clearTimeout(timer);
  }, [hasData]);

  if (live.error || mainError)
    return html`<${Layout} title="Bảng theo dõi tỉnh"><${ErrorBox} error=${live.error || mainError} /><//>`;
  if (!live.data) {
    return html`<${Layout} title="Bảng theo dõi tỉnh" status=${html`<${LiveStatus} ...${live} />`}><${Loading} /><//>`;
  }
  const province = live.data.province;
  if (!province) return html`<${NotFound} what=${`tỉnh có mã "${code}"`} back="/province/23" />`;
  const p = province.progress;
  const { errors } = live.data;
  const directivesError = errorsAt(errors, 'directives');
  const directives = live.data.directives?.directives ?? null;
  const asOf = fmtDate(province.ranking[0]?.date ?? p.asOf);
  return html`<${Layout}
    title=${`Bảng theo dõi — ${province.fullName}`}
    subtitle=${[`Số liệu đến ngày ${asOf}`, coverageLine(p.coverage, p.figuresDate), `${province.ranking.length} xã, phường, đặc khu`].filter(Boolean).join(' · ')}
    nav=${html`<a href=${`/province/${code}/live`}>Màn hình xếp hạng trực tiếp</a>`}
    status=${html`<${LiveStatus} ...${live} figuresDate=${province.ranking[0]?.date ?? p.figuresDate} coverage=${p.coverage} />`}
    skips=${PROVINCE_SKIPS}
  >
    <section class="cards">
      <div class="card">
        <div class="k">Người học</div>
        <div class="v" data-testid="province-learners">${fmtInt(p.learners)}</div>
      </div>
      <div class="card">
        <div class="k">Tỷ lệ tham gia</div>
        <div class="v">${fmtPct(p.participationRate)}</div>
        <div class="s">trên ${fmtInt(p.adults)} người trưởng thành</div>
      </div>
      <div class="card">
        <div class="k">CBCCVC đăng ký</div>
        <div class="v">${fmtInt(p.officialsRegistered)}</div>
        <div class="s">${fmtPct(p.officialsRate)}</div>
      </div>
      <div class="card">
        <div class="k">Người dân đăng ký</div>
        <div class="v">${fmtInt(p.residentsRegistered)}</div>
        <div class="s">${fmtPct(p.residentsRate)}</div>
      </div>
    </section>
    <section class="panel" id="ranking">
      <h2>Bảng xếp hạng các xã, phường, đặc khu</h2>
      <${Download} href=${`/export/province/${encodeURIComponent(code)}/ranking.xlsx`} label="Tải Excel xếp hạng" />
      <${RankingTable} rows=${againstWeekAgo(province.ranking, province.weekAgo)} highlight=${highlight} />
    </section>
    <div class="two">
      <section class="panel">
        <h2>Tiến độ của tỉnh theo thời gian</h2>
        <${ProgressChart} history=${province.progressHistory} />
      </section>
      <section class="panel" id="targets">
        <h2>Chỉ tiêu của tỉnh</h2>
        <${Targets}
          code=${code}
          progress=${p}
          status=${live.data.targets?.targetStatus ?? null}
          directives=${directives}
          directivesError=${directivesError}
          totalsVersion=${totalsVersion}
        />
      </section>
    </div>
    <div class="two">
      <section class="panel">
        <h2>Xã chưa có kế hoạch</h2>
        ${
          below
            ? html`<${WithoutPlan}
                directives=${directives}
                error=${directivesError}
                names=${new Map(province.ranking.map((r) => [r.commune.id, r.commune.name]))}
              />`
            : html`<${Loading} />`
        }
      </section>
      <section class="panel" id="deadline-chase">
        <h2>Số liệu tuần của thôn, đơn vị theo hạn</h2>
        ${
          below
            ? html`<${DeadlineChase}
                code=${code}
                initial=${live.data.deadlineChase?.reportingStatus ?? null}
                error=${errorsAt(errors, 'deadlineChase')}
              />`
            : html`<${Loading} />`
        }
      </section>
    </div>
    <section class="panel" id="follow-up">
      <h2>Báo cáo định kỳ của các xã theo yêu cầu của tỉnh</h2>
      ${
        below
          ? html`<${ReportFollowUp}
              code=${code}
              initial=${live.data.followUp?.reportFollowUp ?? null}
              error=${errorsAt(errors, 'followUp')}
            />`
          : html`<${Loading} />`
      }
    </section>
  <//>`;
}
