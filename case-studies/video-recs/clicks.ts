/**
 * The learner's clicks on the live page as training data for the next two-tower retraining.
 *
 * A click becomes one extra positive row, exactly like a logged watch: the user's and the
 * video's features are taken as of the end of the training days (the start of validation), so
 * nothing from the held-out days reaches training. Clicks that cannot be used that way are
 * counted, never silently dropped: ids outside this world, and videos uploaded after the
 * training days (their features would come from the held-out days).
 */
import type { DataTable } from '../../lib/ml/data';
import { createOnlineStore, twoTowerShape } from './features';
import type { World } from './world';

/** A click on the live page: the raw material of the next retraining. */
export interface ClickEvent {
  userId: number;
  videoId: number;
  position: number;
  time: number;
}

export interface ClickRows {
  /** { userId, itemId, userFeatures, itemFeatures }: the two-tower's training columns. */
  table: DataTable;
  used: number;
  /** Clicks whose user or video id is not in this world. */
  unknownIds: number;
  /** Clicks on videos uploaded after the training days. */
  tooNew: number;
}

/** Training rows for the clicks, with features as of the first validation day. */
export function clickRows(world: World, clicks: readonly ClickEvent[]): ClickRows {
  const day = world.split.trainEnd;
  const inWorld = (id: number, n: number) => Number.isInteger(id) && id >= 0 && id < n;
  let unknownIds = 0;
  let tooNew = 0;
  const kept: ClickEvent[] = [];
  for (const c of clicks) {
    if (!inWorld(c.userId, world.users.count) || !inWorld(c.videoId, world.videos.count)) {
      unknownIds++;
    } else if (world.videos.uploadDay[c.videoId]! >= day) tooNew++;
    else kept.push(c);
  }
  const { userFeatureDim: uw, itemFeatureDim: vw } = twoTowerShape(world);
  const n = kept.length;
  const userId = Int32Array.from(kept, (c) => c.userId);
  const itemId = Int32Array.from(kept, (c) => c.videoId);
  const userData = new Float32Array(n * uw);
  let itemData: Float32Array = new Float32Array(n * vw);
  if (n > 0) {
    const store = createOnlineStore(world, day);
    kept.forEach((c, r) => store.userFeatures(c.userId, userData, r * uw));
    itemData = store.videoFeatures(itemId);
  }
  return {
    table: {
      userId,
      itemId,
      userFeatures: { data: userData, width: uw },
      itemFeatures: { data: itemData, width: vw },
    },
    used: n,
    unknownIds,
    tooNew,
  };
}
