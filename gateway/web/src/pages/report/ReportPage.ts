import { gql } from '../../api';
import { fmtDate, fmtInt } from '../../format';
import type { VillageQueryVariables } from '../../generated/graphql';
import { html, Layout, NotFound } from '../../ui';
import { notLoaded, OfflineNote } from './OfflineNote';
import { QUERY, type VillageData } from './query';
import { ReportForm } from './ReportForm';
import { useVillage } from './useVillage';
import { GROUPS } from './validate';

/**
 * A village's weekly report form, opened from this browser's copy of the village when there is no signal (the
 * service worker keeps the page itself).
 */
export function ReportPage(props: { id: string }) {
  const { id } = props;
  const live = useVillage<VillageData>(id, () => gql<VillageData>(QUERY, { id } satisfies VillageQueryVariables));
  if (live.error || !live.data) return notLoaded(live);
  const v = live.data.village;
  if (!v) return html`<${NotFound} what=${`thôn có mã "${id}"`} />`;

  const former = v.formerCommune ? ` (xã cũ ${v.formerCommune})` : '';
  return html`<${Layout}
    title=${`Báo cáo tuần — ${v.name}`}
    subtitle=${
      `${v.commune.name}${former} · ${fmtInt(v.population?.adults)} người trưởng thành · ` +
      `số liệu gần nhất ngày ${fmtDate(v.progress.figuresDate)}`
    }
    nav=${html`<a href=${`/commune/${v.commune.id}`}>← Trang xã ${v.commune.name}</a>`}
    status=${html`<${OfflineNote} offline=${live.offline} savedAt=${live.savedAt} what="thôn" />`}
  >
    <${ReportForm}
      reporter=${{
        id: v.id,
        groups: GROUPS,
        last: v.progress.groups ?? [],
        adults: v.population?.adults,
        doubtAbove: v.population?.adults,
        levels: false,
        personRole: 'RESIDENT',
        codeFor: 'thôn',
      }}
      onSent=${live.refresh}
    />
  <//>`;
}
