/**
 * The video recommendation case study: a YouTube-like home feed. What the interviewer asks,
 * the scale behind it, and the requirements a candidate has to draw out before designing.
 * Pure data. The world (world.ts) is a browser-sized copy of this story.
 */

import type { CaseStudy } from '../../lib/cases/case-study';

export type { CaseStudy, HiddenRequirement, ScaleFigure } from '../../lib/cases/case-study';

const DAU = 500_000_000;
const FEEDS_PER_USER = 4;
const FEED_REQUESTS_PER_DAY = DAU * FEEDS_PER_USER;
const VIDEOS = 10_000_000_000;
const CANDIDATES = 500;

export const VIDEO_RECS_CASE: CaseStudy = {
  id: 'video-recs',
  title: 'Video recommendations: the home feed',
  prompt: 'Design the recommendations on the home page of our video platform.',
  story:
    'A YouTube-like platform: when a signed-in user opens the app, the home feed shows a grid of videos picked for them. They scroll, click some, and watch part of each. The catalogue holds about 10 billion videos, from two-hour films to 15-second shorts, in dozens of languages, and creators upload millions more every day. 500 million people open the feed every day, on phones, desktops, TVs and tablets. Your job is the system that picks the videos: retrieval from the whole catalogue, ranking, and the final feed, within 200 ms per request.',
  objective: {
    business:
      'Grow long-term engagement: total watch time per user per day, without trading it for clickbait, creator monopolies or a stale feed.',
    ml: 'Retrieve a few hundred candidates a user is likely to watch (two-tower retrieval, trained on watched impressions with in-batch softmax), then rank them by expected watch time = P(click) × E[watch seconds | click] (a multi-task ranker).',
    input: '(user: profile, watch history; context: device, time; candidate videos)',
    output: 'An ordered feed of 20 videos',
  },
  scale: [
    { id: 'dau', label: 'Daily active users', value: DAU, unit: 'users' },
    { id: 'videos', label: 'Videos in the catalogue', value: VIDEOS, unit: 'videos' },
    {
      id: 'uploads-per-day',
      label: 'Videos uploaded per day',
      value: 30_000_000,
      unit: 'videos',
    },
    {
      id: 'feed-requests-per-day',
      label: 'Home feed requests per day',
      value: FEED_REQUESTS_PER_DAY,
      unit: 'requests',
      derivation: '500 million users × 4 feed loads',
    },
    {
      id: 'feed-qps',
      label: 'Feed requests per second (average)',
      value: Math.round(FEED_REQUESTS_PER_DAY / 86_400),
      unit: 'requests/s',
      derivation: '2 billion ÷ 86,400 s ≈ 23k; evening peaks run about 3× higher',
    },
    { id: 'feed-size', label: 'Videos per feed', value: 20, unit: 'videos' },
    {
      id: 'candidates',
      label: 'Candidates ranked per request',
      value: CANDIDATES,
      unit: 'videos',
    },
    {
      id: 'ranker-qps',
      label: 'Ranker scores per second (average)',
      value: Math.round(FEED_REQUESTS_PER_DAY / 86_400) * CANDIDATES,
      unit: 'scores/s',
      derivation: '23k requests/s × 500 candidates ≈ 12 million',
    },
    {
      id: 'index-size',
      label: 'Retrieval index at 64 float32 per video',
      value: (VIDEOS * 64 * 4) / 1e12,
      unit: 'TB',
      derivation:
        '10 billion × 256 bytes = 2.56 TB: sharded, or quantised, or only the watchable subset',
    },
  ],
  latencyBudgetMs: { endToEnd: 200, model: 60 },
  metrics: {
    offline: [
      'Retrieval: recall@k of watched videos on later days',
      'Ranking: AUC and log loss of P(click); error of predicted watch time',
      'Feed: expected watch time of the top 20 against the oracle (the world knows it)',
    ],
    online: ['Watch time per user per day', 'Daily active users, sessions per user'],
    guardrails: [
      'Click-through rate (watch time alone rewards long, hard-to-click videos)',
      'Share of satisfied watches (≥ 50 % of the video)',
      'Creator diversity and fresh-upload exposure',
      'p99 feed latency ≤ 200 ms',
    ],
  },
  hiddenRequirements: [
    {
      id: 'fresh-uploads',
      title: 'Fresh uploads must surface',
      question: 'How quickly should a new upload be able to appear in feeds?',
      answer:
        'Within an hour. Creators complain when new videos get no views for days, and many videos are most interesting on the day they are posted.',
      ifMissed:
        'A retriever that leans on interaction counters and ids never retrieves a video nobody has watched yet, so it never gets watched. Use content and creator features in the item tower, a fresh-upload candidate source, and an index that takes inserts.',
      inWorld:
        'Videos keep being uploaded during the log (videos.uploadDay ≥ 0) and the click model gives a boost that fades over days (truth.freshnessWeight, freshnessDays).',
    },
    {
      id: 'creator-cap',
      title: 'No creator may dominate a feed',
      question: 'Are there rules on what a single feed may contain?',
      answer: 'At most 2 of the 20 videos may come from the same creator.',
      ifMissed:
        'A pure score sort fills feeds with one popular channel. Add a re-ranking pass (greedy selection with a per-creator cap) and retrieve enough candidates that the cap still leaves a full feed.',
      inWorld:
        'Creators upload log-normal volumes and share their appeal across their videos (videos.creator), so uncapped rankings do cluster.',
    },
    {
      id: 'position-bias',
      title: 'Position bias in the logs',
      question: 'Which model ordered the feeds we will train on?',
      answer:
        'The current production system. Top slots get looked at, and clicked, far more often, whatever is in them.',
      ifMissed:
        'The model learns "what the old system put on top". Train with the slot as a feature (set to the top slot when serving), or weight by inverse propensities estimated from a small randomised bucket.',
      inWorld:
        'P(click) = (1 + slot)^−η × attractiveness; 5 % of sessions show their slate shuffled (sessions.randomized).',
    },
    {
      id: 'cold-start-users',
      title: 'Many users are new',
      question: 'What share of requests come from users with little history?',
      answer: 'About one in six users signed up in the last two weeks.',
      ifMissed:
        'An id-embedding model gives new users a random vector. Use profile features (country, language, device, age band), a popularity fallback, and react to the first few watches.',
      inWorld:
        '15 % of users sign up during the log (users.firstDay); age band shifts taste a little.',
    },
    {
      id: 'language',
      title: 'Language decides a lot',
      question: 'Do users watch videos in other languages?',
      answer: 'Rarely, except English, which many understand.',
      ifMissed:
        'Recommending popular English videos everywhere wastes most slots. Retrieve per language and cross user and video language in the ranker.',
      inWorld: 'Click logit penalty truth.englishPenalty / foreignPenalty for other languages.',
    },
    {
      id: 'clickbait',
      title: 'Clicks are not watches',
      question: 'Is a click a good signal of a good recommendation?',
      answer: 'No: some videos get many clicks and are abandoned after seconds.',
      ifMissed:
        'A CTR-only ranker promotes clickbait and watch time falls. Predict click and watch time (multi-task) and rank by their product.',
      inWorld:
        'Appeal (videos.popularity) drives clicks and quality (videos.quality) drives watch fraction, independently.',
    },
    {
      id: 'long-videos',
      title: 'Watch time favours long videos',
      question: 'Is one hour watched of a film the same as one hour of shorts?',
      answer:
        'For the objective, yes, which is why films and long streams tend to take over feeds ranked by raw watch time.',
      ifMissed:
        'The feed fills with long videos many users never start. Watch the CTR and satisfaction guardrails; consider normalising or capping watch time in the label.',
      inWorld:
        '3,201 real films (1½–3 hours) sit next to shorts; watch fraction falls with duration (truth.watchDurationDecay).',
    },
    {
      id: 'point-in-time',
      title: 'Features must be point-in-time',
      question: 'Offline gains did not show up in the A/B test. Why might that be?',
      answer: 'Our counters were computed over the whole log, including the test days.',
      ifMissed:
        'Counters that include the example’s own day leak the label. Split by time and join every feature as of the example’s day.',
      inWorld:
        'Counters of day d use days strictly before d (features.createFeatureStore, buildRankerTable).',
    },
  ],
};
