/**
 * PAC files (the customer's proxy auto-configuration, read when a landscape's route says PAC):
 * mutated scripts through the evaluator the route resolver uses (QuickJS under a memory limit and
 * an interrupt, bounded DNS helpers), each compiled afresh (no cache) and asked for a CI host.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPacEvaluator } from '../../../main/services/network/pac-evaluator';
import type { FuzzTarget } from '../fuzz-types';
import { mutatedText } from '../mutate';

const SEEDS = [
  `function FindProxyForURL(url, host) {
  if (isPlainHostName(host) || dnsDomainIs(host, ".corp.example")) return "DIRECT";
  if (shExpMatch(host, "*.hana.ondemand.com") || shExpMatch(url, "https://*.crm.cloud.sap/*")) return "PROXY proxy.corp.example:8080; DIRECT";
  if (isInNet(myIpAddress(), "10.0.0.0", "255.0.0.0")) return "PROXY proxy-lan.corp.example:3128";
  return "DIRECT";
}`,
  `var proxies = ["PROXY a.example:8080", "SOCKS5 b.example:1080"];
function FindProxyForURL(url, host) { var i = host.length % proxies.length; return weekdayRange("MON", "FRI") ? proxies[i] : "DIRECT"; }`,
];
const TOKENS = ['while(true){}', 'for(;;)', 'new Array(1e9)', '"x".repeat(1e8)', 'throw 1;', 'return 42;', 'return;', '(function f(){f()})()', 'eval(', 'myIpAddress()', 'isResolvable(host)', '}', '{', ';', '"', '\\u0000'];

/** Bounded by the evaluator's own limit: a script that loops runs until its 2 s interrupt. */
const EVAL_MS = 2000;

export const pacTarget: FuzzTarget<string> = {
  name: 'PAC file',
  budget: { ms: EVAL_MS + 1000, why: 'a PAC script is interrupted after its 2 s evaluation limit (pac-evaluator.ts), so a looping script costs up to that by design' },
  async setup() {
    const dir = mkdtempSync(join(tmpdir(), 'fuzz-pac-'));
    const file = join(dir, 'proxy.pac');
    const pac = createPacEvaluator({ cacheMs: 0, evalTimeoutMs: EVAL_MS, dnsTimeoutMs: 200, myIp: () => '10.1.2.3' });
    return {
      arbitrary: mutatedText({ seeds: SEEDS, tokens: TOKENS }),
      run: (script) => {
        writeFileSync(file, Buffer.from(script, 'latin1'));
        return pac.find(file, 'https://my1000.de1.crm.cloud.sap/sap/c4c/api/v1/', 'my1000.de1.crm.cloud.sap');
      },
      close: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
};
