// .xlsx files made in the test instead of committed binaries: the smallest workbook around a given sheet XML (so a
// test can build a zip bomb of any size), sheet XML for given rows, and a copy whose zip headers understate how big
// the sheet inflates (a lying header).
import JSZip from 'jszip';

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DOC_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

export const SHEET_PATH = 'xl/worksheets/sheet1.xml';

/** A one-sheet workbook whose sheet is `sheetXml` (the whole worksheet document, or its parts to be joined). */
export async function xlsxWithSheet(sheetXml: string | string[]): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>` +
      `<Override PartName="/${SHEET_PATH}" ContentType="${CT}.worksheet+xml"/></Types>`,
  );
  const relation = (type: string, target: string) =>
    `${XML}<Relationships xmlns="${REL}">` +
    `<Relationship Id="rId1" Type="${DOC_REL}/${type}" Target="${target}"/></Relationships>`;
  zip.file('_rels/.rels', relation('officeDocument', 'xl/workbook.xml'));
  zip.file(
    'xl/workbook.xml',
    `${XML}<workbook xmlns="${MAIN}" xmlns:r="${DOC_REL}">` +
      `<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  zip.file('xl/_rels/workbook.xml.rels', relation('worksheet', 'worksheets/sheet1.xml'));
  zip.file(SHEET_PATH, Array.isArray(sheetXml) ? sheetXml.join('') : sheetXml);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const column = (index: number) => String.fromCharCode(65 + index);

/** A worksheet with these rows as inline-string cells, addressed the way Excel writes them (r="A1"). */
export function sheetXml(rows: Iterable<string[]>): string[] {
  const parts = [`${XML}<worksheet xmlns="${MAIN}"><sheetData>`];
  let r = 0;
  for (const cells of rows) {
    r++;
    const cs = cells.map((text, i) => `<c r="${column(i)}${r}" t="inlineStr"><is><t>${escape(text)}</t></is></c>`);
    parts.push(`<row r="${r}">${cs.join('')}</row>`);
  }
  parts.push('</sheetData></worksheet>');
  return parts;
}

/**
 * The same zip with the named entry's uncompressed size rewritten to `size` in both its central-directory record
 * and its local header (JSZip writes sizes in the local header, no data descriptors). Walks the real structure
 * (end record → central directory → local header) rather than searching for signatures inside compressed data.
 */
export function understateSize(zip: Buffer, entryName: string, size: number): Buffer {
  const out = Buffer.from(zip);
  const end = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const entries = out.readUInt16LE(end + 10);
  let at = out.readUInt32LE(end + 16);
  for (let i = 0; i < entries; i++) {
    const nameLength = out.readUInt16LE(at + 28);
    const next = at + 46 + nameLength + out.readUInt16LE(at + 30) + out.readUInt16LE(at + 32);
    if (out.toString('utf8', at + 46, at + 46 + nameLength) === entryName) {
      out.writeUInt32LE(size, at + 24);
      out.writeUInt32LE(size, out.readUInt32LE(at + 42) + 22);
      return out;
    }
    at = next;
  }
  throw new Error(`no entry ${entryName}`);
}
