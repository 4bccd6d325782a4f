/**
 * The admin's "provinces" field: a list of province and territory codes (an application's
 * provinces, stored as JSON as the public form sends them), edited as a multiple choice labelled
 * in the admin's language instead of raw JSON. Registered on the server here (a custom field of
 * type json, so nothing about the stored data changes) and in the admin by src/admin/app.tsx with
 * src/admin/components/ProvincesInput.tsx.
 */
import type { Core } from '@strapi/strapi';

export const PROVINCES_FIELD = { name: 'provinces', type: 'json' } as const;

export function registerProvincesField(strapi: Core.Strapi): void {
  strapi.customFields.register({ ...PROVINCES_FIELD, inputSize: { default: 12, isResizable: false } });
}
