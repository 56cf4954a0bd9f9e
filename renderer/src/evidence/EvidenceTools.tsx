/**
 * The evidence tools beside "Probe all": the evidence report, the handover pack and the expiry
 * radar, each opening its small panel under the toolbar (one at a time).
 */
import { useState } from 'react';
import type { ExpiryRadar } from '../../../shared/evidence/evidence-responses';
import type { Landscape } from '../../../shared/landscape';
import { ExpiryPanel } from './ExpiryPanel';
import { PackForm } from './PackForm';
import { ReportForm } from './ReportForm';
import './evidence.css';

type Open = 'report' | 'pack' | 'expiry' | null;

export function EvidenceButtons({ open, onOpen, radar }: { open: Open; onOpen: (o: Open) => void; radar: ExpiryRadar | null }) {
  const due = radar?.items.filter((i) => i.level === 'expired' || i.level === 'critical' || i.level === 'soon').length ?? 0;
  const button = (id: Exclude<Open, null>, text: string) => (
    <button type="button" aria-expanded={open === id} onClick={() => onOpen(open === id ? null : id)}>
      {text}
    </button>
  );
  return (
    <>
      {button('report', 'Save evidence report…')}
      {button('pack', 'Save handover pack…')}
      {button('expiry', due ? `Expiry radar (${due} due)` : 'Expiry radar')}
    </>
  );
}

export function EvidencePanel({ open, landscape, radar, onClose }: { open: Open; landscape: Landscape; radar: ExpiryRadar | null; onClose: () => void }) {
  if (open === 'report') return <ReportForm landscape={landscape} onClose={onClose} />;
  if (open === 'pack') return <PackForm landscape={landscape} onClose={onClose} />;
  if (open === 'expiry') return <ExpiryPanel landscape={landscape} radar={radar} onClose={onClose} />;
  return null;
}

export function useEvidenceOpen() {
  return useState<Open>(null);
}
