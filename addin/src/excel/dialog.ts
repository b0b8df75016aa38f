// The Office dialog API (sign-in fallback where nested app authentication is missing): open a page, wait for its message.
import { layerError } from './errors.ts';

/**
 * Open `url` in an Office dialog and resolve with the first message the page sends (messageParent), then close it.
 * Rejects when the dialog cannot open or the user closes it.
 * @example const token = await openDialog(Office, 'https://phuluc.tinh.gov.vn/addin/auth.html')
 */
export function openDialog(office: typeof Office, url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    office.context.ui.displayDialogAsync(url, { height: 60, width: 30, promptBeforeOpen: false }, (r) => {
      if (r.status !== office.AsyncResultStatus.Succeeded) {
        reject(layerError('office-error', `displayDialogAsync: ${r.error?.message ?? 'failed'}`, r.error));
        return;
      }
      const dialog = r.value;
      dialog.addEventHandler(office.EventType.DialogMessageReceived, (arg) => {
        dialog.close();
        if ('message' in arg) resolve(String(arg.message));
        else reject(layerError('office-error', `dialog: ${arg.error}`));
      });
      dialog.addEventHandler(office.EventType.DialogEventReceived, (arg) => {
        reject(layerError('office-error', `dialog closed (${'error' in arg ? arg.error : ''})`));
      });
    });
  });
}

/**
 * From inside the dialog page: send one message to the task pane that opened it.
 * @example messageParent(Office, JSON.stringify({ accessToken }))
 */
export function messageParent(office: typeof Office, message: string): void {
  office.context.ui.messageParent(message);
}
