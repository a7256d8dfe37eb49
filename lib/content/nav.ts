import { z } from 'zod';

/** Navigation is data (content/nav.json): sections of lesson slugs in reading order. */
export const navSchema = z
  .object({
    sections: z.array(
      z
        .object({
          title: z.string().min(1),
          lessons: z.array(z.string().regex(/^[a-z0-9-]+$/)).min(1),
        })
        .strict(),
    ),
  })
  .strict();

export type Nav = z.infer<typeof navSchema>;

export interface NavLink {
  slug: string;
  title: string;
}

export interface NavSection {
  title: string;
  lessons: NavLink[];
}

/** Problems between the nav and the lesson files: missing, unlisted or repeated lessons. */
export function navProblems(nav: Nav, slugs: readonly string[]): string[] {
  const problems: string[] = [];
  const listed = nav.sections.flatMap((s) => s.lessons);
  const seen = new Set<string>();
  for (const slug of listed) {
    if (seen.has(slug)) problems.push(`content/nav.json lists "${slug}" twice`);
    seen.add(slug);
    if (!slugs.includes(slug))
      problems.push(
        `content/nav.json lists "${slug}" but content/lessons/${slug}.mdx does not exist`,
      );
  }
  for (const slug of slugs) {
    if (!seen.has(slug))
      problems.push(`content/lessons/${slug}.mdx is not listed in content/nav.json`);
  }
  return problems;
}

/** The lessons in reading order, flattened, for previous/next links. */
export function readingOrder(sections: readonly NavSection[]): NavLink[] {
  return sections.flatMap((s) => s.lessons);
}

export function neighbours(
  sections: readonly NavSection[],
  slug: string,
): { prev?: NavLink; next?: NavLink } {
  const order = readingOrder(sections);
  const i = order.findIndex((l) => l.slug === slug);
  if (i < 0) return {};
  return { prev: order[i - 1], next: order[i + 1] };
}
