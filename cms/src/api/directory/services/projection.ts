/** The Strapi service of the in-memory catalog; the catalog itself lives in src/catalog. */
export { default } from '../../../catalog/projection';
