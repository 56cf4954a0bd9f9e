/**
 * The diagnosis catalogue for the SFTP and SMTP probes: each entry builds the finding for one
 * situation, with the literal text Cloud Integration would show (JSch for SFTP, JavaMail for mail),
 * the fix and where to make it. Pure data builders, so the engine's catalogue can join them.
 */
import type { Finding } from './probe-types';

export const sftpDiagnosis = {
  hostKeyUnknownToCi(line: string): Finding {
    return {
      code: 'sftp.hostkey.reject',
      severity: 'error',
      message: 'The modelled CI known_hosts has no key of this type for this host: CI will refuse the server.',
      fix: `Add this line to known_hosts and deploy it (Monitor → Manage Security → Security Material): ${line}`,
      whereToFix: 'ci-monitor',
      literal: 'reject HostKey',
    };
  },
  hostKeyChangedForCi(line: string, oldFingerprint: string): Finding {
    return {
      code: 'sftp.hostkey.changed',
      severity: 'error',
      message: `The modelled CI known_hosts holds a different key for this host (${oldFingerprint}): CI will refuse the server.`,
      fix:
        `Replace the entry in known_hosts (Monitor → Manage Security → Security Material) with: ${line}. For a planned rotation, add the new line first, ` +
        'deploy, let the server switch, then remove the old line.',
      whereToFix: 'ci-monitor',
      literal: 'HostKey has been changed',
    };
  },
  hostKeyNotConfirmed(fingerprint: string): Finding {
    return {
      code: 'sftp.hostkey.unconfirmed',
      severity: 'error',
      message: `The server's host key ${fingerprint} has not been confirmed; the probe stopped before logging in.`,
      fix: 'Compare the fingerprint with the server administrator (phone, ticket, console), then pin it in this app.',
      whereToFix: 'this-app',
    };
  },
  hostKeyChangedSincePin(fingerprint: string, pinned: string): Finding {
    return {
      code: 'sftp.hostkey.pin-mismatch',
      severity: 'error',
      message: `The server now presents ${fingerprint}, but ${pinned} was confirmed: the key changed or someone is in between.`,
      fix: 'Ask the server administrator whether the key was rotated; re-confirm the new fingerprint only if they confirm it.',
      whereToFix: 'peer-system',
    };
  },
  authWrongPassword(user: string): Finding {
    return {
      code: 'sftp.auth.password',
      severity: 'error',
      message: `The server refused the password for user "${user}": wrong user or password.`,
      fix: 'Correct the User Credentials artifact (Monitor → Manage Security → Security Material) and deploy it.',
      whereToFix: 'ci-monitor',
      literal: 'Auth fail',
    };
  },
  authKeyNotAuthorized(user: string, authorizedKeysLine: string): Finding {
    return {
      code: 'sftp.auth.publickey',
      severity: 'error',
      message: `The server refused the public key for user "${user}": it is not in that user's authorized_keys.`,
      fix: `Add this line to ~${user}/.ssh/authorized_keys on the server: ${authorizedKeysLine}`,
      whereToFix: 'peer-system',
      literal: 'Auth fail',
    };
  },
  authRsaSha1Refused(blocking: boolean): Finding {
    return {
      code: 'sftp.auth.ssh-rsa-refused',
      severity: blocking ? 'error' : 'warning',
      message:
        (blocking
          ? 'The server accepts no RSA signature algorithm for this RSA key.'
          : 'The RSA key logs in with rsa-sha2, but the server refuses ssh-rsa (SHA-1) signatures.') +
        ' A client that signs with ssh-rsa (older SSH stacks, deprecated-algorithm settings) gets Auth fail.',
      fix:
        'Use an RSA key with rsa-sha2-256/512 or an ECDSA/Ed25519 key pair in the CI keystore (Monitor → Manage Security → Keystore); only if the server ' +
        'cannot change, consider "Enable Support for Deprecated Algorithms" (KBA 3079510).',
      whereToFix: 'ci-monitor',
      literal: 'Auth fail',
    };
  },
  authMethodNotOffered(method: string, offered: string[]): Finding {
    return {
      code: 'sftp.auth.method-not-offered',
      severity: 'error',
      message: `The server does not offer ${method} authentication (it offers: ${offered.join(', ') || 'nothing'}).`,
      fix: 'Set the SFTP adapter’s Authentication to a method the server offers (or have it enabled on the server).',
      whereToFix: 'iflow-adapter',
      literal: 'Auth fail',
    };
  },
  /** The peer's first bytes were not an SSH identification (ssh2: bad line, line > 8 KB, > 1,024 lines). */
  notSsh(detail: string): Finding {
    return {
      code: 'sftp.not-ssh',
      severity: 'error',
      message: `The server did not answer like an SSH server (${detail}): its first line must start with "SSH-2.0-".`,
      fix: 'Check host and port: the port probably belongs to another service. SFTP servers usually listen on 22.',
      whereToFix: 'peer-system',
    };
  },
  algorithmNegotiation(detail: string): Finding {
    return {
      code: 'sftp.algorithm-negotiation',
      severity: 'error',
      message: `No common algorithm with the server (${detail}): it offers only algorithms the client does not accept.`,
      fix: 'Update the server to current key exchange, cipher and host key algorithms, or enable deprecated algorithms in CI as a stopgap.',
      whereToFix: 'peer-system',
      literal: 'Algorithm negotiation fail',
    };
  },
  directoryMissing(dir: string): Finding {
    return {
      code: 'sftp.directory.missing',
      severity: 'error',
      message: `The directory "${dir}" does not exist under the user's home.`,
      fix: 'Create the directory on the server, or correct the Directory in the adapter.',
      whereToFix: 'peer-system',
    };
  },
  directoryNotWritable(dir: string): Finding {
    return {
      code: 'sftp.directory.not-writable',
      severity: 'error',
      message: `The user cannot create files in "${dir}".`,
      fix: 'Grant the user write permission on the directory.',
      whereToFix: 'peer-system',
    };
  },
};

