/**
 * Design-it-yourself exercises for the ad click prediction case, one per framework step, with
 * the reference answer and an explanation for every item. Numbers follow case.ts: 1 billion
 * daily users seeing 20 ads each in a social feed, 300 eligible ads per auction, a 1.5% base CTR,
 * 500-byte log rows, 100 ms end to end with 25 ms for the model. Revenue comes through
 * bid × pCTR auctions charged per click. Checked by exerciseSetSchema in a test.
 */
import type { ExerciseSet } from '@/lib/grading/exercise';

export const AD_CLICK_EXERCISES: ExerciseSet = {
  caseId: 'ad-click',
  title: 'Ad click prediction',
  exercises: [
    {
      caseId: 'ad-click',
      step: 'clarify',
      title: 'Find out how the prediction is used',
      brief:
        'The interviewer says: "Design the system that predicts clicks on the ads in our social feed." Ask what the number feeds into, how much traffic there is, and what is off limits.',
      items: [
        {
          type: 'choice',
          id: 'use-of-prediction',
          prompt:
            'Ads are ranked by bid × pCTR and charged per click. What does that imply for the model?',
          hint: 'The probability itself sets the price, not just the order.',
          options: [
            {
              id: 'calibrated',
              text: 'The predicted probability must be calibrated, not only well ordered',
              correct: true,
              why: 'A pCTR twice the truth doubles the ad’s value in the auction, so it wins slots it should lose and advertisers are mispriced.',
            },
            {
              id: 'order-only',
              text: 'Only the order of ads matters, so AUC is enough',
              correct: false,
              why: 'Across advertisers with different bids the scale of pCTR changes which ad wins; AUC ignores scale.',
            },
            {
              id: 'top1',
              text: 'Only the single most clickable ad matters',
              correct: false,
              why: 'The auction multiplies by bids: the most clickable ad often loses to a higher bid.',
            },
          ],
        },
        {
          type: 'number',
          id: 'auction-qps',
          prompt:
            '1 billion daily users each see about 20 ads a day. How many auctions per second does that make on average?',
          hint: 'Impressions per day ÷ 86,400.',
          unit: 'auctions/s',
          answer: 231_481,
          tolerance: 0.25,
          partial: 1,
          working:
            '1 × 10⁹ × 20 = 20 billion impressions a day; ÷ 86,400 s ≈ 231,000 auctions per second on average, 2–3× that at peak. With 300 eligible ads each, the model scores about 69 million ads per second on average.',
        },
        {
          type: 'rubric',
          id: 'questions',
          prompt: 'Write the clarifying questions you would ask, and what each answer changes.',
          hint: 'Money, traffic, new ads, position, data volume, and the rules.',
          points: [
            {
              id: 'pricing',
              text: 'How the prediction is used and how advertisers pay (auction, per click: calibration matters).',
            },
            {
              id: 'scale',
              text: 'Traffic and latency: impressions a day, ads per auction, the 100 ms budget.',
            },
            {
              id: 'new-ads',
              text: 'How many new ads launch a day (exploration and cold start).',
            },
            {
              id: 'budgets',
              text: 'Budgets and pacing: ads leave the auction when their daily budget is spent.',
            },
            {
              id: 'sensitive',
              text: 'Attributes that may not be used for targeting or prediction.',
            },
          ],
          modelAnswer:
            'How is pCTR used in the auction and how are advertisers charged? How many users, impressions and eligible ads per request, and what latency? How many new ads and advertisers appear daily? Do campaigns have budgets, and what happens when they run out? Is the slot position logged? How much data is logged and can we keep it all? Which attributes are off limits? Pricing makes calibration a requirement, new ads force exploration, budgets change the ad mix through the day, and the restrictions shape the feature list.',
        },
      ],
    },
    {
      caseId: 'ad-click',
      step: 'frame',
      title: 'Frame pCTR as a learning task',
      brief: 'Turn "predict clicks" into a model input, output, label and loss.',
      items: [
        {
          type: 'choice',
          id: 'ml-objective',
          prompt: 'Which framing fits?',
          hint: 'The auction needs a number per ad, on an absolute scale.',
          options: [
            {
              id: 'pointwise',
              text: 'Pointwise binary classification of (user, ad, context) → calibrated P(click), trained with log loss',
              correct: true,
              why: 'Each eligible ad gets an independent probability that can be multiplied by its bid; log loss rewards calibrated probabilities.',
            },
            {
              id: 'pairwise',
              text: 'Pairwise ranking of ads within an auction',
              correct: false,
              why: 'It learns order only; the auction and the price need the probability’s scale.',
            },
            {
              id: 'regression',
              text: 'Regress each ad’s daily click count',
              correct: false,
              why: 'That ignores who is looking and where; the decision is per impression.',
            },
          ],
        },
        {
          type: 'choice',
          id: 'label',
          prompt: 'How is the label of an impression collected?',
          hint: 'Clicks arrive after the impression, sometimes much later.',
          options: [
            {
              id: 'window',
              text: 'Positive if a click arrives within an attribution window after the impression; negative once the window closes without one',
              correct: true,
              why: 'Joining clicks to impressions by impression id in a streaming joiner gives labels within minutes; a fixed window defines when a negative is final.',
            },
            {
              id: 'conversion',
              text: 'Positive if the user later buys from the advertiser',
              correct: false,
              why: 'That is a conversion model, a different and much sparser label.',
            },
            {
              id: 'dwell',
              text: 'Positive if the ad stayed on screen for two seconds',
              correct: false,
              why: 'That measures viewability, not interest, and is not what advertisers pay for.',
            },
          ],
        },
        {
          type: 'match',
          id: 'inputs',
          prompt: 'Match each input to the part of the model input it belongs to.',
          hint: 'Who is looking, what is shown, and the circumstances.',
          pairs: [
            {
              left: 'Age bucket, country, past CTR on this category',
              right: 'User features',
              why: 'They describe who is looking (with sensitive attributes left out).',
            },
            {
              left: 'Category, creative type, advertiser’s historical CTR',
              right: 'Ad features',
              why: 'They describe what is shown; advertiser priors help new ads.',
            },
            {
              left: 'Hour, device, placement, slot position',
              right: 'Context features',
              why: 'They change click rates for every ad; position is used in training and fixed at serving.',
            },
          ],
        },
      ],
    },
    {
      caseId: 'ad-click',
      step: 'data',
      title: 'Build the training set',
      brief:
        'About 10 TB of impressions a day, 98.5% of them without a click. Choose what to keep and which features are safe.',
      items: [
        {
          type: 'choice',
          id: 'leaks',
          multiple: true,
          prompt: 'Which features would leak the label into training?',
          hint: 'Only what was known when the auction ran is fair.',
          options: [
            {
              id: 'ctr-incl-today',
              text: 'The ad’s CTR computed over all days including the impression’s own day',
              correct: true,
              why: 'It contains this impression’s click: offline metrics soar, online the feature is not available.',
            },
            {
              id: 'clicked-later',
              text: 'Whether the user clicked any ad from this advertiser later that day',
              correct: true,
              why: 'It looks into the future relative to the impression.',
            },
            {
              id: 'ctr-before',
              text: 'The ad’s CTR over the seven days before the impression',
              correct: false,
              why: 'Computed strictly from the past: safe, and a strong feature.',
            },
            {
              id: 'placement',
              text: 'Placement and slot position',
              correct: false,
              why: 'Known when the ad is shown; position is fixed to a constant at serving time.',
            },
          ],
        },
        {
          type: 'choice',
          id: 'sampling',
          prompt:
            'You keep every click and 10% of the non-clicks. What must happen to predictions?',
          hint: 'The model now sees ten times more clicks per impression than reality.',
          options: [
            {
              id: 'recalibrate',
              text: 'Correct them: q = p / (p + (1 − p) / w) with w = 0.1',
              correct: true,
              why: 'Negative downsampling inflates the odds by 1/w; the formula undoes it so pCTR is calibrated again.',
            },
            {
              id: 'nothing',
              text: 'Nothing: the order of ads is unchanged',
              correct: false,
              why: 'The order is unchanged, but every probability is about ten times too high, which breaks the auction prices.',
            },
            {
              id: 'upsample',
              text: 'Also duplicate clicks ten times to balance classes',
              correct: false,
              why: 'That inflates probabilities further; balancing is not the goal, calibration is.',
            },
          ],
        },
        {
          type: 'number',
          id: 'recalibrated',
          prompt:
            'Trained on data with 10% of negatives kept (w = 0.1), the model predicts 13.25% for an impression. What is the corrected pCTR, in percent?',
          hint: 'q = p / (p + (1 − p) / w).',
          unit: '%',
          answer: 1.5,
          tolerance: 0.1,
          partial: 0.5,
          working:
            'q = 0.1325 / (0.1325 + 0.8675 / 0.1) = 0.1325 / 8.8075 ≈ 0.015, i.e. 1.5%, the base CTR. Without the correction this ad would be valued almost nine times too high in the auction.',
        },
        {
          type: 'number',
          id: 'storage',
          prompt:
            'The log gets 20 billion impressions a day at 500 bytes each. Keeping every click (1.5%) and 10% of the rest, how many terabytes a day does the training set grow by?',
          hint: 'Rows kept = impressions × (click share + 10% of the non-click share).',
          unit: 'TB',
          answer: 1.135,
          tolerance: 0.2,
          partial: 1,
          working:
            '20 × 10⁹ × (0.015 + 0.985 × 0.1) = 20 × 10⁹ × 0.1135 ≈ 2.27 billion rows; × 500 bytes ≈ 1.1 TB a day, against 10 TB for the full log.',
        },
      ],
    },
    {
      caseId: 'ad-click',
      step: 'model',
      title: 'Choose the model',
      brief: 'Sparse ids, useful crosses, and a new batch of ads every hour.',
      items: [
        {
          type: 'choice',
          id: 'architecture',
          prompt: 'Which model is the reasonable production choice?',
          hint: 'Clicks depend on combinations such as user age × ad category.',
          options: [
            {
              id: 'dcn',
              text: 'A deep & cross network (DCN-V2) over embeddings of sparse features, with logistic regression on crosses as the baseline',
              correct: true,
              why: 'Cross layers learn feature interactions explicitly and cheaply; the LR baseline shows what the deep model adds.',
            },
            {
              id: 'lr-raw',
              text: 'Logistic regression on raw features only',
              correct: false,
              why: 'It cannot express interactions unless you hand-craft the crosses, so it underfits.',
            },
            {
              id: 'gbdt-ids',
              text: 'Gradient-boosted trees on raw ad and user ids',
              correct: false,
              why: 'Trees split poorly on millions of ids and must be retrained from scratch, which is slow for hourly updates.',
            },
          ],
        },
        {
          type: 'order',
          id: 'training-run',
          prompt: 'Order one hourly training run.',
          hint: 'Labels first, the auction last.',
          steps: [
            { id: 'join', text: 'Join clicks to impressions once the attribution window closes' },
            { id: 'sample', text: 'Downsample negatives and attach point-in-time features' },
            { id: 'train', text: 'Train (warm-started from the last model)' },
            {
              id: 'calibrate',
              text: 'Correct for downsampling and recalibrate on held-out recent data',
            },
            { id: 'gate', text: 'Check NE and calibration against the current model' },
            { id: 'deploy', text: 'Register and deploy to the pCTR servers' },
          ],
          explanation:
            'Labels are final only after the window; sampling and features precede training; calibration must be fitted after training and checked before the model can set prices.',
        },
        {
          type: 'rubric',
          id: 'new-ads',
          prompt:
            'A tenth of active ads launched within the last day. How does the model score them fairly?',
          hint: 'What do you know about an ad before its first impression?',
          points: [
            {
              id: 'priors',
              text: 'Back off to advertiser and category priors (hierarchical features).',
            },
            { id: 'content', text: 'Use creative and targeting features, not only the ad id.' },
            {
              id: 'explore',
              text: 'Reserve a small share of traffic for exploration so new ads get impressions.',
            },
            { id: 'fresh', text: 'Retrain often (hourly) so early clicks count quickly.' },
          ],
          modelAnswer:
            'A new ad has no click history, so its id embedding is untrained. Give the model features that exist at launch — advertiser and category CTR priors, creative type, targeting — so it scores near similar ads; explore with a small slice of traffic so the ad collects impressions; and retrain hourly so its own history takes over within the day.',
        },
      ],
    },
    {
      caseId: 'ad-click',
      step: 'evaluate',
      title: 'Evaluate probabilities, then revenue',
      brief: 'Offline checks that protect prices, online checks that protect the business.',
      items: [
        {
          type: 'match',
          id: 'metrics',
          prompt: 'Match each metric to what it tells you.',
          hint: 'Ordering, probability quality, calibration, business.',
          pairs: [
            {
              left: 'ROC-AUC',
              right: 'Whether clicked impressions score above unclicked ones',
              why: 'It checks order only and says nothing about the scale of pCTR.',
            },
            {
              left: 'Normalised entropy',
              right: 'Log loss relative to always predicting the base CTR',
              why: 'Below 1 means the model beats the prior; it is sensitive to calibration.',
            },
            {
              left: 'Calibration ratio',
              right: 'Mean predicted CTR ÷ observed CTR, overall and per slice',
              why: 'It should be close to 1 everywhere prices are set.',
            },
            {
              left: 'Revenue per thousand impressions',
              right: 'Whether the launch earns more in the A/B test',
              why: 'The business metric, read with advertiser ROI as a guardrail.',
            },
          ],
        },
        {
          type: 'choice',
          id: 'auc-trap',
          prompt:
            'A new model has a higher AUC but predicts a 4% CTR where the truth is 2%. Should it launch?',
          hint: 'What does the auction do with the 4%?',
          options: [
            {
              id: 'no',
              text: 'Not as is: recalibrate first and check NE and the calibration ratio',
              correct: true,
              why: 'Doubling pCTR doubles the ad’s value in the auction; advertisers are mispriced even though the order improved.',
            },
            {
              id: 'yes',
              text: 'Yes: a higher AUC means better ads are shown',
              correct: false,
              why: 'AUC is blind to scale, and the auction uses the scale.',
            },
            {
              id: 'threshold',
              text: 'Yes, after tuning a click threshold',
              correct: false,
              why: 'No threshold is applied: the probability goes straight into bid × pCTR.',
            },
          ],
        },
        {
          type: 'choice',
          id: 'guardrails',
          multiple: true,
          prompt: 'Which are guardrail metrics in the A/B test?',
          hint: 'Revenue can rise by hurting users or advertisers.',
          options: [
            {
              id: 'roi',
              text: 'Advertiser ROI (conversions per dollar)',
              correct: true,
              why: 'Advertisers who overpay leave, and long-run revenue goes with them.',
            },
            {
              id: 'hide',
              text: 'Ad hide and report rate',
              correct: true,
              why: 'Irrelevant or annoying ads cost user trust and time on the app.',
            },
            {
              id: 'latency',
              text: 'p99 latency of the ad request',
              correct: true,
              why: 'A slot that times out shows no ad.',
            },
            {
              id: 'rpm',
              text: 'Revenue per thousand impressions',
              correct: false,
              why: 'That is the objective being tested.',
            },
          ],
        },
      ],
    },
    {
      caseId: 'ad-click',
      step: 'serve',
      title: 'Serve inside the auction',
      brief: 'Score 300 ads per auction inside 100 ms, then draw the system.',
      items: [
        {
          type: 'number',
          id: 'latency-split',
          prompt:
            'The ad request has 100 ms end to end: network 30 ms, finding eligible ads 15 ms, feature lookups 10 ms, the pCTR model 25 ms, auction and pacing 5 ms. How many milliseconds of headroom remain for tail latency?',
          hint: 'Subtract every stage from the end-to-end budget.',
          unit: 'ms',
          answer: 15,
          tolerance: 0.1,
          partial: 0.4,
          working:
            '100 − 30 − 15 − 10 − 25 − 5 = 15 ms. Stages vary, and a p99 target needs slack: scoring 300 ads in one batched call keeps the model inside its 25 ms.',
        },
        {
          type: 'choice',
          id: 'serving-mode',
          prompt: 'Which serving mode fits pCTR?',
          hint: 'The context (slot, hour, what the user just did) is known only at request time.',
          options: [
            {
              id: 'online',
              text: 'Online scoring per request, batched over the eligible ads, with features read from an online store',
              correct: true,
              why: 'pCTR depends on the user, the slot and the moment; precomputed features keep the model inside 25 ms.',
            },
            {
              id: 'batch',
              text: 'Precompute pCTR for every user–ad pair nightly',
              correct: false,
              why: '1 billion users × 10 million ads is 10¹⁶ pairs, and context changes every request.',
            },
            {
              id: 'per-ad',
              text: 'One static CTR per ad, refreshed daily',
              correct: false,
              why: 'It ignores who is looking, so relevance and revenue drop.',
            },
          ],
        },
      ],
      diagram: {
        id: 'architecture',
        prompt:
          'Draw the ad click prediction system: the ad request through retrieval of eligible ads, the pCTR model and the auction, and the loop from logged impressions and clicks to hourly training.',
        hint: 'Log impressions and clicks, join them into labels, keep one feature store for training and serving, and let monitoring compare predicted with observed CTR.',
        explanation:
          'The auction depends on calibrated pCTR, so the loop from logs to a retrained model must be short (hourly) and monitored against observed CTR; a joiner turns clicks into labels; a shared feature store keeps training and serving consistent.',
        rubric: {
          components: [
            {
              id: 'client',
              label: 'a client app',
              anyOf: ['client'],
              why: 'Ads are requested and clicked there.',
            },
            {
              id: 'ranking',
              label: 'a pCTR model service',
              anyOf: ['ranking-service', 'model-server'],
              why: 'It scores every eligible ad.',
            },
            {
              id: 'auction',
              label: 'an auction',
              anyOf: ['re-ranker'],
              why: 'Bid × pCTR picks the winner and sets the price.',
            },
            {
              id: 'features',
              label: 'a feature store',
              anyOf: ['feature-store-online', 'feature-store-batch'],
              why: 'Historical CTRs and user features are shared by training and serving.',
            },
            {
              id: 'events',
              label: 'an impression and click log',
              anyOf: ['event-log'],
              why: 'Every impression and click is a training example.',
            },
            {
              id: 'joiner',
              label: 'a click–impression joiner',
              anyOf: ['stream-processing', 'batch-processing'],
              why: 'Clicks arrive later and must be joined to their impressions.',
            },
            {
              id: 'training',
              label: 'a training pipeline',
              anyOf: ['training-pipeline'],
              why: 'Click behaviour drifts daily, so the model is retrained hourly.',
            },
            {
              id: 'monitoring',
              label: 'monitoring',
              anyOf: ['monitoring'],
              why: 'Predicted and observed CTR must be compared continuously.',
            },
          ],
          paths: [
            {
              id: 'client-events',
              from: 'client',
              to: 'events',
              label: 'the app logs impressions and clicks',
              why: 'The labels start there.',
            },
            {
              id: 'events-joiner',
              from: 'events',
              to: 'joiner',
              label: 'logged events reach the joiner',
              why: 'Clicks are matched to impressions by id.',
            },
            {
              id: 'events-training',
              from: 'events',
              to: 'training',
              label: 'labelled impressions reach training',
              why: 'Hourly training needs the latest labels.',
            },
            {
              id: 'features-training',
              from: 'features',
              to: 'training',
              label: 'the feature store serves training',
              why: 'The same features offline and online prevent skew.',
            },
            {
              id: 'ranking-features',
              from: 'ranking',
              to: 'features',
              via: ['request'],
              label: 'the pCTR service reads the feature store at request time',
              why: 'Historical CTRs are looked up by key within the budget.',
            },
            {
              id: 'ranking-auction',
              from: 'ranking',
              to: 'auction',
              via: ['request'],
              label: 'pCTR feeds the auction',
              why: 'The auction ranks by bid × pCTR.',
            },
            {
              id: 'training-ranking',
              from: 'training',
              to: 'ranking',
              label: 'trained models reach the pCTR service',
              why: 'Through a registry, so every served model is versioned and can be rolled back.',
            },
            {
              id: 'events-monitoring',
              from: 'events',
              to: 'monitoring',
              label: 'observed CTR reaches monitoring',
              why: 'Calibration drift is found by comparing predicted with observed CTR.',
            },
          ],
          forbidden: [
            {
              id: 'client-training',
              from: 'client',
              to: 'training',
              label: 'the app sends clicks straight to training',
              why: 'Without the log and the joiner there is no impression to attach the click to, and no negatives.',
            },
            {
              id: 'events-ranking',
              from: 'events',
              to: 'ranking',
              label: 'the pCTR service reads the raw log',
              why: 'Scanning logs per request breaks the 100 ms budget; serve precomputed counters from the feature store.',
            },
          ],
        },
      },
    },
    {
      caseId: 'ad-click',
      step: 'monitor',
      title: 'Keep pCTR honest',
      brief: 'Prices depend on the model every second. Decide what to watch and how fast to react.',
      items: [
        {
          type: 'match',
          id: 'symptoms',
          prompt: 'Match each symptom to its most likely cause.',
          hint: 'Calibration, cold start, pacing and freshness each leave a different trace.',
          pairs: [
            {
              left: 'Mean pCTR drifts above observed CTR over the week',
              right: 'Stale model as categories trend and creatives wear out',
              why: 'Retrain more often and recalibrate on recent data.',
            },
            {
              left: 'New ads almost never win an auction',
              right: 'No exploration and no advertiser or category priors',
              why: 'They are scored at a low prior and never collect clicks.',
            },
            {
              left: 'Many budgets are spent by noon',
              right: 'Overpredicted CTR for some ads plus no pacing',
              why: 'Overvalued ads win too often early in the day.',
            },
            {
              left: 'Offline NE great, online revenue flat',
              right: 'A leaky feature such as same-day CTR',
              why: 'The model relied on something serving does not have.',
            },
          ],
        },
        {
          type: 'choice',
          id: 'cadence',
          prompt: 'How often should the pCTR model be updated?',
          hint: 'A tenth of ads are less than a day old.',
          options: [
            {
              id: 'hourly',
              text: 'Hourly or continuously, warm-started, with calibration checked before each push',
              correct: true,
              why: 'Behaviour drifts daily and new ads need their first clicks to count quickly; the gate keeps a bad model from setting prices.',
            },
            {
              id: 'weekly',
              text: 'Weekly',
              correct: false,
              why: 'A week-old model is miscalibrated for trending categories and blind to new ads.',
            },
            {
              id: 'never',
              text: 'Only when offline AUC drops',
              correct: false,
              why: 'AUC can stay flat while calibration drifts and prices go wrong.',
            },
          ],
        },
        {
          type: 'rubric',
          id: 'what-to-monitor',
          prompt: 'What would you put on the pCTR dashboard, and which alerts roll back a model?',
          hint: 'Calibration per slice, data freshness, latency, revenue.',
          points: [
            {
              id: 'calibration',
              text: 'Calibration ratio (predicted ÷ observed CTR) overall and per placement, country and category.',
            },
            {
              id: 'freshness',
              text: 'Data freshness: delay of the click joiner and age of the served model.',
            },
            { id: 'latency', text: 'Latency and timeouts of the scoring service.' },
            {
              id: 'business',
              text: 'Revenue per thousand impressions, advertiser ROI, hide rate.',
            },
            {
              id: 'rollback',
              text: 'Automatic rollback to the previous registered model on a calibration alert.',
            },
          ],
          modelAnswer:
            'Predicted versus observed CTR per hour, overall and per slice, with an alert when the ratio leaves roughly 0.9–1.1; the joiner’s lag and the served model’s age; p99 scoring latency and timeouts; RPM, advertiser ROI and hide rate per experiment arm; and a one-step rollback to the previous model in the registry when calibration breaks.',
        },
      ],
    },
  ],
};
