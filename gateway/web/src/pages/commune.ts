import { useEffect, useState } from 'preact/hooks';
import { gql } from '../api';
import { ChartCanvas } from '../chart';
import { DASH, fmtDate, fmtDateTime, fmtInt, fmtPct, GROUP_VI, INDICATOR_VI, KIND_VI, STATE_VI } from '../format';
import { useLiveQuery } from '../live';
import { Change, ErrorBox, html, Layout, LiveStatus, Loading, NotFound } from '../ui';
import type { CommuneTargetStatusQuery, TargetStatusFieldsFragment } from '../generated/graphql';
import { PROGRESS_SUBSCRIPTION } from './province/queries';
import { TARGET_STATUS_FIELDS, TargetState } from './province/TargetState';

interface Figures {
  asOf: string;
  figuresDate: string | null;
  learners: number;
  certified: number;
  participationRate: number | null;
}
interface GroupFigures {
  group: string;
  registered: number;
  completed: number;
  certified: number;
}
interface Target {
  indicator: string;
  group: string;
  threshold: number;
  dueOn: string;
  strict: boolean;
  note: string | null;
  source: 'PROVINCE' | 'COMMUNE';
  directiveId: string | null;
  planId: string | null;
  overrides: { threshold: number; strict: boolean; dueOn: string; source: string; directiveId: string | null } | null;
}
interface Village {
  id: string;
  name: string;
  formerCommune: string | null;
  population: { adults: number } | null;
  progress: Figures;
}
interface Unit {
  id: string;
  name: string;
  type: string;
  staff: number;
  progress: Figures & { groups: GroupFigures[] | null };
}
interface CommuneData {
  commune: null | {
    id: string;
    name: string;
    kind: string;
    province: { id: string; code: string; name: string };
    population: { adults: number; asOf: string } | null;
    progress: Figures & {
      officialsRegistered: number;
      residentsRegistered: number;
      officialsRate: number | null;
      residentsRate: number | null;
    };
    rank: {
      position: number;
      outOf: number;
      previous: number | null;
      change: number | null;
      date: string | null;
    } | null;
    rankHistory: Array<{ date: string; position: number; outOf: number }>;
    progressHistory: Array<{ asOf: string }>;
    effectiveTargets: Target[];
    plans: Array<{ id: string; number: string; title: string }>;
    villages: Village[];
    units: Unit[];
  };
}
/** Commune.targetStatus (the reports subgraph's evaluation of the effective targets), asked on its own: optional. */
const STATUS_QUERY =
  /* GraphQL */ `query CommuneTargetStatus($id: ID!) { commune(id: $id) { targetStatus { ...TargetStatusFields } } }` +
  TARGET_STATUS_FIELDS;
interface ReportingStatus {
  reportDate: string;
  deadline: string;
  onTime: number;
  late: number;
  missing: number;
  reporters: Array<{
    name: string;
    status: string;
    firstSubmittedAt: string | null;
    village: { id: string } | null;
    unit: { id: string } | null;
  }>;
}

const QUERY = `query Commune($id: ID!) { commune(id: $id) { id name kind province { id code name }
  population { adults asOf }
  progress { asOf figuresDate learners certified officialsRegistered residentsRegistered officialsRate residentsRate participationRate }
  rank { position outOf previous change date }
  rankHistory { date position outOf }
  progressHistory { asOf }
  effectiveTargets { indicator group threshold dueOn strict note source directiveId planId overrides { threshold strict dueOn source directiveId } }
  plans { id number title }
  villages { id name formerCommune population { adults } progress { asOf figuresDate learners certified participationRate } }
  units { id name type staff progress { asOf figuresDate learners certified participationRate groups { group registered completed certified } } }
} }`;

const UNIT_TYPE_VI: Record<string, string> = {
  AGENCY: 'Cơ quan',
  PARTY: 'Đảng ủy',
  POLICE: 'Công an',
  MILITARY: 'Quân sự',
  FATHERLAND_FRONT: 'Mặt trận',
  MASS_ORGANISATION: 'Đoàn thể',
  SCHOOL: 'Trường học',
  HEALTH: 'Y tế',
  ENTERPRISE: 'Doanh nghiệp',
  COOPERATIVE: 'Hợp tác xã',
  DIGITAL_TEAM: 'Tổ CNS cộng đồng',
  OTHER: 'Khác',
};

