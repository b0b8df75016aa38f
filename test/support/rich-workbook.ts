// A workbook with everything exceljs drops — a chart, an image, a note, a pivot table — plus a named range, a print
// area, a validation and a conditional format, made by LibreOffice (a Basic macro run headless), never by phuluc:
// the fixture cam-giang-phu-luc.xlsx with a data sheet, a pivot table sheet, and things on the appendix sheet below
// the rows `phuluc fix` deletes. Built once per macro and fixture (test-artifacts/), as the PGlite template is.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { crc32 } from '../../workbook/xlsx/zip-write.ts';
import { fixture, REPO_ROOT } from './paths.ts';

const run = promisify(execFile);

/** Where the macro puts what: the tests assert these moved (or did not) as rows are deleted. */
export const RICH = {
  appendix: 'Phụ lục I',
  data: 'Số liệu',
  pivot: 'Tổng hợp',
  /** The note, on a row the fix keeps. */
  note: { cell: 'B7', text: 'Ghi chú của cán bộ xã: nội dung đã thống nhất với Văn phòng.' },
  /** A small numeric block on the appendix sheet below the table, charted and named. */
  block: 'G50:H54',
  name: 'SoLieuPhuLuc',
  /** The image's top-left cell (0-based row 51 in the drawing). */
  image: 'B52',
  validation: 'E6:E47',
  conditional: 'A6:A47',
  printArea: 'A1:E47',
};

const MACRO = `
Sub Main
  On Error GoTo Failed
  Dim load(0) As New com.sun.star.beans.PropertyValue
  load(0).Name = "Hidden" : load(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(Environ("PHULUC_SRC")), "_blank", 0, load())
  sheets = doc.Sheets
  appendix = sheets.getByIndex(0)

  REM Data for a chart and a pivot table, on a sheet of their own.
  sheets.insertNewByName("${RICH.data}", sheets.Count)
  dataSheet = sheets.getByName("${RICH.data}")
  agencies = Array("Phòng Văn hóa - Xã hội", "Văn phòng HĐND và UBND", "Phòng Kinh tế", "Công an xã", "Phòng Văn hóa - Xã hội", "Phòng Kinh tế", "Công an xã", "Văn phòng HĐND và UBND")
  quarters = Array("Quý III", "Quý III", "Quý IV", "Quý IV", "Quý IV", "Quý III", "Quý III", "Quý IV")
  dataSheet.getCellByPosition(0, 0).String = "Cơ quan"
  dataSheet.getCellByPosition(1, 0).String = "Số nhiệm vụ"
  dataSheet.getCellByPosition(2, 0).String = "Quý"
  For i = 0 To 7
    dataSheet.getCellByPosition(0, i + 1).String = agencies(i)
    dataSheet.getCellByPosition(1, i + 1).Value = i + 2
    dataSheet.getCellByPosition(2, i + 1).String = quarters(i)
  Next i

  REM A pivot table (DataPilot): tasks by agency and quarter.
  sheets.insertNewByName("${RICH.pivot}", sheets.Count)
  pivotSheet = sheets.getByName("${RICH.pivot}")
  pilots = pivotSheet.getDataPilotTables()
  desc = pilots.createDataPilotDescriptor()
  desc.setSourceRange(dataSheet.getCellRangeByName("A1:C9").getRangeAddress())
  fields = desc.getDataPilotFields()
  fld = fields.getByIndex(0)
  fld.Orientation = com.sun.star.sheet.DataPilotFieldOrientation.ROW
  fld = fields.getByIndex(2)
  fld.Orientation = com.sun.star.sheet.DataPilotFieldOrientation.COLUMN
  fld = fields.getByIndex(1)
  fld.Orientation = com.sun.star.sheet.DataPilotFieldOrientation.DATA
  fld.setPropertyValue("Function", com.sun.star.sheet.GeneralFunction.SUM)
  pilots.insertNewByName("NhiemVuTheoCoQuan", pivotSheet.getCellRangeByName("A3").getCellAddress(), desc)

  REM A bar chart of the data sheet.
  Dim rect As New com.sun.star.awt.Rectangle
  rect.X = 9000 : rect.Y = 500 : rect.Width = 12000 : rect.Height = 8000
  Dim ranges(0) As New com.sun.star.table.CellRangeAddress
  ranges(0) = dataSheet.getCellRangeByName("A1:B9").getRangeAddress()
  dataSheet.Charts.addNewByName("BieuDoCoQuan", rect, ranges(), True, True)

  REM On the appendix sheet, below the table: numbers, a chart of them and a name for them.
  block = appendix.getCellRangeByName("${RICH.block}")
  quarterNames = Array("Quý", "Quý I", "Quý II", "Quý III", "Quý IV")
  For i = 0 To 4
    block.getCellByPosition(0, i).String = quarterNames(i)
    If i = 0 Then
      block.getCellByPosition(1, i).String = "Số"
    Else
      block.getCellByPosition(1, i).Value = i * 3
    End If
  Next i
  Dim rect2 As New com.sun.star.awt.Rectangle
  rect2.X = 20000 : rect2.Y = 2000 : rect2.Width = 9000 : rect2.Height = 6000
  Dim ranges2(0) As New com.sun.star.table.CellRangeAddress
  ranges2(0) = block.getRangeAddress()
  appendix.Charts.addNewByName("BieuDoQuy", rect2, ranges2(), True, True)
  Dim origin As New com.sun.star.table.CellAddress
  doc.NamedRanges.addNewByName("${RICH.name}", "$'${RICH.appendix}'.$G$50:$H$54", origin, 0)

  REM A print area, a list validation and a conditional format over the table.
  Dim areas(0) As New com.sun.star.table.CellRangeAddress
  areas(0) = appendix.getCellRangeByName("${RICH.printArea}").getRangeAddress()
  appendix.setPrintAreas(areas())
  target = appendix.getCellRangeByName("${RICH.validation}")
  v = target.Validation
  v.Type = com.sun.star.sheet.ValidationType.LIST
  v.setFormula1("""Thường xuyên"";""Hằng năm""")
  v.ShowErrorMessage = False
  target.Validation = v
  cfRange = appendix.getCellRangeByName("${RICH.conditional}")
  cf = cfRange.ConditionalFormat
  Dim cond(2) As New com.sun.star.beans.PropertyValue
  cond(0).Name = "Operator" : cond(0).Value = com.sun.star.sheet.ConditionOperator.EQUAL
  cond(1).Name = "Formula1" : cond(1).Value = """I"""
  cond(2).Name = "StyleName" : cond(2).Value = "Accent"
  cf.addNew(cond())
  cfRange.ConditionalFormat = cf

  REM A note on a row the fix keeps.
  Dim noteAt As New com.sun.star.table.CellAddress
  noteAt.Sheet = 0 : noteAt.Column = 1 : noteAt.Row = 6
  appendix.Annotations.insertNew(noteAt, "${RICH.note.text}")

  REM An image anchored to a cell below the table.
  provider = createUnoService("com.sun.star.graphic.GraphicProvider")
  Dim media(0) As New com.sun.star.beans.PropertyValue
  media(0).Name = "URL" : media(0).Value = ConvertToURL(Environ("PHULUC_PNG"))
  img = doc.createInstance("com.sun.star.drawing.GraphicObjectShape")
  appendix.DrawPage.add(img)
  img.Graphic = provider.queryGraphic(media())
  Dim sz As New com.sun.star.awt.Size
  sz.Width = 4000 : sz.Height = 3000
  img.Size = sz
  img.Anchor = appendix.getCellRangeByName("${RICH.image}")
  img.Position = appendix.getCellRangeByName("${RICH.image}").Position

  Dim props(0) As New com.sun.star.beans.PropertyValue
  props(0).Name = "FilterName" : props(0).Value = "Calc MS Excel 2007 XML"
  doc.storeToURL(ConvertToURL(Environ("PHULUC_OUT")), props())
  doc.close(True)
  StarDesktop.terminate()
  Exit Sub
Failed:
  Open Environ("PHULUC_OUT") & ".error" For Output As #1
  Print #1, "Error " & Err & " line " & Erl & ": " & Error$
  Close #1
  StarDesktop.terminate()
End Sub
`;

