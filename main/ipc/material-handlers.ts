/**
 * The security-material handlers. Every file path must have come out of the native dialog in this
 * session (userPaths.assertChosen); responses carry no private key or password.
 */
import { readFileSync } from 'node:fs';
import type { HandlersFor } from '../../shared/ipc/contract';
import type { materialChannels } from '../../shared/ipc/material-channels';
import { AppError } from '../../shared/result';
import type { Services } from '../composition';

function readChosen(s: Services, path: string): Buffer {
  const file = s.userPaths.assertChosen(path);
  try {
    return readFileSync(file);
  } catch (e) {
    throw new AppError('READ_FAILED', `The file could not be read (${(e as NodeJS.ErrnoException).code ?? 'error'}).`, 'path');
  }
}

/** PEM text stays text (it may carry a key block); binary (DER) stays bytes. */
function asInput(data: Buffer): string | Uint8Array {
  return data.includes('-----BEGIN') ? data.toString('utf8') : data;
}

export function createMaterialHandlers(s: Services): HandlersFor<typeof materialChannels> {
  const m = s.material;
  return {
    'material:list': () => m.listMaterial(),
    'material:create-key': (r) => m.createKeyPair(r),
    'material:create-csr': ({ key, subject, sans, serverAuth }) => m.createCsr({ key, subject, sans: sans ?? [], serverAuth: serverAuth ?? false }),
    'material:pair-certificate': ({ text, key, landscape }) => m.pairCertificate({ data: text, ...(key ? { key } : {}), ...(landscape ? { landscape } : {}) }),
    'material:import-certificate-file': ({ path, ...rest }) => m.importCertificate({ data: asInput(readChosen(s, path)), ...rest }),
    'material:import-pkcs12': ({ path, password, label, landscape }) =>
      m.importPkcs12({ data: readChosen(s, path), password, label, ...(landscape ? { landscape } : {}) }),
    'material:export-pkcs12': ({ path, ...rest }) => m.exportPkcs12({ ...rest, outPath: s.userPaths.assertChosen(path) }),
    'material:export-leaf': ({ ref, path }) => m.exportLeafPem({ ref, outPath: s.userPaths.assertChosen(path) }),
    'material:export-ca': ({ pem, format, path }) => m.exportCaCertificate({ pem, format, outPath: s.userPaths.assertChosen(path) }),
    'material:create-test-ca': (r) => m.createTestCa(r),
    'material:sign-with-test-ca': (r) => m.signWithTestCa(r),
    'material:lint': ({ text, role }) => m.lintData(text, role ? { role } : {}),
    'material:lint-landscape': ({ landscape }) => m.lintLandscape(landscape),
    'material:create-ssh-key': (r) => m.createSshKey(r),
    'material:ssh-public': (r) => m.sshPublic(r),
    'material:export-ssh-key': ({ ref, format, path }) => m.exportSshKey({ ref, format, outPath: s.userPaths.assertChosen(path) }),
    'material:known-hosts-list': ({ landscape }) => m.listKnownHosts(landscape),
    'material:known-hosts-add': (r) => m.addKnownHost(r),
    'material:known-hosts-check': (r) => m.checkKnownHost(r),
    'material:known-hosts-export': ({ landscape, path }) => m.exportKnownHosts({ landscape, outPath: s.userPaths.assertChosen(path) }),
  };
}
