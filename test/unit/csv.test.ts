import { readCsv, readCsvRecords } from '../../shared/csv';
import { parsePortalCsv } from '../../scripts/import-portal';

/** The CSV reader (shared/csv.ts, csv-parse underneath) on what Excel and the portal write. */
describe('readCsv', () => {
  it('reads quoted cells holding commas, semicolons, doubled quotes and line breaks', () => {
    const text = 'name,note\n"Thôn 1, xã A","a;b"\n"Nói ""xin chào""","dòng một\ndòng hai"\n';
    expect(readCsv(text)).toEqual({
      header: ['name', 'note'],
      rows: [
        { line: 2, cells: ['Thôn 1, xã A', 'a;b'] },
        { line: 3, cells: ['Nói "xin chào"', 'dòng một\ndòng hai'] },
      ],
    });
  });

  it('drops a byte-order mark and reads Windows line ends', () => {
    expect(readCsv('\uFEFFcode,name\r\n01,Hà Nội\r\n')).toEqual({
      header: ['code', 'name'],
      rows: [{ line: 2, cells: ['01', 'Hà Nội'] }],
    });
  });

  it('takes `;` from a header line that has one (Excel in Vietnamese), `,` otherwise', () => {
    expect(readCsv('code;name\n01;"Hà Nội, thủ đô"\n').rows[0].cells).toEqual(['01', 'Hà Nội, thủ đô']);
    expect(readCsv('code,name\n01,"Hà Nội; thủ đô"\n').rows[0].cells).toEqual(['01', 'Hà Nội; thủ đô']);
    // A `;` inside a quoted header cell does not make the file semicolon-separated.
    expect(readCsv('"a;b",c\n1,2\n').header).toEqual(['a;b', 'c']);
    // Blank lines before the header do not hide it.
    expect(readCsv('\n\ncode;name\n01;x\n').header).toEqual(['code', 'name']);
  });

  it('skips blank rows and counts lines as a clerk does (header = 1, a quoted line break is one row)', () => {
    const text = 'a;b\n\n1;2\n   \n;\n"x\ny";3\n4;5\n';
    expect(readCsv(text).rows).toEqual([
      { line: 2, cells: ['1', '2'] },
      { line: 3, cells: ['x\ny', '3'] },
      { line: 4, cells: ['4', '5'] },
    ]);
  });

  it('keeps a stray quote inside an unquoted cell, and names the row of an unclosed quote', () => {
    expect(readCsv('name\nThôn "Mới"\n').rows[0].cells).toEqual(['Thôn "Mới"']);
    expect(() => readCsv('a,b\n1,2\n3,"x\n')).toThrow(/^dòng 3: tệp CSV sai định dạng/);
  });

  it('reads an empty text as no header and no rows', () => {
    expect(readCsv('')).toEqual({ header: [], rows: [] });
    expect(readCsv('\uFEFF\n\n')).toEqual({ header: [], rows: [] });
  });
});

describe('readCsvRecords', () => {
  it('keys cells by the trimmed header and trims them', () => {
    expect(readCsvRecords(' code ; name \n 01 ;" Hà Nội "\n')).toEqual([{ code: '01', name: 'Hà Nội' }]);
  });

  it('refuses a row with another number of cells, naming its line', () => {
    expect(() => readCsvRecords('a,b\n1,2\n\n3\n')).toThrow(/CSV line 3 has 1 cells, expected 2/);
  });
});

describe('the portal import reads quoted cells', () => {
  it('takes a comma file whose Vietnamese decimals are quoted ("1,53%")', () => {
    const [row] = parsePortalCsv(
      'commune_id,date,learners,officials_registered,residents_registered,officials_percent\n' +
        '"C02949",22/12/2025,"2.500",300,2200,"1,53%"\n',
    );
    expect(row).toMatchObject({ communeId: 'C02949', date: '2025-12-22', learners: 2500, officialsPercent: 1.53 });
  });
});
