/** A suggestion is closed (resolved or dismissed) only with a note saying what was done. */
import type { FieldProblem } from './problems';
import { text } from './values';

const CLOSED = new Set(['resolved', 'dismissed']);

export function suggestionProblems(status: unknown, resolutionNote: unknown): FieldProblem[] {
  if (typeof status === 'string' && CLOSED.has(status) && !text(resolutionNote)) {
    return [{ path: 'resolutionNote', message: `is required when the suggestion is ${status}` }];
  }
  return [];
}
