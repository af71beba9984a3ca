import { html } from '../../ui';
import { TARGET_STATE_VI, wordsFor } from '../../../../../shared/pure/values';

/** A target's state and what it was measured with, as Province.targetStatus and Commune.targetStatus give it. */
export const TARGET_STATUS_FIELDS = /* GraphQL */ `
  fragment TargetStatusFields on TargetStatus {
    indicator
    group
    threshold
    dueOn
    source
    document
    studentLevels
    citation
    demo
    asOf
    value
    gap
    projected
    status
    anomaly
  }
`;

const STATE_CLASS: Record<string, string> = {
  MET: 'ok',
  ON_TRACK: 'ok',
  AT_RISK: 'late',
  MISSED: 'behind',
  NOT_MEASURED: 'muted',
  CHECK_FIGURES: 'late',
};

/** The state in the officials' words; where the figures contradict each other, the sentence that says how. */
export function TargetState(props: { status: string; anomaly?: string | null }) {
  return html`<span class=${`state ${STATE_CLASS[props.status] ?? ''}`} data-state=${props.status}
      >${wordsFor(TARGET_STATE_VI, props.status)}</span
    >${props.anomaly ? html`<div class="small anomaly" data-testid="target-anomaly">${props.anomaly}</div>` : null}`;
}
