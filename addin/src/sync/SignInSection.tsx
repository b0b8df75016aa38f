// Sign-in: the server (before the workbook is bound), Microsoft 365 or a pasted access code remembered per user;
// once signed in, who the server says we are, in words (role, commune or province), and "Đăng xuất".
import { Button, Field, Input, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { findCommune, findProvince } from '../../../core/dvhc.ts';
import { useStrings } from '../app/strings-context.ts';
import { Section } from '../fill/Section.tsx';
import type { Strings } from '../i18n/index.ts';
import type { SignedIn } from '../state/sync-state.ts';

export interface SignInSectionProps {
  auth: SignedIn | null;
  /** The server to sign in to; editable only while the workbook is not bound (the binding names its server). */
  server: string;
  serverEditable: boolean;
  /** Whether the server offers Microsoft sign-in and this Office has a way to do it. */
  microsoft: boolean;
  disabled: boolean;
  onServer: (server: string) => void;
  onMicrosoft: () => void;
  onToken: (token: string) => void;
  onSignOut: () => void;
}

/**
 * "Nguyễn Văn A, cán bộ Xã Quang Sơn, Tỉnh Thái Nguyên · mã truy cập": who, in the glossary's words.
 * @example whoText(s, { kind: 'token', name: 'A', role: 'editor', commune: '05674', province: null }) // 'A, cán bộ Xã Quang Sơn, …'
 */
export function whoText(s: Strings, auth: SignedIn): string {
  const commune = auth.commune ? findCommune(auth.commune) : undefined;
  const province = auth.province ? findProvince(auth.province) : undefined;
  const place = commune ? s.communeName(commune.name, commune.provinceName) : (province?.name ?? null);
  const role = auth.role ? s.authRole[auth.role](place) : null;
  const via = s.authVia[auth.kind === 'token' ? 'token' : (auth.via ?? 'naa')];
  return `${[auth.name, role].filter(Boolean).join(', ') || '…'} · ${via}`;
}

export function SignInSection(p: SignInSectionProps) {
  const { auth, microsoft, disabled } = p;
  const s = useStrings();
  const [token, setToken] = useState('');
  const [server, setServer] = useState(p.server);
  if (auth) {
    return (
      <Section title={s.authTitle} testId="signin-section">
        <Text data-testid="signed-in">{s.authSignedIn(whoText(s, auth))}</Text>
        <div>
          <Button size="small" onClick={p.onSignOut} disabled={disabled}>
            {s.authSignOut}
          </Button>
        </div>
      </Section>
    );
  }
  const serverOk = /^https?:\/\/\S+$/.test(server.trim());
  return (
    <Section title={s.authTitle} testId="signin-section">
      {p.serverEditable && (
        <Field label={s.bindServer} validationMessage={serverOk ? undefined : s.bindProblem.server}>
          <Input
            value={server}
            onChange={(_, d) => setServer(d.value)}
            onBlur={() => serverOk && server.trim() !== p.server && p.onServer(server)}
            type="url"
            name="server"
          />
        </Field>
      )}
      {microsoft && (
        <div>
          <Button appearance="primary" onClick={p.onMicrosoft} disabled={disabled || !serverOk}>
            {s.authMicrosoft}
          </Button>
        </div>
      )}
      <Field label={s.authTokenLabel}>
        <Input type="password" value={token} onChange={(_, d) => setToken(d.value)} name="token" autoComplete="off" />
      </Field>
      <div>
        <Button
          disabled={disabled || token.trim() === '' || !serverOk}
          onClick={() => {
            // A server typed but not yet taken (no blur): take it first, then sign in there.
            if (p.serverEditable && server.trim() !== p.server) p.onServer(server);
            p.onToken(token);
            setToken('');
          }}
        >
          {s.authTokenSave}
        </Button>
      </div>
    </Section>
  );
}
