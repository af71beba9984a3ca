/**
 * Planning and executing federated subscriptions. @apollo/gateway refuses subscriptions, but its parts run them:
 * the query planner plans a subscription as a `primary` fetch to the subgraph that owns the field and a `rest`
 * plan (entity fetches to the others). The primary operation is opened on the owning subgraph (upstream.ts); for
 * each event, `executeQueryPlan` runs Sequence[primary, rest] with a data source that answers the primary fetch
 * with the event — so a payload may select fields of every subgraph.
 * @apollo/gateway 2.14.x internals (executeQueryPlan, buildOperationContext): keep the versions pinned together.
 */
import { operationFromDocument, Supergraph, type Schema } from '@apollo/federation-internals';
import { buildOperationContext, executeQueryPlan, type GraphQLDataSource, type ServiceMap } from '@apollo/gateway';
import {
  QueryPlanner,
  type FetchNode,
  type PlanNode,
  type QueryPlan,
  type SubscriptionNode,
} from '@apollo/query-planner';
import {
  print,
  type DocumentNode,
  type ExecutionResult,
  type FormattedExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import { toClientErrors } from '../errors';
import { withResumeFields } from './resume';

export interface PlannedSubscription {
  /** The client's document, rewritten to select `eventId` and take `after` (resume.ts). */
  document: DocumentNode;
  operationName: string | undefined;
  afterVariable: string | null;
  primary: FetchNode;
  rest: PlanNode | undefined;
}

export interface SubscriptionPlanner {
  apiSchema: GraphQLSchema;
  /** HTTP URL of each subgraph's /graphql. */
  subgraphUrls: Record<string, string>;
  /** The plan of a validated subscription document; throws for one the planner cannot run. */
  plan(document: DocumentNode, operationName: string | undefined): PlannedSubscription;
  executor(planned: PlannedSubscription, variables: Record<string, unknown>, context: ExecutionContext): EventExecutor;
}

export type EventExecutor = (
  event: FormattedExecutionResult<Record<string, unknown>, unknown>,
) => Promise<ExecutionResult>;

export interface ExecutionContext {
  /** The data sources the gateway uses for queries (the rest plan's entity fetches go through them). */
  dataSource(name: string, url: string): GraphQLDataSource;
  /** The signed identity those fetches carry (undefined: anonymous), fresh for each event. */
  identityToken(): Promise<string | undefined>;
  log: (line: string) => void;
}

export function createPlanner(
  supergraphSdl: string,
  urlOverrides: Partial<Record<string, string>>,
): SubscriptionPlanner {
  const supergraph = Supergraph.build(supergraphSdl);
  const apiSchema: Schema = supergraph.apiSchema();
  const graphqlApiSchema: GraphQLSchema = apiSchema.toGraphQLJSSchema();
  const supergraphSchema: GraphQLSchema = supergraph.schema.toGraphQLJSSchema();
  const planner = new QueryPlanner(supergraph);
  const subgraphUrls: Record<string, string> = {};
  for (const sg of supergraph.subgraphs().values()) subgraphUrls[sg.name] = urlOverrides[sg.name] ?? sg.url;

  function plan(clientDocument: DocumentNode, operationName: string | undefined): PlannedSubscription {
    const { document, afterVariable } = withResumeFields(clientDocument, operationName);
    const operation = operationFromDocument(apiSchema, document, { operationName });
    const node = planner.buildQueryPlan(operation).node as SubscriptionNode | undefined;
    if (!node || node.kind !== 'Subscription') throw new Error('not a subscription');
    return { document, operationName, afterVariable, primary: node.primary, rest: node.rest };
  }

  function executor(
    planned: PlannedSubscription,
    variables: Record<string, unknown>,
    context: ExecutionContext,
  ): EventExecutor {
    const { document, operationName, primary, rest } = planned;
    const operationContext = buildOperationContext({
      schema: graphqlApiSchema,
      operationDocument: document,
      operationName,
    });
    const queryPlan = {
      kind: 'QueryPlan',
      node: rest ? { kind: 'Sequence', nodes: [primary, rest] } : primary,
    } as QueryPlan;
    const source = print(document);
    return async (event) => {
      const serviceMap: ServiceMap = {};
      for (const name of Object.keys(subgraphUrls)) {
        const real = context.dataSource(name, subgraphUrls[name]);
        serviceMap[name] =
          name === primary.serviceName
            ? {
                // The primary fetch is answered by the event itself (with its field errors); later fetches to the
                // same subgraph go out.
                process: (o) =>
                  o.request.query === primary.operation
                    ? Promise.resolve({ data: event.data, ...(event.errors ? { errors: [...event.errors] } : {}) })
                    : real.process(o),
              }
            : real;
      }
      const identityToken = await context.identityToken();
      const requestContext = {
        request: { query: source, variables, operationName },
        context: identityToken ? { identityToken } : {},
        metrics: {},
        cache: undefined,
        logger: { debug: () => undefined, info: () => undefined, warn: context.log, error: context.log },
        document,
        source,
        operationName: operationName ?? null,
        operation: operationContext.operation,
        schema: graphqlApiSchema,
        overallCachePolicy: { restrict: () => undefined, policyIfCacheable: () => null },
      };
      // requestContext carries only what executeQueryPlan reads for a subscription event (see DESIGN.md).
      const result = await executeQueryPlan(
        queryPlan,
        serviceMap,
        requestContext as never,
        operationContext,
        supergraphSchema,
        apiSchema,
      );
      return {
        data: result.data as Record<string, unknown> | null | undefined,
        ...(result.errors?.length ? { errors: toClientErrors(result.errors) } : {}),
      };
    };
  }

  return { apiSchema: graphqlApiSchema, subgraphUrls, plan, executor };
}
