/**
 * The scripted interviewer of the video recommendation case: clarifying questions by topic,
 * each answered with the case's hidden requirements (case.ts). Answers marked with `changes`
 * alter what a good design is; the mock interview's end screen shows which of them the learner
 * asked. Pure data.
 */
import { fromRequirement, type ScriptedInterviewer } from '@/lib/mock/reference-schema';
import { VIDEO_RECS_CASE } from '../case';

const hidden = VIDEO_RECS_CASE.hiddenRequirements;

export const VIDEO_RECS_INTERVIEWER: ScriptedInterviewer = {
  caseId: 'video-recs',
  opening: VIDEO_RECS_CASE.prompt,
  questions: [
    {
      id: 'how-many-users',
      topic: 'scale',
      question: 'How many users and videos are we talking about?',
      answer:
        'About 500 million people open the home feed every day, a few times each. The catalogue holds around 10 billion videos.',
    },
    fromRequirement(hidden, 'fresh-uploads', 'scale', {
      decisions: ['ann-index', 'candidate-sources', 'cold-start-content'],
      without:
        'A retriever built from ids and view counters, with an index rebuilt nightly: a new upload cannot be retrieved until people have watched it.',
      with: 'Content and creator features in the video tower, an index that takes inserts within the hour, and a fresh-upload candidate source.',
    }),
    {
      id: 'latency-budget',
      topic: 'latency',
      question: 'How fast must the feed load?',
      answer:
        'Within 200 ms at the 99th percentile, measured at our servers, for the whole request.',
      changes: {
        decisions: ['latency-split', 'two-stage'],
        without: 'One heavy model scoring a large candidate set, with no idea where the time goes.',
        with: 'A budget per stage (features, retrieval, ranking, re-ranking) that caps the ranker at a few hundred candidates.',
      },
    },
    {
      id: 'devices',
      topic: 'latency',
      question: 'Which devices is the feed shown on?',
      answer:
        'Phones, desktops, TVs and tablets. All of them call the same service; the grid just has a different width.',
    },
    fromRequirement(hidden, 'position-bias', 'data', {
      decisions: ['position-debias'],
      without: 'Training on raw impressions: the model learns what the old system put on top.',
      with: 'The slot as a training feature (fixed at serving) or inverse-propensity weights from a randomised bucket.',
    }),
    fromRequirement(hidden, 'point-in-time', 'data', {
      decisions: ['point-in-time-join'],
      without: 'Counters computed over the whole log and a random train/test split.',
      with: 'Features joined as of each example’s day and a split by time.',
    }),
    fromRequirement(hidden, 'clickbait', 'labels', {
      decisions: ['rank-expected-watch', 'ranker-multitask'],
      without: 'A click model ranking by CTR alone.',
      with: 'A multi-task ranker with click and watch-time heads, ranked by their product.',
    }),
    fromRequirement(hidden, 'long-videos', 'labels', {
      decisions: ['online-ab'],
      without: 'Raw watch time as the only metric: long films take over feeds.',
      with: 'CTR and satisfied-watch guardrails in the A/B test, and a capped or normalised watch-time label if needed.',
    }),
    fromRequirement(hidden, 'cold-start-users', 'personalization', {
      decisions: ['cold-start-content'],
      without: 'User id embeddings only: a new user gets a random vector.',
      with: 'Profile features in the user tower, a popularity fallback, and quick updates from the first watches.',
    }),
    fromRequirement(hidden, 'language', 'personalization', {
      decisions: ['candidate-sources'],
      without: 'Globally popular (mostly English) videos in every feed.',
      with: 'Retrieval per language and a user × video language cross in the ranker.',
    }),
    fromRequirement(hidden, 'creator-cap', 'constraints', {
      decisions: ['re-rank-rules'],
      without: 'The ranked list is the feed, so one popular channel can fill it.',
      with: 'A greedy re-ranking pass with at most 2 videos per creator, and enough candidates that the cap still fills 20 slots.',
    }),
    {
      id: 'signed-out',
      topic: 'constraints',
      question: 'Do we also serve signed-out visitors?',
      answer: 'Not in this design: only signed-in users. Signed-out visitors get a trending page.',
    },
  ],
};
