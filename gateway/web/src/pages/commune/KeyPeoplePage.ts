/** The key people page (/commune/<id>/key-people): the villages with their key people; the rows, forms and history are beside it. */
import { useEffect, useState } from 'preact/hooks';
import { ApiError, gql } from '../../api';
import type { KeyPeoplePageQuery } from '../../generated/graphql';
import { initialToken, unverifiedViewer } from '../../session';
import { can } from '../../../../../shared/pure/auth-rules';
import { ErrorBox, html, Layout, Loading, NotFound } from '../../ui';
import { countLine } from '../../../../../shared/pure/key-people';
import { COMMUNE_KIND_VI, KEY_PERSON_ROLES, KEY_ROLE_TITLE, wordsFor } from '../../../../../shared/pure/values';
import { KEY_PEOPLE, type Village } from './keyPeopleQueries';
import { RoleRow } from './KeyPersonRow';

/**
 * The key people of a commune's villages (/commune/<id>/key-people): per village, the trưởng thôn, bí thư chi bộ and
 * trưởng ban công tác Mặt trận with a phone to call and the date of their certificate, and how many of each role are
 * certified. The commune's officer (or the province's admin) names or replaces a person and records or corrects a
 * certificate date; anyone else sees the counts.
 */
export function KeyPeoplePage(props: { id: string }) {
  const [token] = useState(() => initialToken());
  const [data, setData] = useState<KeyPeoplePageQuery | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let stale = false;
    void (async () => {
      const t = token || null;
      try {
        const d = await gql<KeyPeoplePageQuery>(KEY_PEOPLE, { id: props.id }, t);
        if (!stale) setData(d);
      } catch (e) {
        // A token that no longer works (expired, signed out) still leaves the public counts.
        if (t && e instanceof ApiError && e.code === 'UNAUTHENTICATED') {
          const d = await gql<KeyPeoplePageQuery>(KEY_PEOPLE, { id: props.id }).catch((again: unknown) => {
            if (!stale) setError(again);
            return null;
          });
          if (!stale && d) setData(d);
        } else if (!stale) setError(e);
      }
    })();
    return () => {
      stale = true;
    };
  }, [props.id, version]);

  if (error) return html`<${Layout} title="Cán bộ chủ chốt thôn"><${ErrorBox} error=${error} /><//>`;
  if (!data) return html`<${Layout} title="Cán bộ chủ chốt thôn"><${Loading} /><//>`;
  const c = data.commune;
  if (!c) return html`<${NotFound} what=${`xã có mã "${props.id}"`} />`;

  // Naming key people edits the commune's plan: the API's own rule decides what to offer (and checks again).
  const viewer = unverifiedViewer(token);
  const canEdit = can(viewer, 'EDIT_PLAN', { provinceId: c.province.id, communeId: c.id });
  // A village head sees its own village's people only (the API answers nobody for the others).
  const villages = viewer.role === 'VILLAGE_REPORTER' ? c.villages.filter((v) => v.id === viewer.area) : c.villages;
  const shown = villages.filter((v) => v.keyPeople !== null && v.keyPeople !== undefined);
  const kind = wordsFor(COMMUNE_KIND_VI, c.kind) || 'Xã';
  const commune = `${kind} ${c.name}`;
  const newestPlan = c.plans[0] ?? null;
  const signIn = `/login?next=${encodeURIComponent(location.pathname)}`;

  return html`<${Layout}
    title=${`Cán bộ chủ chốt thôn — ${commune}`}
    subtitle=${`Trưởng thôn, Bí thư Chi bộ, Trưởng ban Công tác Mặt trận của ${c.villages.length} thôn, tổ dân phố: ai đảm nhiệm, số điện thoại, ngày cấp giấy chứng nhận`}
    nav=${html`<a href=${`/commune/${encodeURIComponent(c.id)}`}>← Trang ${kind.toLowerCase()} ${c.name}</a>`}
  >
    <section class="cards" aria-label="Số người có giấy chứng nhận theo chức danh" data-testid="kp-counts">
      ${c.keyPeople.roles.map(
        (r) =>
          html`<div class="card" data-testid="kp-count" data-role=${r.role}>
            <div class="k">${KEY_ROLE_TITLE[r.role] ?? r.role}</div>
            <div class="v">${r.certified}<small>/${r.required}</small></div>
            <div class="s" data-testid="kp-count-line">
              ${countLine(r)}${r.named < r.required ? ` · ${r.required - r.named} thôn chưa có người` : ''}
            </div>
          </div>`,
      )}
    </section>
    ${
      shown.length === 0
        ? html`<p class="panel" data-testid="kp-signin">
            Họ tên và số điện thoại của cán bộ chủ chốt thôn chỉ hiện cho cán bộ xã và tỉnh phụ trách.${' '}
            <a href=${signIn}>Đăng nhập</a> để xem${token ? ' (tài khoản đang dùng không phụ trách xã này)' : ''}, cán
            bộ xã đăng nhập để nhập người đảm nhiệm và ngày cấp giấy chứng nhận.
          </p>`
        : html`${
              canEdit
                ? newestPlan
                  ? html`<p class="muted small">
                      Người mới được nhập vào Kế hoạch ${newestPlan.number}. Mỗi lần thay người, sửa số điện thoại hay
                      ngày cấp đều được lưu lại (xem "Lịch sử").
                    </p>`
                  : html`<p class="message error">Xã chưa có kế hoạch nào để ghi cán bộ chủ chốt thôn.</p>`
                : html`<p class="muted small" data-testid="kp-readonly">
                    Chỉ cán bộ xã ${c.name} hoặc quản trị cấp tỉnh được sửa.${' '}
                    <a href=${signIn}>Đăng nhập tài khoản khác</a>
                  </p>`
            }
            <div class="kp-villages">
              ${shown.map(
                (v) =>
                  html`<${VillageCard}
                    key=${v.id}
                    communeId=${c.id}
                    village=${v}
                    planId=${newestPlan?.id ?? null}
                    canEdit=${canEdit && newestPlan !== null}
                    token=${token}
                    onSaved=${() => setVersion((n) => n + 1)}
                  />`,
              )}
            </div>`
    }
  <//>`;
}

function VillageCard(props: {
  communeId: string;
  village: Village;
  planId: string | null;
  canEdit: boolean;
  token: string;
  onSaved: () => void;
}) {
  const v = props.village;
  return html`<section class="panel kp-village" data-testid="kp-village" data-village=${v.id}>
    <h2>${v.name}${v.formerCommune ? html` <span class="muted small">(xã cũ ${v.formerCommune})</span>` : null}</h2>
    <ul class="kp-roles">
      ${KEY_PERSON_ROLES.map(
        (role) =>
          html`<${RoleRow}
            key=${role}
            communeId=${props.communeId}
            villageId=${v.id}
            villageName=${v.name}
            role=${role}
            person=${v.keyPeople?.find((p) => p.role === role) ?? null}
            planId=${props.planId}
            canEdit=${props.canEdit}
            token=${props.token}
            onSaved=${props.onSaved}
          />`,
      )}
    </ul>
  </section>`;
}
