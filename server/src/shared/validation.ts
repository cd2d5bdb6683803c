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

/** Runs class-validator on every argument and input object; the first failure names its field. */
export const validateArgument: ValidatorFn = async (argument) => {
  if (argument === null || typeof argument !== 'object') return;
  const items = Array.isArray(argument) ? argument : [argument];
  for (const item of items) {
    if (item === null || typeof item !== 'object') continue;
    const problem = firstProblem(await validate(item as object, { forbidUnknownValues: false }));
    if (problem) throw new BadUserInputError(problem.message, problem.field);
  }
};
