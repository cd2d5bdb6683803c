import { validate, type ValidationError } from 'class-validator';
import type { ValidatorFn } from 'type-graphql';
import { BadUserInputError } from './errors.js';

function firstProblem(errors: ValidationError[], prefix = ''): { field: string; message: string } | null {
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const message = error.constraints ? Object.values(error.constraints)[0] : undefined;
    if (message) return { field, message };
    const nested = firstProblem(error.children ?? [], field);
    if (nested) return nested;
  }
  return null;
}

/**
 * NUL (U+0000) cannot be stored in PostgreSQL text and has no place in anything a person
 * writes, so it is refused in every string argument, however deep, before any resolver runs.
 */
function nulPath(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value !== 'object' || depth > 20) return null;
  for (const [key, item] of Object.entries(value)) {
    const found = nulPath(item, Array.isArray(value) ? path : path ? `${path}.${key}` : key, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

/**
 * Runs for every argument of every query, mutation and field resolver: strings must hold no NUL,
 * and class-validator checks input objects; the first failure names its field.
 */
export const validateArgument: ValidatorFn = async (argument, _type, resolverData) => {
  const name = Object.keys(resolverData.args).find((key) => resolverData.args[key] === argument) ?? '';
  const nul = nulPath(argument, name);
  if (nul !== null) throw new BadUserInputError(`${nul || 'text'} must not contain NUL characters`, nul || undefined);
  if (argument === null || typeof argument !== 'object') return;
  const items = Array.isArray(argument) ? argument : [argument];
  for (const item of items) {
    if (item === null || typeof item !== 'object') continue;
    const problem = firstProblem(await validate(item as object, { forbidUnknownValues: false }));
    if (problem) throw new BadUserInputError(problem.message, problem.field);
  }
};
