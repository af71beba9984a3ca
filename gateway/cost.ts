/**
 * The estimated cost of an operation: the number of objects it may return, multiplying by the size of each list
 * it walks through. Sizes are declared where each list field is defined, with the `@listSize` directive of the
 * GraphQL cost specification (the one Apollo Router and Hive Gateway read): `assumedSize` is the most the field
 * returns, `slicingArguments` the arguments (`first`, `limit`) that say how many the caller wants, honoured also when
 * given as variables, `sizedFields` the child lists they size. `@cost(weight:)` on an argument adds a one-off weight
 * (a new `asOf` date builds a view of its own). The gateway reads them from the committed supergraph (costModel, in cost-model.ts), so
 * the same estimate guards HTTP and WebSocket (limits.ts) and is tested with a table (test/unit/query-cost.test.ts).
 */
import {
  getNamedType,
  getNullableType,
  isAbstractType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  valueFromASTUntyped,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import type { CostModel, ListSize } from './cost-model';

export type { CostModel, ListSize } from './cost-model';
export { costModel } from './cost-model';

/**
 * Items assumed for a list field with no declared size. The supergraph has none (test/unit/query-cost.test.ts fails for
 * one); this only keeps a schema under construction from being estimated at zero.
 */
export const UNDECLARED_LIST_SIZE = 1000;

/**
 * Introspection's lists, sized from the schema itself: under `__schema { types }` each type's fields, arguments,
 * values… count as many as the schema has on average (their sum is exact there); anywhere else (`__type`, a field's
 * `type { fields }`) as many as the largest type has, so nesting introspection multiplies as fast as it returns.
 */
interface IntrospectionSizes {
  types: number;
  directives: number;
  average: Record<string, number>;
  largest: Record<string, number>;
}

const introspectionCache = new WeakMap<GraphQLSchema, IntrospectionSizes>();

/** Lists that hold parts of the type above them (not references to other types): their sums are exact. */
const CONTAINED = new Set(['fields', 'args', 'inputFields', 'enumValues', 'interfaces', 'possibleTypes']);

function introspectionSizes(schema: GraphQLSchema): IntrospectionSizes {
  let known = introspectionCache.get(schema);
  if (known) return known;
  const types = Object.values(schema.getTypeMap());
  const counts: Record<string, number[]> = {
    fields: [],
    inputFields: [],
    enumValues: [],
    interfaces: [],
    possibleTypes: [],
    args: [],
  };
  for (const t of types) {
    if (isObjectType(t) || isInterfaceType(t)) {
      const fields = Object.values(t.getFields());
      counts.fields.push(fields.length);
      counts.interfaces.push(t.getInterfaces().length);
      for (const f of fields) counts.args.push(f.args.length);
    }
    if (isEnumType(t)) counts.enumValues.push(t.getValues().length);
    if (isInputObjectType(t)) counts.inputFields.push(Object.keys(t.getFields()).length);
    if (isAbstractType(t)) counts.possibleTypes.push(schema.getPossibleTypes(t).length);
  }
  for (const d of schema.getDirectives()) counts.args.push(d.args.length);
  const average: Record<string, number> = {};
  const largest: Record<string, number> = {};
  for (const [name, list] of Object.entries(counts)) {
    const sum = list.reduce((a, b) => a + b, 0);
    // Per type for a type's lists; per field or directive for arguments.
    const parents = name === 'args' ? list.length : types.length;
    average[name] = parents ? Math.ceil(sum / parents) : 0;
    largest[name] = list.length ? Math.max(...list) : 0;
  }
  known = { types: types.length, directives: schema.getDirectives().length, average, largest };
  introspectionCache.set(schema, known);
  return known;
}

function introspectionListSize(sizes: IntrospectionSizes, parent: string, field: string, contained: boolean): number {
  if (parent === '__Schema') return field === 'types' ? sizes.types : field === 'directives' ? sizes.directives : 1;
  return (contained ? sizes.average[field] : sizes.largest[field]) ?? 1;
}

export interface CostOptions {
  /** Values of the request's variables: `first: $n` then counts as `n`. */
  variables?: Readonly<Record<string, unknown>>;
}

/** A variable's value, by name (estimateCost notes that the estimate depended on one). */
type VariableOf = (name: string) => unknown;

/** The integer value of an argument written in the query, or through a variable; undefined when absent. */
function argumentValue(node: FieldNode, name: string, variable: VariableOf): number | undefined {
  const arg = node.arguments?.find((a) => a.name.value === name);
  if (!arg) return undefined;
  const value = arg.value.kind === Kind.VARIABLE ? variable(arg.value.name.value) : valueFromASTUntyped(arg.value);
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/**
 * How many items a list field returns: the largest slicing argument the caller gave (in the query or a variable),
 * else the slicing argument's default in the schema, else the declared `assumedSize`.
 */
function declaredSize(
  size: ListSize | undefined,
  field: GraphQLField<unknown, unknown>,
  node: FieldNode,
  variable: VariableOf,
): number {
  if (!size) return UNDECLARED_LIST_SIZE;
  const given = (size.slicingArguments ?? [])
    .map((name) => argumentValue(node, name, variable) ?? field.args.find((a) => a.name === name)?.defaultValue)
    .filter((n): n is number => typeof n === 'number');
  if (given.length > 0) return Math.max(...given);
  return size.assumedSize ?? UNDECLARED_LIST_SIZE;
}

/** Estimates that no variable changed, per model and parsed document. */
const unvariedCosts = new WeakMap<CostModel, WeakMap<DocumentNode, number>>();

/** The most an estimate reaches: past any realistic limit, stop multiplying (and never reach Infinity). */
const CEILING = Number.MAX_SAFE_INTEGER / 1000;

/**
 * The estimated number of objects each operation of `document` may return, the largest of them, plus the weights of
 * the arguments it uses (each distinct argument value once: a view built for one `asOf` date serves every item of
 * a list). A fragment is counted where it is spread, walked once (a cycle, refused by validation anyway, once).
 */
export function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  model: CostModel,
  options: CostOptions = {},
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  // A document's cost that no variable changed is the same for every request that sends it (Apollo hands the same
  // parsed document to each), so it is walked once.
  const known = unvariedCosts.get(model)?.get(document);
  if (known !== undefined) return known;
  let readsVariables = false;
  const variable: VariableOf = (name) => {
    readsVariables = true;
    return options.variables?.[name];
  };
  const intro = () => introspectionSizes(schema);

  function walk(): (type: GraphQLCompositeType, set: SelectionSetNode) => number {
    // A fragment costs the same wherever it is spread, so each is walked once: without this, fragments that spread
    // the one before twice make the walk exponential (22 of them, 905 bytes, held a core for 21 s).
    const fragmentCosts = new Map<string, number>();
    const visiting = new Set<string>();
    const weighted = new Set<string>();
    let weights = 0;

    /** `contained`: reached from `__schema { types }` through contained lists only (CONTAINED). */
    function selectionCost(
      type: GraphQLCompositeType,
      set: SelectionSetNode,
      sized?: { fields: readonly string[]; size: number },
      contained = false,
    ): number {
      let total = 0;
      for (const sel of set.selections) {
        if (sel.kind === Kind.FIELD) {
          const field = isObjectType(type) || isInterfaceType(type) ? type.getFields()[sel.name.value] : undefined;
          if (field) addArgumentWeights(type.name, field.name, sel);
          if (!sel.selectionSet) continue;
          const introspectionField =
            sel.name.value === '__schema' || sel.name.value === '__type'
              ? schema.getType(sel.name.value === '__schema' ? '__Schema' : '__Type')
              : undefined;
          const child = field ? getNamedType(field.type) : introspectionField;
          if (!child || !isCompositeType(child)) continue;
          let size = 1;
          let childSized: { fields: readonly string[]; size: number } | undefined;
          if (field && isListType(getNullableType(field.type))) {
            if (type.name.startsWith('__')) size = introspectionListSize(intro(), type.name, field.name, contained);
            else size = declaredSize(model.lists.get(`${type.name}.${field.name}`), field, sel, variable);
          } else if (field) {
            const declared = model.lists.get(`${type.name}.${field.name}`);
            if (declared?.sizedFields?.length)
              childSized = { fields: declared.sizedFields, size: declaredSize(declared, field, sel, variable) };
          }
          if (sized?.fields.includes(sel.name.value)) size = sized.size;
          const containedBelow =
            (type.name === '__Schema' && sel.name.value === 'types') || (contained && CONTAINED.has(sel.name.value));
          total += size * (1 + selectionCost(child, sel.selectionSet, childSized, containedBelow));
        } else if (sel.kind === Kind.INLINE_FRAGMENT) {
          const on = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : type;
          if (on && isCompositeType(on)) total += selectionCost(on, sel.selectionSet, sized, contained);
        } else {
          const name = sel.name.value;
          const fragment = fragments.get(name);
          if (!fragment || visiting.has(name)) continue;
          // What a fragment costs depends on where it is spread only through these two.
          const key = `${name}|${contained}|${sized ? `${sized.fields.join(',')}:${sized.size}` : ''}`;
          let known = fragmentCosts.get(key);
          if (known === undefined) {
            const on = schema.getType(fragment.typeCondition.name.value);
            if (!on || !isCompositeType(on)) continue;
            visiting.add(name);
            known = selectionCost(on, fragment.selectionSet, sized, contained);
            visiting.delete(name);
            fragmentCosts.set(key, known);
          }
          total += known;
        }
        if (total > CEILING) return CEILING;
      }
      return total;
    }

    function addArgumentWeights(parent: string, field: string, node: FieldNode): void {
      for (const arg of node.arguments ?? []) {
        const weight = model.argumentWeights.get(`${parent}.${field}(${arg.name.value}:)`);
        if (weight === undefined) continue;
        const value =
          arg.value.kind === Kind.VARIABLE ? variable(arg.value.name.value) : valueFromASTUntyped(arg.value);
        if (value === null || value === undefined) continue;
        const key = `${parent}.${field}(${arg.name.value}:${JSON.stringify(value)})`;
        if (weighted.has(key)) continue;
        weighted.add(key);
        weights += weight;
      }
    }

    const run = (type: GraphQLCompositeType, set: SelectionSetNode) =>
      Math.min(CEILING, selectionCost(type, set) + weights);
    return run;
  }

  let worst = 0;
  for (const def of document.definitions) {
    if (def.kind !== Kind.OPERATION_DEFINITION) continue;
    const root = schema.getRootType(def.operation);
    if (root) worst = Math.max(worst, walk()(root, def.selectionSet));
  }
  if (!readsVariables) {
    if (!unvariedCosts.has(model)) unvariedCosts.set(model, new WeakMap());
    unvariedCosts.get(model)!.set(document, worst);
  }
  return worst;
}