/** The latest Friday (the weekly reporting day) among the dates with figures. */
function latestFriday(dates: string[]): string | null {
  const fridays = dates.filter((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 5).sort();
  return fridays.at(-1) ?? null;
}

export function CommunePage(props: { id: string }) {
  const { id } = props;
  const live = useLiveQuery<CommuneData, { eventId: string }>(() => gql<CommuneData>(QUERY, { id }), id, {
    query: PROGRESS_SUBSCRIPTION,
    variables: { areaId: id },
    pick: (d) => d.progressUpdated as { eventId: string },
  });
  if (live.error) return html`<${Layout} title="Trang xã"><${ErrorBox} error=${live.error} /><//>`;
  if (!live.data)
    return html`<${Layout} title="Trang xã" status=${html`<${LiveStatus} ...${live} />`}><${Loading} /><//>`;
  const c = live.data.commune;
  if (!c) return html`<${NotFound} what=${`xã có mã "${id}"`} />`;
  const back = `/province/${c.province.code}`;
  return html`<${Layout}
    title=${`${KIND_VI[c.kind] ?? ''} ${c.name}`}
    subtitle=${html`${c.province.name} · ${fmtInt(c.population?.adults)} người trưởng thành · số liệu đến ngày ${fmtDate(c.progress.figuresDate ?? c.progress.asOf)}`}
    nav=${html`<a href=${back}>← Bảng theo dõi tỉnh ${c.province.name}</a>`}
    status=${html`<${LiveStatus} ...${live} />`}
  >
    <section class="cards">
      <div class="card">
        <div class="k">Xếp hạng</div>
        <div class="v" data-testid="commune-rank">
          ${c.rank ? html`${c.rank.position}<small>/${c.rank.outOf}</small>` : DASH}
        </div>
        <div class="s">
          ${c.rank ? html`<${Change} change=${c.rank.change} /> so với ${c.rank.previous ?? DASH}` : null}
        </div>
      </div>
      <div class="card">
        <div class="k">Người học</div>
        <div class="v">${fmtInt(c.progress.learners)}</div>
        <div class="s">${fmtPct(c.progress.participationRate)} người trưởng thành</div>
      </div>
      <div class="card">
        <div class="k">CBCCVC đăng ký</div>
        <div class="v">${fmtInt(c.progress.officialsRegistered)}</div>
        <div class="s">${fmtPct(c.progress.officialsRate)}</div>
      </div>
      <div class="card">
        <div class="k">Người dân đăng ký</div>
        <div class="v">${fmtInt(c.progress.residentsRegistered)}</div>
        <div class="s">${fmtPct(c.progress.residentsRate)}</div>
      </div>
    </section>
    <div class="two">
      <section class="panel">
        <h2>Thứ hạng theo thời gian</h2>
        <${RankChart} history=${c.rankHistory} />
      </section>
      <section class="panel">
        <h2>Chỉ tiêu đang áp dụng</h2>
        <${Targets} commune=${c} updatedAt=${live.updatedAt} />
      </section>
    </div>
    <section class="panel">
      <h2>Thôn, tổ dân phố (${c.villages.length})</h2>
      <${Villages} villages=${c.villages} />
    </section>
    <div class="two">
      <section class="panel">
        <h2>Báo cáo thứ Sáu</h2>
        <${FridayChase} id=${c.id} dates=${c.progressHistory.map((p) => p.asOf)} updatedAt=${live.updatedAt} />
      </section>
      <section class="panel">
        <h2>Cơ quan, đơn vị (${c.units.length})</h2>
        <${Units} units=${c.units} />
      </section>
    </div>
  <//>`;
}

function RankChart(props: { history: Array<{ date: string; position: number; outOf: number }> }) {
  if (props.history.length === 0) return html`<p class="muted">Chưa có thứ hạng.</p>`;
  const outOf = Math.max(...props.history.map((h) => h.outOf));
  const config = {
    type: 'line' as const,
    data: {
      labels: props.history.map((h) => fmtDate(h.date)),
      datasets: [
        {
          label: 'Thứ hạng',
          data: props.history.map((h) => h.position),
          borderColor: '#b91c1c',
          backgroundColor: '#b91c1c',
          stepped: false,
        },
      ],
    },
    options: {
      scales: { y: { reverse: true, min: 1, max: outOf, title: { display: true, text: `hạng (trên ${outOf})` } } },
      plugins: { legend: { display: false } },
    },
  };
  return html`<${ChartCanvas} config=${config} label="Thứ hạng theo thời gian" />`;
}

function Villages(props: { villages: Village[] }) {
  const groups = new Map<string | null, Village[]>();
  for (const v of props.villages) {
    const list = groups.get(v.formerCommune) ?? [];
    list.push(v);
    groups.set(v.formerCommune, list);
  }
  const merged = [...groups.keys()].some((k) => k !== null);
  return html`<div class="table-wrap">
    <table class="villages">
      <thead>
        <tr>
          <th>Thôn, tổ dân phố</th>
          <th class="num">Người trưởng thành</th>
          <th class="num">Người học</th>
          <th class="num">Tỷ lệ</th>
          <th class="num">Chứng nhận</th>
          <th>Số liệu đến</th>
          <th></th>
        </tr>
      </thead>
      ${[...groups.entries()].map(
        ([former, list]) =>
          html`<tbody data-testid="former-commune-group" data-former-commune=${former ?? ''}>
            ${
              merged
                ? html`<tr class="group">
                    <th colspan="7">${former ? `Xã cũ ${former}` : 'Không thuộc xã cũ'} · ${list.length} thôn</th>
                  </tr>`
                : null
            }
            ${list.map(
              (v) =>
                html`<tr data-testid="village-row" data-village-id=${v.id}>
                  <td>${v.name}</td>
                  <td class="num">${fmtInt(v.population?.adults)}</td>
                  <td class="num">${fmtInt(v.progress.learners)}</td>
                  <td class="num">${fmtPct(v.progress.participationRate)}</td>
                  <td class="num">${fmtInt(v.progress.certified)}</td>
                  <td>${fmtDate(v.progress.figuresDate)}</td>
                  <td><a href=${`/village/${v.id}/report`}>Báo cáo</a></td>
                </tr>`,
            )}
          </tbody>`,
      )}
    </table>
  </div>`;
}

function Units(props: { units: Unit[] }) {
  const officials = (u: Unit) => u.progress.groups?.find((g) => g.group === 'OFFICIALS');
  return html`<div class="table-wrap scroll">
    <table class="units">
      <thead>
        <tr>
          <th>Đơn vị</th>
          <th>Loại</th>
          <th class="num">Biên chế</th>
          <th class="num">CBCCVC đăng ký</th>
          <th class="num">CBCCVC được chứng nhận</th>
          <th class="num">Người học</th>
        </tr>
      </thead>
      <tbody>
        ${props.units.map(
          (u) =>
            html`<tr data-testid="unit-row">
              <td>${u.name}</td>
              <td class="small">${UNIT_TYPE_VI[u.type] ?? u.type}</td>
              <td class="num">${fmtInt(u.staff)}</td>
              <td class="num">${fmtInt(officials(u)?.registered)}</td>
              <td class="num">
                ${fmtInt(officials(u)?.certified)}
                <span class="muted small"
                  >${u.staff && officials(u) ? fmtPct(officials(u)!.certified / u.staff, 0) : ''}</span
                >
              </td>
              <td class="num">${fmtInt(u.progress.learners)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

/** The commune's figure for a target where one maps: residents joined = learners / adults; officials from the units' reports over their staff. */
function currentValue(t: Target, c: NonNullable<CommuneData['commune']>): number | null {
  if (t.indicator === 'JOINED' && t.group === 'RESIDENTS') return c.progress.participationRate;
  if (t.group === 'OFFICIALS' && (t.indicator === 'JOINED' || t.indicator === 'CERTIFIED')) {
    const staff = c.units.reduce((s, u) => s + u.staff, 0);
    if (!staff) return null;
    const key = t.indicator === 'JOINED' ? 'registered' : 'certified';
    const done = c.units.reduce((s, u) => s + (u.progress.groups?.find((g) => g.group === 'OFFICIALS')?.[key] ?? 0), 0);
    return done / staff;
  }
  return null;
}

function Targets(props: { commune: NonNullable<CommuneData['commune']>; updatedAt: Date | null }) {
  const c = props.commune;
  const [status, setStatus] = useState<TargetStatusFieldsFragment[] | null>(null);
  useEffect(() => {
    gql<CommuneTargetStatusQuery>(STATUS_QUERY, { id: c.id }).then(
      (d) => setStatus(d.commune?.targetStatus ?? null),
      () => setStatus(null),
    );
  }, [c.id, props.updatedAt?.getTime()]);
  const statusOf = (t: Target) =>
    status?.find((s) => s.indicator === t.indicator && s.group === t.group && s.dueOn === t.dueOn);
  if (c.effectiveTargets.length === 0) return html`<p class="muted">Chưa có chỉ tiêu.</p>`;
  const plan = (id: string | null) => c.plans.find((p) => p.id === id)?.number ?? id ?? '';
  return html`<table class="targets" data-testid="effective-targets">
    <thead>
      <tr>
        <th>Chỉ tiêu</th>
        <th class="num">Mức</th>
        <th>Hạn</th>
        <th class="num">Hiện tại</th>
        <th>Nguồn</th>
      </tr>
    </thead>
    <tbody>
      ${c.effectiveTargets.map((t) => {
        const evaluated = statusOf(t);
        const now = evaluated ? evaluated.value : currentValue(t, c);
        const met = now == null ? null : t.strict ? now > t.threshold : now >= t.threshold;
        return html`<tr data-source=${t.source}>
          <td>
            ${GROUP_VI[t.group] ?? t.group}
            ${INDICATOR_VI[t.indicator] ?? t.indicator}${t.note ? html`<div class="muted small">${t.note}</div>` : null}
          </td>
          <td class="num">${t.strict ? 'trên ' : '≥ '}${fmtPct(t.threshold, 0)}</td>
          <td>${fmtDate(t.dueOn)}</td>
          <td class="num">
            ${now == null ? html`<span class="muted">chưa có số liệu</span>` : html`<span class=${met ? 'ok' : 'behind'}>${fmtPct(now)}</span>`}
            ${evaluated ? html`<div class="small"><${TargetState} status=${evaluated.status} />${evaluated.projected != null ? html` · dự báo ${fmtPct(evaluated.projected)}` : null}</div>` : null}
          </td>
          <td class="small">
            ${
              t.source === 'COMMUNE'
                ? html`<span class="tag own">Của xã</span>
                    ${plan(t.planId)}${t.overrides ? html`<div class="muted">thay chỉ tiêu tỉnh ${t.overrides.strict ? 'trên ' : '≥ '}${fmtPct(t.overrides.threshold, 0)} (${t.overrides.directiveId ?? ''})</div>` : null}`
                : html`<span class="tag province">Của tỉnh</span> ${t.directiveId ?? ''}`
            }
          </td>
        </tr>`;
      })}
    </tbody>
  </table>`;
}

function FridayChase(props: { id: string; dates: string[]; updatedAt: Date | null }) {
  const friday = latestFriday(props.dates);
  const [data, setData] = useState<ReportingStatus | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (!friday) return;
    gql<{ commune: { reportingStatus: ReportingStatus } | null }>(
      `query($id: ID!, $date: Date!) { commune(id: $id) { reportingStatus(reportDate: $date) { reportDate deadline onTime late missing
        reporters { name status firstSubmittedAt village { id } unit { id } } } } }`,
      { id: props.id, date: friday },
    ).then((d) => (setData(d.commune?.reportingStatus ?? null), setError(null)), setError);
  }, [props.id, friday, props.updatedAt?.getTime()]);
  if (!friday) return html`<p class="muted">Chưa có báo cáo thứ Sáu nào.</p>`;
  if (error) return html`<${ErrorBox} error=${error} />`;
  if (!data) return html`<${Loading} />`;
  const order: Record<string, number> = { MISSING: 0, LATE: 1, ON_TIME: 2 };
  const rows = [...data.reporters].sort(
    (a, b) => order[a.status] - order[b.status] || a.name.localeCompare(b.name, 'vi'),
  );
  return html`<p>
      Thứ Sáu ${fmtDate(data.reportDate)}, hạn ${fmtDateTime(data.deadline)}:
      <span class="ok">${data.onTime} đúng hạn</span> · <span class="late">${data.late} trễ hạn</span> ·
      <span class="behind">${data.missing} chưa báo cáo</span>
    </p>
    <div class="table-wrap scroll">
      <table data-testid="friday-chase">
        <thead>
          <tr>
            <th>Thôn / đơn vị</th>
            <th>Tình trạng</th>
            <th>Nộp lúc</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (r) =>
              html`<tr data-state=${r.status}>
                <td>${r.village ? html`<a href=${`/village/${r.village.id}/report`}>${r.name}</a>` : r.name}</td>
                <td class=${r.status === 'ON_TIME' ? 'ok' : r.status === 'LATE' ? 'late' : 'behind'}>
                  ${STATE_VI[r.status]}
                </td>
                <td>${fmtDateTime(r.firstSubmittedAt)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
}
