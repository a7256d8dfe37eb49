import MiniSearch, { type Options } from 'minisearch';

/** One searchable section of a lesson. */
export interface SearchDoc {
  id: string;
  lesson: string;
  title: string;
  heading: string;
  text: string;
  snippet: string;
  url: string;
}

export type SearchHit = Pick<SearchDoc, 'id' | 'lesson' | 'title' | 'heading' | 'snippet' | 'url'>;

/** Shared by the build (which writes the index) and the browser (which loads it): they must agree. */
export const SEARCH_OPTIONS: Options<SearchDoc> = {
  fields: ['title', 'heading', 'text'],
  storeFields: ['lesson', 'title', 'heading', 'snippet', 'url'],
  searchOptions: { boost: { title: 2, heading: 3 }, prefix: true, fuzzy: 0.2, combineWith: 'AND' },
};

interface LessonLike {
  slug: string;
  title: string;
  description: string;
  sections: { id: string; heading: string; text: string }[];
}

const SNIPPET_CHARS = 180;

export function searchDocs(lessons: readonly LessonLike[]): SearchDoc[] {
  return lessons.flatMap((l) =>
    l.sections.map((s) => {
      const text = (s.id ? s.text : `${l.description} ${s.text}`).replace(/\s+/g, ' ').trim();
      return {
        id: `${l.slug}#${s.id}`,
        lesson: l.slug,
        title: l.title,
        heading: s.heading || l.title,
        text,
        snippet:
          text.length > SNIPPET_CHARS
            ? `${text.slice(0, SNIPPET_CHARS).replace(/\s\S*$/, '')}…`
            : text,
        url: `/learn/${l.slug}/${s.id ? `#${s.id}` : ''}`,
      };
    }),
  );
}

/** The serialised index the build writes to /search-index.json. */
export function buildSearchIndex(lessons: readonly LessonLike[]): unknown {
  const index = new MiniSearch<SearchDoc>(SEARCH_OPTIONS);
  index.addAll(searchDocs(lessons));
  return index.toJSON();
}

export function loadSearchIndex(json: string): MiniSearch<SearchDoc> {
  return MiniSearch.loadJSON<SearchDoc>(json, SEARCH_OPTIONS);
}

export function search(index: MiniSearch<SearchDoc>, query: string, limit = 8): SearchHit[] {
  if (!query.trim()) return [];
  return index.search(query).slice(0, limit) as unknown as SearchHit[];
}
