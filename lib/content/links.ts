import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';

/** Site routes outside lessons that a lesson may link to. */
const STATIC_ROUTES = new Set(['/', '/learn/', '/progress/']);

export interface LinkTarget {
  slug: string;
  headingIds: readonly string[];
}

/** Internal links in a lesson that point at no page or no heading, as "line: message" pairs. */
export function brokenLinks(
  tree: Root,
  lessons: readonly LinkTarget[],
): { line: number; message: string }[] {
  const bySlug = new Map(lessons.map((l) => [l.slug, new Set(l.headingIds)]));
  const problems: { line: number; message: string }[] = [];
  visit(tree, 'link', (node) => {
    const url = node.url;
    if (!url.startsWith('/')) return;
    const line = node.position?.start.line ?? 1;
    const [path = '', hash] = url.split('#');
    const lesson = /^\/learn\/([a-z0-9-]+)\/$/.exec(path);
    if (!lesson) {
      if (!STATIC_ROUTES.has(path))
        problems.push({
          line,
          message: `link to ${url}: no such page (lesson links look like /learn/<slug>/)`,
        });
      return;
    }
    const headings = bySlug.get(lesson[1]!);
    if (!headings)
      problems.push({ line, message: `link to ${url}: there is no lesson "${lesson[1]}"` });
    else if (hash !== undefined && !headings.has(hash))
      problems.push({
        line,
        message: `link to ${url}: that lesson has no heading with id "${hash}"`,
      });
  });
  return problems;
}
