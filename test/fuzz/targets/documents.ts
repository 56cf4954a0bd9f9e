/** Service keys, landscape files and SSH material, through the entry points the app and CLI use. */
import { pemLine } from '../../support/pem-block';
import fc from 'fast-check';
import { hashHost } from '../../../main/services/material/known-hosts-service';
import { buildServiceKeys, generatePki } from '../../support/service-key-fixtures';
import type { FuzzTarget } from '../fuzz-types';
import { mutatedText } from '../mutate';
import { SSH_PASSPHRASE } from '../seeds';
import { createWatchedServices, type WatchedServices } from '../store-watch';
import { seeds } from './certificates';
import { channelImporter, fileImporter } from './file-importer';

const JSON_TOKENS = ['{', '}', '[', ']', '"', '\\n', '\\\\n', '\\u0000', '1e999', '-0', 'null', '"oauth":', '"certificate":', '"__proto__":{}', ',', ':'];
const jsonText = fc.jsonValue({ maxDepth: 6 }).map((v) => JSON.stringify(v));

export const serviceKeyTarget = fileImporter({
  name: 'BTP service key JSON',
  channel: 'credentials:import-service-key',
  arbitrary: () => {
    const k = buildServiceKeys(generatePki());
    const texts = [k.secretWrapped, k.secretFlat, k.certificateWrapped, k.certificateFlat, k.externalCertificate, k.apiPlan].map((v) => JSON.stringify(v, null, 2));
    return mutatedText({ seeds: [...texts, k.certificateDoubleEscaped], tokens: JSON_TOKENS, generated: jsonText });
  },
  request: (path) => ({ path }),
});

let landscapeSeeds: string[] = [];
export const landscapeFileTarget = fileImporter({
  name: 'landscape file',
  channel: 'landscapes:import',
  prepare: async (w) => {
    const made = (await w.call('landscapes:create', { templateId: 's4-sscv2', name: 'Fuzz seed' })) as { landscape: { id: string } };
    landscapeSeeds = [(await w.services.landscapes.files.exportText(made.landscape.id)).text];
    w.services.landscapes.remove(made.landscape.id);
  },
  arbitrary: () => mutatedText({ seeds: landscapeSeeds, tokens: [...JSON_TOKENS, '"pathways":', '"number": 1', '"protocol": "sftp"', '"format": 2'], generated: jsonText }),
  request: (path) => ({ path }),
});

async function knownHostsLandscape(w: WatchedServices): Promise<string> {
  const made = (await w.call('landscapes:create', { templateId: 's4-sscv2', name: 'Known hosts' })) as { landscape: { id: string } };
  return made.landscape.id;
}

let khLandscape = '';
export const knownHostsTarget = channelImporter({
  name: 'known_hosts line',
  channel: 'material:known-hosts-add',
  prepare: async (w) => void (khLandscape = await knownHostsLandscape(w)),
  arbitrary: () => {
    const [pub] = seeds().sshPublic;
    const salt = Buffer.alloc(20, 7).toString('base64');
    const lines = [
      `sftp.example.com ${pub}`,
      `[sftp.example.com]:2222,10.0.0.5 ${pub}`,
      `|1|${salt}|${hashHost(salt, 'sftp.example.com')} ${pub}`,
      `@cert-authority *.example.com ${seeds().sshPublic[1]}`,
      `@revoked sftp.example.com ${seeds().sshPublic[2]}`,
    ];
    return mutatedText({ seeds: lines, tokens: ['|1|', '@revoked ', '@cert-authority ', '[', ']:', ',', '*', '!', ' ssh-ed25519 ', '\t', '#'] });
  },
  request: (line) => ({ landscape: khLandscape, line }),
  afterAccepted: async (w) => void w.services.landscapes.update(khLandscape, { knownHosts: [] }),
});

let pubLandscape = '';
export const sshPublicKeyTarget = channelImporter({
  name: 'OpenSSH public key',
  channel: 'material:known-hosts-add',
  prepare: async (w) => void (pubLandscape = await knownHostsLandscape(w)),
  arbitrary: () => mutatedText({ seeds: seeds().sshPublic, tokens: ['ssh-ed25519 ', 'ssh-rsa ', 'ecdsa-sha2-nistp256 ', 'AAAA', 'AAAAC3NzaC1lZDI1NTE5', '=', ' '] }),
  // A public key as the app meets it: the key part of a known_hosts line for a host.
  request: (key) => ({ landscape: pubLandscape, line: `sftp.example.com ${key}` }),
  afterAccepted: async (w) => void w.services.landscapes.update(pubLandscape, { knownHosts: [] }),
});

/** `landscape ssh-key import`: the CLI calls the material service directly (argv is the user's hand). */
export const sshPrivateKeyTarget: FuzzTarget<string> = {
  name: 'OpenSSH private key',
  budget: {
    ms: 6000,
    why: "ssh2's bcrypt KDF is JavaScript (40–130 ms a round on a loaded core); keys may ask for up to 32 rounds (2× ssh-keygen's default); more is refused before any KDF work",
  },
  async setup() {
    const w = await createWatchedServices();
    return {
      arbitrary: mutatedText({
        seeds: seeds().sshPrivate,
        tokens: [`${pemLine('BEGIN', 'OPENSSH PRIVATE KEY')}\n`, `${pemLine('END', 'OPENSSH PRIVATE KEY')}\n`, 'b3BlbnNzaC1rZXktdjEA', 'AAAABmJjcnlwdA', '/////w', 'AAAAAA', '\r\n'],
      }),
      run: (privateKey) => w.services.material.importSshKey({ label: 'fuzz', privateKey, passphrase: SSH_PASSPHRASE }),
      storeChange: () => w.storeChange(),
      afterAccepted: () => w.reset(),
      close: () => w.close(),
    };
  },
};
