/** Typed access to the directory's Strapi services (the registry itself is untyped). */
import type { Core } from '@strapi/strapi';
import type { Projection } from '../catalog/projection';
import type { Forms } from '../api/directory/services/forms';

// Casts kept: strapi.service() returns Strapi's generic service type whatever the UID; these name what ours are.

export const projectionOf = (strapi: Core.Strapi) => strapi.service('api::directory.projection') as unknown as Projection;
export const formsOf = (strapi: Core.Strapi) => strapi.service('api::directory.forms') as unknown as Forms;
