import { GraphQLError } from 'graphql';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { BadUserInputError, formatError, NotFoundError } from '../../server/src/shared/errors.js';

function capturingLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const log = pino(
    { level: 'info' },
    { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) },
  );
  return { log, lines };
}

const located = (original: Error) => new GraphQLError(original.message, { path: ['thread'], originalError: original });

describe('formatError', () => {
  it('masks an unexpected error, keeps its path, and logs it with the request id', () => {
    const { log, lines } = capturingLogger();
    const error = located(new Error('connect ECONNREFUSED 10.0.0.5:5432'));
    const shown = formatError(error.toJSON(), error, log, 'req-42');
    expect(shown).toEqual({
      message: 'Internal server error.',
      path: ['thread'],
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-42' },
    });
    expect(JSON.stringify(shown)).not.toContain('ECONNREFUSED');
    expect(lines[0]).toMatchObject({ requestId: 'req-42', msg: 'unexpected error' });
    expect(JSON.stringify(lines[0])).toContain('ECONNREFUSED');
  });

  it('passes the errors the server raises on purpose, with their code and field', () => {
    const { log, lines } = capturingLogger();
    const error = located(new BadUserInputError('title must not be empty', 'title'));
    expect(formatError(error.toJSON(), error, log)).toMatchObject({
      message: 'title must not be empty',
      extensions: { code: 'BAD_USER_INPUT', field: 'title' },
    });
    const missing = located(new NotFoundError('Thread'));
    expect(formatError(missing.toJSON(), missing, log).extensions).toEqual({ code: 'NOT_FOUND' });
    expect(lines).toEqual([]);
  });
});
