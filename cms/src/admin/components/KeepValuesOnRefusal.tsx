// A refused save must keep what the editor entered. On a refusal the content manager (5.54) shows
// the field errors, but the document it then re-fetches resets the form to the stored values
// (e.g. "removed" falls back to "active"). This watcher remembers the editor's values and puts
// them back when the form is reset while the server's field errors are shown.
// It runs as a header action that shows nothing: the header is always inside the edit form,
// whereas side panels move into a drawer on narrow screens.
import { useEffect, useRef } from 'react';
import type { HeaderActionComponent } from '@strapi/content-manager/strapi-admin';
import { useForm } from '@strapi/strapi/admin';

type Values = Record<string, unknown>;

/** How long after the errors appear a reset counts as the re-fetch that follows the refusal. */
const REFUSAL_WINDOW_MS = 5_000;

function useKeepValuesOnRefusal(): void {
  const values = useForm('KeepValuesOnRefusal', (s) => s.values as Values);
  const errors = useForm('KeepValuesOnRefusal', (s) => s.errors as Values);
  const modified = useForm('KeepValuesOnRefusal', (s) => s.modified);
  const setValues = useForm('KeepValuesOnRefusal', (s) => s.setValues);
  const edited = useRef<Values | null>(null);
  const erroredAt = useRef(0);
  const hasErrors = Object.keys(errors ?? {}).length > 0;

  useEffect(() => {
    if (modified) edited.current = values;
  }, [modified, values]);

  useEffect(() => {
    if (hasErrors && erroredAt.current === 0) erroredAt.current = Date.now();
    if (!hasErrors) erroredAt.current = 0;
  }, [hasErrors]);

  useEffect(() => {
    const kept = edited.current;
    if (!hasErrors || modified || !kept || Date.now() - erroredAt.current > REFUSAL_WINDOW_MS) return;
    setValues(kept);
  }, [hasErrors, modified, setValues]);
}

// Header actions are rendered as components: hooks are allowed.
export const KeepValuesOnRefusal: HeaderActionComponent = () => {
  useKeepValuesOnRefusal();
  return null;
};
