import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError, gql } from '../api';
import { ChartCanvas } from '../chart';
import { DASH, fmtDate, fmtInt, fmtPct, fold, GROUP_VI, INDICATOR_VI, STATE_VI } from '../format';
import { useLiveQuery } from '../live';
import { Change, ErrorBox, html, Layout, LiveStatus, Loading, NotFound } from '../ui';

interface ProgressFigures {
  asOf: string;
  figuresDate?: string | null;
  learners: number;
  officialsRegistered?: number;
  residentsRegistered?: number;
  officialsRate: number | null;
  residentsRate: number | null;
  participationRate: number | null;
}
export interface RankingRow {
  position: number;
  outOf: number;
  previous: number | null;
  change: number | null;
  date: string | null;
  commune: { id: string; name: string; kind: string };
  progress: ProgressFigures;
}
interface Target {
  indicator: string;
  group: string;
  threshold: number;
  dueOn: string;
  strict: boolean;
  note: string | null;
}
interface Directive {
  id: string;
  number: string;
  title: string;
  status: string;
  targets: Target[];
  reportingDeadlines: Array<{ recurrence: string; dueOn: string | null; before: boolean | null; subject: string }>;
  communesWithoutPlan: Array<{ id: string; name: string }>;
}
interface LiveData {
  province: null | {
    id: string;
    code: string;
    name: string;
    fullName: string;
    progress: ProgressFigures & { adults: number | null };
    progressHistory: ProgressFigures[];
    ranking: RankingRow[];
  };
}

export const RANKING_FIELDS = `position outOf previous change date commune { id name kind } progress { asOf learners officialsRegistered residentsRegistered officialsRate residentsRate participationRate }`;

const LIVE_QUERY = `query Dashboard($code: String!) { province(code: $code) { id code name fullName
  progress { asOf figuresDate adults learners officialsRegistered residentsRegistered officialsRate residentsRate participationRate }
  progressHistory { asOf learners officialsRate residentsRate participationRate }
  ranking { ${RANKING_FIELDS} } } }`;

const STATIC_QUERY = `query Directives($code: String!) { province(code: $code) { id directives(inForceOnly: true) { id number title status
  targets { indicator group threshold dueOn strict note }
  reportingDeadlines { recurrence dueOn before subject }
  communesWithoutPlan { id name } } } }`;

export const RANK_SUBSCRIPTION = `subscription Rank($provinceId: ID!, $after: ID) { rankChanged(provinceId: $provinceId, after: $after) {
  eventId asOf previous position outOf change commune { id name } } }`;
export const PROGRESS_SUBSCRIPTION = `subscription Progress($areaId: ID!, $after: ID) { progressUpdated(areaId: $areaId, after: $after) { eventId areaId asOf cause } }`;

export interface RankEvent {
  eventId: string;
  asOf: string;
  previous: number | null;
  position: number;
  outOf: number;
  change: number;
  commune: { id: string; name: string };
}

const directivesCache = new Map<string, Promise<Directive[]>>();
/** The province's directives in force, asked once per page for the three panels that use them. */
function loadDirectives(code: string): Promise<Directive[]> {
  let p = directivesCache.get(code);
  if (!p) {
    p = gql<{ province: { directives: Directive[] } | null }>(STATIC_QUERY, { code }).then(
      (d) => d.province?.directives ?? [],
    );
    p.catch(() => directivesCache.delete(code));
    directivesCache.set(code, p);
  }
  return p;
}

type SortKey = 'position' | 'name' | 'change' | 'learners' | 'officialsRate' | 'residentsRate';

/** Which progress figure measures a target, where one does (JOINED × RESIDENTS: learners over adults). */
function currentValue(t: Target, progress: ProgressFigures | undefined): number | null {
  if (!progress) return null;
  if (t.indicator === 'JOINED' && t.group === 'RESIDENTS') return progress.participationRate;
  return null;
}

