/**
 * The reference design of the ad click prediction case, step by step: the decisions a strong
 * candidate makes and the points they say out loud. Consistent with case.ts (ads in a social
 * feed, an auction on bid × pCTR, revenue through accurate, calibrated CTR). Decisions that
 * only follow from an interviewer's answer are linked from reference/interviewer.ts. Pure data.
 */
import type { ReferenceSolution } from '@/lib/mock/reference-schema';

export const AD_CLICK_SOLUTION: ReferenceSolution = {
  caseId: 'ad-click',
  steps: [
    {
      step: 'clarify',
      summary:
        'Find out how the prediction is used (the auction), how advertisers pay, the scale of the logs and the latency of an auction.',
      decisions: [
        {
          id: 'goal-revenue',
          decision:
            'Aim for long-run revenue: relevant ads that get clicked and correctly priced clicks, without hurting users.',
          why: 'Revenue is bid × pCTR through an auction, so both ranking and the probability itself matter.',
        },
        {
          id: 'scale-numbers',
          decision:
            'Work from 1B daily users, 20 ad impressions each (≈ 231k auctions/s) and about 300 eligible ads per auction.',
          why: 'The numbers size the log (≈ 10 TB a day) and the scoring load (tens of millions of predictions a second).',
        },
        {
          id: 'latency-100ms',
          decision: 'Treat 100 ms per auction as the budget, with about 25 ms for the model.',
          why: 'It rules out heavy per-ad models over hundreds of candidates.',
        },
      ],
      talkingPoints: [
        'Restate: predict P(click) for each eligible ad in each slot of the feed.',
        'Ask how predictions are used and how advertisers are charged.',
        'Ask about log volume, new ads, budgets and restricted attributes.',
      ],
    },
    {
      step: 'frame',
      summary:
        'Pointwise binary classification: P(click | user, ad, context), trained with log loss, calibrated because it sets prices.',
      decisions: [
        {
          id: 'pointwise-logloss',
          decision: 'Frame as pointwise binary classification with log loss on impressions.',
          why: 'The auction needs a probability per ad, not only an order.',
        },
        {
          id: 'calibrated-output',
          decision:
            'Require calibrated probabilities and measure calibration, not only ranking quality.',
          why: 'A pCTR twice the truth doubles the ad’s value in the auction and misprices the click.',
        },
      ],
      talkingPoints: [
        'Input: user, ad and context (hour, device, placement, position); output: calibrated P(click).',
        'Explain why AUC alone is not enough for ads.',
        'Note the base rate: about 1.5% of impressions are clicked.',
      ],
    },
    {
      step: 'data',
      summary:
        'Impression logs joined with clicks, downsampled negatives with correction, and point-in-time historical CTR features.',
      decisions: [
        {
          id: 'labels-click-window',
          decision:
            'Label an impression positive if it is clicked within a fixed attribution window; otherwise negative.',
          why: 'Clicks arrive after the impression; a window makes labels final and comparable.',
        },
        {
          id: 'downsample-negatives',
          decision:
            'Keep all clicks and a fraction w of non-clicks, then correct predictions with q = p / (p + (1 − p) / w).',
          why: 'About 10 TB a day, 98.5% negatives: downsampling cuts cost, and the correction undoes the bias.',
        },
        {
          id: 'history-point-in-time',
          decision:
            'Historical CTRs per ad, advertiser and user computed only from days before the impression.',
          why: 'Counters including the impression’s own day leak the label.',
        },
        {
          id: 'features-crosses',
          decision:
            'Sparse features (ad, advertiser, category, user group, placement) hashed into embeddings, with crosses such as user group × category.',
          why: 'CTR depends on interactions more than on any single feature.',
        },
        {
          id: 'position-feature',
          decision: 'Log placement and slot with every impression and train with them as features.',
          why: 'Top slots are seen more; without the feature the ad gets credit for the slot.',
        },
      ],
      talkingPoints: [
        'Say how clicks are joined to impressions and when a label becomes final.',
        'Explain the downsampling correction with the formula.',
        'Mention hashing for high-cardinality ids and what collisions cost.',
      ],
    },
    {
      step: 'model',
      summary:
        'A logistic-regression baseline on crosses, then a DCN-V2 or similar deep-and-cross model, with a calibration layer on top.',
      decisions: [
        {
          id: 'baseline-lr',
          decision: 'Start with logistic regression on hashed features and hand-picked crosses.',
          why: 'Fast, calibrated by construction and a strong baseline for CTR.',
        },
        {
          id: 'dcn-model',
          decision:
            'Move to a deep-and-cross network (DCN-V2) that learns crosses from embeddings.',
          why: 'Learned crosses beat hand-picked ones once the data is large.',
        },
        {
          id: 'calibration-layer',
          decision: 'Calibrate on held-out recent data with Platt scaling or isotonic regression.',
          why: 'Deep models and downsampling both distort probabilities.',
        },
        {
          id: 'cold-start-priors',
          decision: 'Back off to advertiser and category priors for new ads.',
          why: 'A new ad has no history of its own.',
        },
      ],
      talkingPoints: [
        'Compare model families on cost per prediction and calibration.',
        'Explain what a cross layer computes.',
        'Say how training keeps up with the log (incremental or frequent retraining).',
      ],
    },
    {
      step: 'evaluate',
      summary:
        'Offline: normalised entropy, calibration ratio overall and per slice, AUC on later days; online: an A/B test on revenue with user and advertiser guardrails.',
      decisions: [
        {
          id: 'offline-ne-calibration',
          decision:
            'Report normalised entropy and the calibration ratio (mean predicted ÷ observed CTR) per slice, plus AUC, on the latest days.',
          why: 'NE and calibration capture what prices depend on; a time split mirrors serving.',
        },
        {
          id: 'online-revenue',
          decision:
            'A/B test on revenue per thousand impressions with guardrails: advertiser ROI, ad hide rate, latency.',
          why: 'Revenue can rise by hurting users or advertisers; guardrails catch it.',
        },
        {
          id: 'budget-aware-eval',
          decision: 'Replay auctions with daily budgets when estimating revenue impact offline.',
          why: 'Budgets run out; ignoring them overstates revenue.',
        },
      ],
      talkingPoints: [
        'Define NE and explain why it is comparable across days with different base CTR.',
        'Slice calibration by new ads, placement and country.',
      ],
    },
    {
      step: 'serve',
      summary:
        'For each auction: fetch features, score ~300 eligible ads in a batch, rank by bid × pCTR, charge with a second-price rule.',
      decisions: [
        {
          id: 'batch-scoring',
          decision:
            'Score all eligible ads of an auction in one batched call, with user features fetched once.',
          why: 'Hundreds of ads within 25 ms needs batching and shared user work.',
        },
        {
          id: 'exploration-traffic',
          decision: 'Reserve a small share of auctions to explore new ads.',
          why: 'Without exposure, new ads never gather the clicks the model needs.',
        },
        {
          id: 'feature-allow-list',
          decision:
            'Serve only allow-listed features per ad category and audit predictions by slice.',
          why: 'Sensitive attributes and their proxies are not allowed for some categories.',
        },
      ],
      talkingPoints: [
        'Walk through one auction: eligibility, features, scoring, ranking, pricing.',
        'Say where the feature store sits and what is precomputed.',
        'Fallback when the model is slow: a cached or simpler model.',
      ],
    },
    {
      step: 'monitor',
      summary:
        'Watch calibration and CTR by slice, retrain every few hours on fresh logs, and alert on drift and latency.',
      decisions: [
        {
          id: 'retrain-often',
          decision: 'Retrain or fine-tune every few hours (or continuously) on the freshest logs.',
          why: 'Click behaviour and ad mix drift daily; a week-old model is miscalibrated.',
        },
        {
          id: 'monitor-calibration',
          decision: 'Alert on the calibration ratio and CTR per slice, feature drift and latency.',
          why: 'Calibration errors cost money before they show up in AUC.',
        },
      ],
      talkingPoints: [
        'Name the dashboards: revenue, CTR, calibration ratio, latency, budget exhaustion.',
        'Explain rollout: shadow scoring, canary, then A/B.',
      ],
    },
  ],
};
