/**
 * The cost model: what the (super)graph declares about sizes and weights, read once from its SDL. `@listSize` of the
 * GraphQL cost specification (the one Apollo Router and Hive Gateway read) on list fields, `@cost(weight:)` on
 * arguments. cost.ts walks an operation with it.
 */
import { Kind, parse, valueFromASTUntyped, type ConstDirectiveNode } from 'graphql';

/** A list field's `@listSize` (cost specification, https://ibm.github.io/graphql-specs/cost-spec.html). */
export interface ListSize {
  assumedSize?: number;
  slicingArguments?: readonly string[];
  sizedFields?: readonly string[];
}

/** What the supergraph declares: `Type.field` → its list size; `Type.field(arg:)` → the argument's weight. */
export interface CostModel {
  lists: ReadonlyMap<string, ListSize>;
  argumentWeights: ReadonlyMap<string, number>;
}

function directiveArgs(node: ConstDirectiveNode): Record<string, unknown> {
  return Object.fromEntries((node.arguments ?? []).map((a) => [a.name.value, valueFromASTUntyped(a.value)]));
}

/** The local name of a cost-spec directive in the supergraph: `listSize`, or `cost__listSize` when not imported. */
function isCostDirective(name: string, wanted: 'listSize' | 'cost'): boolean {
  return name === wanted || name === `cost__${wanted}`;
}

/** Reads every `@listSize` and argument `@cost` of a (super)graph's SDL. */
export function costModel(sdl: string): CostModel {
  const lists = new Map<string, ListSize>();
  const argumentWeights = new Map<string, number>();
  for (const def of parse(sdl).definitions) {
    if (
      def.kind !== Kind.OBJECT_TYPE_DEFINITION &&
      def.kind !== Kind.OBJECT_TYPE_EXTENSION &&
      def.kind !== Kind.INTERFACE_TYPE_DEFINITION &&
      def.kind !== Kind.INTERFACE_TYPE_EXTENSION
    )
      continue;
    for (const field of def.fields ?? []) {
      const key = `${def.name.value}.${field.name.value}`;
      for (const d of field.directives ?? []) {
        if (!isCostDirective(d.name.value, 'listSize')) continue;
        const args = directiveArgs(d);
        lists.set(key, {
          assumedSize: typeof args.assumedSize === 'number' ? args.assumedSize : undefined,
          slicingArguments: Array.isArray(args.slicingArguments) ? (args.slicingArguments as string[]) : undefined,
          sizedFields: Array.isArray(args.sizedFields) ? (args.sizedFields as string[]) : undefined,
        });
      }
      for (const arg of field.arguments ?? [])
        for (const d of arg.directives ?? []) {
          const weight = directiveArgs(d).weight;
          if (isCostDirective(d.name.value, 'cost') && typeof weight === 'number')
            argumentWeights.set(`${key}(${arg.name.value}:)`, weight);
        }
    }
  }
  return { lists, argumentWeights };
}
