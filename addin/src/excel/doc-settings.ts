// Document settings (Office.context.document.settings): small JSON values saved inside the workbook file.
import { layerError } from './errors.ts';

/**
 * A setting as Office loaded it with the document (no Excel request); null when absent.
 * @example readSetting(host.Office, 'phuluc.sync') // { server: 'https://…', commune: '10903', … }
 */
export function readSetting(office: typeof Office, name: string): unknown {
  return office.context.document.settings.get(name) ?? null;
}

/**
 * Set (or, with null, remove) a setting and save the settings into the document, so the file carries it.
 * @example await writeSetting(host.Office, 'phuluc.sync', binding)
 */
export async function writeSetting(office: typeof Office, name: string, value: unknown): Promise<void> {
  const settings = office.context.document.settings;
  if (value === null || value === undefined) settings.remove(name);
  else settings.set(name, value);
  await new Promise<void>((resolve, reject) =>
    settings.saveAsync((r) => {
      if (r.status === office.AsyncResultStatus.Succeeded) resolve();
      else reject(layerError('office-error', `settings.saveAsync: ${r.error?.message ?? 'failed'}`, r.error));
    }),
  );
}
