/**
 * The icon ids lib/diagram/kinds.ts uses (its `icon` field is a plain string). icons.tsx must
 * draw every one of them (a missing drawing is a type error), and icon-ids.test.ts fails when a
 * kind names an icon that is not listed here.
 */
export const ICON_IDS = [
  'device',
  'globe',
  'gateway',
  'balance',
  'funnel',
  'radar',
  'vector',
  'chip',
  'ranking',
  'filter',
  'bolt',
  'table',
  'table-bolt',
  'stream',
  'lake',
  'bucket',
  'cylinder',
  'gears',
  'wave',
  'dumbbell',
  'archive',
  'person-check',
  'flask',
  'pulse',
  'note',
  'area-online',
  'area-offline',
] as const;

export type IconId = (typeof ICON_IDS)[number];

const iconSet: ReadonlySet<string> = new Set(ICON_IDS);

export function isIconId(id: string): id is IconId {
  return iconSet.has(id);
}
