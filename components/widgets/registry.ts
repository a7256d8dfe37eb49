import type { ComponentType } from 'react';
import type { WidgetName } from '@/lib/content/components';

/** How each live widget is loaded; a missing widget name is a type error. */
export const WIDGET_LOADERS = {
  'threshold-explorer': () => import('./ThresholdExplorer').then((m) => m.ThresholdExplorer),
  'interview-clock': () => import('./InterviewClock').then((m) => m.InterviewClock),
  'video-recs-metrics': () =>
    import('@/components/case-studies/video-recs/VideoRecsWidgets').then(
      (m) => m.VideoRecsMetricsWidget,
    ),
  'video-recs-waterfall': () =>
    import('@/components/case-studies/video-recs/VideoRecsWidgets').then(
      (m) => m.VideoRecsWaterfallWidget,
    ),
  'video-recs-click-log': () =>
    import('@/components/case-studies/video-recs/VideoRecsWidgets').then(
      (m) => m.VideoRecsClickLogWidget,
    ),
  'ad-calibration': () => import('./AdCalibration').then((m) => m.AdCalibration),
  'ad-auction': () => import('./AdAuction').then((m) => m.AdAuction),
  'ad-staleness': () => import('./AdStaleness').then((m) => m.AdStaleness),
} satisfies Record<WidgetName, () => Promise<ComponentType>>;
