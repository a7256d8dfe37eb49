import { describe, expect, it } from 'vitest';
import {
  EDGE_KINDS,
  EDGE_KIND_INFO,
  GROUP_KINDS,
  NODE_CATEGORIES,
  NODE_KINDS,
  NODE_KIND_INFO,
  isEdgeKind,
  isNodeKind,
} from './kinds';
import { MAX_LABEL_LENGTH, MAX_NODE_SIZE, MIN_NODE_SIZE } from './schema';

describe('node and edge kinds', () => {
  it('describes every kind fully, within the format limits', () => {
    expect(new Set(NODE_KINDS).size).toBe(NODE_KINDS.length);
    for (const kind of NODE_KINDS) {
      const info = NODE_KIND_INFO[kind];
      expect(kind).toMatch(/^[a-z][a-z-]*[a-z]$/);
      expect(info.label.length).toBeGreaterThan(0);
      expect(info.label.length).toBeLessThanOrEqual(MAX_LABEL_LENGTH);
      expect(info.description).toMatch(/^[A-Z].*\.$/);
      expect(info.icon).toMatch(/^[a-z][a-z-]*$/);
      expect(NODE_CATEGORIES).toContain(info.category);
      for (const v of [info.defaultSize.width, info.defaultSize.height]) {
        expect(v).toBeGreaterThanOrEqual(MIN_NODE_SIZE);
        expect(v).toBeLessThanOrEqual(MAX_NODE_SIZE);
      }
    }
    expect(Object.keys(NODE_KIND_INFO).sort()).toEqual([...NODE_KINDS].sort());
    expect(Object.keys(EDGE_KIND_INFO).sort()).toEqual([...EDGE_KINDS].sort());
  });

  it('has online and offline areas as the group kinds', () => {
    expect(GROUP_KINDS).toEqual(['online-area', 'offline-area']);
  });

  it('never mistakes Object.prototype names for kinds', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
      expect(isNodeKind(name)).toBe(false);
      expect(isEdgeKind(name)).toBe(false);
    }
    expect(isNodeKind('client')).toBe(true);
    expect(isEdgeKind('training')).toBe(true);
    expect(isNodeKind(1)).toBe(false);
  });
});
