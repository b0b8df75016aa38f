// Sign-in: Microsoft 365 (nested app authentication or the Office dialog) or a pasted server token, remembered per user.
import { Button, Field, Input, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { useStrings } from '../app/strings-context.ts';
import { Section } from '../fill/Section.tsx';
import type { SignedIn } from '../state/sync-state.ts';

export interface SignInSectionProps {
  auth: SignedIn | null;
  /** Whether the server offers Microsoft sign-in and this Office has a way to do it. */
  microsoft: boolean;
  disabled: boolean;
  onMicrosoft: () => void;
  onToken: (token: string) => void;
  onSignOut: () => void;
}

export function SignInSection({ auth, microsoft, disabled, onMicrosoft, onToken, onSignOut }: SignInSectionProps) {
  const s = useStrings();
  const [token, setToken] = useState('');
  if (auth) {
    const via = s.authVia[auth.kind === 'token' ? 'token' : (auth.via ?? 'naa')];
    return (
      <Section title={s.authTitle} testId="signin-section">
        <Text data-testid="signed-in">{s.authSignedIn(`${auth.name ?? '…'}${auth.role ? ` (${auth.role})` : ''} · ${via}`)}</Text>
        <div>
          <Button size="small" onClick={onSignOut} disabled={disabled}>
            {auth.kind === 'token' ? s.authForget : s.authSignOut}
          </Button>
        </div>
      </Section>
    );
  }
  return (
    <Section title={s.authTitle} testId="signin-section">
      {microsoft && (
        <div>
          <Button appearance="primary" onClick={onMicrosoft} disabled={disabled}>
            {s.authMicrosoft}
          </Button>
        </div>
      )}
      <Field label={s.authTokenLabel}>
        <Input type="password" value={token} onChange={(_, d) => setToken(d.value)} name="token" autoComplete="off" />
      </Field>
      <div>
        <Button
          disabled={disabled || token.trim() === ''}
          onClick={() => {
            onToken(token);
            setToken('');
          }}
        >
          {s.authTokenSave}
        </Button>
      </div>
    </Section>
  );
}
