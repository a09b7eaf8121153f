// The parts of an .xlsx that reading its first sheet needs, taken out of the zip under a size bound, so a zip bomb
// is refused instead of inflated. The central directory's declared sizes are checked before anything is inflated;
// the bytes are then counted as they inflate, so a header that understates a size is caught too. What comes out is
// a fresh uncompressed zip of only those parts, in the order ExcelJS's streaming reader wants (workbook and shared
// strings before the sheet, so it never spools the sheet to a temp file), and the reader never sees the original
// bytes: a zip whose local headers say something other than its central directory cannot slip a part past the count.
import { posix } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import JSZip from 'jszip';
import { fromBufferPromise, type Entry, type ZipFile } from 'yauzl';
import { SheetRefused } from './sheet-rows.js';

export interface ZipLimits {
  /** entries in the central directory */
  entries: number;
  /** declared uncompressed bytes of all entries together, and inflated bytes of the parts read */
  inflatedBytes: number;
}

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const STYLES = 'xl/styles.xml';
const SHARED_STRINGS = 'xl/sharedStrings.xml';
/** The name ExcelJS's streaming reader recognises a worksheet by; the first sheet is stored under it. */
const FIRST_SHEET = 'xl/worksheets/sheet1.xml';
const EMPTY_SHARED_STRINGS = '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>';

// Entities are not expanded: these parts never need them, and expansion is how XML bombs grow.
const xml = new XMLParser({
  ignoreAttributes: false,
  removeNSPrefix: true,
  processEntities: false,
  isArray: (name) => name === 'sheet' || name === 'Relationship',
});

/** A zip holding just the workbook, its relations, styles, shared strings and first sheet, uncompressed. */
export async function firstSheetWorkbook(file: Buffer, limits: ZipLimits): Promise<Buffer> {
  const zip = await fromBufferPromise(file, { autoClose: false, validateEntrySizes: false }).catch(() => {
    throw new SheetRefused('unreadable');
  });
  try {
    const entries = await centralDirectory(zip, limits);
    const budget = { left: limits.inflatedBytes };
    const read = (name: string) => {
      const entry = entries.get(name);
      return entry ? inflate(zip, entry, budget) : undefined;
    };
    const workbook = await read(WORKBOOK);
    const rels = await read(WORKBOOK_RELS);
    if (!workbook || !rels) throw new SheetRefused('unreadable');
    const sheet = await read(firstSheetPath(workbook, rels));
    if (!sheet) throw new SheetRefused('unreadable');
    const out = new JSZip();
    out.file(WORKBOOK_RELS, rels);
    out.file(WORKBOOK, workbook);
    const styles = await read(STYLES);
    if (styles) out.file(STYLES, styles);
    out.file(SHARED_STRINGS, (await read(SHARED_STRINGS)) ?? EMPTY_SHARED_STRINGS);
    out.file(FIRST_SHEET, sheet);
    return await out.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
  } finally {
    zip.close();
  }
}

/** Entries by name, refused from the declared figures alone when there are too many or they inflate too far. */
async function centralDirectory(zip: ZipFile, limits: ZipLimits): Promise<Map<string, Entry>> {
  if (zip.entryCount > limits.entries) throw new SheetRefused('too_large');
  const entries = new Map<string, Entry>();
  let declared = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      declared += entry.uncompressedSize;
      if (declared > limits.inflatedBytes) throw new SheetRefused('too_large');
      entries.set(entry.fileName, entry);
    }
  } catch (err) {
    throw err instanceof SheetRefused ? err : new SheetRefused('unreadable');
  }
  return entries;
}

/**
 * One part, inflated while counting: more bytes than its header declared is a lying header (refused as too large,
 * the moment it shows, not after inflating the rest); fewer, or a broken stream, is a damaged file. yauzl's own
 * size check is off so that the two cases can be told apart here.
 */
async function inflate(zip: ZipFile, entry: Entry, budget: { left: number }): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    const stream = await zip.openReadStreamPromise(entry);
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > entry.uncompressedSize || size > budget.left) throw new SheetRefused('too_large');
        chunks.push(chunk);
      }
    } finally {
      stream.destroy();
    }
  } catch (err) {
    throw err instanceof SheetRefused ? err : new SheetRefused('unreadable');
  }
  if (size !== entry.uncompressedSize) throw new SheetRefused('unreadable');
  budget.left -= size;
  return Buffer.concat(chunks);
}

/** The zip path of the workbook's first sheet (its tab order, as Excel shows it), from the workbook's relations. */
function firstSheetPath(workbook: Buffer, rels: Buffer): string {
  try {
    const rid = xml.parse(workbook).workbook.sheets.sheet[0]['@_id'];
    const relations: Record<string, string>[] = xml.parse(rels).Relationships.Relationship;
    const target = relations.find((r) => r['@_Id'] === rid)?.['@_Target'];
    if (typeof target !== 'string') throw new SheetRefused('unreadable');
    return target.startsWith('/') ? target.slice(1) : posix.normalize(`xl/${target}`);
  } catch {
    throw new SheetRefused('unreadable');
  }
}
