/** One role of one village on the key people page: who holds it, and what the caller may do about it. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { fmtDate } from '../../format';
import { html } from '../../ui';
import { formatPhone, telHref } from '../../../../../shared/pure/key-people';
import { KEY_ROLE_TITLE, type KeyPersonRoleName } from '../../../../../shared/pure/values';
import { CertificateForm, PersonForm } from './KeyPersonForms';
import { History } from './KeyPersonHistory';
import type { Person } from './keyPeopleQueries';

type Mode = null | 'person' | 'certificate' | 'history';

export function RoleRow(props: {
  communeId: string;
  villageId: string;
  villageName: string;
  role: KeyPersonRoleName;
  person: Person | null;
  planId: string | null;
  canEdit: boolean;
  token: string;
  onSaved: () => void;
}) {
  const p = props.person;
  const [mode, setMode] = useState<Mode>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const toggle = (next: Mode) => {
    setSaved(null);
    setMode(mode === next ? null : next);
  };
  const actions = useRef<HTMLDivElement>(null);
  const done = (what: string) => () => {
    setMode(null);
    setSaved(what);
    props.onSaved();
  };
  // The form closes on saving: keyboard focus goes back to the row's buttons, not to the top of the page.
  useEffect(() => {
    if (saved) actions.current?.querySelector('button')?.focus();
  }, [saved]);
  const title = KEY_ROLE_TITLE[props.role];
  const idBase = `kp-${props.villageId}-${props.role}`;
  return html`<li class="kp-role" data-testid="kp-role" data-role=${props.role} data-village=${props.villageId}>
    <div class="kp-role-head">
      <span class="kp-title">${title}</span>
      ${
        p
          ? html`<span class="kp-name" data-testid="kp-name">${p.fullName}</span>
              ${
                p.phone
                  ? html`<a
                      class="kp-phone"
                      href=${telHref(p.phone)}
                      data-testid="kp-tel"
                      aria-label=${`${formatPhone(p.phone)}: gọi ${title.toLowerCase()} ${props.villageName}`}
                      >${formatPhone(p.phone)}</a
                    >`
                  : html`<span class="muted">chưa có số điện thoại</span>`
              }
              <span class=${p.certifiedOn ? 'ok' : 'late'} data-testid="kp-certificate">
                ${p.certifiedOn ? `Giấy chứng nhận ngày ${fmtDate(p.certifiedOn)}` : 'chưa có giấy chứng nhận'}
              </span>`
          : html`<span class="late" data-testid="kp-name">chưa có người đảm nhiệm</span>`
      }
    </div>
    <div class="kp-actions" ref=${actions}>
      ${
        props.canEdit
          ? html`<button
                type="button"
                data-testid="kp-edit"
                aria-expanded=${mode === 'person' ? 'true' : 'false'}
                aria-controls=${`${idBase}-form`}
                onClick=${() => toggle('person')}
              >
                ${p ? 'Đổi người, sửa số' : 'Nhập người đảm nhiệm'}
              </button>
              ${
                p
                  ? html`<button
                      type="button"
                      data-testid="kp-certify"
                      aria-expanded=${mode === 'certificate' ? 'true' : 'false'}
                      aria-controls=${`${idBase}-form`}
                      onClick=${() => toggle('certificate')}
                    >
                      ${p.certifiedOn ? 'Sửa ngày cấp' : 'Ghi ngày cấp'}
                    </button>`
                  : null
              }`
          : null
      }
      ${
        p
          ? html`<button
              type="button"
              class="link"
              data-testid="kp-history-toggle"
              aria-expanded=${mode === 'history' ? 'true' : 'false'}
              onClick=${() => toggle('history')}
            >
              Lịch sử
            </button>`
          : null
      }
    </div>
    ${saved ? html`<p class="ok small" role="status" data-testid="kp-saved">${saved}</p>` : null}
    <div id=${`${idBase}-form`}>
      ${
        // A change goes to the plan naming the person in force (their revisions stay together); someone named
        // where nobody was goes to the commune's newest plan.
        mode === 'person' && props.planId
          ? html`<${PersonForm}
              idBase=${idBase}
              seat=${{ planId: p?.planId ?? props.planId, villageId: props.villageId, role: props.role }}
              person=${p}
              title=${title}
              token=${props.token}
              onDone=${done(p ? 'Đã lưu; thông tin cũ vẫn giữ trong lịch sử.' : 'Đã lưu.')}
            />`
          : null
      }
      ${
        mode === 'certificate' && p
          ? html`<${CertificateForm}
              idBase=${idBase}
              seat=${{ planId: p.planId, villageId: props.villageId, role: props.role }}
              person=${p}
              token=${props.token}
              onDone=${done('Đã lưu ngày cấp giấy chứng nhận.')}
            />`
          : null
      }
      ${
        mode === 'history' && p
          ? html`<${History}
              communeId=${props.communeId}
              planId=${p.planId}
              villageId=${props.villageId}
              role=${props.role}
              token=${props.token}
            />`
          : null
      }
    </div>
  </li>`;
}
