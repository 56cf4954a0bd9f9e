/**
 * Integration flow files from a customer's tenant: iFlow and package exports (zip read by
 * safe-zip.ts, XML by safe-xml.ts) and bare .iflw files, through the `iflow:import` channel that
 * "Import integration flows…" calls. Every input is a real import into a new landscape, not a dry
 * run, so a refusal is also checked to leave the store untouched.
 */
import type fc from 'fast-check';
import { unzipSync, zipSync } from 'fflate';
import { buildIflw, iflowZip, packageZip, seed002Iflows } from '../../support/iflow-builder';
import type { FuzzTarget } from '../fuzz-types';
import { mutatedBytes, mutatedText } from '../mutate';
import { fileImporter } from './file-importer';

const ZIP_TOKENS = ['PK\x03\x04', 'PK\x01\x02', 'PK\x05\x06', '\xff\xff', '\xff\xff\xff\xff', '../', '/etc/', '.iflw', '_content', '.zip', 'META-INF/MANIFEST.MF', '\x01\x00', '\x08\x00', '\x63\x00'];
const XML_TOKENS = [
  '<bpmn2:messageFlow id="x" sourceRef="a" targetRef="b">',
  '</bpmn2:messageFlow>',
  '<ifl:property><key>ComponentType</key><value>SFTP</value></ifl:property>',
  '<key>address</key><value>{{p}}</value>',
  '${header.x}',
  '<!DOCTYPE x [<!ENTITY a "b">]>',
  '<![CDATA[',
  ']]>',
  '<!--',
  '-->',
  '<?x ?>',
  '&amp;',
  '&#x0;',
  '&#1114112;',
  '<',
  '>',
  '/>',
  '"',
  '\uFEFF',
];

function seeds(): { zips: Uint8Array[]; iflws: string[] } {
  const flows = seed002Iflows();
  const one = iflowZip(flows[1]!);
  // Stored (not deflated) copies, so byte mutations reach the XML and manifest, not only inflate.
  return { zips: [one, packageZip(flows), zipSync(unzipSync(one), { level: 0 }), zipSync(unzipSync(packageZip(flows.slice(0, 1))), { level: 0 })], iflws: flows.map((f) => buildIflw(f)) };
}

function iflowTarget(name: string, arbitrary: () => fc.Arbitrary<Uint8Array | string>): FuzzTarget<Uint8Array | string> {
  return fileImporter({ name, channel: 'iflow:import', arbitrary, request: (path) => ({ paths: [path], newName: 'Fuzz import', dryRun: false }) });
}

export const iflowArchiveTarget = iflowTarget('iFlow / package export (.zip)', () => mutatedBytes({ seeds: seeds().zips, tokens: ZIP_TOKENS }));

export const iflowXmlTarget = iflowTarget('iFlow XML (.iflw)', () => mutatedText({ seeds: seeds().iflws, tokens: XML_TOKENS }));
