import { AD_CLICK_REFERENCE } from '@/case-studies/ad-click/reference/diagram';
import {
  VIDEO_RECS_REFERENCE,
  type ReferenceArchitecture,
} from '@/case-studies/video-recs/reference/diagram';

/** The reference architectures learners can open read-only or copy as a template. */
export const REFERENCES: readonly ReferenceArchitecture[] = [
  VIDEO_RECS_REFERENCE,
  AD_CLICK_REFERENCE,
];

export function referenceById(caseId: string): ReferenceArchitecture | undefined {
  return REFERENCES.find((r) => r.caseId === caseId);
}

export type { ReferenceArchitecture };
