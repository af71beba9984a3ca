import { useState } from 'preact/hooks';
import { gql } from '../../api';
import { fmtDate, fmtInt } from '../../format';
import type {
  AddUnitMutation,
  AddVillageMutation,
  CloseAreaUnitMutation,
  CloseAreaVillageMutation,
  CorrectUnitStaffMutation,
  RenameAreaUnitMutation,
  RenameAreaVillageMutation,
} from '../../generated/graphql';
import { TOKEN_KEY, unverifiedViewer } from '../../session';
import { html } from '../../ui';
import { problemFor } from '../../words';
import { can } from '../../../../../shared/pure/auth-rules';
import { todayInVietnam } from '../../../../../shared/pure/dates';
import { UNIT_TYPE_VI, type UnitTypeName } from '../../../../../shared/pure/values';

const ADD_UNIT = /* GraphQL */ `
  mutation AddUnit($c: ID!, $u: NewUnitInput!) {
    addUnit(communeId: $c, unit: $u) {
      id
      name
    }
  }
`;
const ADD_VILLAGE = /* GraphQL */ `
  mutation AddVillage($c: ID!, $v: NewVillageInput!) {
    addVillage(communeId: $c, village: $v) {
      id
      name
    }
  }
`;
const CORRECT = /* GraphQL */ `
  mutation CorrectUnitStaff($id: ID!, $staff: Int!, $d: Date!, $r: String!) {
    correctUnitStaff(id: $id, staff: $staff, effectiveOn: $d, reason: $r) {
      id
      staff
    }
  }
`;
const RENAME_UNIT = /* GraphQL */ `
  mutation RenameAreaUnit($id: ID!, $n: String!, $d: Date!) {
    renameUnit(id: $id, name: $n, effectiveOn: $d) {
      id
    }
  }
`;
const RENAME_VILLAGE = /* GraphQL */ `
  mutation RenameAreaVillage($id: ID!, $n: String!, $d: Date!) {
    renameVillage(id: $id, name: $n, effectiveOn: $d) {
      id
    }
  }
`;
const CLOSE_UNIT = /* GraphQL */ `
  mutation CloseAreaUnit($id: ID!, $d: Date!, $r: String!) {
    closeUnit(id: $id, effectiveOn: $d, reason: $r) {
      id
    }
  }
`;
const CLOSE_VILLAGE = /* GraphQL */ `
  mutation CloseAreaVillage($id: ID!, $d: Date!, $r: String!) {
    closeVillage(id: $id, effectiveOn: $d, reason: $r) {
      id
    }
  }
`;

interface Area {
  id: string;
  name: string;
  closedOn?: string | null;
}
type Values = Record<string, string>;

/** A slip the form catches before asking the API (an empty figure). */
class FormProblem extends Error {}
const whole = (value: string): number => {
  if (!/^\d+$/.test(value.trim())) throw new FormProblem('Hãy nhập biên chế là một số nguyên không âm.');
  return Number(value);
};
interface FieldSpec {
  name: string;
  label: string;
  type?: 'text' | 'number' | 'date' | 'select';
  options?: Array<[value: string, label: string]>;
}

/** One small form: its fields, a button, and what the API answered (in Vietnamese, through problemFor). */
function KeepForm(props: {
  id: string;
  title: string;
  button: string;
  fields: FieldSpec[];
  send: (values: Values) => Promise<string>;
}) {
  const today = todayInVietnam();
  const initial = (): Values =>
    Object.fromEntries(
      props.fields.map((f) => [
        f.name,
        f.type === 'date' ? today : f.type === 'select' ? (f.options?.[0]?.[0] ?? '') : '',
      ]),
    );
  const [values, setValues] = useState<Values>(initial);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const text = await props.send(values);
      setMessage({ kind: 'ok', text });
      setValues(initial());
    } catch (error) {
      const text =
        error instanceof FormProblem ? error.message : problemFor(error, 'Không gửi được: kiểm tra mạng rồi thử lại.');
      setMessage({ kind: 'error', text });
    } finally {
      setBusy(false);
    }
  };
  const set = (name: string) => (e: Event) =>
    setValues((v) => ({ ...v, [name]: (e.target as HTMLInputElement | HTMLSelectElement).value }));
  return html`<details class="keep" data-testid=${`rk-${props.id}`}>
    <summary>${props.title}</summary>
    <form class="kp-form" onSubmit=${submit} novalidate>
      ${props.fields.map((f) => {
        const id = `rk-${props.id}-${f.name}`;
        const input =
          f.type === 'select'
            ? html`<select id=${id} data-testid=${id} value=${values[f.name]} onChange=${set(f.name)}>
                ${(f.options ?? []).map(([value, label]) => html`<option value=${value}>${label}</option>`)}
              </select>`
            : html`<input
                id=${id}
                data-testid=${id}
                type=${f.type ?? 'text'}
                max=${f.type === 'date' ? today : undefined}
                min=${f.type === 'number' ? '0' : undefined}
                inputmode=${f.type === 'number' ? 'numeric' : undefined}
                value=${values[f.name]}
                onInput=${set(f.name)}
              />`;
        return html`<div class="kp-field">
          <label for=${id}>${f.label}</label>
          ${input} ${f.type === 'date' ? html`<span class="muted small">Ngày ${fmtDate(values[f.name])}</span>` : null}
        </div>`;
      })}
      <button type="submit" disabled=${busy} data-testid=${`rk-${props.id}-send`}>${props.button}</button>
      ${
        message
          ? html`<p
              class=${`message ${message.kind}`}
              role=${message.kind === 'error' ? 'alert' : 'status'}
              data-testid=${`rk-${props.id}-message`}
            >
              ${message.text}
            </p>`
          : null
      }
    </form>
  </details>`;
}