export const smtpDiagnosis = {
  starttlsMissing(): Finding {
    return {
      code: 'smtp.starttls.missing',
      severity: 'error',
      message: 'The server does not offer STARTTLS, but the protection is STARTTLS Mandatory.',
      fix: 'Enable STARTTLS on the server, or use the port and protection the server supports (SMTPS on 465).',
      whereToFix: 'peer-system',
    };
  },
  starttlsOptionalStayedPlain(): Finding {
    return {
      code: 'smtp.starttls.stayed-plain',
      severity: 'warning',
      message: 'STARTTLS Optional stayed in plain text: the server does not offer STARTTLS, so credentials and mail would travel unencrypted.',
      fix: 'Enable STARTTLS on the server and switch the channel to STARTTLS Mandatory.',
      whereToFix: 'peer-system',
    };
  },
  untrustedCertificate(reason: string): Finding {
    return {
      code: 'smtp.tls.untrusted',
      severity: 'error',
      message: `The server's certificate chain does not lead to a root in the CI keystore (${reason}).`,
      fix: 'Download the chain and add the root (or the missing intermediate) to the CI keystore (Monitor → Manage Security → Keystore), then restart the integration flows.',
      whereToFix: 'ci-monitor',
      literal: 'Could not convert socket to TLS',
    };
  },
  tlsRequiredFirst(reply: string): Finding {
    return {
      code: 'smtp.starttls.required',
      severity: 'error',
      message: `The server requires STARTTLS before this command (${reply}).`,
      fix: 'Set the mail adapter’s Protection to STARTTLS Mandatory.',
      whereToFix: 'iflow-adapter',
      literal: reply,
    };
  },
  badCredentials(reply: string, user: string): Finding {
    return {
      code: 'smtp.auth.bad-credentials',
      severity: 'error',
      message:
        `The server refused the credentials for "${user}" (${reply}). Against Microsoft 365 this is also ` +
        'what you get because basic authentication is disabled there.',
      fix:
        'Correct the User Credentials artifact. For Microsoft 365, use OAuth2 Authorization Code ' +
        '(an Entra app registration, Authenticated SMTP enabled for the mailbox).',
      whereToFix: 'ci-monitor',
      literal: 'AuthenticationFailedException',
    };
  },
  authMechanismMissing(wanted: string, offered: string[]): Finding {
    return {
      code: 'smtp.auth.mechanism-missing',
      severity: 'error',
      message: `The server offers no ${wanted} mechanism (it offers: ${offered.join(', ') || 'no AUTH at all'}).`,
      fix: 'Set the mail adapter’s Authentication to one the server offers (Plain User/Password for PLAIN/LOGIN, Encrypted for CRAM-MD5).',
      whereToFix: 'iflow-adapter',
    };
  },
  plainAuthUnencrypted(): Finding {
    return {
      code: 'smtp.auth.unencrypted',
      severity: 'warning',
      message: 'The password would be sent over an unencrypted connection.',
      fix: 'Set the mail adapter’s Protection to STARTTLS Mandatory or SMTPS.',
      whereToFix: 'iflow-adapter',
    };
  },
  senderRejected(address: string, reply: string): Finding {
    return {
      code: 'smtp.address.sender-rejected',
      severity: 'error',
      message: `The server rejected the sender <${address}> (${reply}).`,
      fix: 'Set the mail adapter’s From to an address the authenticated user may send as.',
      whereToFix: 'iflow-adapter',
      literal: reply,
    };
  },
  recipientRejected(address: string, reply: string): Finding {
    return {
      code: 'smtp.address.recipient-rejected',
      severity: 'error',
      message: `The server rejected the recipient <${address}> (${reply}).`,
      fix: 'Check the To address, or allow the sender to relay to it on the server.',
      whereToFix: 'peer-system',
      literal: reply,
    };
  },
  /** No complete reply within the read cap: not an SMTP server, or one sending endless lines. */
  replyTooLarge(capBytes: number): Finding {
    return {
      code: 'smtp.reply-too-large',
      severity: 'error',
      message: `The server sent more than ${Math.round(capBytes / 1024)} KB without completing an SMTP reply: it does not speak SMTP on this port, or it sends endless lines.`,
      fix: 'Check host and port (SMTP uses 25, 465 or 587), and the server’s greeting and EHLO configuration.',
      whereToFix: 'peer-system',
    };
  },
  unexpectedReply(command: string, reply: string): Finding {
    return {
      code: 'smtp.unexpected-reply',
      severity: 'error',
      message: `The server answered ${command} with ${reply}.`,
      fix: 'Check the server log for the reason.',
      whereToFix: 'peer-system',
      literal: reply,
    };
  },
};
