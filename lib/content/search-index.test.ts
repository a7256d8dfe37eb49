import { describe, expect, it } from 'vitest';
import { buildSearchIndex, loadSearchIndex, search } from './search-index';

const lessons = [
  {
    slug: 'evaluation',
    title: 'Evaluation',
    description: 'Offline and online metrics for ML systems.',
    sections: [
      { id: '', heading: '', text: 'How to judge a model.' },
      {
        id: 'ndcg',
        heading: 'NDCG',
        text: 'Normalized discounted cumulative gain rewards relevant items near the top.',
      },
      {
        id: 'calibration',
        heading: 'Calibration',
        text: 'Expected calibration error compares predicted and observed click rates.',
      },
    ],
  },
  {
    slug: 'data-preparation',
    title: 'Data preparation',
    description: 'Labels, sampling and features.',
    sections: [
      {
        id: 'hashing',
        heading: 'The hashing trick',
        text: 'Map high-cardinality ids into a fixed number of buckets.',
      },
    ],
  },
];

describe('lesson search index', () => {
  const index = loadSearchIndex(JSON.stringify(buildSearchIndex(lessons)));

  it('finds a section by a word in its text and links to its heading', () => {
    const hits = search(index, 'calibration error');
    expect(hits[0]).toMatchObject({
      lesson: 'evaluation',
      heading: 'Calibration',
      url: '/learn/evaluation/#calibration',
    });
  });

  it('matches prefixes and small typos', () => {
    expect(search(index, 'hashin')[0]?.lesson).toBe('data-preparation');
    expect(search(index, 'discountd')[0]?.url).toBe('/learn/evaluation/#ndcg');
  });

  it('returns nothing for an empty query or a word that appears nowhere', () => {
    expect(search(index, '   ')).toEqual([]);
    expect(search(index, 'blockchain')).toEqual([]);
  });
});
