/**
 * The reference design of the video recommendation case, step by step: the decisions a strong
 * candidate makes and the points they say out loud. Consistent with case.ts (a YouTube-like home
 * feed, 500M daily users, 10B videos, 200 ms per request, total watch time as the objective).
 * The mock interview compares the learner's notes with it; decisions that only follow from an
 * interviewer's answer are linked from reference/interviewer.ts. Pure data.
 */
import type { ReferenceSolution } from '@/lib/mock/reference-schema';

export const VIDEO_RECS_SOLUTION: ReferenceSolution = {
  caseId: 'video-recs',
  steps: [
    {
      step: 'clarify',
      summary:
        'Pin down the goal (watch time, not clicks), the surface (signed-in home feed), the scale and the latency budget before drawing anything.',
      decisions: [
        {
          id: 'goal-watch-time',
          decision:
            'Optimise total watch time per user per day, with CTR and satisfaction as guardrails.',
          why: 'It is the business goal the interviewer names; clicks alone reward clickbait.',
        },
        {
          id: 'scale-numbers',
          decision:
            'Work from 500M daily users, about 4 feed loads each (≈ 23k requests/s, 3× at peak) and 10B videos.',
          why: 'The numbers force a multi-stage design: nothing scores 10B videos per request.',
        },
        {
          id: 'latency-200ms',
          decision: 'Treat 200 ms end to end as the budget, with about 60 ms for models.',
          why: 'It bounds how many candidates the ranker can afford (hundreds, not thousands).',
        },
        {
          id: 'feed-rules',
          decision: 'Ask about business rules on the feed (creator caps, fresh uploads, safety).',
          why: 'They become a re-ranking stage that a pure score sort would not have.',
        },
      ],
      talkingPoints: [
        'Restate the problem: a personalised grid of 20 videos on the home page of signed-in users.',
        'Ask what success means and agree on watch time with guardrails.',
        'Ask about scale, latency, devices and languages before choosing an architecture.',
        'Say which requirements you will assume if the interviewer leaves them open.',
      ],
    },
    {
      step: 'frame',
      summary:
        'Two stages: retrieve a few hundred candidates from billions, then rank them by expected watch time and re-rank for feed rules.',
      decisions: [
        {
          id: 'two-stage',
          decision:
            'Split into candidate generation (cheap, recall) and ranking (expensive, precision).',
          why: '10B videos × 23k requests/s rules out scoring everything with one model.',
        },
        {
          id: 'rank-expected-watch',
          decision:
            'Rank by P(click) × E[watch seconds | click], predicted by one multi-task model.',
          why: 'Expected watch time matches the objective while the click head keeps the feed clickable.',
        },
        {
          id: 'retrieval-two-tower',
          decision:
            'Retrieve with a two-tower model (user tower, video tower) and nearest-neighbour search, plus extra sources.',
          why: 'Video embeddings are computed offline, so serving is one user-tower pass and an index lookup.',
        },
      ],
      talkingPoints: [
        'Input: user, context and candidate videos; output: an ordered list of 20 videos.',
        'Explain why CTR alone is the wrong objective (clickbait) and why raw watch time needs guardrails.',
        'Name the ML task of each stage: retrieval as learning embeddings, ranking as multi-task prediction.',
      ],
    },
    {
      step: 'data',
      summary:
        'Impression and watch logs give labels; user, video and context features come from a feature store joined point in time.',
      decisions: [
        {
          id: 'labels-from-logs',
          decision:
            'Labels from logs: click per impression and watch seconds per click; positives for retrieval are watched videos.',
          why: 'Implicit feedback is plentiful; explicit likes are too rare to train on alone.',
        },
        {
          id: 'features-three-kinds',
          decision:
            'User features (history embeddings, language, country, device), video features (content, creator, age, counters) and context (time, device).',
          why: 'Content and creator features let the model score videos with no history.',
        },
        {
          id: 'point-in-time-join',
          decision:
            'Join every counter as of the example’s day and split train/test by time, never at random.',
          why: 'Counters that include the label’s own day leak it and inflate offline metrics.',
        },
        {
          id: 'position-debias',
          decision:
            'Log the slot of each impression and use it as a training feature (fixed at serving), or weight by inverse propensity.',
          why: 'The logs were ordered by the old system; top slots get clicks whatever they show.',
        },
      ],
      talkingPoints: [
        'Say where each label comes from and how delayed it is (watch time arrives after the session).',
        'Name the negatives: impressions without a click for ranking, in-batch negatives for retrieval.',
        'Call out leakage and position bias before the interviewer does.',
      ],
    },
    {
      step: 'model',
      summary:
        'A two-tower retriever trained with in-batch softmax and a multi-task ranker (click and watch-time heads) on crossed features.',
      decisions: [
        {
          id: 'tower-training',
          decision:
            'Train the towers with in-batch sampled softmax and a log-frequency (logQ) correction.',
          why: 'In-batch negatives over-represent popular videos; the correction removes that bias.',
        },
        {
          id: 'ranker-multitask',
          decision:
            'A DCN-V2 style ranker with shared layers and two heads: click (log loss) and watch time (regression on log seconds).',
          why: 'Shared layers learn from both signals; cross layers capture user × video interactions.',
        },
        {
          id: 'cold-start-content',
          decision:
            'Give the video tower content and creator features and the user tower profile features, with a popularity fallback.',
          why: 'Id embeddings alone give new users and fresh uploads a random vector.',
        },
        {
          id: 'baseline-first',
          decision:
            'Start from a popularity baseline and a logistic regression ranker, then add complexity.',
          why: 'Baselines show what each added model actually buys.',
        },
      ],
      talkingPoints: [
        'Draw the two towers and say what goes into each.',
        'Explain the loss of each head and how the heads combine into one score.',
        'Mention the trade-off: a bigger ranker costs latency per candidate.',
      ],
    },
    {
      step: 'evaluate',
      summary:
        'Offline: recall@k for retrieval, AUC and log loss for clicks, error of watch time; online: an A/B test on watch time with guardrails.',
      decisions: [
        {
          id: 'offline-metrics',
          decision:
            'Retrieval recall@k on later days; ranking AUC, log loss and watch-time error; feed-level expected watch time.',
          why: 'Each stage gets a metric that matches its job, measured on held-out later days.',
        },
        {
          id: 'online-ab',
          decision:
            'A/B test with watch time per user as the primary metric and CTR, satisfied-watch share and creator diversity as guardrails.',
          why: 'Offline gains often fail to transfer; guardrails catch a watch-time win bought by long videos or clickbait.',
        },
      ],
      talkingPoints: [
        'Say how big the test must be and how long to run it (novelty effects).',
        'Explain why offline and online metrics can disagree (leakage, position bias, feedback loops).',
        'Slice results by new versus returning users and by device.',
      ],
    },
    {
      step: 'serve',
      summary:
        'Per request: user tower, ANN retrieval from several sources, ranking of ~500 candidates, re-ranking for feed rules, all under 200 ms.',
      decisions: [
        {
          id: 'ann-index',
          decision:
            'Video embeddings in a sharded approximate nearest-neighbour index (≈ 2.6 TB at 64 float32, so sharded or quantised) that takes inserts.',
          why: 'Exact search over 10B vectors is far too slow; inserts let fresh uploads appear within the hour.',
        },
        {
          id: 'candidate-sources',
          decision:
            'Merge several candidate sources: two-tower ANN, fresh uploads, subscriptions and popular-in-language.',
          why: 'One source misses fresh and cold-start cases; several give the ranker a balanced pool.',
        },
        {
          id: 're-rank-rules',
          decision:
            'Re-rank greedily: at most 2 videos per creator, diversity, freshness boosts and safety filters.',
          why: 'Feed rules are constraints on the list, which a per-item score cannot express.',
        },
        {
          id: 'latency-split',
          decision:
            'Split the 200 ms: features ~30 ms, retrieval ~30 ms, ranking ~60 ms, re-ranking and overhead the rest.',
          why: 'A budget per stage tells you how many candidates and how big a model you can afford.',
        },
      ],
      talkingPoints: [
        'Walk through one request end to end with the time each stage takes.',
        'Precompute video embeddings and popular lists offline; keep only the user tower online.',
        'Say what happens when a stage is slow (timeouts, fallback to cached or popular feeds).',
      ],
    },
    {
      step: 'monitor',
      summary:
        'Watch data, model and business signals, retrain on fresh logs, and keep the feedback loop in check.',
      decisions: [
        {
          id: 'monitor-drift',
          decision:
            'Monitor feature distributions, prediction versus observed CTR and watch time, and latency per stage.',
          why: 'Tastes and the catalogue change daily; silent drift shows up as calibration error first.',
        },
        {
          id: 'retrain-cadence',
          decision:
            'Retrain the ranker daily and refresh video embeddings continuously for new uploads.',
          why: 'Fresh uploads and trends need a model that has seen yesterday.',
        },
        {
          id: 'feedback-loop',
          decision:
            'Keep a small randomised or exploration bucket to measure and counter the feedback loop.',
          why: 'A model trained on its own recommendations narrows what it ever learns about.',
        },
      ],
      talkingPoints: [
        'Name dashboards and alerts: latency, error rate, CTR, watch time, calibration.',
        'Explain how to roll back a model and how to ship one (shadow, canary, A/B).',
      ],
    },
  ],
};
