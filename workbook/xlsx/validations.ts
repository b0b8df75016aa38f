// exceljs expands every data-validation range cell by cell on read (exceljs #1842): drop them before it parses.

/**
 * Drop every <dataValidations> block: reading a plan needs none of them.
 * @example dropValidations('<worksheet><dataValidations count="1">…</dataValidations></worksheet>') // '<worksheet></worksheet>'
 */
export function dropValidations(xml: string): string {
  if (!xml.includes('dataValidations')) return xml;
  return xml.replace(/<dataValidations\b[^>]*\/>|<dataValidations\b[\s\S]*?<\/dataValidations>/g, '');
}
