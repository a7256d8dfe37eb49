import type { ComponentType } from 'react';

/**
 * Sections other features add to the progress dashboard, rendered in this order below the
 * lessons and exercises. This is where the mock interview history joins the dashboard: a
 * component that reads it through `loadMockHistory()` (components/mock/mock-history.ts, on the
 * mock interview branch) and shows attempts, bands and time per step. Each section is
 * self-contained: it loads its own data and explains its own storage problems.
 */
export const DASHBOARD_EXTRA_SECTIONS: readonly ComponentType[] = [];
