/**
 * The scripted interviewer of the ad click prediction case: clarifying questions by topic,
 * each answered with the case's hidden requirements (case.ts). Answers marked with `changes`
 * alter what a good design is; the mock interview's end screen shows which of them the learner
 * asked. Pure data.
 */
import { fromRequirement, type ScriptedInterviewer } from '@/lib/mock/reference-schema';
import { AD_CLICK_CASE } from '../case';

const hidden = AD_CLICK_CASE.hiddenRequirements;

export const AD_CLICK_INTERVIEWER: ScriptedInterviewer = {
  caseId: 'ad-click',
  opening: AD_CLICK_CASE.prompt,
  questions: [
    {
      id: 'how-many-users',
      topic: 'scale',
      question: 'How many users and ads are there?',
      answer:
        'About a billion daily users, each shown around 20 ads a day. About 10 million ads from 2 million advertisers are active.',
    },
    fromRequirement(hidden, 'downsampling', 'scale', {
      decisions: ['downsample-negatives'],
      without:
        'Training on every impression, or downsampling without correcting the probabilities.',
      with: 'Keep all clicks and a fraction of the rest, and correct predictions with q = p / (p + (1 − p) / w).',
    }),
    {
      id: 'latency-budget',
      topic: 'latency',
      question: 'How much time does an auction have?',
      answer: 'About 100 ms for the whole ad request; the click model gets about 25 ms.',
      changes: {
        decisions: ['batch-scoring'],
        without: 'One model call per ad, each fetching its own features.',
        with: 'All ~300 eligible ads scored in one batch with user features fetched once.',
      },
    },
    fromRequirement(hidden, 'position-bias', 'data', {
      decisions: ['position-feature'],
      without: 'Position left out: the ad gets credit for the slot it was shown in.',
      with: 'Placement and slot as training features, fixed to one value at serving.',
    }),
    fromRequirement(hidden, 'point-in-time', 'data', {
      decisions: ['history-point-in-time'],
      without: 'Historical CTRs computed over the whole log, leaking the label.',
      with: 'Historical CTRs as of the day before each impression.',
    }),
    fromRequirement(hidden, 'freshness', 'data', {
      decisions: ['retrain-often'],
      without: 'A weekly retrain and a random train/test split.',
      with: 'Retraining every few hours and evaluating on the latest day.',
    }),
    fromRequirement(hidden, 'calibration', 'labels', {
      decisions: ['calibrated-output', 'calibration-layer', 'offline-ne-calibration'],
      without: 'A classifier judged by AUC alone.',
      with: 'A calibration layer, and NE plus the calibration ratio per slice as the offline metrics.',
    }),
    {
      id: 'click-window',
      topic: 'labels',
      question: 'When do we know that an impression was not clicked?',
      answer:
        'Most clicks come within seconds, nearly all within an hour. Late clicks after a day are rare and can be ignored.',
      changes: {
        decisions: ['labels-click-window'],
        without:
          'Labels read as soon as the impression is logged, counting late clicks as negatives.',
        with: 'A fixed attribution window before a label is final.',
      },
    },
    fromRequirement(hidden, 'exploration', 'personalization', {
      decisions: ['exploration-traffic', 'cold-start-priors'],
      without: 'A model that leans on each ad’s own history: new ads are never shown.',
      with: 'A little exploration traffic and advertiser and category priors for new ads.',
    }),
    {
      id: 'targeting',
      topic: 'personalization',
      question: 'What do we know about users for targeting?',
      answer:
        'Age bucket, gender, country, and what they engaged with in the app. Advertisers target by age, country and gender.',
    },
    fromRequirement(hidden, 'budget-pacing', 'constraints', {
      decisions: ['budget-aware-eval'],
      without: 'Offline revenue estimates that assume every ad can serve all day.',
      with: 'Auction replays that stop an ad when its daily budget is spent.',
    }),
    fromRequirement(hidden, 'sensitive-targeting', 'constraints', {
      decisions: ['feature-allow-list'],
      without: 'Every available attribute used as a feature.',
      with: 'An allow-list of features per ad category and audits by slice.',
    }),
  ],
};
