/**
 * Builds integration flow exports at test time, in the shape Cloud Integration's Design view
 * exports them (our own writing, learned from public exports; nothing third-party is copied):
 * an iFlow zip (META-INF/MANIFEST.MF, src/main/resources/scenarioflows/integrationflow/*.iflw,
 * parameters.prop/.propdef), a package export (artifacts nested as `<id>_content` zips beside
 * resources.cnt), and the hostile archives the importer must refuse.
 */
import { crc32, deflateRawSync } from 'node:zlib';
import { deflateSync, strToU8, zipSync, type Zippable } from 'fflate';

export interface FlowSpec {
  /** ComponentType as the iFlow writes it: SOAP, HTTPS, HTTP, IDoc, HCIOData, SFTP, Mail, RFC, … */
  type: string;
  direction: 'Sender' | 'Receiver';
  participant: string;
  name?: string;
  props?: Record<string, string>;
}

export interface IflowSpec {
  id: string;
  name?: string;
  flows: FlowSpec[];
  /** parameters.prop values ({{name}} in props resolve from here). */
  params?: Record<string, string>;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function properties(props: Record<string, string>, indent: string): string {
  return Object.entries(props)
    .map(([k, v]) => `${indent}<ifl:property>\n${indent}    <key>${esc(k)}</key>\n${indent}    <value>${esc(v)}</value>\n${indent}</ifl:property>`)
    .join('\n');
}

/** The .iflw text: participants for each system, the integration process, one message flow per adapter. */
export function buildIflw(spec: IflowSpec): string {
  const parts: string[] = [];
  const flows: string[] = [];
  spec.flows.forEach((f, i) => {
    const pid = `Participant_${i + 1}`;
    const type = f.direction === 'Sender' ? 'EndpointSender' : 'EndpointRecevier';
    parts.push(`        <bpmn2:participant id="${pid}" ifl:type="${type}" name="${esc(f.participant)}">\n            <bpmn2:extensionElements>\n${properties({ 'ifl:type': type }, '                ')}\n            </bpmn2:extensionElements>\n        </bpmn2:participant>`);
    const [source, target] = f.direction === 'Sender' ? [pid, 'StartEvent_2'] : [`ServiceTask_${i + 1}`, pid];
    const props = { ComponentType: f.type, ComponentNS: 'sap', Name: f.name ?? f.type, direction: f.direction, system: f.participant, ...(f.props ?? {}) };
    flows.push(`        <bpmn2:messageFlow id="MessageFlow_${i + 1}" name="${esc(f.name ?? f.type)}" sourceRef="${source}" targetRef="${target}">\n            <bpmn2:extensionElements>\n${properties(props, '                ')}\n            </bpmn2:extensionElements>\n        </bpmn2:messageFlow>`);
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn2:definitions xmlns:bpmn2="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:ifl="http:///com.sap.ifl.model/Ifl.xsd" id="Definitions_1">
    <bpmn2:collaboration id="Collaboration_1" name="Default Collaboration">
        <bpmn2:extensionElements>
${properties({ namespaceMapping: '', httpSessionHandling: 'onExchange' }, '            ')}
        </bpmn2:extensionElements>
${parts.join('\n')}
        <bpmn2:participant id="Participant_Process_1" ifl:type="IntegrationProcess" name="Integration Process" processRef="Process_1">
            <bpmn2:extensionElements/>
        </bpmn2:participant>
${flows.join('\n')}
    </bpmn2:collaboration>
    <bpmn2:process id="Process_1" name="Integration Process">
        <bpmn2:startEvent id="StartEvent_2" name="Start"/>
    </bpmn2:process>
</bpmn2:definitions>
`;
}

function prop(params: Record<string, string>): string {
  const e = (s: string) => s.replace(/\\/g, '\\\\').replace(/:/g, '\\:').replace(/=/g, '\\=').replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `#Store parameters\n#Mon Dec 01 10:00:00 UTC 2026\n${Object.entries(params).map(([k, v]) => `${e(k)}=${e(v)}`).join('\n')}\n`;
}

/** An iFlow export as Cloud Integration writes it. */
export function iflowZip(spec: IflowSpec, opts: { iflw?: string } = {}): Uint8Array {
  const name = spec.name ?? spec.id;
  const manifest = `Manifest-Version: 1.0\nBundle-ManifestVersion: 2\nBundle-Name: ${name}\nBundle-SymbolicName: ${spec.id}; singleton:=true\nBundle-Version: 1.0.0\nSAP-BundleType: IntegrationFlow\nSAP-NodeType: IFLMAP\n\n`;
  const files: Zippable = {
    'META-INF/MANIFEST.MF': strToU8(manifest),
    '.project': strToU8(`<?xml version="1.0" encoding="UTF-8"?><projectDescription><name>${esc(spec.id)}</name></projectDescription>`),
    'metainfo.prop': strToU8('#Store metainfo properties\ndescription=test fixture\n'),
    [`src/main/resources/scenarioflows/integrationflow/${spec.id}.iflw`]: strToU8(opts.iflw ?? buildIflw(spec)),
    'src/main/resources/parameters.prop': strToU8(prop(spec.params ?? {})),
    'src/main/resources/parameters.propdef': strToU8('<?xml version="1.0" encoding="UTF-8" standalone="no"?><parameters/>'),
  };
  return zipSync(files);
}

/** An integration package export: each artifact a nested zip named `<hex id>_content`. */
export function packageZip(artifacts: IflowSpec[]): Uint8Array {
  const files: Zippable = { 'contentmetadata.md': strToU8('IyBQYWNrYWdl') };
  const resources = artifacts.map((a, i) => ({ id: `${(i + 1).toString(16).padStart(32, '0')}`, name: a.name ?? a.id, resourceType: 'IFlow' }));
  files['resources.cnt'] = strToU8(btoa(JSON.stringify({ resources })));
  artifacts.forEach((a, i) => (files[`${resources[i]!.id}_content`] = iflowZip(a)));
  return zipSync(files);
}

/** Seed 002's package: S/4HANA ↔ SSCv2, Basic towards S/4HANA (On-Premise), certificates towards SSCv2. */
export function seed002Package(): Uint8Array {
  return packageZip(seed002Iflows());
}

export function seed002Iflows(): IflowSpec[] {
  const s4 = 'SAP_S4HANA';
  const ssc = 'SAP_SSCV2';
  const toS4 = { address: 'http://s4-virtual:44300/sap/bc/srt/scs/sap/bp_replicate', proxyType: 'On-Premise', locationID: '{{S4_LocationID}}', authentication: 'Basic', credentialName: '{{S4_Credential}}' };
  return [
    {
      id: 'Replicate_BP_from_S4HANA_to_SSCV2',
      name: 'Replicate Business Partner from SAP S/4HANA to SAP Sales and Service Cloud Version 2',
      params: { SSCV2_Host: 'https://my1000.de1.crm.cloud.sap', SSCV2_Alias: 'acme_sscv2_client' },
      flows: [
        { type: 'SOAP', direction: 'Sender', participant: s4, name: 'FromS4', props: { address: '/S4/BusinessPartner', senderAuthType: 'RoleBased', userRole: 'ESBMessaging.send' } },
        { type: 'HTTP', direction: 'Receiver', participant: ssc, name: 'ToSSCv2', props: { httpAddressWithoutQuery: '{{SSCV2_Host}}/sap/c4c/api/v1/business-partner', proxyType: 'Internet', authenticationMethod: 'Client Certificate', privateKeyAlias: '{{SSCV2_Alias}}', httpMethod: 'POST' } },
      ],
    },
    {
      id: 'Replicate_Account_from_SSCV2_to_S4HANA',
      name: 'Replicate Account from SAP Sales and Service Cloud Version 2 to SAP S/4HANA',
      params: { S4_LocationID: 'acme-scc', S4_Credential: 'ACME_S4_BASIC' },
      flows: [
        { type: 'HTTPS', direction: 'Sender', participant: ssc, name: 'FromSSCv2', props: { urlPath: '/sscv2/account', senderAuthType: 'ClientCertificate' } },
        { type: 'SOAP', direction: 'Receiver', participant: s4, name: 'ToS4', props: toS4 },
        { type: 'ProcessDirect', direction: 'Receiver', participant: 'Logging', name: 'ToLog', props: { address: '/acme/log' } },
      ],
    },
    {
      id: 'Replicate_SalesOrder_from_SSCV2_to_S4HANA',
      name: 'Replicate Sales Order from SAP Sales and Service Cloud Version 2 to SAP S/4HANA',
      params: { S4_LocationID: 'acme-scc', S4_Credential: 'ACME_S4_BASIC' },
      flows: [
        { type: 'HTTPS', direction: 'Sender', participant: ssc, name: 'FromSSCv2', props: { urlPath: '/sscv2/salesorder', senderAuthType: 'ClientCertificate' } },
        { type: 'IDoc', direction: 'Receiver', participant: s4, name: 'ToS4IDoc', props: { ...toS4, address: 'http://s4-virtual:44300/sap/bc/srt/idoc' } },
      ],
    },
  ];
}

/** A zip whose entries are given raw (names unchecked), each deflated. */
export function rawZip(entries: Record<string, Uint8Array>): Uint8Array {
  return zipSync(entries);
}

/** Zeros that inflate `ratio`-fold beyond any XML: a zip bomb named like an iFlow. */
export function zipBomb(megabytes = 8): Uint8Array {
  return nativeZip('src/main/resources/scenarioflows/integrationflow/bomb.iflw', Buffer.alloc(megabytes * 1048576));
}

/** Patches every declared uncompressed size in the central directory to `size` (a lying archive). */
export function lieAboutSizes(zip: Uint8Array, size: number): Uint8Array {
  const b = Buffer.from(zip);
  for (let i = 0; i + 4 <= b.length; i++) if (b.readUInt32LE(i) === 0x02014b50) b.writeUInt32LE(size, i + 24);
  return new Uint8Array(b);
}

/**
 * One `.iflw` entry of `megabytes` of text that compresses only ~100-fold (below the bomb ratio, so
 * the per-entry cap must stop it). Written with Node's native zlib: fflate takes seconds for 100 MB.
 */
export function hugeEntryZip(megabytes = 100): Uint8Array {
  let seed = 7;
  const period = Buffer.from(Uint8Array.from({ length: 16384 }, () => 97 + ((seed = (seed * 1103515245 + 12345) >>> 0) % 26)));
  const data = Buffer.alloc(megabytes * 1048576);
  for (let i = 0; i < data.length; i += period.length) period.copy(data, i);
  return nativeZip('src/main/resources/scenarioflows/integrationflow/huge.iflw', data);
}

function nativeZip(name: string, data: Buffer): Uint8Array {
  const body = deflateRawSync(data, { level: 1 });
  const n = Buffer.from(name);
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(body.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(n.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(body.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(n.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + n.length, 12);
  end.writeUInt32LE(30 + n.length + body.length, 16);
  return new Uint8Array(Buffer.concat([local, n, body, central, n, end]));
}

export { deflateSync, strToU8 };
