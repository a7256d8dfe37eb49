import type { ReactElement } from 'react';
import { NODE_KIND_INFO, type NodeKind } from '@/lib/diagram';
import { isIconId, type IconId } from './icon-ids';

/**
 * One small line drawing per icon id of lib/diagram/kinds (24×24, drawn with currentColor so it
 * follows the theme). Declared once: every node and palette entry shares these elements.
 */
const SHAPES = {
  device: (
    <>
      <rect x="7" y="2" width="10" height="20" rx="2" />
      <path d="M11 18h2" />
    </>
  ),
  globe: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M3 12h18M12 3a14 14 0 0 1 0 18M12 3a14 14 0 0 0 0 18" />
    </>
  ),
  gateway: <path d="M4 21V9l8-6 8 6v12M9 21v-6h6v6" />,
  balance: <path d="M12 3v18M6 21h12M5 7h14M5 7l-3 7h6zM19 7l-3 7h6z" />,
  funnel: <path d="M3 4h18l-7 8v7l-4 2v-9z" />,
  radar: (
    <>
      <circle cx="12" cy="12" r="9" />
      <circle cx="12" cy="12" r="4" />
      <path d="M12 12l6-6" />
    </>
  ),
  vector: (
    <>
      <path d="M6 18L19 5M19 5h-6M19 5v6" />
      <circle cx="5" cy="19" r="1.5" />
    </>
  ),
  chip: (
    <>
      <rect x="6" y="6" width="12" height="12" rx="1" />
      <path d="M9 2v4M15 2v4M9 18v4M15 18v4M2 9h4M2 15h4M18 9h4M18 15h4" />
    </>
  ),
  ranking: <path d="M5 20V11M11 20V4M17 20v-6M3 20h18" />,
  filter: <path d="M4 6h16M7 12h10M10 18h4" />,
  bolt: <path d="M13 2L4 14h7l-1 8 9-12h-7z" />,
  table: (
    <>
      <rect x="3" y="4" width="18" height="16" rx="2" />
      <path d="M3 10h18M3 15h18M9 4v16" />
    </>
  ),
  'table-bolt': (
    <>
      <rect x="2" y="4" width="14" height="14" rx="2" />
      <path d="M2 9h14M7 4v14M19 11l-3 5h3l-1 5 4-7h-3z" />
    </>
  ),
  stream: <path d="M3 7h14l-3-3M3 12h18M3 17h14l-3 3" />,
  lake: <path d="M3 8c3-2 6 2 9 0s6-2 9 0M3 13c3-2 6 2 9 0s6-2 9 0M3 18c3-2 6 2 9 0s6-2 9 0" />,
  bucket: (
    <>
      <ellipse cx="12" cy="6" rx="8" ry="2.5" />
      <path d="M4 6l2 14h12l2-14" />
    </>
  ),
  cylinder: (
    <>
      <ellipse cx="12" cy="5" rx="8" ry="3" />
      <path d="M4 5v14c0 1.7 3.6 3 8 3s8-1.3 8-3V5M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3" />
    </>
  ),
  gears: (
    <>
      <circle cx="12" cy="12" r="3.5" />
      <path d="M12 2v3M12 19v3M2 12h3M19 12h3M4.9 4.9L7 7M17 17l2.1 2.1M4.9 19.1L7 17M17 7l2.1-2.1" />
    </>
  ),
  wave: <path d="M2 9c2-4 4-4 6 0s4 4 6 0 4-4 6 0M2 16c2-4 4-4 6 0s4 4 6 0 4-4 6 0" />,
  dumbbell: <path d="M6 6v12M18 6v12M3 9v6M21 9v6M6 12h12" />,
  archive: (
    <>
      <rect x="3" y="4" width="18" height="5" rx="1" />
      <path d="M5 9v11h14V9M10 13h4" />
    </>
  ),
  'person-check': (
    <>
      <circle cx="9" cy="8" r="4" />
      <path d="M2 21c0-4 3-6 7-6s7 2 7 6M16 11l2 2 4-4" />
    </>
  ),
  flask: <path d="M9 3h6M10 3v6L4 20h16L14 9V3M7 15h10" />,
  pulse: <path d="M3 12h4l3-8 4 16 3-8h4" />,
  note: <path d="M5 3h10l4 4v14H5zM15 3v4h4M8 12h8M8 16h6" />,
  'area-online': (
    <>
      <rect x="3" y="3" width="18" height="18" rx="2" strokeDasharray="3 2" />
      <path d="M13 7l-4 6h4l-2 4" />
    </>
  ),
  'area-offline': (
    <>
      <rect x="3" y="3" width="18" height="18" rx="2" strokeDasharray="3 2" />
      <circle cx="12" cy="12" r="4.5" />
      <path d="M12 9.5V12l1.5 1.5" />
    </>
  ),
} satisfies Record<IconId, ReactElement>;

const FALLBACK = <rect x="4" y="4" width="16" height="16" rx="3" />;

export function Icon({ id, size = 18 }: { id: string; size?: number }) {
  return (
    <svg
      viewBox="0 0 24 24"
      width={size}
      height={size}
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {isIconId(id) ? SHAPES[id] : FALLBACK}
    </svg>
  );
}

export function KindIcon({ kind, size }: { kind: NodeKind; size?: number }) {
  return <Icon id={NODE_KIND_INFO[kind].icon} size={size} />;
}
