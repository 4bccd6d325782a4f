// Runtime checks of the parts of each response that callers rely on, not full schemas:
// small enough for the bundle budget, strict enough that a proxy's HTML page or a contract
// drift fails with a clear message instead of `undefined is not iterable` deep in a UI.
import type { FacetsResponse, OrganizationList, OrganizationResponse, SettingsResponse, SubmissionReceipt } from '../types.js';

/** Throws a `TypeError` describing the first problem unless `body` has the shape of `T`. */
export type Assert<T> = (body: unknown) => asserts body is T;

type Json = { [key: string]: unknown };

export const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function fail(path: string, expected: string): never {
  throw new TypeError(`${path} is not ${expected}`);
}

function object(value: unknown, path: string): Json {
  return isObject(value) ? value : fail(path, 'an object');
}

function fields(value: unknown, path: string, type: string, keys: string[]): Json {
  const o = object(value, path);
  for (const key of keys) if (typeof o[key] !== type) fail(`${path}.${key}`, `a ${type}`);
  return o;
}

const data = (body: unknown) => object(body, 'body').data;

/** A `{ data: T[], meta: PageMeta }` page whose records have the string `keys`. */
export function listOf<T>(keys: string[]): Assert<T> {
  return (body: unknown): asserts body is T => {
    const list = data(body);
    if (!Array.isArray(list)) fail('data', 'an array');
    list.forEach((record, i) => fields(record, `data[${i}]`, 'string', keys));
    fields(object(body, 'body').meta, 'meta', 'number', ['page', 'pageSize', 'total', 'pageCount']);
  };
}

/** A `{ data: T }` answer whose record has the string `keys`. */
export function oneOf<T>(keys: string[]): Assert<T> {
  return (body: unknown): asserts body is T => {
    fields(data(body), 'data', 'string', keys);
  };
}

export const assertOrganizationList: Assert<OrganizationList> = listOf(['slug', 'name']);
export const assertOrganization: Assert<OrganizationResponse> = oneOf(['slug', 'name']);
export const assertReceipt: Assert<SubmissionReceipt> = oneOf(['reference']);

export const assertFacets: Assert<FacetsResponse> = (body) => {
  for (const [key, values] of Object.entries(object(data(body), 'data'))) {
    if (!Array.isArray(values)) fail(`data.${key}`, 'an array');
  }
};

export const assertSettings: Assert<SettingsResponse> = (body) => {
  fields(object(data(body), 'data').hotline, 'data.hotline', 'string', ['phone']);
};
