/**
 * Rule violations, and the Strapi error that carries them to the admin: a ValidationError whose
 * `details.errors[].path` names the field, which the content manager shows under that field.
 */
import { errors } from '@strapi/utils';

export interface FieldProblem { path: string; message: string }

export interface AdminFieldError { path: string[]; message: string; name: 'ValidationError'; value: null }

export function validationError(problems: readonly FieldProblem[]): errors.ValidationError<string, { errors: AdminFieldError[] }> {
  const message = problems.map((p) => `${p.path} ${p.message}`).join('; ');
  return new errors.ValidationError(message, {
    errors: problems.map((p) => ({ path: p.path.split('.'), message: p.message, name: 'ValidationError' as const, value: null })),
  });
}

/** Throws when there is anything to report; nothing is written then. */
export function assertNoProblems(problems: readonly FieldProblem[]): void {
  if (problems.length > 0) throw validationError(problems);
}
