import { PASSWORD_CLASSES, USER_CREDENTIALS_MAX_LENGTH, type PasswordClass } from '../../../../shared/vault/password-rules';

const CLASS_LABELS: Record<PasswordClass, string> = { lower: 'a–z', upper: 'A–Z', digit: '0–9', special: 'symbols' };

interface Props {
  length: number;
  classes: PasswordClass[];
  onLength: (length: number) => void;
  onClasses: (classes: PasswordClass[]) => void;
}

/** Length and character classes for the generator (defaults meet the CI keystore rule). */
export function PasswordOptionsFields({ length, classes, onLength, onClasses }: Props) {
  const toggle = (c: PasswordClass) => onClasses(classes.includes(c) ? classes.filter((x) => x !== c) : PASSWORD_CLASSES.filter((x) => x === c || classes.includes(x)));
  return (
    <fieldset className="cred-options">
      <legend>Generated password</legend>
      <label>
        Password length{' '}
        <input type="number" min={8} max={USER_CREDENTIALS_MAX_LENGTH} value={length} onChange={(e) => onLength(Number(e.target.value))} />
      </label>
      {PASSWORD_CLASSES.map((c) => (
        <label key={c} className="cred-check">
          <input type="checkbox" checked={classes.includes(c)} onChange={() => toggle(c)} /> {CLASS_LABELS[c]}
        </label>
      ))}
    </fieldset>
  );
}
