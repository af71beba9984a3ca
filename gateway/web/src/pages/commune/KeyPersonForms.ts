/** The key people page's forms: naming or replacing a person, recording or correcting a certificate date. */
import { useState } from 'preact/hooks';
import { ApiError, gql } from '../../api';
import { fmtDate } from '../../format';
import type { RecordKeyPersonCertificationMutation, SetKeyPersonMutation } from '../../generated/graphql';
import { html } from '../../ui';
import { ACCESS_REFUSED, forOfficials } from '../../words';
import { todayInVietnam } from '../../../../../shared/pure/dates';
import { formatPhone } from '../../../../../shared/pure/key-people';
import { checkCertificate, checkPerson, checkRemoval, type FieldErrors } from './keyPeopleForm';
import type { KeyPersonRoleName } from '../../../../../shared/pure/values';
import { CERTIFY, SET, type Person } from './keyPeopleQueries';

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

export interface Seat {
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

export function PersonForm(props: {
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

export function CertificateForm(props: {
  idBase: string;
  seat: Seat;
  person: Person;
  token: string;
  onDone: () => void;
}) {
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
