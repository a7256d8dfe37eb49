/**
 * The benchmark's peer: the serving models rebuilt in TF.js with the shipped architectures
 * (configs from metrics.json) and seeded initial weights. Inference cost depends on the shapes,
 * not on the weight values, so the feed request timed with these is a like-for-like speed
 * comparison with onnxruntime-web; the feeds it serves are not meaningful recommendations.
 */
import type { DataTable } from '../../lib/ml/data';
import { createDcn, type DcnConfig } from '../../lib/ml/dcn';
import { createLogReg, type LogRegConfig } from '../../lib/ml/logreg';
import { predictArrays } from '../../lib/ml/predict';
import { createTwoTower, type TwoTowerConfig } from '../../lib/ml/two-tower';
import type { FeedModels } from './pipeline';

export interface TfjsPeer {
  models: FeedModels;
  itemEmbeddings(ids: Int32Array, features: Float32Array): Float32Array;
}

export function tfjsPeer(metrics: unknown): TfjsPeer {
  const m = (metrics as { models: Record<string, unknown> }).models;
  const ttConfig = m.twoTower as TwoTowerConfig;
  const dcnConfig = m.dcn as DcnConfig;
  const lrConfig = m.logReg as LogRegConfig;
  const tt = createTwoTower(ttConfig);
  const dcn = createDcn(dcnConfig);
  const lr = createLogReg(lrConfig);
  const fold = (ids: Int32Array, n: number) => ids.map((id) => id % n);
  return {
    models: {
      userTower: (ids, features) =>
        Promise.resolve(
          predictArrays(tt, {
            userId: fold(ids, ttConfig.numUsers),
            userFeatures: { data: features, width: ttConfig.userFeatureDim },
          }).user_embedding!.data,
        ),
      dcn: (table: DataTable) => {
        const out = predictArrays(dcn, table, 4096);
        return Promise.resolve({ click: out.click_prob!.data, watchLog1p: out.regression!.data });
      },
      logreg: (features) =>
        Promise.resolve(predictArrays(lr, { features }, 4096).probability!.data),
    },
    itemEmbeddings: (ids, features) =>
      predictArrays(
        tt,
        {
          itemId: fold(ids, ttConfig.numItems),
          itemFeatures: { data: features, width: ttConfig.itemFeatureDim },
        },
        4096,
      ).item_embedding!.data,
  };
}
