/**
 * Design-it-yourself exercises for the video recommendation case, one per framework step, with
 * the reference answer and an explanation for every item. Numbers follow case.ts: 500 million
 * daily users opening the feed 4 times, 10 billion videos, 20 videos per feed, 500 candidates
 * ranked, 200 ms end to end with 60 ms for the ranker. Checked by exerciseSetSchema in a test.
 */
import type { ExerciseSet } from '@/lib/grading/exercise';

export const VIDEO_RECS_EXERCISES: ExerciseSet = {
  caseId: 'video-recs',
  title: 'Video recommendations: the home feed',
  exercises: [
    {
      caseId: 'video-recs',
      step: 'clarify',
      title: 'Pin down what the feed is for',
      brief:
        'The interviewer says: "Design the recommendations on the home page of our video platform." Before drawing anything, find the goal, the scale and the rules.',
      items: [
        {
          type: 'choice',
          id: 'business-goal',
          prompt: 'Which business objective should the feed be built around?',
          hint: 'Think about what the platform earns from: time spent, not single taps.',
          options: [
            {
              id: 'ctr',
              text: 'Click-through rate on the home feed',
              correct: false,
              why: 'Clicks are cheap to game: thumbnails that promise more than the video delivers raise CTR while people leave after seconds.',
            },
            {
              id: 'watch-time',
              text: 'Watch time per user per day, with CTR and satisfaction as guardrails',
              correct: true,
              why: 'Long-term engagement is measured by time actually watched; guardrails stop the feed from drifting to clickbait or to a few long videos.',
            },
            {
              id: 'uploads',
              text: 'Number of distinct videos shown per day',
              correct: false,
              why: 'Coverage matters to creators, but it is a constraint (fresh uploads must surface), not what the feed optimises.',
            },
          ],
        },
        {
          type: 'number',
          id: 'peak-qps',
          prompt:
            '500 million people open the feed 4 times a day, and the evening peak runs about 3× the daily average. How many feed requests per second must the system handle at peak?',
          hint: 'Requests per day ÷ 86,400 seconds gives the average; then apply the peak factor.',
          unit: 'requests/s',
          answer: 69_444,
          tolerance: 0.25,
          partial: 1,
          working:
            '500M × 4 = 2 billion requests a day; 2 × 10⁹ ÷ 86,400 s ≈ 23,000 per second on average; × 3 at peak ≈ 69,000 per second. Each request ranks 500 candidates, so the ranker sees about 35 million scores per second at peak.',
        },
        {
          type: 'rubric',
          id: 'questions',
          prompt:
            'Write the clarifying questions you would ask in the first five minutes, and why each one changes the design.',
          hint: 'Cover scale, latency, what a good recommendation is, and the rules and data you inherit.',
          points: [
            {
              id: 'scale',
              text: 'Scale: daily users, catalogue size and upload rate (decides two-stage retrieval and index size).',
            },
            {
              id: 'latency',
              text: 'The latency budget per request (200 ms here), which caps how many candidates can be ranked.',
            },
            {
              id: 'freshness',
              text: 'How quickly a new upload must be able to appear (within an hour: content features and a fresh-upload source).',
            },
            {
              id: 'rules',
              text: 'Rules on the feed such as a per-creator cap (at most 2 of 20), which need a re-ranking pass.',
            },
            {
              id: 'logs',
              text: 'Which system produced the logged feeds (position bias) and how many users are new (cold start).',
            },
          ],
          modelAnswer:
            'How many daily users and videos, and how many uploads a day? What latency must a feed meet? What is success — watch time, clicks, satisfaction? How fast must a new upload be recommendable? Are there rules on feed composition, such as per-creator caps? What signals are logged, and which model ordered the feeds we will learn from? What share of users have little history? Each answer changes a component: scale forces retrieval before ranking, freshness forces content features, caps force a re-ranker, and logged positions force a position-bias correction.',
        },
      ],
    },
    {
      caseId: 'video-recs',
      step: 'frame',
      title: 'Frame the feed as ML tasks',
      brief: 'Turn "watch time per user per day" into something models can learn, stage by stage.',
      items: [
        {
          type: 'choice',
          id: 'ml-objective',
          prompt: 'What should the ranking model predict for each candidate video?',
          hint: 'A click that is abandoned after five seconds is worth little; an unclicked video is worth nothing.',
          options: [
            {
              id: 'click',
              text: 'P(click) only',
              correct: false,
              why: 'Optimising clicks alone rewards clickbait; the world even makes appeal (clicks) and quality (watching) independent.',
            },
            {
              id: 'expected-watch',
              text: 'Expected watch time: P(click) × E[watch seconds | click], from a multi-task model',
              correct: true,
              why: 'The product of the two heads estimates the watch time the slot will earn, which is the business objective, and each head stays learnable on its own labels.',
            },
            {
              id: 'rating',
              text: 'The star rating the user would give',
              correct: false,
              why: 'Explicit ratings are rare and biased towards enthusiasts; the platform logs implicit feedback for every impression.',
            },
          ],
        },
        {
          type: 'choice',
          id: 'label',
          prompt: 'For the watch-time head, which label is collected and how?',
          hint: 'What does the app log after a click?',
          options: [
            {
              id: 'seconds',
              text: 'Seconds watched after the click, from the player’s watch events joined to the impression',
              correct: true,
              why: 'It is logged for every click at no cost, and it is the quantity the objective sums.',
            },
            {
              id: 'survey',
              text: 'A survey asking whether the user liked the video',
              correct: false,
              why: 'Useful as a satisfaction check on a sample, far too sparse as the main label.',
            },
            {
              id: 'likes',
              text: 'Whether the user pressed like',
              correct: false,
              why: 'Likes are a good auxiliary head but a small fraction of watches; using them alone ignores most of the signal.',
            },
          ],
        },
        {
          type: 'match',
          id: 'stage-tasks',
          prompt: 'Match each stage of the feed to the way it is framed.',
          hint: 'Retrieval must be cheap over billions; ranking can afford cross features over hundreds.',
          pairs: [
            {
              left: 'Retrieval',
              right: 'Two-tower model trained with in-batch softmax over watched videos',
              why: 'Item vectors are precomputed, so the whole catalogue is searched with a nearest-neighbour index.',
            },
            {
              left: 'Ranking',
              right: 'Multi-task model: P(click) and watch time per candidate',
              why: 'A few hundred candidates leave room for user–video cross features and several heads.',
            },
            {
              left: 'Re-ranking',
              right: 'Rules and greedy selection: creator cap, freshness, filters',
              why: 'Feed-level constraints depend on the other videos chosen, which a per-item score cannot see.',
            },
          ],
        },
      ],
    },
    {
      caseId: 'video-recs',
      step: 'data',
      title: 'Prepare the training data',
      brief:
        'The event stream holds impressions, clicks and watch events. Build training examples that match what serving will know.',
      items: [
        {
          type: 'choice',
          id: 'leaks',
          multiple: true,
          prompt:
            'Which of these ranker features would leak the label (or the future) into training?',
          hint: 'A feature is safe only if it was known at the moment the feed was served.',
          options: [
            {
              id: 'views-incl-today',
              text: 'Total views of the video counted over the whole log, test days included',
              correct: true,
              why: 'It counts the very watches being predicted and future ones: offline metrics soar, online they vanish.',
            },
            {
              id: 'watch-fraction',
              text: 'The fraction of this video the user ended up watching in this session',
              correct: true,
              why: 'That is the outcome itself.',
            },
            {
              id: 'history',
              text: 'The user’s last 50 watched videos before the request',
              correct: false,
              why: 'Known at request time and one of the strongest signals; keep it, computed point-in-time.',
            },
            {
              id: 'duration',
              text: 'Video duration and language',
              correct: false,
              why: 'Known at upload, so safe, and language decides a lot in this case.',
            },
            {
              id: 'views-yesterday',
              text: 'Views of the video on the days before the impression',
              correct: false,
              why: 'A point-in-time counter: it only uses the past.',
            },
          ],
        },
        {
          type: 'choice',
          id: 'sampling',
          prompt: 'How should negatives be chosen for the two-tower retrieval model?',
          hint: 'Scoring all 10 billion videos per example is impossible; which cheap negatives are already at hand?',
          options: [
            {
              id: 'in-batch',
              text: 'Other positives in the same batch, with a logQ correction for their popularity',
              correct: true,
              why: 'In-batch negatives are free, but popular videos appear more often, so subtracting log Q(video) stops them being pushed down unfairly.',
            },
            {
              id: 'impressed',
              text: 'Only videos that were shown and not clicked',
              correct: false,
              why: 'Those are good negatives for the ranker, but retrieval must learn to reject the whole catalogue, most of which was never shown.',
            },
            {
              id: 'uniform',
              text: 'Videos drawn uniformly from the catalogue, no correction',
              correct: false,
              why: 'Almost all are easy, irrelevant videos, so the model learns little; it also never sees hard popular negatives.',
            },
          ],
        },
        {
          type: 'number',
          id: 'impressions-per-day',
          prompt:
            'Each of the 2 billion daily feed loads shows 20 videos. How many impressions does the event log receive per day (in billions)?',
          hint: 'Feed loads × videos per feed.',
          unit: 'billion impressions',
          answer: 40,
          tolerance: 0.2,
          partial: 1,
          working:
            '500 million users × 4 loads = 2 billion feeds; × 20 videos = 40 billion impressions a day. At a few hundred bytes each that is around 10 TB a day, so training samples days and windows rather than the whole history.',
        },
        {
          type: 'choice',
          id: 'position',
          prompt:
            'The feeds in the log were ordered by the current production model. What do you do about position bias?',
          hint: 'Top slots get clicked whatever is in them.',
          options: [
            {
              id: 'slot-feature',
              text: 'Train with the slot as a feature and serve with it fixed to the top slot (or weight by inverse propensities from the randomised bucket)',
              correct: true,
              why: 'The model then attributes the slot’s visibility to the slot, not to the video, and the 5% shuffled sessions let you estimate the effect.',
            },
            {
              id: 'ignore',
              text: 'Nothing: more data averages it out',
              correct: false,
              why: 'The bias is systematic, not noise: the model learns to copy the old ranking.',
            },
            {
              id: 'drop-top',
              text: 'Drop the top three slots from the training data',
              correct: false,
              why: 'It throws away the most informative impressions and the remaining slots still differ in visibility.',
            },
          ],
        },
      ],
    },
    {
      caseId: 'video-recs',
      step: 'model',
      title: 'Choose the models',
      brief: 'From 10 billion videos to a feed of 20 inside 200 ms.',
      items: [
        {
          type: 'order',
          id: 'funnel',
          prompt: 'Put the serving funnel in order, from the first stage to the last.',
          hint: 'Each stage is more expensive per item and sees fewer items than the one before.',
          steps: [
            { id: 'embed', text: 'Encode the user and context with the user tower' },
            {
              id: 'retrieve',
              text: 'Retrieve ~1,000 candidates (ANN search, subscriptions, trending)',
            },
            { id: 'rank', text: 'Rank the candidates with the multi-task model' },
            { id: 'rerank', text: 'Re-rank: filter watched videos, creator cap, freshness' },
            { id: 'serve', text: 'Return the 20-video feed and log the impressions' },
          ],
          explanation:
            'The user vector is the query for the nearest-neighbour search; cheap, high-recall retrieval runs over billions of videos and the expensive ranker over a few hundred; the creator cap and filters need the ranked list, and only what is finally shown is logged as an impression.',
        },
        {
          type: 'choice',
          id: 'loss',
          prompt: 'Which losses train the two heads of the ranker?',
          hint: 'One head outputs a probability, the other a duration.',
          options: [
            {
              id: 'bce-huber',
              text: 'Binary cross-entropy for the click head; a regression loss such as Huber (or weighted logistic regression) for watch time',
              correct: true,
              why: 'Cross-entropy fits a probability; Huber keeps two-hour films from dominating the gradient, and weighted logistic regression is the known alternative.',
            },
            {
              id: 'mse-both',
              text: 'Mean squared error on both',
              correct: false,
              why: 'MSE on a rare binary label trains slowly and gives poorly calibrated probabilities.',
            },
            {
              id: 'softmax',
              text: 'A softmax over the whole catalogue for both',
              correct: false,
              why: 'That is the retrieval loss; the ranker scores given candidates pointwise.',
            },
          ],
        },
        {
          type: 'rubric',
          id: 'cold-start',
          prompt:
            'One in six users signed up in the last two weeks and 30 million videos arrive a day. How does your model handle both kinds of cold start?',
          hint: 'Which features exist for a video nobody has watched, or a user who has watched nothing?',
          points: [
            {
              id: 'content',
              text: 'Content and creator features in the item tower, so a new video gets a sensible vector before its first view.',
            },
            {
              id: 'profile',
              text: 'Profile and context features (country, language, device, age band) for new users.',
            },
            {
              id: 'fallback',
              text: 'A popularity or trending fallback source until personal signals exist.',
            },
            {
              id: 'fresh-source',
              text: 'A fresh-upload candidate source and an index that accepts inserts within the hour.',
            },
            {
              id: 'react',
              text: 'Reacting to the first few watches quickly (session features, streaming counters).',
            },
          ],
          modelAnswer:
            'For new videos, the item tower reads content and creator features, not only the video id, so the vector is meaningful on upload; a fresh-upload source guarantees some exposure and the ANN index takes inserts. For new users, the user tower reads profile and context features, a trending-by-language fallback fills the feed, and session features from the first watches update it within minutes.',
        },
      ],
    },
    {
      caseId: 'video-recs',
      step: 'evaluate',
      title: 'Decide how to evaluate',
      brief: 'Offline metrics that predict the online result, and an A/B test that decides.',
      items: [
        {
          type: 'match',
          id: 'metrics',
          prompt: 'Match each metric to the question it answers.',
          hint: 'Retrieval is about coverage, ranking about order and probabilities, the A/B test about the business.',
          pairs: [
            {
              left: 'Recall@k of later watches',
              right: 'Does retrieval find the videos people go on to watch?',
              why: 'Retrieval only has to include good videos; order is the ranker’s job.',
            },
            {
              left: 'AUC and log loss of P(click)',
              right: 'Does the click head separate and calibrate clicks?',
              why: 'AUC checks the order, log loss also the probabilities multiplied into the score.',
            },
            {
              left: 'Watch time per user per day',
              right: 'Did the launch grow the business objective?',
              why: 'It is the online north-star metric, measured in the A/B test.',
            },
            {
              left: 'Share of watches past 50%',
              right: 'Are we trading satisfaction for raw minutes?',
              why: 'A guardrail against clickbait and against long videos nobody finishes.',
            },
          ],
        },
        {
          type: 'choice',
          id: 'split',
          prompt: 'How do you split logged data into training and test sets?',
          hint: 'The model will be trained on the past and serve the future.',
          options: [
            {
              id: 'time',
              text: 'By time: train on earlier days, test on the latest days',
              correct: true,
              why: 'It matches deployment, exposes drift and keeps counters and future interactions out of training.',
            },
            {
              id: 'random',
              text: 'Random 80/20 split of impressions',
              correct: false,
              why: 'Impressions from the same day and session land on both sides, so the test set rewards memorising the future.',
            },
            {
              id: 'users',
              text: 'Random split of users, all days in both sides',
              correct: false,
              why: 'Useful for cold-start questions, but still trains on days that come after the test impressions.',
            },
          ],
        },
        {
          type: 'choice',
          id: 'guardrails',
          multiple: true,
          prompt: 'Which are guardrail metrics for the A/B test rather than the objective?',
          hint: 'Guardrails must not get worse while the objective improves.',
          options: [
            {
              id: 'ctr',
              text: 'Click-through rate',
              correct: true,
              why: 'Watch time alone can reward long, hard-to-click videos; CTR must not collapse.',
            },
            {
              id: 'p99',
              text: 'p99 feed latency ≤ 200 ms',
              correct: true,
              why: 'A better model that is too slow loses users before they see the feed.',
            },
            {
              id: 'creator-diversity',
              text: 'Creator diversity and fresh-upload exposure',
              correct: true,
              why: 'Protects creators and the catalogue’s future from a feed that only shows winners.',
            },
            {
              id: 'watch-time',
              text: 'Watch time per user per day',
              correct: false,
              why: 'That is the objective the test is deciding on.',
            },
          ],
        },
      ],
    },
    {
      caseId: 'video-recs',
      step: 'serve',
      title: 'Serve it in 200 ms',
      brief:
        'Split the latency budget, pick the serving mode, and draw the architecture that ties it together.',
      items: [
        {
          type: 'number',
          id: 'latency-split',
          prompt:
            'The feed has 200 ms end to end. Network and gateway take 50 ms, the ranker gets 60 ms, feature lookups 20 ms, and re-ranking plus the response 20 ms. How many milliseconds are left for retrieval?',
          hint: 'Subtract every other stage from the end-to-end budget.',
          unit: 'ms',
          answer: 50,
          tolerance: 0.1,
          partial: 0.4,
          working:
            '200 − 50 − 60 − 20 − 20 = 50 ms for the user tower and the ANN lookups together. That is plenty for a 64-dimensional ANN search (single-digit ms) and leaves room to query several sources in parallel.',
        },
        {
          type: 'choice',
          id: 'serving-mode',
          prompt: 'Which serving mode fits the home feed?',
          hint: 'What must be fresh per request, and what can be computed ahead of time?',
          options: [
            {
              id: 'hybrid',
              text: 'Online per request, with video embeddings precomputed into an ANN index and a cached feed as fallback',
              correct: true,
              why: 'The user’s latest watches change the feed, so scoring is online; the heavy item side is precomputed, and the cache keeps the page up when a stage is slow.',
            },
            {
              id: 'batch',
              text: 'Nightly batch: precompute every user’s feed',
              correct: false,
              why: '2 billion loads a day would show stale feeds that ignore this session and today’s uploads, and most precomputed feeds are never opened.',
            },
            {
              id: 'device',
              text: 'On-device: ship the model and catalogue to the phone',
              correct: false,
              why: 'A 2.56 TB index and a server-side feature store do not fit on a phone.',
            },
          ],
        },
      ],
      diagram: {
        id: 'architecture',
        prompt:
          'Draw the architecture of the home feed: the request path from the app through retrieval, ranking and re-ranking, and the data path from logged events to training and back into serving.',
        hint: 'Start from the app on the left. Every impression must be logged, the same features must serve training and ranking, and trained models must reach the ranker through a registry.',
        explanation:
          'Two stages on the request path keep the ranker’s work small; logging what was served (with its features) lets training see exactly what serving saw; a feature store shared by training and ranking prevents training/serving skew; and the registry makes every promoted model traceable.',
        rubric: {
          components: [
            {
              id: 'client',
              label: 'a client app',
              anyOf: ['client'],
              why: 'Users request feeds and generate the events.',
            },
            {
              id: 'retrieval',
              label: 'candidate retrieval',
              anyOf: ['candidate-generation', 'ann-index'],
              why: 'Ranking 10 billion videos per request is impossible; retrieval narrows them to about a thousand.',
            },
            {
              id: 'ranking',
              label: 'a ranking service',
              anyOf: ['ranking-service', 'model-server'],
              why: 'The multi-task model orders the candidates by expected watch time.',
            },
            {
              id: 'rerank',
              label: 'a re-ranker',
              anyOf: ['re-ranker'],
              why: 'The creator cap and freshness rules act on the whole list.',
            },
            {
              id: 'features',
              label: 'a feature store',
              anyOf: ['feature-store-online', 'feature-store-batch'],
              why: 'Ranking and training must read the same features.',
            },
            {
              id: 'events',
              label: 'an event log',
              anyOf: ['event-log'],
              why: 'Impressions, clicks and watch time are the labels.',
            },
            {
              id: 'training',
              label: 'a training pipeline',
              anyOf: ['training-pipeline'],
              why: 'Models are retrained on new logs.',
            },
            {
              id: 'monitoring',
              label: 'monitoring',
              anyOf: ['monitoring'],
              why: 'Latency, drift and watch time per variant must be watched.',
            },
          ],
          paths: [
            {
              id: 'client-events',
              from: 'client',
              to: 'events',
              label: 'the app logs impressions, clicks and watch time to the event log',
              why: 'Without logging there are no labels.',
            },
            {
              id: 'retrieval-ranking',
              from: 'retrieval',
              to: 'ranking',
              via: ['request'],
              label: 'retrieval hands candidates to ranking on the request path',
              why: 'The ranker only scores what retrieval found.',
            },
            {
              id: 'ranking-rerank',
              from: 'ranking',
              to: 'rerank',
              via: ['request'],
              label: 'ranking feeds the re-ranker',
              why: 'The cap is applied to the scored list.',
            },
            {
              id: 'ranking-features',
              from: 'ranking',
              to: 'features',
              via: ['request'],
              label: 'ranking reads the feature store at request time',
              why: 'Fresh user history and counters are looked up by key.',
            },
            {
              id: 'features-training',
              from: 'features',
              to: 'training',
              label: 'the feature store serves training',
              why: 'The same feature definitions offline and online prevent skew.',
            },
            {
              id: 'events-training',
              from: 'events',
              to: 'training',
              label: 'the event log reaches training',
              why: 'Labels are joined from logged events.',
            },
            {
              id: 'events-features',
              from: 'events',
              to: 'features',
              label: 'events update the feature store',
              why: 'Counters such as recent watches come from the stream.',
            },
            {
              id: 'training-ranking',
              from: 'training',
              to: 'ranking',
              label: 'trained models reach the ranking service',
              why: 'Through a registry, so every served model is versioned.',
            },
          ],
          forbidden: [
            {
              id: 'client-training',
              from: 'client',
              to: 'training',
              label: 'the app sends data straight to training',
              why: 'Go through the event log so training sees one ordered, replayable record.',
            },
            {
              id: 'events-ranking',
              from: 'events',
              to: 'ranking',
              label: 'the ranker reads the raw event log',
              why: 'Scanning logs on the request path blows the latency budget; precompute features into the store.',
            },
          ],
        },
      },
    },
    {
      caseId: 'video-recs',
      step: 'monitor',
      title: 'Keep it healthy',
      brief: 'The feed is live. Decide what to watch and when to retrain.',
      items: [
        {
          type: 'match',
          id: 'symptoms',
          prompt: 'Match each symptom to its most likely cause.',
          hint: 'Think about what changed: the data, the code path, or the world.',
          pairs: [
            {
              left: 'Offline gains do not show up online',
              right: 'Leaky features or training/serving skew',
              why: 'The model learned something serving cannot see; check point-in-time joins and feature parity.',
            },
            {
              left: 'New uploads get almost no impressions',
              right: 'Retrieval leans on id embeddings and counters',
              why: 'A video with no history never gets a good vector; add content features and a fresh source.',
            },
            {
              left: 'Watch time per user slowly falls week by week',
              right: 'Model staleness as tastes and the catalogue drift',
              why: 'Retrain on recent data on a schedule and alert on drift.',
            },
            {
              left: 'p99 latency jumps after a launch',
              right: 'More candidates or a heavier ranker than the budget allows',
              why: 'Watch latency per stage and roll back or shrink the candidate set.',
            },
          ],
        },
        {
          type: 'rubric',
          id: 'what-to-monitor',
          prompt:
            'List what you would monitor once the feed is live, and what each alert would trigger.',
          hint: 'Operations, data, model quality and business metrics.',
          points: [
            {
              id: 'latency',
              text: 'Latency and errors per stage (p50/p99), with the cached feed as fallback.',
            },
            {
              id: 'drift',
              text: 'Feature and prediction drift against the training distribution.',
            },
            {
              id: 'online',
              text: 'Watch time, CTR and satisfied watches per variant and per slice (country, device, new users).',
            },
            { id: 'freshness', text: 'Fresh-upload exposure and creator diversity.' },
            {
              id: 'retrain',
              text: 'A retraining schedule, with rollback through the model registry.',
            },
          ],
          modelAnswer:
            'Per-stage latency and error rates with alerts that switch to the cached feed; input feature distributions and score distributions compared with training; watch time, CTR and share of satisfied watches per experiment arm and per slice; fresh-upload exposure and creator diversity; and a daily retrain whose candidate must beat the current model offline before a canary, with the registry keeping the previous version for rollback.',
        },
        {
          type: 'choice',
          id: 'retrain',
          prompt: 'How often should the ranker be retrained?',
          hint: 'Thirty million uploads a day change what is worth watching.',
          options: [
            {
              id: 'daily',
              text: 'At least daily, on a sliding window of recent days, promoted only if it beats the current model',
              correct: true,
              why: 'Tastes and the catalogue drift daily; a gate keeps a bad run from shipping.',
            },
            {
              id: 'quarterly',
              text: 'Every quarter, after a full review',
              correct: false,
              why: 'Months-old models miss every trend and most of the catalogue.',
            },
            {
              id: 'per-request',
              text: 'Online, on every request, with no offline check',
              correct: false,
              why: 'Unchecked updates let a bug or an attack reach every user at once.',
            },
          ],
        },
      ],
    },
  ],
};
