import { buildSearchIndex } from '@/lib/content/search-index';
import { lessonSlugs, loadLessonMeta } from '@/lib/content/load';

// Written once at build time into the static export; the search box fetches it on first use.
export const dynamic = 'force-static';

export function GET() {
  return Response.json(buildSearchIndex(lessonSlugs().map(loadLessonMeta)));
}