export function ProvincePage(props: { code: string }) {
  const { code } = props;
  const [highlight, setHighlight] = useState<Map<string, number>>(new Map());
  const positions = useRef<Map<string, number> | null>(null);
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

  const live = useLiveQuery<LiveData, RankEvent>(
    () => gql<LiveData>(LIVE_QUERY, { code }),
    code,
    {
      query: RANK_SUBSCRIPTION,
      variables: { provinceId: `P${code}` },
      pick: (d) => d.rankChanged as RankEvent,
      onEvent: (e) => mark([e.commune.id]),
    },
    [
      {
        query: PROGRESS_SUBSCRIPTION,
        variables: { areaId: `P${code}` },
        pick: (d) => d.progressUpdated as { eventId: string },
      },
    ],
  );

  // A row whose position changed since the last data (an event or a poll) is highlighted for a few seconds.
  useEffect(() => {
    const ranking = live.data?.province?.ranking;
    if (!ranking) return;
    const now = new Map(ranking.map((r) => [r.commune.id, r.position]));
    if (positions.current) {
      const moved = ranking.filter(
        (r) => positions.current!.has(r.commune.id) && positions.current!.get(r.commune.id) !== r.position,
      );
      mark(moved.map((r) => r.commune.id));
    }
    positions.current = now;
  }, [live.data]);

  if (live.error) return html`<${Layout} title="Bảng theo dõi tỉnh"><${ErrorBox} error=${live.error} /><//>`;
  if (!live.data) {
    return html`<${Layout} title="Bảng theo dõi tỉnh" status=${html`<${LiveStatus} ...${live} />`}><${Loading} /><//>`;
  }
  const province = live.data.province;
  if (!province) return html`<${NotFound} what=${`tỉnh có mã "${code}"`} back="/province/23" />`;
  const p = province.progress;
  return html`<${Layout}
    title=${`Bảng theo dõi — ${province.fullName}`}
    subtitle=${`Số liệu đến ngày ${fmtDate(province.ranking[0]?.date ?? p.asOf)} · ${province.ranking.length} xã, phường, đặc khu`}
    nav=${html`<a href=${`/province/${code}/live`}>Màn hình xếp hạng trực tiếp</a>`}
    status=${html`<${LiveStatus} ...${live} />`}
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
    <div class="two">
      <section class="panel">
        <h2>Tiến độ của tỉnh theo thời gian</h2>
        <${ProgressChart} history=${province.progressHistory} />
      </section>
      <section class="panel">
        <h2>Chỉ tiêu của tỉnh</h2>
        <${Targets} code=${code} progress=${p} updatedAt=${live.updatedAt} />
      </section>
    </div>
    <section class="panel">
      <h2>Bảng xếp hạng các xã, phường, đặc khu</h2>
      <${RankingTable} rows=${province.ranking} highlight=${highlight} />
    </section>
    <div class="two">
      <section class="panel">
        <h2>Xã chưa có kế hoạch</h2>
        <${WithoutPlan} code=${code} />
      </section>
      <section class="panel">
        <h2>Báo cáo theo hạn</h2>
        <${DeadlineChase} code=${code} />
      </section>
    </div>
  <//>`;
}

function ProgressChart(props: { history: ProgressFigures[] }) {
  const h = props.history;
  if (h.length === 0) return html`<p class="muted">Chưa có số liệu.</p>`;
  const config = {
    type: 'line' as const,
    data: {
      labels: h.map((x) => fmtDate(x.asOf)),
      datasets: [
        {
          label: 'Tỷ lệ tham gia (%)',
          data: h.map((x) => (x.participationRate ?? 0) * 100),
          borderColor: '#b91c1c',
          backgroundColor: '#b91c1c',
          yAxisID: 'y',
        },
        {
          label: 'Người học',
          data: h.map((x) => x.learners),
          borderColor: '#1d4ed8',
          backgroundColor: '#1d4ed8',
          yAxisID: 'y1',
        },
      ],
    },
    options: {
      scales: {
        y: { position: 'left' as const, beginAtZero: true, title: { display: true, text: '%' } },
        y1: {
          position: 'right' as const,
          beginAtZero: true,
          grid: { drawOnChartArea: false },
          title: { display: true, text: 'người' },
        },
      },
    },
  };
  return html`<${ChartCanvas} config=${config} label="Tiến độ của tỉnh theo thời gian" />`;
}

