import type { ComponentType } from 'react';
import { MockSummary } from './MockSummary';

/**
 * Sections other features add to the progress dashboard, rendered in this order below the
 * lessons and exercises. Each is self-contained: it loads its own data and explains its own
 * storage problems.
 */
export const DASHBOARD_EXTRA_SECTIONS: readonly ComponentType[] = [MockSummary];
