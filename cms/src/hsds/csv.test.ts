import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvField, csvObjects, CsvSyntaxError, parseCsv, writeCsv } from './csv';
import { decodeFile, detectDelimiter } from './encoding';

const cellsOf = (text: string, delimiter?: ',' | ';' | '\t') => parseCsv(text, delimiter).map((r) => r.cells);

test('writes RFC 4180: CRLF, quotes doubled, fields with commas, line breaks or edge spaces quoted', () => {
  assert.equal(
    writeCsv(
      ['a', 'b'],
      [
        ['x, y', 'say "hi"'],
        ['line 1\nline 2', ' padded'],
      ],
    ),
    'a,b\r\n"x, y","say ""hi"""\r\n"line 1\nline 2"," padded"\r\n',
  );
  assert.equal(csvField('plain'), 'plain');
});

test('the formula guard is on only when asked (exports for spreadsheets, not the HSDS package)', () => {
  assert.equal(writeCsv(['phone'], [['+1-514-555-0100']]), 'phone\r\n+1-514-555-0100\r\n');
  assert.equal(writeCsv(['phone'], [['+1-514-555-0100']], { formulaGuard: true }), "phone\r\n'+1-514-555-0100\r\n");
  assert.equal(csvField('=1,2', { formulaGuard: true }), `"'=1,2"`);
});

test('reads back what it writes, whatever the cells hold', () => {
  const rows = [
    ['Réseau « Point-virgule »; Québec', 'a\r\nb', '"quoted"', ''],
    ['  ', ',', ';', '\t'],
  ];
  assert.deepEqual(cellsOf(writeCsv(['h1', 'h2', 'h3', 'h4'], rows)).slice(1), rows);
});

test('a UTF-8 byte-order mark and LF-only line ends are what spreadsheets save', () => {
  assert.deepEqual(cellsOf('\uFEFFname,city\nA,Montréal\n'), [
    ['name', 'city'],
    ['A', 'Montréal'],
  ]);
});

test('semicolon- and tab-separated files (French-locale Excel) read the same once the delimiter is found', () => {
  const semi = 'name;city\r\n"Réseau; Québec";Montréal\r\n';
  assert.equal(detectDelimiter(semi), ';');
  assert.deepEqual(cellsOf(semi, ';'), [
    ['name', 'city'],
    ['Réseau; Québec', 'Montréal'],
  ]);
  const tab = 'name\tcity\nA\tB\n';
  assert.equal(detectDelimiter(tab), '\t');
  assert.deepEqual(csvObjects(tab, '\t').rows[0]!.values, { name: 'A', city: 'B' });
});

test('a Windows-1252 file is read as such and said so; one that is not is refused in English and French', () => {
  const bytes = Buffer.from([...Buffer.from('name;city\r\nR'), 0xe9, ...Buffer.from('seau;Qu'), 0xe9, ...Buffer.from('bec\r\n')]);
  const decoded = decodeFile(bytes, 'csv');
  assert.equal(decoded.encoding, 'windows-1252');
  assert.match(decoded.warning ?? '', /Windows-1252/);
  assert.deepEqual(cellsOf(decoded.text, detectDelimiter(decoded.text))[1], ['Réseau', 'Québec']);
  const undefinedByte = decodeFile(Buffer.from([0x61, 0x81, 0x0a]), 'csv');
  assert.match(undefinedByte.problem ?? '', /neither UTF-8 nor Windows-1252/);
  assert.match(undefinedByte.problem ?? '', /enregistrez-le de nouveau/);
});

test('rows are numbered as a spreadsheet numbers them, blank lines and multi-line cells included', () => {
  const records = parseCsv('h\r\n"two\nlines"\r\n\r\nfour\n');
  assert.deepEqual(
    records.map((r) => r.row),
    [1, 2, 4],
  );
});

test('a malformed quote is refused with its row and column', () => {
  const at = (text: string) => {
    try {
      parseCsv(text);
    } catch (e) {
      if (e instanceof CsvSyntaxError) return [e.row, e.column, e.message];
      throw e;
    }
    return null;
  };
  assert.deepEqual(at('a,b\n\n1,x"y\n'), [
    3,
    2,
    'row 3, column 2: a quote inside an unquoted field (quote the field and double the quote)',
  ]);
  assert.deepEqual(at('a,b\n1,"open\n'), [2, 2, 'row 2, column 2: a quoted field is not closed']);
  assert.deepEqual(at('a,b\n"x"y,z\n'), [2, 1, 'row 2, column 1: unexpected text after a closing quote']);
});
