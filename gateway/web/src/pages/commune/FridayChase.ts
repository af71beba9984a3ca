import { useEffect, useState } from 'preact/hooks';
import { gql } from '../../api';
import { fmtDate, fmtDateTime } from '../../format';
import type {
  CommuneReportingStatusQuery,
  CommuneReportingStatusQueryVariables,
  FridayChaseFieldsFragment,
} from '../../generated/graphql';
import { ErrorBox, html, Loading } from '../../ui';
import { PERIOD_FIELDS, PeriodActions } from './PeriodActions';
import { VillageHeadContact, type VillageHead } from './VillageHeadContact';
import { addDays, mondayOfWeek, recentFridays, todayInVietnam } from '../../../../../shared/pure/dates';
import { REPORTING_STATE_VI, wordsFor } from '../../../../../shared/pure/values';

/** A Friday's chase list and period: part of the commune page's query (this week's), or asked for a week picked. */
export const FRIDAY_CHASE_FIELDS = /* GraphQL */ `
  fragment FridayChaseFields on Commune {
    reportingStatus(reportDate: $friday) {
      reportDate
      deadline
      onTime
      late
      missing
      reporters {
        name
        status
        firstSubmittedAt
        village {
          id
        }
        unit {
          id
        }
      }
    }
    reportingPeriods(from: $friday, to: $friday) {
      ...PeriodFields
    }
  }
`;

const REPORTING_STATUS_QUERY =
  /* GraphQL */ `
  query CommuneReportingStatus($id: ID!, $friday: Date!) {
    commune(id: $id) {
      ...FridayChaseFields
    }
  }
` +
  FRIDAY_CHASE_FIELDS +
  PERIOD_FIELDS;

type Chase = FridayChaseFieldsFragment;

const WEEKS = 12;

/** The week picker's label: "Tuần 01/12 – 07/12/2025 (thứ Sáu 05/12/2025)". */
function weekLabel(friday: string, thisWeek: string): string {
  const monday = mondayOfWeek(friday);
  const sunday = addDays(monday, 6);
  const label = `Tuần ${fmtDate(monday).slice(0, 5)} – ${fmtDate(sunday)} (thứ Sáu ${fmtDate(friday)})`;
  return friday === thisWeek ? `${label} — tuần này` : label;
}

/**
 * Who reported for a week's Friday: this week's from the commune page's query (`initial`, renewed with the page on
 * live events), another week asked when picked.
 */
export function FridayChase(props: {
  id: string;
  initial: Chase | null;
  error: unknown;
  updatedAt: Date | null;
  /** The villages' heads, from the page's query when signed in (empty otherwise). */
  heads: ReadonlyMap<string, VillageHead>;
  /** Whether the signed-in official may approve the week (the approve and reopen buttons are shown only then). */
  canApprove: boolean;
}) {
  const fridays = recentFridays(todayInVietnam(), WEEKS);
  const [friday, setFriday] = useState(fridays[0]);
  const [picked, setPicked] = useState<Chase | null>(null);
  const [pickedError, setPickedError] = useState<unknown>(null);
  const own = friday !== fridays[0];
  const heads = props.heads;
  useEffect(() => {
    if (!own) return;
    let stale = false; // a slower answer for the week picked before must not overwrite this one
    const variables: CommuneReportingStatusQueryVariables = { id: props.id, friday };
    gql<CommuneReportingStatusQuery>(REPORTING_STATUS_QUERY, variables).then(
      (d) => stale || (setPicked(d.commune ?? null), setPickedError(null)),
      (e: unknown) => stale || setPickedError(e),
    );
    return () => {
      stale = true;
    };
  }, [props.id, friday, own && props.updatedAt?.getTime()]);
  const chase = own ? picked : props.initial;
  const data = chase?.reportingStatus ?? null;
  const error = own ? pickedError : props.error;
  const picker = html`<label class="inline"
    >Tuần
    <select
      data-testid="week-picker"
      value=${friday}
      onChange=${(e: Event) => setFriday((e.target as HTMLSelectElement).value)}
    >
      ${fridays.map((f) => html`<option value=${f}>${weekLabel(f, fridays[0])}</option>`)}
    </select></label
  >`;
  if (error) return html`${picker}<${ErrorBox} error=${error} />`;
  if (!data || data.reportDate !== friday) return html`${picker}<${Loading} />`;
  const order: Record<string, number> = { MISSING: 0, LATE: 1, ON_TIME: 2 };
  // Before the Friday's deadline (Monday to Friday afternoon) nobody is late yet: those who have not sent are
  // waiting, not red.
  const due = Date.now() < new Date(data.deadline).getTime();
  const rows = [...data.reporters].sort(
    (a, b) => order[a.status] - order[b.status] || a.name.localeCompare(b.name, 'vi'),
  );
  return html`${picker}
    <${PeriodActions}
      id=${props.id}
      date=${friday}
      period=${chase?.reportingPeriods[0] ?? null}
      canAct=${props.canApprove}
    />
    <p data-testid="chase-summary">
      Thứ Sáu ${fmtDate(data.reportDate)}, hạn ${fmtDateTime(data.deadline)}:${' '}
      <span class="ok">${data.onTime} đúng hạn</span> · <span class="late">${data.late} trễ hạn</span> ·${' '}
      <span class=${due ? 'pending' : 'behind'}>${data.missing} chưa gửi số liệu${due ? ' (chưa đến hạn)' : ''}</span>
    </p>
    <div class="table-wrap scroll" tabindex="0" role="region" aria-label="Danh sách thôn cần nhắc báo cáo">
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
              html`<tr data-state=${r.status} data-due=${due ? 'not-yet' : 'passed'}>
                <td>
                  ${r.village ? html`<a href=${`/village/${r.village.id}/report`}>${r.name}</a>` : r.unit ? html`<a href=${`/unit/${r.unit.id}/report`}>${r.name}</a>` : r.name}
                  ${r.status === 'MISSING' && r.village ? html`<${VillageHeadContact} head=${heads.get(r.village.id)} />` : null}
                </td>
                <td class=${r.status === 'ON_TIME' ? 'ok' : r.status === 'LATE' ? 'late' : due ? 'pending' : 'behind'}>
                  ${due && r.status === 'MISSING' ? 'Chưa gửi, chưa đến hạn' : wordsFor(REPORTING_STATE_VI, r.status)}
                </td>
                <td>${fmtDateTime(r.firstSubmittedAt)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
}
