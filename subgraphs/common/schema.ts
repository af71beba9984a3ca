import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { defaultFieldResolver, isObjectType, type GraphQLSchema } from 'graphql';
import gql from 'graphql-tag';
import { createPubSub } from '@graphql-yoga/subscription';
import { buildSchema, createResolversMap, type NonEmptyArray } from 'type-graphql';
import { checkNoControlCharacters } from '../../shared/pure/text';
import { AS_OF_WEIGHT } from './list-size';

/**
 * Every argument of every field, before its resolver runs (and before a subscription starts): no control character,
 * lone surrogate or bidi control (shared/text.ts) reaches a rule or the database.
 * Only the fields that take arguments are wrapped. (A type-graphql global middleware did this before, but it turns
 * every field of every answer, arguments or not, into a chain of promises: the 3,320 communes of the national ranking
 * then cost the reports subgraph about a second of CPU, mostly garbage collection and async hooks.)
 */
function rejectControlCharacters(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.args.length === 0) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args: Record<string, unknown> | undefined, context, info) => {
        if (args && Object.keys(args).length > 0) checkNoControlCharacters(args);
        return resolve(source, args, context, info);
      };
      const subscribe = field.subscribe;
      if (subscribe)
        field.subscribe = (source, args: Record<string, unknown> | undefined, context, info) => {
          if (args && Object.keys(args).length > 0) checkNoControlCharacters(args);
          return subscribe(source, args, context, info);
        };
    }
  }
}

/**
 * Every `asOf` argument declares its weight (`@cost`, list-size.ts): a new date builds a view of its own. Added here
 * for all of them at once, as type-graphql drops directives written on a field resolver's arguments.
 */
function weighAsOf(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields()))
      for (const arg of field.args)
        if (arg.name === 'asOf')
          arg.extensions = { ...arg.extensions, directives: { cost: [{ weight: AS_OF_WEIGHT }] } };
  }
}

/**
 * Builds a Federation 2 subgraph schema from type-graphql resolvers: type-graphql produces the types and
 * resolvers, @apollo/subgraph adds `_entities`/`_service`, and `referenceResolvers` adds `__resolveReference`
 * for each entity this subgraph can resolve by key.
 */
export async function buildFederatedSchema(
  // type-graphql's own signature for a resolver class list.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>,
  referenceResolvers: GraphQLResolverMap<unknown> = {},
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's own signature
  orphanedTypes: Function[] = [],
): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers,
    orphanedTypes,
    skipCheck: true,
    // Our subscriptions bring their own event source (`subscribe`); type-graphql still insists on a PubSub.
    pubSub: createPubSub(),
    validate: false,
  });
  rejectControlCharacters(schema);
  weighAsOf(schema);
  const typeDefs = gql`
    extend schema
      @link(
        url: "https://specs.apollo.dev/federation/v2.9"
        import: ["@key", "@shareable", "@external", "@requires", "@provides", "@cost", "@listSize"]
      )
    ${printSchemaWithDirectives(schema)}
  `;
  const map = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  for (const [typeName, fields] of Object.entries(referenceResolvers)) {
    map[typeName] = { ...(map[typeName] as object), ...(fields as object) };
  }
  return buildSubgraphSchema({ typeDefs, resolvers: map });
}
