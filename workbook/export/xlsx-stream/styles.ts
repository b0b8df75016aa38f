// Cell styles of a streamed workbook: a handful of looks registered once, written as styles.xml at the end.
import { xmlText } from './xml.ts';

export interface CellStyle {
  font?: { name: string; size: number; bold?: boolean; italic?: boolean; underline?: boolean };
  horizontal?: 'left' | 'center' | 'right';
  vertical?: 'top' | 'middle';
  wrap?: boolean;
  /** Thin border on all four sides. */
  border?: boolean;
  numFmt?: string;
}

/** Registers styles (index 0 is Excel's default) and renders styles.xml. */
export class StyleSheet {
  // The default font is Times New Roman 11: its digit is 7 px wide as Calibri's is, so column widths keep their size,
  // and LibreOffice measures columns with the same metrics (Liberation Serif) as Excel does where Calibri is absent.
  private readonly fonts: string[] = ['<font><sz val="11"/><name val="Times New Roman"/><family val="1"/></font>'];
  private readonly numFmts: string[] = [];
  private readonly xfs: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly ids = new Map<string, number>();

  /**
   * The style index for a look (the same look, the same index).
   * @example const bold = sheet.add({ font: { name: 'Times New Roman', size: 12, bold: true }, border: true })
   */
  add(s: CellStyle): number {
    const key = JSON.stringify(s);
    const known = this.ids.get(key);
    if (known !== undefined) return known;
    let fontId = 0;
    if (s.font) {
      const xml = `<font>${s.font.bold ? '<b/>' : ''}${s.font.italic ? '<i/>' : ''}${s.font.underline ? '<u/>' : ''}<sz val="${s.font.size}"/><name val="${xmlText(s.font.name)}"/><family val="1"/></font>`;
      fontId = this.fonts.indexOf(xml);
      if (fontId < 0) fontId = this.fonts.push(xml) - 1;
    }
    let numFmtId = 0;
    if (s.numFmt) {
      const i = this.numFmts.indexOf(s.numFmt);
      numFmtId = 164 + (i >= 0 ? i : this.numFmts.push(s.numFmt) - 1);
    }
    const align =
      s.horizontal || s.vertical || s.wrap
        ? `<alignment${s.horizontal ? ` horizontal="${s.horizontal}"` : ''}${s.vertical ? ` vertical="${s.vertical === 'middle' ? 'center' : 'top'}"` : ''}${s.wrap ? ' wrapText="1"' : ''}/>`
        : '';
    const attrs = `numFmtId="${numFmtId}" fontId="${fontId}" fillId="0" borderId="${s.border ? 1 : 0}" xfId="0"${numFmtId ? ' applyNumberFormat="1"' : ''}${fontId ? ' applyFont="1"' : ''}${s.border ? ' applyBorder="1"' : ''}${align ? ' applyAlignment="1"' : ''}`;
    const id = this.xfs.push(align ? `<xf ${attrs}>${align}</xf>` : `<xf ${attrs}/>`) - 1;
    this.ids.set(key, id);
    return id;
  }

  /** @example zip.file('xl/styles.xml', sheet.xml()) */
  xml(): string {
    const thin =
      '<left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/>';
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      (this.numFmts.length
        ? `<numFmts count="${this.numFmts.length}">${this.numFmts.map((f, i) => `<numFmt numFmtId="${164 + i}" formatCode="${xmlText(f)}"/>`).join('')}</numFmts>`
        : '') +
      `<fonts count="${this.fonts.length}">${this.fonts.join('')}</fonts>` +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border>${thin}</border></borders>` +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.length}">${this.xfs.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '<dxfs count="0"/><tableStyles count="0"/></styleSheet>'
    );
  }
}
