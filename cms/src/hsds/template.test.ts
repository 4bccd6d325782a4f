import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTemplateCsv, templateColumns, templateRow } from './template';
import { writeCsv } from './csv';

const row = (values: Record<string, string>): string => {
  const columns = templateColumns();
  const base: Record<string, string> = {
    external_id: 'x-1',
    name_en: 'Harbour House',
    name_fr: 'Maison du Havre',
    description_en: 'Shelter.',
    description_fr: 'Refuge.',
    kind: 'ngo',
    role: 'indirect',
  };
  return writeCsv(columns, [columns.map((c) => values[c] ?? base[c] ?? '')]);
};

test('service_areas_fr gives the French name of each region; an empty cell keeps the English ones', () => {
  const [withFr] = parseTemplateCsv(
    row({ service_areas: 'QC: Montreal, Quebec City; ON', service_areas_fr: 'QC: Montréal, Ville de Québec; ON' }),
  ).records;
  assert.deepEqual(withFr!.record!.serviceAreas, [
    { province: 'QC', regions: ['Montreal', 'Quebec City'], regionsFr: ['Montréal', 'Ville de Québec'] },
    { province: 'ON', regions: [], regionsFr: [] },
  ]);
  const [without] = parseTemplateCsv(row({ service_areas: 'QC: Montreal' })).records;
  assert.deepEqual(without!.record!.serviceAreas, [{ province: 'QC', regions: ['Montreal'], regionsFr: ['Montreal'] }]);
});

test('service_areas_fr that does not match service_areas is refused in that column, in English and French', () => {
  const [bad] = parseTemplateCsv(row({ service_areas: 'QC: Montreal, Laval', service_areas_fr: 'QC: Montréal' })).records;
  const problem = bad!.problems.find((p) => p.column === 'service_areas_fr');
  assert.ok(problem, JSON.stringify(bad!.problems));
  assert.match(problem.message, /one French name per region/);
  assert.match(problem.message, /un nom français par région/);
});

test('a record written as a template row reads back with its French region names', () => {
  const [r] = parseTemplateCsv(row({ service_areas: 'BC: Metro Vancouver', service_areas_fr: 'BC: Grand Vancouver' })).records;
  const columns = templateColumns();
  const [again] = parseTemplateCsv(writeCsv(columns, [templateRow(r!.record!, columns)])).records;
  assert.deepEqual(again!.record!.serviceAreas, [{ province: 'BC', regions: ['Metro Vancouver'], regionsFr: ['Grand Vancouver'] }]);
});
