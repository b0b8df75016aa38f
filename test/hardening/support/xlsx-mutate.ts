// Mutations of real workbooks for property tests: bytes flipped, cut, repeated; XML inside the zip cut or salted.
import fc from 'fast-check';
import { strToU8, unzipSync, zipSync } from 'fflate';

/** Pieces of SpreadsheetML that readers get wrong: bad references, out-of-range indexes, odd entities, odd values. */
export const SNIPPETS = [
  '<row r="0">',
  '<row r="-3"><c r="A1"><v>1</v></c></row>',
  '<row r="1.5"><c><v>2</v></c></row>',
  '<row r="abc"><c r="A2"><v>x</v></c></row>',
  '<c r="A0"><v>1</v></c>',
  '<c r="XFD1"><v>1</v></c>',
  '<c r="ZZZZ9"><v>1</v></c>',
  '<c t="s"><v>-1</v></c>',
  '<c t="s"><v>1e9</v></c>',
  '<c t="d"><v>not a date</v></c>',
  '<c t="d"><v>+275760-09-13</v></c>',
  '<c s="999999"><v>1e308</v></c>',
  '<c s="-1"><v>NaN</v></c>',
  '<c t="b"><v>2</v></c>',
  '<c t="e"><v>#REF!</v></c>',
  '<c t="inlineStr"><is><r><t>a</t></r><r><t>',
  '<c t="str"><v>&#xFFFFFF;&#0;&#xD800;_xD800_</v></c>',
  '<![CDATA[<row>]]>',
  '<!-- <row> -->',
  '<?xml version="1.0"?>',
  ']]>',
  '<mergeCell ref="B5:A1"/>',
  '<mergeCell ref="A0:A0"/>',
  '<mergeCell ref="A1:XFD1048576"/>',
  '<sheet name="x" r:id="rId1"/>',
  '<sheet name="&lt;" sheetId="9" r:id="rId999"/>',
  '<Relationship Id="rId1" Type="x/worksheet" Target="../../../../etc/passwd"/>',
  '<si/>',
  '<numFmt numFmtId="14" formatCode="yyyy"/>',
  '<xf numFmtId="14" fontId="99999"/>',
  '\u0000',
  '\uFFFE',
  '\uD800',
  'µ§¶·¸¹º»¼½¾',
  'Céng hoµ x· héi',
];

/** What can be done to a byte string (positions as fractions of its length, so they fit any file). */
export type ByteOp =
  | { op: 'flip'; at: number; xor: number }
  | { op: 'truncate'; at: number }
  | { op: 'repeat'; at: number; len: number }
  | { op: 'zero'; at: number; len: number };

/** One byte operation at a random place. */
export const byteOpArb: fc.Arbitrary<ByteOp> = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), xor: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ op: fc.constant('repeat' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), len: fc.integer({ min: 1, max: 4096 }) }),
  fc.record({ op: fc.constant('zero' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), len: fc.integer({ min: 1, max: 512 }) }),
);

/**
 * Apply byte operations in order to a copy.
 * @example mutateBytes(bytes, [{ op: 'truncate', at: 0.5 }]).length // half the file
 */
export function mutateBytes(bytes: Uint8Array, ops: ByteOp[]): Uint8Array {
  let b: Uint8Array = bytes.slice();
  for (const o of ops) {
    const at = Math.min(b.length, Math.floor(o.at * b.length));
    if (o.op === 'flip' && at < b.length) b[at]! ^= o.xor;
    else if (o.op === 'truncate') b = b.slice(0, at);
    else if (o.op === 'repeat') b = concat(b.subarray(0, at), b.subarray(at, at + o.len), b.subarray(at));
    else if (o.op === 'zero') b.fill(0, at, at + o.len);
  }
  return b;
}

/** What can be done to the text of one part inside the zip. */
export type XmlOp =
  | { op: 'cut'; at: number }
  | { op: 'delete'; at: number; len: number }
  | { op: 'repeat'; at: number; len: number; times: number }
  | { op: 'insert'; at: number; snippet: string }
  | { op: 'number'; nth: number; value: string };

/** One XML operation: cut, delete, repeat, insert a snippet (or random bytes), or replace the n-th number. */
export const xmlOpArb: fc.Arbitrary<XmlOp> = fc.oneof(
  fc.record({ op: fc.constant('cut' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), len: fc.integer({ min: 1, max: 300 }) }),
  fc.record({
    op: fc.constant('repeat' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    len: fc.integer({ min: 1, max: 200 }),
    times: fc.integer({ min: 2, max: 50 }),
  }),
  fc.record({
    op: fc.constant('insert' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    snippet: fc.oneof(fc.constantFrom(...SNIPPETS), fc.string({ unit: 'binary', maxLength: 40 })),
  }),
  fc.record({
    op: fc.constant('number' as const),
    nth: fc.nat(400),
    value: fc.constantFrom('0', '-1', '4294967296', '1e309', 'NaN', '99999999999999999999', '1048577', '16385', ''),
  }),
);

/**
 * Apply XML operations to one part of a zipped workbook and zip it again (the part is created when missing).
 * @example mutatePart(bytes, 'xl/workbook.xml', [{ op: 'cut', at: 0.5 }])
 */
export function mutatePart(zip: Uint8Array, part: string, ops: XmlOp[]): Uint8Array {
  const parts = unzipSync(zip);
  let xml = parts[part] ? new TextDecoder().decode(parts[part]) : '';
  for (const o of ops) {
    const at = 'at' in o ? Math.floor(o.at * xml.length) : 0;
    if (o.op === 'cut') xml = xml.slice(0, at);
    else if (o.op === 'delete') xml = xml.slice(0, at) + xml.slice(at + o.len);
    else if (o.op === 'repeat') xml = xml.slice(0, at) + xml.slice(at, at + o.len).repeat(o.times) + xml.slice(at);
    else if (o.op === 'insert') xml = xml.slice(0, at) + o.snippet + xml.slice(at);
    else {
      let n = 0;
      xml = xml.replace(/\d+/g, (d) => (n++ === o.nth ? o.value : d));
    }
  }
  return zipSync({ ...parts, [part]: strToU8(xml) });
}

function concat(...chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let p = 0;
  for (const c of chunks) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}
