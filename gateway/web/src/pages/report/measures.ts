/**
 * The form's other counts (all optional): residents guided, and the three measures of the village's adults the
 * targets count. Named and checked as the API names and checks them (shared/pure/values' REPORT_MEASURE_VI); a blank
 * one is not sent, so the last value the village stated still counts (they are cumulative).
 */
import { html } from '../../ui';
import { fmtInt } from '../../format';
import {
  ADULT_MEASURES,
  REPORT_MEASURE_VI,
  REPORT_MEASURES,
  type ReportMeasureName,
} from '../../../../../shared/pure/values';
import { parseCount } from './validate';

export type Measures = Record<ReportMeasureName, string>;

export const emptyMeasures = (): Measures => Object.fromEntries(REPORT_MEASURES.map((m) => [m, ''])) as Measures;

/** The API's checks, with its words: whole numbers ≥ 0; the adult measures at most the village's adults. */
export function validateMeasures(measures: Measures, adults: number | null | undefined): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const m of REPORT_MEASURES) {
    const raw = measures[m];
    if (raw.trim() === '') continue;
    const n = parseCount(raw);
    if (n == null) errors[m] = `${REPORT_MEASURE_VI[m]} phải là số nguyên không âm (đang nhập ${raw})`;
    else if (adults != null && ADULT_MEASURES.includes(m) && n > adults)
      errors[m] = `${REPORT_MEASURE_VI[m]} (${fmtInt(n)}) không thể lớn hơn số người trưởng thành (${fmtInt(adults)})`;
  }
  return errors;
}

/** The measures to send: those filled in, as numbers. */
export function measuresInput(measures: Measures): Partial<Record<ReportMeasureName, number>> {
  const out: Partial<Record<ReportMeasureName, number>> = {};
  for (const m of REPORT_MEASURES) {
    const n = measures[m].trim() === '' ? null : parseCount(measures[m]);
    if (n != null) out[m] = n;
  }
  return out;
}

/** A refused or queued report's measures, back in the form. */
export function measuresOf(input: Partial<Record<ReportMeasureName, number | null>>): Measures {
  const out = emptyMeasures();
  for (const m of REPORT_MEASURES) if (input[m] != null) out[m] = String(input[m]);
  return out;
}

export function MeasureFields(props: {
  measures: Measures;
  errors: Record<string, string>;
  onChange: (m: ReportMeasureName, value: string) => void;
}) {
  return html`<fieldset class="measures" data-testid="measures">
    <legend>Các số liệu khác (không bắt buộc; để trống nếu chưa có)</legend>
    ${REPORT_MEASURES.map(
      (m) =>
        html`<label class=${props.errors[m] ? 'invalid' : ''}
          >${REPORT_MEASURE_VI[m]}
          <input
            inputmode="decimal"
            name=${m}
            data-testid=${`measure.${m}`}
            value=${props.measures[m]}
            aria-invalid=${props.errors[m] ? 'true' : 'false'}
            onInput=${(e: Event) => props.onChange(m, (e.target as HTMLInputElement).value)}
          />
          ${props.errors[m] ? html`<div class="field-error" data-field=${m} role="alert">${props.errors[m]}</div>` : null}
        </label>`,
    )}
  </fieldset>`;
}
