/**
 * Rule violations, and the Strapi error that carries them to the admin: a ValidationError whose
 * `details.errors[].path` names the field, which the content manager shows under that field. The
 * admin shows the message as it is, so it is written in the editor's language and names the field
 * by the label the editor sees.
 */
import { errors } from '@strapi/utils';
import { FIELD_LABELS, type Label } from './field-labels';
import type { AdminLanguage } from './language';

export interface FieldProblem {
  path: string;
  message: Label;
}

export interface AdminFieldError {
  path: string[];
  message: string;
  name: 'ValidationError';
  value: null;
}

/** "Indicate the removal reason: “Removal reason” is required to remove a listing." in both languages. */
export function requiredField(uid: string, field: string, ask: Label, because: Label): FieldProblem {
  const label = FIELD_LABELS[uid]?.[field] ?? { en: field, fr: field };
  return {
    path: field,
    message: {
      en: `${ask.en}: “${label.en}” is required ${because.en}.`,
      fr: `${ask.fr} : « ${label.fr} » est obligatoire ${because.fr}.`,
    },
  };
}

export function validationError(
  problems: readonly FieldProblem[],
  language: AdminLanguage = 'en',
): errors.ValidationError<string, { errors: AdminFieldError[] }> {
  const message = problems.map((p) => p.message[language]).join(' ');
  return new errors.ValidationError(message, {
    errors: problems.map((p) => ({ path: p.path.split('.'), message: p.message[language], name: 'ValidationError' as const, value: null })),
  });
}

/** Throws when there is anything to report; nothing is written then. */
export function assertNoProblems(problems: readonly FieldProblem[], language: AdminLanguage = 'en'): void {
  if (problems.length > 0) throw validationError(problems, language);
}
