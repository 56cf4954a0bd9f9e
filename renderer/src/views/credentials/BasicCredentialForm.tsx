/**
 * A Basic credential (user + password). By default the password is generated in main: the
 * renderer holds only the generatedId and the rule checks, never the password itself.
 */
import { useState, type FormEvent } from 'react';
import type { GeneratedPassword } from '../../../../shared/vault/credential-responses';
import { api } from '../../api';
import { PASSWORD_CLASSES, type PasswordClass } from '../../../../shared/vault/password-rules';
import { PasswordOptionsFields } from './PasswordOptionsFields';
import { PasswordRules } from './PasswordRules';

export function BasicCredentialForm({ onCreated }: { onCreated: () => void }) {
  const [label, setLabel] = useState('');
  const [user, setUser] = useState('');
  const [length, setLength] = useState(24);
  const [classes, setClasses] = useState<PasswordClass[]>([...PASSWORD_CLASSES]);
  const [generated, setGenerated] = useState<GeneratedPassword | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  async function generate() {
    const r = await api.generatePassword({ length, classes });
    if (r.ok) setGenerated(r.value);
    else setMessage(r.error.message);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!generated) return setMessage('Generate a password first.');
    const r = await api.createBasicCredential({ label, user, generatedId: generated.generatedId });
    if (!r.ok) return setMessage(`${r.error.message}${r.error.field ? ` (${r.error.field})` : ''}`);
    setMessage(`Saved "${r.value.label}". The password is in the keychain; use Reveal to see it.`);
    setLabel('');
    setUser('');
    setGenerated(null);
    onCreated();
  }

  return (
    <form className="cred-form" aria-labelledby="basic-form-title" onSubmit={(e) => void submit(e)}>
      <h2 id="basic-form-title">Add a Basic credential</h2>
      <label>
        Label <input value={label} onChange={(e) => setLabel(e.target.value)} required maxLength={200} />
      </label>
      <label>
        User <input value={user} onChange={(e) => setUser(e.target.value)} required maxLength={255} autoComplete="off" />
      </label>
      <PasswordOptionsFields length={length} classes={classes} onLength={setLength} onClasses={setClasses} />
      <div className="cred-actions">
        <button type="button" onClick={() => void generate()}>
          {generated ? 'Generate again' : 'Generate password'}
        </button>
        <button type="submit" disabled={!generated}>
          Save credential
        </button>
      </div>
      {generated && <PasswordRules generated={generated} />}
      {message && <p role="status">{message}</p>}
    </form>
  );
}
