import { html } from '../../ui';
import { STUDENT_LEVEL_VI, STUDENT_LEVELS, type StudentLevelName } from '../../../../../shared/pure/values';
import { CountInput, FieldError } from './fields';
import { LEVEL_STEP_VI, LEVEL_STEPS, levelField, type LevelStep, type Levels } from './levels';

/** The short names officials write in a table's row: tiểu học, THCS, THPT. */
const LEVEL_SHORT: Record<StudentLevelName, string> = {
  PRIMARY: 'Tiểu học',
  LOWER_SECONDARY: 'THCS',
  UPPER_SECONDARY: 'THPT',
};

/** A school's students by level (optional: a level the school does not teach stays blank and is not sent). */
export function StudentLevels(props: {
  levels: Levels;
  errors: Record<string, string>;
  onChange: (level: StudentLevelName, step: LevelStep, value: string) => void;
}) {
  const { errors } = props;
  return html`<fieldset class="levels" data-testid="student-levels">
    <legend>Học sinh theo cấp học (để trống cấp trường không dạy)</legend>
    <div class="table-wrap">
      <table class="figures">
        <thead>
          <tr>
            <th>Cấp học</th>
            ${LEVEL_STEPS.map((s) => html`<th>${LEVEL_STEP_VI[s]}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${STUDENT_LEVELS.map(
            (l) =>
              html`<tr data-level=${l}>
                <th scope="row">${LEVEL_SHORT[l]}</th>
                ${LEVEL_STEPS.map(
                  (s) =>
                    html`<td class=${errors[levelField(l, s)] ? 'invalid' : ''}>
                      <${CountInput}
                        name=${levelField(l, s)}
                        label=${`Học sinh ${STUDENT_LEVEL_VI[l]} — ${LEVEL_STEP_VI[s]}`}
                        value=${props.levels[l][s]}
                        errors=${errors}
                        onInput=${(value: string) => props.onChange(l, s, value)}
                      />
                      <${FieldError} errors=${errors} field=${levelField(l, s)} />
                    </td>`,
                )}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    <${FieldError} errors=${errors} field="studentLevels" />
    <p class="muted small">
      ${
        'Số theo cấp học là một phần của số học sinh ở bảng trên: cộng lại không vượt số đó. Số của báo cáo gần nhất ' +
        'đã được điền sẵn; báo cáo gửi không có số theo cấp học thì chỉ tiêu theo cấp học không tính được.'
      }
    </p>
  </fieldset>`;
}
