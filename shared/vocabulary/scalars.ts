import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { isIsoDate } from '../pure/dates';

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !isIsoDate(value)) {
    throw new GraphQLError(
      `Ngày không hợp lệ: ${JSON.stringify(value)}; hãy nhập theo dạng YYYY-MM-DD (invalid date)`,
      {
        extensions: { code: 'BAD_USER_INPUT' },
      },
    );
  }
  return value;
}

/** A calendar date without time zone, as YYYY-MM-DD. The same definition in every subgraph. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD (ngày theo lịch, không có múi giờ).',
  serialize(value) {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return parseDate(value);
  },
  parseValue: parseDate,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) return parseDate(undefined);
    return parseDate(ast.value);
  },
});
