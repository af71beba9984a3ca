import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, gql } from '../../api';
import { fmtDate, fmtDateTime } from '../../format';
import type {
  KeyPeoplePageQuery,
  KeyPersonHistoryQuery,
  RecordKeyPersonCertificationMutation,
  SetKeyPersonMutation,
} from '../../generated/graphql';
import { initialToken } from '../../session';
import { ErrorBox, html, Layout, Loading, NotFound } from '../../ui';
import { ACCESS_REFUSED, forOfficials } from '../../words';
import { todayInVietnam } from '../../../../../shared/pure/dates';
import { countLine, formatPhone, telHref } from '../../../../../shared/pure/key-people';
import { checkCertificate, checkPerson, checkRemoval, type FieldErrors } from './keyPeopleForm';
import {
  COMMUNE_KIND_VI,
  KEY_PERSON_CHANGE_VI,
  KEY_PERSON_ROLES,
  KEY_ROLE_TITLE,
  type KeyPersonRoleName,
  wordsFor,
} from '../../../../../shared/pure/values';

const KEY_PERSON_FIELDS = /* GraphQL */ `
  fragment KeyPersonFields on KeyPerson {
    id
    planId
    role
    revision
    current
    fullName
    phone
    certifiedOn
    change
    reason
    recordedAt
    recordedBy
    demo
  }
`;

const KEY_PEOPLE = /* GraphQL */ `
  query KeyPeoplePage($id: ID!) {
    commune(id: $id) {
      id
      name
      kind
      province {
        id
        name
      }
      plans {
        id
        number
      }
      keyPeople {
        roles {
          role
          required
          named
          certified
        }
      }
      villages {
        id
        name
        formerCommune
        keyPeople {
          id
          planId
          role
          revision
          fullName
          phone
          certifiedOn
        }
      }
    }
  }
`;

const HISTORY =
  /* GraphQL */ `
  query KeyPersonHistory($id: ID!) {
    commune(id: $id) {
      plans {
        id
        keyPeople(history: true) {
          ...KeyPersonFields
          village {
            id
          }
        }
      }
    }
  }
` + KEY_PERSON_FIELDS;

const SET =
  /* GraphQL */ `
  mutation SetKeyPerson($input: SetKeyPersonInput!) {
    setKeyPerson(input: $input) {
      ...KeyPersonFields
    }
  }
` + KEY_PERSON_FIELDS;

const CERTIFY =
  /* GraphQL */ `
  mutation RecordKeyPersonCertification(
    $planId: ID!
    $villageId: ID!
    $role: KeyPersonRole!
    $certifiedOn: Date
    $reason: String
  ) {
    recordKeyPersonCertification(
      planId: $planId
      villageId: $villageId
      role: $role
      certifiedOn: $certifiedOn
      reason: $reason
    ) {
      ...KeyPersonFields
    }
  }
` + KEY_PERSON_FIELDS;

type Commune = NonNullable<KeyPeoplePageQuery['commune']>;
type Village = Commune['villages'][number];
type Person = NonNullable<Village['keyPeople']>[number];

/** Who the token says the caller is (read, not verified: the API decides; this only chooses what to offer). */
function claimsOf(token: string): { role: string; area: string } | null {
  try {
    const part = token.split('.')[1];
    if (!part) return null;
    const claims = JSON.parse(atob(part.replace(/-/g, '+').replace(/_/g, '/'))) as { role?: unknown; area?: unknown };
    return typeof claims.role === 'string' && typeof claims.area === 'string'
      ? { role: claims.role, area: claims.area }
      : null;
  } catch {
    return null;
  }
}

/** The API's refusal as a clerk reads it: per field when it names one of the form's, else for the whole form. */
function refusal(error: unknown, fields: readonly string[]): { fields: FieldErrors; form: string | null } {
  if (!(error instanceof ApiError))
    return { fields: {}, form: 'Không kết nối được máy chủ; chưa ghi được. Hãy thử lại khi có mạng.' };
  const first = error.errors[0];
  const message = forOfficials(first, ACCESS_REFUSED);
  const field = first.extensions?.field;
  if (typeof field === 'string' && fields.includes(field)) return { fields: { [field]: message }, form: null };
  return { fields: {}, form: message };
}

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

  const claims = token ? claimsOf(token) : null;
  const canEdit =
    (claims?.role === 'COMMUNE_OFFICER' && claims.area === c.id) ||
    (claims?.role === 'PROVINCE_ADMIN' && claims.area === c.province.id);
  // A village head sees its own village's people only (the API answers nobody for the others).
  const villages = claims?.role === 'VILLAGE_REPORTER' ? c.villages.filter((v) => v.id === claims.area) : c.villages;
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
            <div class="k">${KEY_ROLE_TITLE[r.role as KeyPersonRoleName] ?? r.role}</div>
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

type Mode = null | 'person' | 'certificate' | 'history';

