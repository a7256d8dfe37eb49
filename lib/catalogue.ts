/** The case studies MLSD Lab teaches; a case is linked only once its page exists. */
export const casePath = (id: string) => `/cases/${id}/`;

export interface CaseStudyEntry {
  id: string;
  title: string;
  blurb: string;
  /** 'live': the system runs on its page; 'coming': not built yet. */
  status: 'live' | 'coming';
  /** Slug of the case's lesson under /learn/, once it is written. */
  lesson?: string;
}

export const CASE_STUDIES: readonly CaseStudyEntry[] = [
  {
    id: 'video-recs',
    title: 'Video recommendation',
    blurb:
      'A two-stage home feed: two-tower retrieval, a multi-task DCN-V2 ranker and re-ranking, tuned for watch time.',
    status: 'live',
    lesson: 'video-recommendation',
  },
  {
    id: 'ad-click',
    title: 'Ad click prediction',
    blurb: 'Feature crosses, calibrated pCTR and an auction that turns predictions into revenue.',
    status: 'live',
    lesson: 'ad-click-prediction',
  },
  {
    id: 'harmful-content',
    title: 'Harmful content detection',
    blurb:
      'Multi-task classifiers over text and images, precision at a review budget, and human labelling.',
    status: 'coming',
  },
  {
    id: 'event-recs',
    title: 'Event recommendation',
    blurb: 'Learning to rank nearby events under cold start, location and time constraints.',
    status: 'coming',
  },
];
