/**
 * The commune's effective targets as the API shows them (Target views: source, letter, the province target a commune
 * target replaces), for `Commune.effectiveTargets` and for the copy frozen with a submitted commune report.
 */
import { targetView, type Target } from '../../shared/vocabulary/values';
import { resolveEffectiveTargets, type TargetOwner } from './targets';

export function effectiveTargetViews(directives: TargetOwner[], plans: TargetOwner[]): Target[] {
  return resolveEffectiveTargets(directives, plans).map((e) =>
    e.source === 'COMMUNE'
      ? targetView(
          e.target,
          { planId: e.planId!, document: e.document },
          e.overrides
            ? targetView(e.overrides.target, { directiveId: e.overrides.directiveId, document: e.overrides.document })
            : null,
        )
      : targetView(e.target, { directiveId: e.directiveId!, document: e.document }),
  );
}
