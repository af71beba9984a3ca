import { html } from '../../ui';
import { GROUP_VI, type PopulationGroupName } from '../../../../../shared/pure/values';
import { CountInput, FieldError } from './fields';
import { STAGE_VI, STAGES, type Figures, type Stage } from './validate';

/** The course figures of the reporter's groups: registered, completed the five topics, certified. */
export function FiguresTable(props: {
  groups: readonly PopulationGroupName[];
  figures: Figures;
  errors: Record<string, string>;
  onChange: (group: PopulationGroupName, stage: Stage, value: string) => void;
}) {
  const { errors } = props;
  return html`<table class="figures">
      <thead>
        <tr>
          <th>Nhóm</th>
          ${STAGES.map((s) => html`<th>${STAGE_VI[s]}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${props.groups.map(
          (g) =>
            html`<tr>
              <th scope="row">${GROUP_VI[g]}</th>
              ${STAGES.map(
                (s) =>
                  html`<td class=${errors[`groups.${g}.${s}`] ? 'invalid' : ''}>
                    <${CountInput}
                      name=${`groups.${g}.${s}`}
                      label=${`${GROUP_VI[g]} — ${STAGE_VI[s]}`}
                      value=${props.figures[g][s]}
                      errors=${errors}
                      onInput=${(value: string) => props.onChange(g, s, value)}
                    />
                    <${FieldError} errors=${errors} field=${`groups.${g}.${s}`} />
                  </td>`,
              )}
            </tr>`,
        )}
      </tbody>
    </table>
    <${FieldError} errors=${errors} field="groups" />`;
}
