// /dang-nhap: where the Microsoft sign-in popup lands; hands the answer back to the page that opened it (MSAL v5).
import { broadcastResponseToMainFrame } from '@azure/msal-browser/redirect-bridge';

broadcastResponseToMainFrame().catch((err: unknown) => {
  const p = document.createElement('p');
  p.textContent = `Không hoàn tất được đăng nhập / Sign-in could not complete: ${err instanceof Error ? err.message : String(err)}`;
  document.body.append(p);
});
