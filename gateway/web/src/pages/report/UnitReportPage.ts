import { gql } from '../../api';
import { fmtDate, fmtInt } from '../../format';
import type { UnitReportFormQueryVariables } from '../../generated/graphql';
import { html, Layout, NotFound } from '../../ui';
import { UNIT_TYPE_VI, wordsFor } from '../../../../../shared/pure/values';
import { notLoaded, OfflineNote } from './OfflineNote';
import { ReportForm } from './ReportForm';
import { groupsForUnit } from './unitGroups';
import { UNIT_QUERY, type UnitData } from './unitQuery';
import { useVillage } from './useVillage';

/**
 * A unit's weekly report form (cơ quan, đơn vị, trường…): the village form's parts, with the groups its type has
 * people in and, for a school, its students by level. Opens with no signal from this browser's copy of the unit.
 */
export function UnitReportPage(props: { id: string }) {
  const { id } = props;
  const live = useVillage<UnitData>(id, () => gql<UnitData>(UNIT_QUERY, { id } satisfies UnitReportFormQueryVariables));
  if (live.error || !live.data) return notLoaded(live);
  const u = live.data.unit;
  if (!u) return html`<${NotFound} what=${`đơn vị có mã "${id}"`} />`;

  const school = u.type === 'SCHOOL';
  const served = u.village ? ` · phục vụ ${u.village.name}` : '';
  return html`<${Layout}
    title=${`Báo cáo tuần — ${u.name}`}
    subtitle=${
      `${wordsFor(UNIT_TYPE_VI, u.type)} · ${u.commune.name}${served} · biên chế ${fmtInt(u.staff)} người · ` +
      `số liệu gần nhất ngày ${fmtDate(u.progress.figuresDate)}`
    }
    nav=${html`<a href=${`/commune/${u.commune.id}`}>← Trang xã ${u.commune.name}</a>`}
    status=${html`<${OfflineNote} offline=${live.offline} savedAt=${live.savedAt} what=${school ? 'trường' : 'đơn vị'} />`}
  >
    <${ReportForm}
      reporter=${{
        id: u.id,
        groups: groupsForUnit(u.type),
        last: u.progress.groups ?? [],
        adults: u.staff,
        doubtAbove: null,
        levels: school,
        lastLevels: u.reports[0]?.studentLevels,
        personRole: 'OFFICIAL',
        codeFor: school ? 'trường' : 'đơn vị',
      }}
      onSent=${live.refresh}
    />
  <//>`;
}
