import { html } from '../../ui';
import { FieldError } from './fields';
import { newPerson, PERSON_ROLE_VI, personField, type PersonRole, type PersonRow } from './people';

/** Optional named people for the reward rules: a row each, added and removed by hand. */
export function PeopleFields(props: {
  people: PersonRow[];
  role: PersonRole;
  errors: Record<string, string>;
  onChange: (people: PersonRow[]) => void;
}) {
  const { people, errors } = props;
  const edit = (i: number, change: Partial<PersonRow>) =>
    props.onChange(people.map((p, k) => (k === i ? { ...p, ...change } : p)));
  const value = (e: Event) => (e.target as HTMLInputElement).value;
  return html`<fieldset class="people" data-testid="people">
    <legend>Người đề nghị khen thưởng (không bắt buộc)</legend>
    ${people.map(
      (p, i) =>
        html`<div class="person" data-testid="person" key=${i}>
          <label
            >Họ và tên
            <input
              name=${personField(i, 'name')}
              data-testid=${personField(i, 'name')}
              value=${p.name}
              maxlength="200"
              aria-invalid=${errors[personField(i, 'name')] ? 'true' : 'false'}
              onInput=${(e: Event) => edit(i, { name: value(e) })}
          /></label>
          <${FieldError} errors=${errors} field=${personField(i, 'name')} />
          <label
            >Là
            <select
              name=${personField(i, 'role')}
              value=${p.role}
              onChange=${(e: Event) => edit(i, { role: value(e) as PersonRole })}
            >
              ${(['OFFICIAL', 'RESIDENT'] as const).map((r) => html`<option value=${r}>${PERSON_ROLE_VI[r]}</option>`)}
            </select></label
          >
          <label class="inline"
            ><input
              type="checkbox"
              name=${personField(i, 'certified')}
              checked=${p.certified}
              onChange=${(e: Event) => edit(i, { certified: (e.target as HTMLInputElement).checked })}
            />
            Đã được cấp chứng nhận</label
          >
          <label
            >Số người đã hướng dẫn
            <input
              inputmode="decimal"
              name=${personField(i, 'guided')}
              data-testid=${personField(i, 'guided')}
              value=${p.guided}
              aria-invalid=${errors[personField(i, 'guided')] ? 'true' : 'false'}
              onInput=${(e: Event) => edit(i, { guided: value(e) })}
          /></label>
          <${FieldError} errors=${errors} field=${personField(i, 'guided')} />
          <button
            type="button"
            class="secondary"
            data-testid="person-remove"
            onClick=${() => props.onChange(people.filter((_, k) => k !== i))}
          >
            Bỏ người này
          </button>
        </div>`,
    )}
    <${FieldError} errors=${errors} field="people" />
    <button
      type="button"
      class="secondary"
      data-testid="person-add"
      onClick=${() => props.onChange([...people, newPerson(props.role)])}
    >
      Thêm một người
    </button>
  </fieldset>`;
}
