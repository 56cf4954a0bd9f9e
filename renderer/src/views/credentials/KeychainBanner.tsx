import type { KeychainStatus } from '../../../../shared/ipc/app-channels';

/** Shown only when the keychain cannot be used: metadata is still listed, secrets are not reachable. */
export function KeychainBanner({ status }: { status: KeychainStatus }) {
  if (status.state === 'available') return null;
  return (
    <div role="alert" className="cred-banner" data-testid="keychain-unavailable">
      <strong>The OS keychain is unavailable ({status.reason}).</strong> The list below is still shown; adding, revealing and
      removing secrets need the keychain. {status.hint}
    </div>
  );
}
