/** What an iFlow import (or its dry-run preview) answers: the issue's `iflows` shape, then the plan. */
import type { MaterialNeed } from '../landscape/material-needs';
import type { IflowAdapter } from './derive-adapters';
import type { ImportPlan } from './plan-import';

export interface IflowImportResult {
  dryRun: boolean;
  /** changed: false when the landscape already held everything (nothing is written). */
  landscape: { id: string; name: string; created: boolean; changed: boolean };
  iflows: { file: string; name: string; adapters: IflowAdapter[] }[];
  systems: ImportPlan['systems'];
  pathways: ImportPlan['pathways'];
  internal: ImportPlan['internal'];
  material: MaterialNeed[];
  findings: ImportPlan['findings'];
}
