// Sign-in pieces: which path the host offers, NAA through a stub MSAL, the token remembered per user and forgotten,
// and the binding written into the workbook never carrying a credential.
import { describe, expect, it } from 'vitest';
import { createExcelPort } from '../../../addin/src/excel/index.ts';
import { naaToken, type MsalModule } from '../../../addin/src/sync/auth/naa.ts';
import { microsoftToken, signInPath } from '../../../addin/src/sync/auth/sign-in.ts';
import { forgetToken, rememberToken, savedToken } from '../../../addin/src/sync/auth/token-store.ts';
import { BINDING_SETTING, bindingProblem, loadBinding, saveBinding, suggestedCommune } from '../../../addin/src/sync/binding.ts';
import { createFakeExcel } from '../../support/fake-excel/fake-host.ts';
import { fixtureSnapshot } from '../excel/support.ts';
import { memoryStorage } from './support.ts';

describe('sign-in', () => {
  it('prefers nested app authentication, then the Office dialog, else only the token', () => {
    expect(signInPath({ nestedAppAuth: true, dialog: true })).toBe('naa');
    expect(signInPath({ nestedAppAuth: false, dialog: true })).toBe('dialog');
    expect(signInPath({ nestedAppAuth: false, dialog: false })).toBe('none');
  });

  it('reads NestedAppAuth 1.1 from Office once, through the Excel layer', async () => {
    const snap = await fixtureSnapshot('quang-son-phu-luc.xlsx');
    expect(createExcelPort(createFakeExcel(snap, { nestedAppAuth: true })).capabilities().nestedAppAuth).toBe(true);
    expect(createExcelPort(createFakeExcel(snap)).capabilities()).toMatchObject({ nestedAppAuth: false, dialog: false });
  });

  it('asks MSAL silently first, then with its popup', async () => {
    const calls: string[] = [];
    const msal = (silentFails: boolean): MsalModule => ({
      createNestablePublicClientApplication: async (cfg) => {
        calls.push(`create ${cfg.auth.clientId} ${cfg.auth.authority}`);
        return {
          acquireTokenSilent: async (r) => {
            calls.push(`silent ${r.scopes.join(' ')}`);
            if (silentFails) throw new Error('interaction_required');
            return { accessToken: 'jwt-silent', expiresOn: new Date(5000), account: { name: 'C' } } as never;
          },
          acquireTokenPopup: async () => {
            calls.push('popup');
            return { accessToken: 'jwt-popup', expiresOn: null, account: null } as never;
          },
        };
      },
    });
    const cfg = { clientId: 'cid', tenantId: 'tid', audience: 'api://phuluc/' };
    expect(await naaToken(msal(false), cfg)).toEqual({ accessToken: 'jwt-silent', expiresOn: 5000, name: 'C' });
    expect(await naaToken(msal(true), cfg)).toMatchObject({ accessToken: 'jwt-popup' });
    expect(calls).toEqual([
      'create cid https://login.microsoftonline.com/tid',
      'silent api://phuluc/.default',
      'create cid https://login.microsoftonline.com/tid',
      'silent api://phuluc/.default',
      'popup',
    ]);
  });

  it('falls back to the Office dialog (auth.html) and takes the token it sends back', async () => {
    const opened: string[] = [];
    const port = {
      capabilities: () => ({ comments: false, notes: false, insertFromBase64: false, nestedAppAuth: false, dialog: true }),
      openDialog: async (url: string) => {
        opened.push(url);
        return JSON.stringify({ accessToken: 'jwt-dialog', expiresOn: 9, name: 'D' });
      },
    } as never;
    const t = await microsoftToken(port, { clientId: 'cid', tenantId: 'tid', audience: 'api://phuluc' }, 'https://s/');
    expect(t).toEqual({ accessToken: 'jwt-dialog', expiresOn: 9, name: 'D', via: 'dialog' });
    expect(opened).toEqual(['https://s/addin/auth.html?clientId=cid&tenantId=tid&audience=api%3A%2F%2Fphuluc']);
  });

  it('remembers a pasted token per server in the user’s storage and forgets it', () => {
    const s = memoryStorage();
    rememberToken(s, 'https://phuluc.tinh.gov.vn/', ' phl_abc ');
    expect(savedToken(s, 'https://PHULUC.tinh.gov.vn')).toBe('phl_abc');
    forgetToken(s, 'https://phuluc.tinh.gov.vn');
    expect(savedToken(s, 'https://phuluc.tinh.gov.vn')).toBeNull();
  });

  it('saves only the binding into the workbook, never a token', async () => {
    const fake = createFakeExcel(await fixtureSnapshot('quang-son-phu-luc.xlsx'));
    const port = createExcelPort(fake);
    await saveBinding(port, {
      server: 'https://phuluc.tinh.gov.vn/',
      commune: '05674',
      planKey: 'NQ57-2026',
      table: null,
      baseSeq: 2,
      token: 'phl_secret',
    } as never);
    expect(fake.workbook.settings()[BINDING_SETTING]).toEqual({
      server: 'https://phuluc.tinh.gov.vn',
      commune: '05674',
      planKey: 'NQ57-2026',
      table: null,
      baseSeq: 2,
    });
    expect(loadBinding(port)?.baseSeq).toBe(2);
    expect(bindingProblem({ server: 'phuluc', commune: '05674', planKey: 'x' })).toBe('server');
    expect(bindingProblem({ server: 'https://a', commune: '5674', planKey: 'x' })).toBe('commune');
    // The commune from the title block, only when one commune is spelled exactly so (two "Xã Cẩm Giàng" exist).
    expect(suggestedCommune({ appendices: [], reference: { commune: 'Quang Sơn' } })).toBe('05674');
    expect(suggestedCommune({ appendices: [], reference: { commune: 'Cẩm Giàng' } })).toBe('');
  });
});