const open = (areas: Area[]) => areas.filter((a) => !a.closedOn);
const DATE: FieldSpec = { name: 'date', label: 'Ngày có hiệu lực', type: 'date' };
const REASON: FieldSpec = { name: 'reason', label: 'Lý do (bắt buộc)' };

/**
 * The commune officer's (and the province admin's) keeping of the commune's registry: add a unit or village,
 * correct a unit's staff with a reason, rename or close a village or unit. Hidden from anyone who may not; the
 * page's live subscription shows the effect (the unit's rate, the commune's figures) without a reload.
 */
export function RegistryKeeping(props: { id: string; provinceId: string; villages: Area[]; units: Area[] }) {
  const token = localStorage.getItem(TOKEN_KEY);
  if (!can(unverifiedViewer(token), 'KEEP_REGISTRY', { provinceId: props.provinceId, communeId: props.id }))
    return null;
  const units = open(props.units);
  const villages = open(props.villages);
  const unitOptions = units.map((u): [string, string] => [u.id, u.name]);
  const areaOptions: Array<[string, string]> = [
    ...villages.map((v): [string, string] => [v.id, v.name]),
    ...unitOptions,
  ];
  const isUnit = (id: string) => id.startsWith('U');
  const nameOf = (id: string) => [...props.units, ...props.villages].find((a) => a.id === id)?.name ?? '';
  return html`<section class="panel" data-testid="registry-keeping">
    <h2>Cập nhật danh sách thôn, đơn vị</h2>
    <p class="muted small">Mọi thay đổi được ghi vào nhật ký; tỷ lệ và thứ hạng cập nhật ngay.</p>
    <${KeepForm}
      id="add-unit"
      title="Thêm cơ quan, đơn vị"
      button="Thêm đơn vị"
      fields=${[
        { name: 'name', label: 'Tên đơn vị' },
        {
          name: 'type',
          label: 'Loại',
          type: 'select',
          options: Object.entries(UNIT_TYPE_VI).filter(([t]) => t !== 'DIGITAL_TEAM'),
        },
        { name: 'staff', label: 'Biên chế (số người)', type: 'number' },
        DATE,
      ]}
      send=${async (v: Values) => {
        const u = { name: v.name, type: v.type as UnitTypeName, staff: whole(v.staff), effectiveOn: v.date };
        const r = await gql<AddUnitMutation>(ADD_UNIT, { c: props.id, u }, token);
        return `Đã thêm ${r.addUnit.name} từ ngày ${fmtDate(v.date)}.`;
      }}
    />
    <${KeepForm}
      id="staff"
      title="Điều chỉnh biên chế"
      button="Ghi biên chế mới"
      fields=${[{ name: 'unit', label: 'Đơn vị', type: 'select', options: unitOptions }, { name: 'staff', label: 'Biên chế mới', type: 'number' }, REASON, DATE]}
      send=${async (v: Values) => {
        const vars = { id: v.unit, staff: whole(v.staff), d: v.date, r: v.reason };
        const r = await gql<CorrectUnitStaffMutation>(CORRECT, vars, token);
        return `Đã ghi biên chế ${fmtInt(r.correctUnitStaff.staff)} cho ${nameOf(v.unit)} từ ngày ${fmtDate(v.date)}.`;
      }}
    />
    <${KeepForm}
      id="rename"
      title="Đổi tên thôn, đơn vị"
      button="Đổi tên"
      fields=${[{ name: 'area', label: 'Thôn hoặc đơn vị', type: 'select', options: areaOptions }, { name: 'name', label: 'Tên mới' }, DATE]}
      send=${async (v: Values) => {
        const vars = { id: v.area, n: v.name, d: v.date };
        if (isUnit(v.area)) await gql<RenameAreaUnitMutation>(RENAME_UNIT, vars, token);
        else await gql<RenameAreaVillageMutation>(RENAME_VILLAGE, vars, token);
        return `Đã đổi tên ${nameOf(v.area)} thành ${v.name.trim()}; tên cũ vẫn lưu trong lịch sử.`;
      }}
    />
    <${KeepForm}
      id="close"
      title="Giải thể thôn, đơn vị"
      button="Giải thể"
      fields=${[{ name: 'area', label: 'Thôn hoặc đơn vị', type: 'select', options: areaOptions }, REASON, DATE]}
      send=${async (v: Values) => {
        const vars = { id: v.area, d: v.date, r: v.reason };
        if (isUnit(v.area)) await gql<CloseAreaUnitMutation>(CLOSE_UNIT, vars, token);
        else await gql<CloseAreaVillageMutation>(CLOSE_VILLAGE, vars, token);
        return `Đã giải thể ${nameOf(v.area)} từ ngày ${fmtDate(v.date)}; số liệu trước đó vẫn giữ.`;
      }}
    />
    <${KeepForm}
      id="add-village"
      title="Thêm thôn, tổ dân phố"
      button="Thêm thôn"
      fields=${[{ name: 'name', label: 'Tên thôn, tổ dân phố' }, DATE]}
      send=${async (v: Values) => {
        const r = await gql<AddVillageMutation>(
          ADD_VILLAGE,
          { c: props.id, v: { name: v.name, effectiveOn: v.date } },
          token,
        );
        return `Đã thêm ${r.addVillage.name} từ ngày ${fmtDate(v.date)}.`;
      }}
    />
  </section>`;
}
