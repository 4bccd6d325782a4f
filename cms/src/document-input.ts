/**
 * Data for the Document Service's `create` and `update`, typed for the content type it is written to.
 */
import type { Modules, UID } from '@strapi/strapi';

export type DocumentInput<T extends UID.ContentType> = Modules.Documents.Params.Data.Input<T>;

/**
 * The one cast from plain data to Strapi's input type, kept here so that no caller needs its own.
 * Strapi's generated input types omit `null` (which is how a field is cleared) and type each
 * enumeration as its literal union, while the data written by the seed, the import and the workflow
 * carries nulls and strings checked at run time (our validators, then the Document Service's own).
 */
export function documentInput<T extends UID.ContentType>(_uid: T, data: object): DocumentInput<T> {
  return data as DocumentInput<T>;
}