function RoleRow(props: {
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

interface Seat {
  planId: string;
  villageId: string;
  role: KeyPersonRoleName;
}

/** One labelled input with its own error message underneath, tied to it for screen readers. */
function Field(props: {
  id: string;
  name: keyof FieldErrors;
  label: string;
  value: string;
  error: string | undefined;
  onInput: (value: string) => void;
  type?: string;
  max?: string;
  min?: string;
  autocomplete?: string;
  inputmode?: string;
  hint?: string;
}) {
  const id = `${props.id}-${props.name}`;
  return html`<div class="kp-field">
    <label for=${id}>${props.label}</label>
    <input
      id=${id}
      name=${props.name}
      type=${props.type ?? 'text'}
      value=${props.value}
      max=${props.max}
      min=${props.min}
      autocomplete=${props.autocomplete ?? 'off'}
      inputmode=${props.inputmode}
      data-testid=${`kp-${props.name}`}
      aria-invalid=${props.error ? 'true' : 'false'}
      aria-describedby=${props.error ? `${id}-error` : undefined}
      onInput=${(e: Event) => props.onInput((e.target as HTMLInputElement).value)}
    />
    ${props.hint ? html`<span class="muted small">${props.hint}</span>` : null}
    ${
      props.error
        ? html`<div class="field-error" id=${`${id}-error`} data-field=${props.name} role="alert">${props.error}</div>`
        : null
    }
  </div>`;
}

function PersonForm(props: {
  idBase: string;
  seat: Seat;
  person: Person | null;
  title: string;
  token: string;
  onDone: () => void;
}) {
  const [form, setForm] = useState({
    fullName: props.person?.fullName ?? '',
    phone: props.person?.phone ? formatPhone(props.person.phone) : '',
    reason: '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (field: keyof typeof form) => (value: string) => setForm({ ...form, [field]: value });
  const save = async (e: Event) => {
    e.preventDefault();
    const found = checkPerson(form);
    setErrors(found);
    setMessage(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const input = {
        ...props.seat,
        fullName: form.fullName,
        phone: form.phone.trim() || null,
        reason: form.reason.trim() || null,
      };
      await gql<SetKeyPersonMutation>(SET, { input }, props.token);
      props.onDone();
    } catch (err) {
      const r = refusal(err, ['fullName', 'phone', 'reason']);
      setErrors(r.fields);
      setMessage(r.form);
    } finally {
      setBusy(false);
    }
  };
  return html`<form class="kp-form" onSubmit=${save} novalidate data-testid="kp-person-form">
    <${Field}
      id=${props.idBase}
      name="fullName"
      label=${`Họ và tên ${props.title.toLowerCase()}`}
      value=${form.fullName}
      error=${errors.fullName}
      onInput=${set('fullName')}
      autocomplete="name"
    />
    <${Field}
      id=${props.idBase}
      name="phone"
      label="Số điện thoại"
      type="tel"
      inputmode="tel"
      value=${form.phone}
      error=${errors.phone}
      onInput=${set('phone')}
      hint="Di động 10 số (0912 345 678) hoặc số cố định có mã vùng; để trống nếu chưa có"
    />
    ${
      props.person
        ? html`<${Field}
            id=${props.idBase}
            name="reason"
            label="Lý do (ví dụ: thôn bầu trưởng thôn mới)"
            value=${form.reason}
            error=${errors.reason}
            onInput=${set('reason')}
          />`
        : null
    }
    <button type="submit" disabled=${busy} data-testid="kp-save">Lưu</button>
    ${message ? html`<p class="message error" role="alert" data-testid="kp-message">${message}</p>` : null}
  </form>`;
}

function CertificateForm(props: { idBase: string; seat: Seat; person: Person; token: string; onDone: () => void }) {
  const p = props.person;
  const today = todayInVietnam();
  const [form, setForm] = useState({ certifiedOn: p.certifiedOn ?? '', reason: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (field: keyof typeof form) => (value: string) => setForm({ ...form, [field]: value });
  /** Records the date in the form, or (`null`) removes the one recorded by mistake. */
  const send = async (certifiedOn: string | null) => {
    const current = { fullName: p.fullName, certifiedOn: p.certifiedOn ?? null };
    const found = certifiedOn === null ? checkRemoval(form.reason) : checkCertificate(form, current, today);
    setErrors(found);
    setMessage(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await gql<RecordKeyPersonCertificationMutation>(
        CERTIFY,
        { ...props.seat, certifiedOn, reason: form.reason.trim() || null },
        props.token,
      );
      props.onDone();
    } catch (err) {
      const r = refusal(err, ['certifiedOn', 'reason']);
      setErrors(r.fields);
      setMessage(r.form);
    } finally {
      setBusy(false);
    }
  };
  const save = (e: Event) => {
    e.preventDefault();
    void send(form.certifiedOn);
  };
  return html`<form class="kp-form" onSubmit=${save} novalidate data-testid="kp-certificate-form">
    <${Field}
      id=${props.idBase}
      name="certifiedOn"
      label=${`Ngày cấp giấy chứng nhận cho ${p.fullName}`}
      type="date"
      min="2025-01-01"
      max=${today}
      value=${form.certifiedOn}
      error=${errors.certifiedOn}
      onInput=${set('certifiedOn')}
      hint=${form.certifiedOn ? `Ngày ${fmtDate(form.certifiedOn)}` : 'Từ 01/01/2025 đến hôm nay'}
    />
    ${
      p.certifiedOn
        ? html`<${Field}
            id=${props.idBase}
            name="reason"
            label="Lý do sửa hoặc xoá (bắt buộc)"
            value=${form.reason}
            error=${errors.reason}
            onInput=${set('reason')}
          />`
        : null
    }
    <div class="kp-form-buttons">
      <button type="submit" disabled=${busy} data-testid="kp-save">Lưu</button>
      ${
        p.certifiedOn
          ? html`<button type="button" disabled=${busy} data-testid="kp-remove" onClick=${() => send(null)}>
              Xoá ngày đã ghi (ghi nhầm)
            </button>`
          : null
      }
    </div>
    ${message ? html`<p class="message error" role="alert" data-testid="kp-message">${message}</p>` : null}
  </form>`;
}

/** Every revision of one seat, newest first: who held it, the phone, the certificate, why and by whom. */
function History(props: {
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
