import { ApiError, errorsAt, gqlPartial, type GqlError } from '../../api';
import { DASH, fmtDate, fmtInt, fmtPct } from '../../format';
import type { CommuneQuery } from '../../generated/graphql';
import { COMMUNE_QUERY, communeVariables } from './communeQuery';
import { useLiveQuery } from '../../live';
import { coverageLine } from '../../coverage';
import { Change, ErrorBox, html, Layout, LiveStatus, Loading, NotFound } from '../../ui';
import { PROGRESS_SUBSCRIPTION } from '../province/queries';
import { CommuneReports } from './CommuneReports';
import { initialToken, tokenFor, unverifiedViewer } from '../../session';
import { ReturnedNotice } from './ReturnedNotice';
import { can } from '../../../../../shared/pure/auth-rules';
import { FridayChase } from './FridayChase';
import { RankChart } from './RankChart';
import { RegistryKeeping } from './RegistryKeeping';
import { Targets } from './Targets';
import { Units } from './Units';
import { UnitDeadlines } from './UnitDeadlines';
import { Download } from '../Download';
import { Villages } from './Villages';
import { villageHeadsOf } from './VillageHeadContact';
import { COMMUNE_KIND_VI, wordsFor } from '../../../../../shared/pure/values';

type CommuneData = CommuneQuery & { errors: GqlError[] };

/**
 * The page's answer. The reports' part needs the signed-in token; a token the gateway refuses (expired, revoked)
 * would refuse the whole query, so the page is then asked again without it and the reports' panel says why.
 */
async function loadCommune(id: string): Promise<CommuneData> {
  // A sign-in link's `?token=` is taken in here (initialToken), as the key people page does.
  const token = (await tokenFor(initialToken() || null)) || null;
  const variables = communeVariables(id, token);
  try {
    const r = await gqlPartial<CommuneQuery>(COMMUNE_QUERY, variables, token);
    return { ...r.data, errors: r.errors };
  } catch (error) {
    if (!token || !(error instanceof ApiError) || error.code !== 'UNAUTHENTICATED') throw error;
    const r = await gqlPartial<CommuneQuery>(COMMUNE_QUERY, { ...variables, signedIn: false });
    return { ...r.data, errors: [...r.errors, ...error.errors.map((e) => ({ ...e, path: ['reports'] }))] };
  }
}

/** A commune's page: rank, progress, targets, villages (by former commune), units and the Friday chase list. */
export function CommunePage(props: { id: string }) {
  const { id } = props;
  const live = useLiveQuery<CommuneData, { eventId: string }>(
    () => loadCommune(id),
    id,
    {
      query: PROGRESS_SUBSCRIPTION,
      variables: { areaId: id },
      pick: (d) => d.progressUpdated as { eventId: string },
    },
    [],
    (data) => data.liveCursor,
  );
  const mainError = live.data && errorsAt(live.data.errors, 'commune');
  if (live.error || mainError)
    return html`<${Layout} title="Trang xã"><${ErrorBox} error=${live.error || mainError} /><//>`;
  if (!live.data)
    return html`<${Layout} title="Trang xã" status=${html`<${LiveStatus} ...${live} />`}><${Loading} /><//>`;
  const c = live.data.commune;
  const { errors } = live.data;
  if (!c) return html`<${NotFound} what=${`xã có mã "${id}"`} />`;
  const back = `/province/${c.province.code}`;
  // What the signed-in role cannot use is not shown (the API checks again): the village head sees no approval
  // button and no province reports; signed out, the reports' panel says who may sign in for it.
  const viewer = unverifiedViewer(initialToken() || null);
  const officer = can(viewer, 'APPROVE_PERIOD', { provinceId: c.province.id, communeId: c.id });
  const signedOut = viewer.role === 'ANONYMOUS';
  const adults = fmtInt(c.population?.adults);
  const asOf = fmtDate(c.progress.figuresDate ?? c.progress.asOf);
  return html`<${Layout}
    title=${`${wordsFor(COMMUNE_KIND_VI, c.kind)} ${c.name}`}
    subtitle=${[
      `${c.province.name} · ${adults} người trưởng thành · số liệu đến ngày ${asOf}`,
      coverageLine(c.progress.coverage, c.progress.figuresDate),
    ]
      .filter(Boolean)
      .join(' · ')}
    nav=${html`<a href=${back}>← Bảng theo dõi tỉnh ${c.province.name}</a>`}
    status=${html`<${LiveStatus} ...${live} figuresDate=${c.progress.figuresDate} coverage=${c.progress.coverage} />`}
  >
    <section class="cards">
      <div class="card">
        <div class="k">Xếp hạng</div>
        <div class="v" data-testid="commune-rank">
          ${
            !c.progress.figuresDate
              ? html`<small>Chưa có số liệu</small>`
              : c.rank
                ? html`${c.rank.position}<small>/${c.rank.outOf}</small>`
                : DASH
          }
        </div>
        <div class="s">
          ${
            c.rank && c.progress.figuresDate
              ? html`<${Change} change=${c.rank.change} /> so với ${c.rank.previous ?? DASH} · theo tỷ lệ tham gia`
              : null
          }
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
    <${ReturnedNotice} reports=${live.data.reports?.communeReports ?? null} />
    <div class="two">
      <section class="panel" id="friday-chase">
        <h2>Báo cáo thứ Sáu</h2>
        <${FridayChase}
          id=${c.id}
          initial=${live.data.chase ?? null}
          error=${errorsAt(errors, 'chase')}
          updatedAt=${live.updatedAt}
          heads=${villageHeadsOf(live.data.heads)}
          canApprove=${officer}
        />
        <${UnitDeadlines} list=${c.unitDeadlineStatus} />
      </section>
      ${
        officer || signedOut
          ? html`<section class="panel" id="commune-reports">
              <h2>Báo cáo định kỳ gửi tỉnh</h2>
              <${CommuneReports} id=${c.id} initial=${live.data.reports ?? null} error=${errorsAt(errors, 'reports')} />
            </section>`
          : null
      }
    </div>
    <div class="two">
      <section class="panel">
        <h2>Thứ hạng theo thời gian</h2>
        <${RankChart} history=${c.rankHistory} />
      </section>
      <section class="panel" id="targets">
        <h2>Chỉ tiêu đang áp dụng</h2>
        <${Targets} commune=${c} status=${live.data.targetStatus?.targetStatus ?? null} />
      </section>
    </div>
    <section class="panel" id="villages">
      <h2>Thôn, tổ dân phố (${c.villages.length})</h2>
      <${Download} href=${`/export/commune/${encodeURIComponent(id)}/villages.xlsx`} label="Tải Excel thôn, đơn vị" />
      <${Villages} villages=${c.villages} />
      <p>
        <a href=${`/commune/${id}/key-people`} data-testid="key-people-link">Cán bộ chủ chốt thôn</a> ·${' '}
        <a href=${`/commune/${id}/rewards`} data-testid="rewards-link">Khen thưởng theo tiêu chí của xã</a>
      </p>
    </section>
    <section class="panel" id="units">
      <h2>Cơ quan, đơn vị (${c.units.length})</h2>
      <${Units} units=${c.units} />
    </section>
    <${RegistryKeeping} id=${c.id} provinceId=${c.province.id} villages=${c.villages} units=${c.units} />
  <//>`;
}
