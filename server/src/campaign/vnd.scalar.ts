import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/** The largest value of a PostgreSQL bigint. */
export const MAX_VND = 9_223_372_036_854_775_807n;
const DIGITS = /^(0|[1-9]\d{0,18})$/;

function parse(value: unknown): bigint {
  const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
  if (typeof text !== 'string' || !DIGITS.test(text) || BigInt(text) > MAX_VND) {
    throw new GraphQLError('Vnd must be a whole number of đồng from 0 to 9223372036854775807, written as a string.');
  }
  return BigInt(text);
}

/**
 * Money in Vietnamese đồng, exact to the đồng: a decimal string on the wire (JSON numbers lose
 * precision beyond 2^53), a bigint in the server, a bigint column in PostgreSQL.
 */
export const VndScalar = new GraphQLScalarType<bigint, string>({
  name: 'Vnd',
  description:
    'An amount of Vietnamese đồng (VND), a whole number from 0 sent as a decimal string such as "4300000000", exact to the đồng.',
  serialize(value) {
    if (typeof value === 'bigint') return value.toString();
    if (typeof value === 'string' && DIGITS.test(value)) return value;
    if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
    throw new GraphQLError('Vnd cannot represent this value.');
  },
  parseValue: parse,
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT) return parse(ast.value);
    throw new GraphQLError('Vnd must be a string of digits.', { nodes: ast });
  },
});