/** A 64 × 48 gradient PNG, written here (no image library needed). */
export function gradientPng(w = 64, h = 48): Uint8Array {
  const rows: Buffer[] = [];
  for (let y = 0; y < h; y++) {
    const r = Buffer.alloc(1 + w * 3);
    for (let x = 0; x < w; x++) r.set([Math.round((x * 255) / w), y < h / 2 ? 60 : 200, Math.round((y * 255) / h)], 1 + x * 3);
    rows.push(r);
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/**
 * The path of the LibreOffice-made workbook (built on first use; LibreOffice runs with a profile of its own, so it
 * does not wait on another LibreOffice the tests run).
 * @example const file = await richWorkbook()
 */
export async function richWorkbook(): Promise<string> {
  const source = fixture('cam-giang-phu-luc.xlsx');
  const key = createHash('sha256')
    .update(MACRO)
    .update(await readFile(source))
    .digest('hex')
    .slice(0, 12);
  const dir = path.join(REPO_ROOT, 'test-artifacts');
  const file = path.join(dir, `rich-workbook-${key}.xlsx`);
  if (existsSync(file)) return file;
  await mkdir(dir, { recursive: true });
  const work = await mkdtemp(path.join(tmpdir(), 'phuluc-rich-'));
  try {
    const profile = `file://${path.join(work, 'profile')}`;
    const soffice = (args: string[], env: Record<string, string> = {}) =>
      run('soffice', ['--headless', `-env:UserInstallation=${profile}`, ...args], {
        env: { ...process.env, ...env },
        timeout: 180_000,
        killSignal: 'SIGKILL',
      });
    await soffice(['--terminate_after_init']);
    const module = `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">\n<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">${escapeXml(MACRO)}</script:module>\n`;
    await writeFile(path.join(work, 'profile/user/basic/Standard/Module1.xba'), module);
    const png = path.join(work, 'logo.png');
    await writeFile(png, gradientPng());
    const copy = path.join(work, 'source.xlsx');
    await copyFile(source, copy);
    const out = path.join(work, 'rich.xlsx');
    await soffice(['vnd.sun.star.script:Standard.Module1.Main?language=Basic&location=application'], {
      PHULUC_SRC: copy,
      PHULUC_PNG: png,
      PHULUC_OUT: out,
    });
    if (existsSync(`${out}.error`)) throw new Error(`LibreOffice macro: ${await readFile(`${out}.error`, 'utf8')}`);
    // Parallel test files may build it at once: write aside, then rename.
    const tmp = `${file}.${process.pid}`;
    await copyFile(out, tmp);
    await rename(tmp, file);
    return file;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