const COLUMNS: Array<{ key: SortKey; label: string; num: boolean }> = [
  { key: 'position', label: 'Hạng', num: true },
  { key: 'name', label: 'Xã, phường, đặc khu', num: false },
  { key: 'change', label: 'Thay đổi', num: true },
  { key: 'learners', label: 'Người học', num: true },
  { key: 'officialsRate', label: '% CBCCVC', num: true },
  { key: 'residentsRate', label: '% người dân', num: true },
];

function sortValue(r: RankingRow, key: SortKey): number | string {
  switch (key) {
    case 'position':
      return r.position;
    case 'name':
      return fold(r.commune.name);
    case 'change':
      return r.change ?? -Infinity;
    case 'learners':
      return r.progress.learners;
    case 'officialsRate':
      return r.progress.officialsRate ?? -1;
    case 'residentsRate':
      return r.progress.residentsRate ?? -1;
  }
}

export function RankingTable(props: { rows: RankingRow[]; highlight: Map<string, number> }) {
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'position', desc: false });
  const rows = useMemo(() => {
    const q = fold(search);
    const filtered = q
      ? props.rows.filter((r) => fold(r.commune.name).includes(q) || r.commune.id.toLowerCase().includes(q))
      : props.rows;
    const sorted = [...filtered].sort((a, b) => {
      const x = sortValue(a, sort.key),
        y = sortValue(b, sort.key);
      const c = typeof x === 'string' ? x.localeCompare(y as string, 'vi') : (x as number) - (y as number);
      return (sort.desc ? -c : c) || a.position - b.position;
    });
    return sorted;
  }, [props.rows, search, sort]);
  const click = (key: SortKey) =>
    setSort((s) => (s.key === key ? { key, desc: !s.desc } : { key, desc: key !== 'position' && key !== 'name' }));
  return html` <div class="toolbar">
      <input
        type="search"
        placeholder="Tìm xã (gõ không dấu được: ba to)"
        value=${search}
        onInput=${(e: Event) => setSearch((e.target as HTMLInputElement).value)}
        data-testid="ranking-search"
        aria-label="Tìm xã"
      />
      <span class="muted">${rows.length} / ${props.rows.length} xã</span>
    </div>
    <div class="table-wrap">
      <table class="ranking" data-testid="ranking-table">
        <thead>
          <tr>
            ${COLUMNS.map(
              (c) =>
                html`<th
                  class=${c.num ? 'num' : ''}
                  aria-sort=${sort.key === c.key ? (sort.desc ? 'descending' : 'ascending') : 'none'}
                >
                  <button type="button" onClick=${() => click(c.key)}>
                    ${c.label}${sort.key === c.key ? (sort.desc ? ' ↓' : ' ↑') : ''}
                  </button>
                </th>`,
            )}
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (r) =>
              html`<tr
                key=${r.commune.id}
                data-testid="ranking-row"
                data-commune-id=${r.commune.id}
                data-position=${r.position}
                class=${props.highlight.has(r.commune.id) ? 'moved' : ''}
              >
                <td class="num pos">${r.position}</td>
                <td><a href=${`/commune/${r.commune.id}`}>${r.commune.name}</a></td>
                <td class="num"><${Change} change=${r.change} previous=${r.previous} /></td>
                <td class="num">${fmtInt(r.progress.learners)}</td>
                <td class="num">${fmtPct(r.progress.officialsRate)}</td>
                <td class="num">${fmtPct(r.progress.residentsRate)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    ${rows.length === 0 ? html`<p class="muted">Không có xã nào khớp “${search}”.</p>` : null}`;
}

export interface TargetStatus {
  indicator: string;
  group: string;
  threshold: number;
  dueOn: string;
  source: string;
  asOf: string;
  value: number | null;
  gap: number | null;
  projected: number | null;
  status: string;
}
export const TARGET_STATUS_FIELDS = 'indicator group threshold dueOn source asOf value gap projected status';
export const TARGET_STATE_VI: Record<string, string> = {
  MET: 'Đã đạt',
  ON_TRACK: 'Đúng tiến độ',
  AT_RISK: 'Có nguy cơ không đạt',
  MISSED: 'Không đạt',
  NOT_MEASURED: 'Chưa đo được',
};
const STATE_CLASS: Record<string, string> = {
  MET: 'ok',
  ON_TRACK: 'ok',
  AT_RISK: 'late',
  MISSED: 'behind',
  NOT_MEASURED: 'muted',
};

export function TargetState(props: { status: string }) {
  return html`<span class=${`state ${STATE_CLASS[props.status] ?? ''}`} data-state=${props.status}
    >${TARGET_STATE_VI[props.status] ?? props.status}</span
  >`;
}

/**
 * The province's targets: Province.targetStatus (value, projection and state per target) where the API has it;
 * else the directives' targets with the current value computed from progress where the indicator maps.
 */
function Targets(props: { code: string; progress: ProgressFigures; updatedAt: Date | null }) {
  const [directives, setDirectives] = useState<Directive[] | null>(null);
  const [status, setStatus] = useState<TargetStatus[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    gql<{ province: { targetStatus: TargetStatus[] } | null }>(
      `query($code: String!) { province(code: $code) { targetStatus { ${TARGET_STATUS_FIELDS} } } }`,
      { code: props.code },
    )
      .then((d) => setStatus(d.province?.targetStatus ?? []))
      .catch(() => loadDirectives(props.code).then(setDirectives).catch(setError));
  }, [props.code, props.updatedAt?.getTime()]);
  if (error) return html`<${ErrorBox} error=${error} />`;
  if (status) {
    if (status.length === 0) return html`<p class="muted">Chưa có chỉ tiêu trong các văn bản đang có hiệu lực.</p>`;
    return html`<table class="targets" data-testid="targets">
        <thead>
          <tr>
            <th>Chỉ tiêu</th>
            <th class="num">Mức</th>
            <th>Hạn</th>
            <th class="num">Hiện tại</th>
            <th class="num">Dự báo đến hạn</th>
            <th>Đánh giá</th>
          </tr>
        </thead>
        <tbody>
          ${status.map(
            (t) =>
              html`<tr data-state=${t.status}>
                <td>${GROUP_VI[t.group] ?? t.group} ${INDICATOR_VI[t.indicator] ?? t.indicator}</td>
                <td class="num">≥ ${fmtPct(t.threshold, 0)}</td>
                <td>${fmtDate(t.dueOn)}</td>
                <td class="num">
                  ${t.value == null ? html`<span class="muted">chưa có số liệu</span>` : fmtPct(t.value)}
                </td>
                <td class="num">${t.projected == null ? DASH : fmtPct(t.projected)}</td>
                <td><${TargetState} status=${t.status} /></td>
              </tr>`,
          )}
        </tbody>
      </table>
      <p class="muted small">Dự báo theo tốc độ 28 ngày gần nhất; số liệu đến ngày ${fmtDate(status[0].asOf)}.</p>`;
  }
  if (!directives) return html`<${Loading} />`;
  const targets = directives.flatMap((d) => d.targets.map((t) => ({ ...t, directive: d })));
  if (targets.length === 0) return html`<p class="muted">Chưa có chỉ tiêu trong các văn bản đang có hiệu lực.</p>`;
  return html`<table class="targets" data-testid="targets">
      <thead>
        <tr>
          <th>Chỉ tiêu</th>
          <th class="num">Mức</th>
          <th>Hạn</th>
          <th class="num">Hiện tại</th>
          <th>Văn bản</th>
        </tr>
      </thead>
      <tbody>
        ${targets.map((t) => {
          const now = currentValue(t, props.progress);
          const met = now == null ? null : t.strict ? now > t.threshold : now >= t.threshold;
          return html`<tr>
            <td>
              ${GROUP_VI[t.group] ?? t.group}
              ${INDICATOR_VI[t.indicator] ?? t.indicator}${t.note ? html`<div class="muted small">${t.note}</div>` : null}
            </td>
            <td class="num">${t.strict ? 'trên ' : '≥ '}${fmtPct(t.threshold, 0)}</td>
            <td>${fmtDate(t.dueOn)}</td>
            <td class="num">
              ${
                now == null
                  ? html`<span class="muted" title="Chưa có số liệu cho chỉ số này">chưa có số liệu</span>`
                  : html`<span class=${met ? 'ok' : 'behind'}>${fmtPct(now)}</span>`
              }
            </td>
            <td class="small">${t.directive.number}</td>
          </tr>`;
        })}
      </tbody>
    </table>
    <p class="muted small">
      “Hiện tại” tính từ tiến độ của tỉnh: tham gia × người dân = người học / người trưởng thành.
    </p>`;
}

function WithoutPlan(props: { code: string }) {
  const [directives, setDirectives] = useState<Directive[] | null>(null);
  useEffect(() => {
    loadDirectives(props.code).then(setDirectives, () => setDirectives([]));
  }, [props.code]);
  if (!directives) return html`<${Loading} />`;
  const relevant = directives.filter((d) => d.targets.length > 0);
  if (relevant.length === 0) return html`<p class="muted">Không có văn bản nào đặt chỉ tiêu.</p>`;
  return html`${relevant.map(
    (d, i) =>
      html`<details open=${i === 0} data-testid="without-plan">
        <summary><strong>${d.number}</strong> — ${d.communesWithoutPlan.length} xã chưa có kế hoạch thực hiện</summary>
        <p class="muted small">${d.title}</p>
        <ul class="chips">
          ${d.communesWithoutPlan.map((c) => html`<li><a href=${`/commune/${c.id}`}>${c.name}</a></li>`)}
        </ul>
      </details>`,
  )}`;
}

interface DeadlineStatus {
  since: string;
  deadline: string;
  onTime: number;
  late: number;
  missing: number;
  communes: Array<{
    commune: { id: string };
    name: string;
    status: string;
    firstSubmittedAt: string | null;
    reportersReported: number;
    reportersTotal: number;
  }>;
}

function DeadlineChase(props: { code: string }) {
  const [deadline, setDeadline] = useState<string | null>(null);
  const [data, setData] = useState<DeadlineStatus | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    loadDirectives(props.code).then(
      (directives) => {
        const dates = directives
          .flatMap((x) => x.reportingDeadlines)
          .filter((r) => r.recurrence === 'ONCE' && r.dueOn)
          .map((r) => r.dueOn!);
        setDeadline(dates.sort().at(-1) ?? '2025-11-20');
      },
      () => setDeadline('2025-11-20'),
    );
  }, [props.code]);
  useEffect(() => {
    if (!deadline) return;
    setData(null);
    gql<{ province: { reportingStatus: DeadlineStatus } | null }>(
      `query($code: String!, $deadline: Date!) { province(code: $code) { reportingStatus(deadline: $deadline) { since deadline onTime late missing
        communes { commune { id } name status firstSubmittedAt reportersReported reportersTotal } } } }`,
      { code: props.code, deadline },
    ).then((d) => (setData(d.province?.reportingStatus ?? null), setError(null)), setError);
  }, [deadline]);
  const chase = data?.communes.filter((c) => c.status !== 'ON_TIME') ?? [];
  return html` <label class="inline"
      >Hạn báo cáo (trước ngày)
      <input
        type="date"
        value=${deadline ?? ''}
        onChange=${(e: Event) => setDeadline((e.target as HTMLInputElement).value || null)}
        data-testid="deadline"
    /></label>
    ${error ? html`<p class="error">${error instanceof ApiError ? error.message : String(error)}</p>` : null}
    ${
      !data
        ? error
          ? null
          : html`<${Loading} />`
        : html` <p>
              Từ ${fmtDate(data.since)}: <span class="ok">${data.onTime} đúng hạn</span> ·
              <span class="late">${data.late} trễ hạn</span> · <span class="behind">${data.missing} chưa báo cáo</span>
            </p>
            ${
              chase.length === 0
                ? html`<p class="muted">Tất cả các xã đã báo cáo đúng hạn.</p>`
                : html` <table data-testid="deadline-chase">
                    <thead>
                      <tr>
                        <th>Xã</th>
                        <th>Tình trạng</th>
                        <th class="num">Đơn vị đã báo cáo</th>
                      </tr>
                    </thead>
                    <tbody>
                      ${chase.map(
                        (c) =>
                          html`<tr>
                            <td><a href=${`/commune/${c.commune.id}`}>${c.name}</a></td>
                            <td class=${c.status === 'LATE' ? 'late' : 'behind'}>${STATE_VI[c.status]}</td>
                            <td class="num">${c.reportersReported}/${c.reportersTotal}</td>
                          </tr>`,
                      )}
                    </tbody>
                  </table>`
            }`
    }`;
}
