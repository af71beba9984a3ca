import { html } from '../../ui';

/** A field's message under it, from the form's checks or the API's refusal (by the API's field name). */
export function FieldError(props: { errors: Record<string, string>; field: string }) {
  const text = props.errors[props.field];
  return text ? html`<div class="field-error" data-field=${props.field} role="alert">${text}</div>` : null;
}

/** A count box: typed as officials type numbers ("1.200"), named for screen readers, marked when refused. */
export function CountInput(props: {
  name: string;
  label: string;
  value: string;
  errors: Record<string, string>;
  onInput: (value: string) => void;
}) {
  const bad = Boolean(props.errors[props.name]);
  return html`<input
    inputmode="decimal"
    name=${props.name}
    data-testid=${props.name}
    value=${props.value}
    aria-label=${props.label}
    aria-invalid=${bad ? 'true' : 'false'}
    onInput=${(e: Event) => props.onInput((e.target as HTMLInputElement).value)}
  />`;
}
