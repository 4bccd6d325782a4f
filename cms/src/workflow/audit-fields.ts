/**
 * Which organization fields an audit entry may show values of: exactly the stored fields the
 * public mapper (src/directory/mapper.ts) publishes, each reduced to what it publishes (a
 * confidential location keeps only its city and province). Every other field is confidential:
 * the audit says it changed, never what it held. Protocols are confidential as a whole.
 */
import { PUBLIC_ORGANIZATION_FIELDS as PUBLIC_FIELD_NAMES } from '../directory/mapper';
import { isRecord } from './values';

type Projector = (value: unknown) => unknown;

const same: Projector = (v) => v;

const publicLocations: Projector = (v) =>
  Array.isArray(v)
    ? v.map((loc: unknown) => {
        if (!isRecord(loc)) return loc;
        const confidential = loc.confidential === true;
        return {
          name: confidential ? null : (loc.name ?? null),
          street: confidential ? null : (loc.street ?? null),
          city: loc.city ?? null,
          province: loc.province ?? null,
          postalCode: confidential ? null : (loc.postalCode ?? null),
          confidential,
        };
      })
    : v;

export const PUBLIC_ORGANIZATION_FIELDS: Readonly<Record<string, Projector>> = Object.fromEntries(
  PUBLIC_FIELD_NAMES.map((field) => [field, field === 'locations' ? publicLocations : same]),
);

export type PublicFields = Readonly<Record<string, Projector>>;
export const NO_PUBLIC_FIELDS: PublicFields = {};
