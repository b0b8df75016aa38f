// Just enough XML for SpreadsheetML parts: entity decoding, attributes, and tag scanning tolerant of prefixes.

// A Map, not an object literal: '&constructor;' or '&__proto__;' must find nothing, not Object.prototype's members.
const NAMED = new Map<string, string>([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
]);

/**
 * Decode XML entities and Excel's _xHHHH_ escapes (a raw CR is stored as _x000D_).
 * A hand-written scan: Vietnamese text written by openpyxl is mostly numeric entities (&#7879;), and a regex
 * replace with a callback per entity was the reader's hottest spot.
 * @example decodeXml('A &amp; B_x000D_') // 'A & B\r'
 */
export function decodeXml(raw: string): string {
  // XML end-of-line handling: a literal CR LF or lone CR in the text is a line feed; &#13; and _x000D_ stay CRs.
  let s = raw.indexOf('\r') >= 0 ? raw.replace(/\r\n?/g, '\n') : raw;
  if (s.indexOf('&') >= 0) {
    let out = '';
    let last = 0;
    // The next ';' is looked up again only once passed: a text of many '&' and no ';' stays one linear scan.
    let semi = -1;
    for (let i = s.indexOf('&'); i >= 0; i = s.indexOf('&', i + 1)) {
      if (semi < i) semi = s.indexOf(';', i);
      if (semi < 0) break;
      if (semi - i > 10) continue;
      const name = s.slice(i + 1, semi);
      let ch: string | undefined;
      if (name.charCodeAt(0) === 35 /* # */) {
        const code = name.charCodeAt(1) === 120 /* x */ ? parseInt(name.slice(2), 16) : Number(name.slice(1));
        if (Number.isInteger(code) && code >= 0 && code <= 0x10ffff) ch = String.fromCodePoint(code);
      } else ch = NAMED.get(name);
      if (ch === undefined) continue;
      out += s.slice(last, i) + ch;
      last = semi + 1;
      i = semi;
    }
    s = out + s.slice(last);
  }
  if (s.indexOf('_x') >= 0) s = s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  return s;
}

/**
 * The value of attribute `name` in a start tag's text, decoded; undefined when absent.
 * @example attr('<c r="B5" t="s">', 'r') // 'B5'
 */
export function attr(tag: string, name: string): string | undefined {
  const i = tag.indexOf(` ${name}="`);
  if (i < 0) return undefined;
  const start = i + name.length + 3;
  const end = tag.indexOf('"', start);
  return end < 0 ? undefined : decodeXml(tag.slice(start, end));
}

/**
 * The fragment cut just after the last closing tag `</name>` (any prefix), '' when there is none. Lazy patterns such
 * as `<row…>([\s\S]*?)</row>` scan to the end of the text for every opening that is never closed: a few KB of
 * zipped `<row>` would cost minutes. Cut here, every opening before the cut finds a close, and the scan stays linear.
 * @example closedThrough('<row><c/></row><row>', 'row') // '<row><c/></row>'
 */
export function closedThrough(xml: string, name: string): string {
  const needle = `${name}>`;
  for (let i = xml.lastIndexOf(needle); i > 0; i = xml.lastIndexOf(needle, i - 1)) {
    let j = i - 1;
    if (xml.charCodeAt(j) === 58 /* : */) {
      while (j > 0 && /[\w.-]/.test(xml[j - 1]!)) j--;
      j--;
    }
    if (xml.charCodeAt(j) === 47 /* / */ && xml.charCodeAt(j - 1) === 60 /* < */) return xml.slice(0, i + needle.length);
  }
  return '';
}

/** A regex source matching an element name with an optional namespace prefix ("c", "x:c"). */
export function el(name: string): string {
  return `(?:[A-Za-z_][\\w.-]*:)?${name}`;
}

// Attributes never hold a raw '<' in XML: `[^<>]*` stops at the next tag instead of scanning the rest of the part.
const T_ELEMENT = new RegExp(`<${el('t')}(?:\\s[^<>]*)?>([\\s\\S]*?)</${el('t')}>|<${el('t')}(?:\\s[^<>]*)?/>`, 'g');

/** The concatenated text of every <t> element in a fragment (rich text runs, inline strings), decoded. */
export function textOf(fragment: string): string {
  // The common case, one plain <t>…</t>, needs no regex at all.
  if (fragment.startsWith('<t>') && fragment.endsWith('</t>') && fragment.indexOf('<', 3) === fragment.length - 4)
    return decodeXml(fragment.slice(3, -4));
  let out = '';
  const closed = closedThrough(fragment, 't');
  T_ELEMENT.lastIndex = 0;
  for (let m = T_ELEMENT.exec(closed); m; m = T_ELEMENT.exec(closed)) if (m[1] !== undefined) out += decodeXml(m[1]);
  return out;
}
