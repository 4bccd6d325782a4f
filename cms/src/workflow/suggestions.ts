/** A suggestion is closed (resolved or dismissed) only with a note saying what was done. */
import { requiredField, type FieldProblem } from './problems';
import { text } from './values';
import { SUGGESTION } from '../content-types';

const CLOSED = new Set(['resolved', 'dismissed']);

export function suggestionProblems(status: unknown, resolutionNote: unknown): FieldProblem[] {
  if (typeof status === 'string' && CLOSED.has(status) && !text(resolutionNote)) {
    const because =
      status === 'resolved'
        ? { en: 'to resolve a suggestion', fr: 'pour marquer une demande comme traitée' }
        : { en: 'to dismiss a suggestion', fr: 'pour écarter une demande' };
    return [requiredField(SUGGESTION, 'resolutionNote', { en: 'Say what was done', fr: 'Indiquez ce qui a été fait' }, because)];
  }
  return [];
}
