/**
 * The estimated cost of an operation: the number of objects it may return, multiplying by the size of each list
 * it walks through. Sizes come from a table of known maxima per list field (a province has at most ~170 communes),
 * from a `limit` / `first` argument written in the query, or from a default for lists nobody sized. A plain function
 * over the schema and the document, so the same estimate guards HTTP and WebSocket (limits.ts) and is tested with a
 * table (test/query-cost.test.ts).
 */
import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';

/** Upper bounds of list fields, `Type.field` → items. Vietnam after the 2025 merger: 34 provinces, 3,321 communes. */
export const LIST_SIZE_HINTS: Readonly<Record<string, number>> = {
  'Query.provinces': 34,
  'Query.communes': 200,
  'Query.auditLog': 200,
  'Province.communes': 170,
  'Province.ranking': 170,
  'Province.directives': 50,
  'Province.progressHistory': 90,
  'ProvinceReportingStatus.communes': 170,
  'Directive.communesWithoutPlan': 170,
  'Directive.implementingPlans': 170,
  'Commune.villages': 60,
  'Commune.units': 40,
  'Commune.plans': 5,
  'Commune.populationHistory': 20,
  'Commune.reportingPeriods': 90,
  'Commune.progressHistory': 90,
  'Commune.rankHistory': 90,
  'CommunePlan.implements': 5,
  'CommunePlan.keyPeople': 360,
  'CommunePlan.keyPeopleCertification': 3,
  'ReportKeyPeople.roles': 3,
  'ReportKeyPeople.missing': 180,
  'Village.keyPeople': 3,
  'CommuneReportingStatus.reporters': 100,
  'TrainingSession.villages': 60,
  'Village.reports': 100,
  'Unit.reports': 100,
  'Rewards.villages': 60,
  'Rewards.units': 40,
  'Rewards.people': 500,
  'Progress.groups': 2,
  'UnitReport.groups': 2,
};

/** Items assumed for a list field that is neither in the table nor limited by an argument. */
export const DEFAULT_LIST_SIZE = 20;

export interface CostOptions {
  hints?: Readonly<Record<string, number>>;
  defaultListSize?: number;
  /** Values of variables, when known (a `limit: $n` argument then counts as `n`). */
  variables?: Readonly<Record<string, unknown>>;
}

/** The size of one list field: its `limit`/`first` argument when given (capped by the table), else the table. */
function listSize(
  parent: string,
  field: GraphQLField<unknown, unknown>,
  node: { arguments?: readonly { name: { value: string }; value: { kind: string } }[] },
  options: Required<Omit<CostOptions, 'variables'>> & CostOptions,
): number {
  const known = options.hints[`${parent}.${field.name}`];
  for (const arg of node.arguments ?? []) {
    if (arg.name.value !== 'limit' && arg.name.value !== 'first') continue;
    const value = arg.value as { kind: string; value?: string; name?: { value: string } };
    const n =
      value.kind === Kind.INT
        ? Number(value.value)
        : value.kind === Kind.VARIABLE
          ? Number(options.variables?.[value.name!.value])
          : NaN;
    if (Number.isInteger(n) && n >= 0) return known === undefined ? n : Math.min(n, known);
  }
  return known ?? options.defaultListSize;
}

/**
 * The estimated number of objects each operation of `document` may return, the largest of them. Introspection
 * fields cost nothing; a fragment is counted where it is spread (a cycle, refused by validation anyway, once).
 */
export function estimateCost(schema: GraphQLSchema, document: DocumentNode, options: CostOptions = {}): number {
  const opts = { hints: LIST_SIZE_HINTS, defaultListSize: DEFAULT_LIST_SIZE, ...options };
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  // A fragment costs the same wherever it is spread, so each is walked once: without this, fragments that spread the
  // one before twice make the walk exponential (22 of them, 905 bytes, held a core for 21 s).
  const fragmentCosts = new Map<string, number>();

  function selectionCost(type: GraphQLCompositeType, set: SelectionSetNode, visiting: Set<string>): number {
    let total = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        if (sel.name.value.startsWith('__') || !sel.selectionSet) continue;
        const field = isObjectType(type) || isInterfaceType(type) ? type.getFields()[sel.name.value] : undefined;
        if (!field) continue;
        const child = getNamedType(field.type);
        if (!isCompositeType(child)) continue;
        const size = isListType(getNullableType(field.type)) ? listSize(type.name, field, sel, opts) : 1;
        total += size * (1 + selectionCost(child, sel.selectionSet, visiting));
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const on = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : type;
        if (on && isCompositeType(on)) total += selectionCost(on, sel.selectionSet, visiting);
      } else {
        const name = sel.name.value;
        const fragment = fragments.get(name);
        if (!fragment || visiting.has(name)) continue;
        let known = fragmentCosts.get(name);
        if (known === undefined) {
          const on = schema.getType(fragment.typeCondition.name.value);
          if (!on || !isCompositeType(on)) continue;
          visiting.add(name);
          known = selectionCost(on, fragment.selectionSet, visiting);
          visiting.delete(name);
          fragmentCosts.set(name, known);
        }
        total += known;
      }
      // Past any realistic limit: stop multiplying (and never reach Infinity).
      if (total > Number.MAX_SAFE_INTEGER / 1000) return Number.MAX_SAFE_INTEGER / 1000;
    }
    return total;
  }

  let worst = 0;
  for (const def of document.definitions) {
    if (def.kind !== Kind.OPERATION_DEFINITION) continue;
    const root = schema.getRootType(def.operation);
    if (root) worst = Math.max(worst, selectionCost(root, def.selectionSet, new Set()));
  }
  return worst;
}
