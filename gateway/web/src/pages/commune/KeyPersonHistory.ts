import { useEffect, useState } from 'preact/hooks';
import { ApiError, gql } from '../../api';
import { fmtDate, fmtDateTime } from '../../format';
import type { KeyPersonHistoryQuery } from '../../generated/graphql';
import { html, Loading } from '../../ui';
import { ACCESS_REFUSED, forOfficials } from '../../words';
import { formatPhone } from '../../../../../shared/pure/key-people';
import { KEY_PERSON_CHANGE_VI, type KeyPersonRoleName, wordsFor } from '../../../../../shared/pure/values';
import { HISTORY } from './keyPeopleQueries';

/** Every revision of one seat, newest first: who held it, the phone, the certificate, why and by whom. */
export function History(props: {
  communeId: string;
  planId: string;
  villageId: string;
  role: KeyPersonRoleName;
  token: string;
}) {
  const [rows, setRows] = useState<NonNullable<
    NonNullable<KeyPersonHistoryQuery['commune']>['plans'][number]['keyPeople']
  > | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void (async () => {
      try {
        const d = await gql<KeyPersonHistoryQuery>(HISTORY, { id: props.communeId }, props.token);
        const plan = d.commune?.plans.find((x) => x.id === props.planId);
        setRows(
          (plan?.keyPeople ?? [])
            .filter((x) => x.village.id === props.villageId && x.role === props.role)
            .sort((a, b) => b.revision - a.revision),
        );
      } catch (err) {
        setError(err instanceof ApiError ? forOfficials(err.errors[0], ACCESS_REFUSED) : 'Không tải được lịch sử.');
      }
    })();
  }, [props.planId, props.villageId, props.role]);
  if (error) return html`<p class="message error" role="alert">${error}</p>`;
  if (!rows) return html`<${Loading} />`;
  return html`<ol class="kp-history" data-testid="kp-history">
    ${rows.map(
      (r) =>
        html`<li>
          <strong>${wordsFor(KEY_PERSON_CHANGE_VI, r.change)}</strong> ·
          ${fmtDateTime(r.recordedAt)}${r.recordedBy ? ` · ${r.recordedBy}` : ''}<br />
          ${r.fullName}${r.phone ? ` · ${formatPhone(r.phone)}` : ''} ·
          ${r.certifiedOn ? `giấy chứng nhận ngày ${fmtDate(r.certifiedOn)}` : 'chưa có giấy chứng nhận'}
          ${r.reason ? html`<br /><span class="muted">Lý do: ${r.reason}</span>` : null}
        </li>`,
    )}
  </ol>`;
}
