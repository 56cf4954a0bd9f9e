/**
 * A Basic credential (user + password). The password is either the one the customer gave (typed
 * here, sent to main once and cleared from the form right after saving) or generated in main (the
 * renderer then holds only the generatedId and the rule checks, never the password).
 */
import { useState, type FormEvent } from 'react';
import type { GeneratedPassword } from '../../../../shared/vault/credential-responses';
import { api } from '../../api';
import { PASSWORD_CLASSES, type PasswordClass } from '../../../../shared/vault/password-rules';
import { StatusLine } from '../../components/StatusLine';
import { useTransientStatus } from '../../components/use-transient-status';
import { PasswordOptionsFields } from './PasswordOptionsFields';
import { PasswordRules } from './PasswordRules';

type Source = 'typed' | 'generated';

export function BasicCredentialForm({ onCreated }: { onCreated: () => void }) {
  const [label, setLabel] = useState('');
  const [user, setUser] = useState('');
  const [source, setSource] = useState<Source>('typed');
  const [password, setPassword] = useState('');
  const [length, setLength] = useState(24);
  const [classes, setClasses] = useState<PasswordClass[]>([...PASSWORD_CLASSES]);
  const [generated, setGenerated] = useState<GeneratedPassword | null>(null);
  const [invalid, setInvalid] = useState<string | null>(null);
  const { status, show } = useTransientStatus();

  async function generate() {
    const r = await api.generatePassword({ length, classes });
    if (r.ok) setGenerated(r.value);
    else show('error', r.error.message);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (source === 'generated' && !generated) return show('error', 'Generate a password first.');
    const r = await api.createBasicCredential(source === 'typed' ? { label, user, password } : { label, user, generatedId: generated!.generatedId });
    // A typed password never stays in the form: gone on success and on failure alike.
    setPassword('');
    if (!r.ok) {
      setInvalid(r.error.field?.split('.').pop() ?? null);
      return show('error', r.error.message);
    }
    setInvalid(null);
    show('ok', `Saved “${r.value.label}”. The password is in the keychain.`);
    setLabel('');
    setUser('');
    setGenerated(null);
    onCreated();
  }

  return (
    <form className="cred-form" aria-labelledby="basic-form-title" onSubmit={(e) => void submit(e)}>
      <h2 id="basic-form-title">Add a Basic credential</h2>
      <label>
        Label <input value={label} onChange={(e) => setLabel(e.target.value)} required maxLength={200} aria-invalid={invalid === 'label' || undefined} />
      </label>
      <label>
        User <input value={user} onChange={(e) => setUser(e.target.value)} required maxLength={255} autoComplete="off" aria-invalid={invalid === 'user' || undefined} />
      </label>
      <fieldset className="cred-options">
        <legend>Password</legend>
        <label>
          <input type="radio" name="basic-source" checked={source === 'typed'} onChange={() => setSource('typed')} /> Enter the password I was given
        </label>
        <label>
          <input type="radio" name="basic-source" checked={source === 'generated'} onChange={() => setSource('generated')} /> Generate one
        </label>
      </fieldset>
      {source === 'typed' ? (
        <label>
          Password
          <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} required autoComplete="new-password" aria-invalid={invalid === 'password' || undefined} />
        </label>
      ) : (
        <>
          <PasswordOptionsFields length={length} classes={classes} onLength={setLength} onClasses={setClasses} />
          {generated && <PasswordRules generated={generated} />}
        </>
      )}
      <div className="cred-actions">
        {source === 'generated' && (
          <button type="button" onClick={() => void generate()}>
            {generated ? 'Generate again' : 'Generate password'}
          </button>
        )}
        <button type="submit" disabled={source === 'generated' ? !generated : !password}>
          Save credential
        </button>
      </div>
      <StatusLine status={status} />
    </form>
  );
}
