/**
 * The ad click prediction case study: what the interviewer asks, the scale behind it, and the
 * requirements a candidate has to draw out before they design. Pure data.
 */

import type { CaseStudy } from '../../lib/cases/case-study';

export type { CaseStudy, HiddenRequirement, ScaleFigure } from '../../lib/cases/case-study';

const DAU = 1_000_000_000;
const AD_IMPRESSIONS_PER_USER = 20;
const IMPRESSIONS_PER_DAY = DAU * AD_IMPRESSIONS_PER_USER;
const BYTES_PER_ROW = 500;
const BASE_CTR = 0.015;

export const AD_CLICK_CASE: CaseStudy = {
  id: 'ad-click',
  title: 'Ad click prediction',
  prompt: 'Design the system that predicts clicks on the ads in our social feed.',
  story:
    'A social app shows ads between organic posts in the feed, in stories, in short-video reels and, on desktop, in a right-hand column. Advertisers create campaigns with a category, a creative (image, video, carousel or text), a cost-per-click bid, a daily budget and targeting by age, country and gender. For every ad slot an auction picks among the eligible ads by bid × predicted click-through rate and charges the winner per click. Revenue depends on showing ads people actually click, and on pricing each click right. Your job is the model behind "predicted click-through rate" and the data pipeline that feeds it.',
  objective: {
    business:
      'Maximise ad revenue over the long run, which needs both relevant ads (clicks) and accurate prices (calibrated pCTR), without hurting the user experience.',
    ml: 'Predict a calibrated probability that this user clicks this ad in this slot: pointwise binary classification trained with log loss on impression logs.',
    input: '(user, ad, context: hour, day, device, placement, position)',
    output: 'P(click), calibrated, for every eligible ad of an auction',
  },
  scale: [
    { id: 'dau', label: 'Daily active users', value: DAU, unit: 'users' },
    {
      id: 'impressions-per-user',
      label: 'Ad impressions per user per day',
      value: AD_IMPRESSIONS_PER_USER,
      unit: 'impressions',
    },
    {
      id: 'impressions-per-day',
      label: 'Ad impressions per day',
      value: IMPRESSIONS_PER_DAY,
      unit: 'impressions',
      derivation: '1 billion users × 20 ad impressions',
    },
    {
      id: 'auctions-per-second',
      label: 'Auctions per second (average)',
      value: Math.round(IMPRESSIONS_PER_DAY / 86_400),
      unit: 'auctions/s',
      derivation: '20 billion ÷ 86,400 s ≈ 231k; peaks run about 2–3× higher',
    },
    {
      id: 'candidates-per-auction',
      label: 'Eligible ads scored per auction',
      value: 300,
      unit: 'ads',
    },
    {
      id: 'log-volume',
      label: 'Impression log per day',
      value: (IMPRESSIONS_PER_DAY * BYTES_PER_ROW) / 1e12,
      unit: 'TB',
      derivation: '20 billion rows × 500 bytes = 10 TB',
    },
    { id: 'base-ctr', label: 'Average click-through rate', value: BASE_CTR, unit: 'fraction' },
    {
      id: 'clicks-per-day',
      label: 'Clicks per day',
      value: IMPRESSIONS_PER_DAY * BASE_CTR,
      unit: 'clicks',
      derivation: '20 billion × 1.5% = 300 million',
    },
    { id: 'active-ads', label: 'Active ads', value: 10_000_000, unit: 'ads' },
    { id: 'advertisers', label: 'Active advertisers', value: 2_000_000, unit: 'advertisers' },
    {
      id: 'new-ads-per-day',
      label: 'New ads launched per day',
      value: 1_000_000,
      unit: 'ads',
    },
  ],
  latencyBudgetMs: { endToEnd: 100, model: 25 },
  metrics: {
    offline: [
      'Normalised entropy (log loss ÷ entropy of the base CTR)',
      'Calibration ratio (mean predicted ÷ observed CTR), overall and per slice',
      'ROC-AUC',
    ],
    online: ['Revenue per thousand impressions (RPM)', 'CTR'],
    guardrails: [
      'Advertiser ROI (conversions per dollar)',
      'Ad hide and report rate',
      'Ad load and p99 latency',
    ],
  },
  hiddenRequirements: [
    {
      id: 'calibration',
      title: 'Advertisers pay per click, so calibration matters',
      question: 'How is the prediction used, and how do advertisers pay?',
      answer:
        'Ads are ranked by bid × pCTR and charged per click with a second-price rule. The probability itself sets the ranking and the price, not just the order.',
      ifMissed:
        'A model with a good AUC but a predicted 4% where the truth is 2% doubles the ad’s value in the auction: it wins slots it should lose and advertisers are mispriced. Report log loss or NE and the calibration ratio, not only AUC.',
      inWorld:
        'The world runs a GSP auction on bid × the system’s CTR estimate and logs the price of every click (impressions.cost).',
    },
    {
      id: 'budget-pacing',
      title: 'Budgets pace daily',
      question: 'Do campaigns have budgets, and what happens when one runs out?',
      answer:
        'Every campaign has a daily budget. When it is spent the ad stops serving until midnight, so the mix of ads changes through the day.',
      ifMissed:
        'Overpredicting CTR for an ad spends its budget by noon on the wrong users; the evening audience never sees it. Evaluations that ignore budgets overstate revenue.',
      inWorld:
        'ads.dailyBudget; spend accrues per click and exhausted ads leave the auction for the rest of the day (stats.budgetExhaustions).',
    },
    {
      id: 'exploration',
      title: 'New ads need exploration',
      question: 'How often do new ads and advertisers appear?',
      answer:
        'Constantly: about a tenth of active ads launched within the last day. They have no click history.',
      ifMissed:
        'A model that leans on the ad’s own history scores new ads at the prior and the auction never shows them, so it never learns about them. Reserve a little traffic for exploration and back off to advertiser and category priors.',
      inWorld:
        'A quarter of the ads launch during the simulated week (ads.startDay); the auction serves a random candidate with small probability (impressions.explored).',
    },
    {
      id: 'freshness',
      title: 'Click behaviour drifts daily',
      question: 'How fast do user interests and ad performance change?',
      answer:
        'Daily: seasonal categories trend up or down over a week and creatives wear out as people see them again.',
      ifMissed:
        'A model trained last week is miscalibrated today. Split by time (train on earlier days, test on the latest) and retrain every few hours or continuously.',
      inWorld:
        'Category appeal trends by day and ads fatigue with age (truth.categoryTrend, truth.fatiguePerDay); a stale oracle scores measurably worse on the last day.',
    },
    {
      id: 'position-bias',
      title: 'Position bias in the logs',
      question: 'Is the slot position logged with each impression?',
      answer:
        'Yes: the surface and the slot index. Top slots are seen, and clicked, far more often.',
      ifMissed:
        'The model credits the ad for the slot’s visibility. Train with position as a feature and serve with a fixed position so ranking is not driven by where ads happened to be shown.',
      inWorld:
        'Click probability is examination(placement, position) × relevance; examination falls as a power of the slot index.',
    },
    {
      id: 'downsampling',
      title: 'Too many negatives to keep',
      question: 'How much log data is there, and can we keep all of it?',
      answer:
        'About 10 TB of impressions a day, roughly 98.5% of them without a click. Keep all clicks and a fraction of the rest.',
      ifMissed:
        'Training on all negatives is slow and costly; training on downsampled data without correcting inflates every prediction. Correct with q = p / (p + (1 − p) / w).',
      inWorld: 'features.downsampleNegatives and features.recalibrate.',
    },
    {
      id: 'point-in-time',
      title: 'Features must be point-in-time',
      question: 'Which historical signals are available at serving time?',
      answer:
        'Counters and CTRs per ad, advertiser and user, refreshed from logs; at serving time only the past is known.',
      ifMissed:
        'A historical CTR that includes the impression’s own day leaks the label: offline metrics soar and the model fails online.',
      inWorld:
        'Historical CTR features of day d use days strictly before d (features.computeHistory, features.historyAsOf).',
    },
    {
      id: 'sensitive-targeting',
      title: 'No targeting on sensitive attributes',
      question: 'Are there attributes we may not use for targeting or prediction?',
      answer:
        'Yes: health, religion, sexuality and similar attributes are off limits, and some regions restrict using age or gender for certain categories such as finance and housing.',
      ifMissed:
        'The model learns a forbidden proxy and the company faces legal risk. Keep an allow-list of features per category and audit predictions by slice.',
      inWorld:
        'The world only has age bucket, gender and country; an ablation can drop the user group to see what it costs.',
    },
  ],
};
