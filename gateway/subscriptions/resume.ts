/**
 * Resuming: the gateway rewrites every subscription so that its root field selects `eventId` and takes `after`
 * (as a variable), so an upstream that drops can resubscribe from the last event it saw (upstream.ts).
 */
import { Kind, OperationTypeNode, type DocumentNode, type FieldNode } from 'graphql';

const AFTER_VARIABLE = 'hubAfter';

/**
 * Makes the root field select `eventId` and take `after` (as a variable), so the gateway can resume the upstream
 * subscription where it stopped. Returns the document and the variable that carries `after`.
 */
export function withResumeFields(
  document: DocumentNode,
  operationName: string | null | undefined,
): { document: DocumentNode; afterVariable: string | null } {
  let afterVariable: string | null = null;
  const definitions = document.definitions.map((def) => {
    if (def.kind !== Kind.OPERATION_DEFINITION || def.operation !== OperationTypeNode.SUBSCRIPTION) return def;
    if (operationName && def.name?.value !== operationName) return def;
    const op = def;
    const root = op.selectionSet.selections.find((s): s is FieldNode => s.kind === Kind.FIELD);
    if (!root) return def;
    const args = [...(root.arguments ?? [])];
    const after = args.find((a) => a.name.value === 'after');
    let variableDefinitions = [...(op.variableDefinitions ?? [])];
    if (after && after.value.kind === Kind.VARIABLE) {
      afterVariable = after.value.name.value;
    } else if (!after || after.value.kind === Kind.NULL) {
      afterVariable = AFTER_VARIABLE;
      const withoutAfter = args.filter((a) => a.name.value !== 'after');
      args.splice(0, args.length, ...withoutAfter, {
        kind: Kind.ARGUMENT,
        name: { kind: Kind.NAME, value: 'after' },
        value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: AFTER_VARIABLE } },
      });
      variableDefinitions = [
        ...variableDefinitions,
        {
          kind: Kind.VARIABLE_DEFINITION,
          variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: AFTER_VARIABLE } },
          type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'ID' } },
        },
      ];
    }
    const selections = root.selectionSet?.selections ?? [];
    const hasEventId = selections.some((s) => s.kind === Kind.FIELD && s.name.value === 'eventId' && !s.alias);
    const newRoot: FieldNode = {
      ...root,
      arguments: args,
      selectionSet:
        root.selectionSet && !hasEventId
          ? {
              ...root.selectionSet,
              selections: [...selections, { kind: Kind.FIELD, name: { kind: Kind.NAME, value: 'eventId' } }],
            }
          : root.selectionSet,
    };
    return {
      ...op,
      variableDefinitions,
      selectionSet: {
        ...op.selectionSet,
        selections: op.selectionSet.selections.map((s) => (s === root ? newRoot : s)),
      },
    };
  });
  return { document: { ...document, definitions }, afterVariable };
}
