import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { bundleMDX } from 'mdx-bundler';
import rehypeKatex from 'rehype-katex';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import type { LessonFrontMatter } from './frontmatter';
import { navProblems, navSchema, type NavSection } from './nav';
import { ContentError, formatProblem } from './problems';
import { countWords, sectionsOf, type Heading, type Section } from './text';
import { brokenLinks } from './links';
import { validateLesson } from './validate';

/**
 * Build-time access to lessons (Node only: reads content/ from disk). Every lesson is validated
 * before it is compiled, so a broken lesson fails the build with its file and line.
 */
const CONTENT_DIR = path.join(process.cwd(), 'content');
const LESSONS_DIR = path.join(CONTENT_DIR, 'lessons');
const WORDS_PER_MINUTE = 220;

export interface LessonMeta extends LessonFrontMatter {
  slug: string;
  headings: Heading[];
  sections: Section[];
  words: number;
  readingMinutes: number;
  selfChecks: string[];
}

export function lessonSlugs(): string[] {
  return readdirSync(LESSONS_DIR)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => f.slice(0, -4))
    .sort();
}

function lessonFile(slug: string): string {
  return path.join('content', 'lessons', `${slug}.mdx`);
}

function readSource(slug: string): string {
  return readFileSync(path.join(LESSONS_DIR, `${slug}.mdx`), 'utf8');
}

export function loadLessonMeta(slug: string): LessonMeta {
  const source = readSource(slug);
  const { frontMatter, problems, tree } = validateLesson(source, lessonFile(slug));
  if (problems.length > 0 || !tree) throw new ContentError(problems);
  const { headings, sections } = sectionsOf(tree);
  const words = countWords(sections.map((s) => `${s.heading} ${s.text}`).join(' '));
  const selfChecks = [...source.matchAll(/<SelfCheck\s+id="([a-z0-9-]+)"/g)].map((m) => m[1]!);
  return {
    ...frontMatter,
    slug,
    headings,
    sections,
    words,
    readingMinutes: Math.max(1, Math.round(words / WORDS_PER_MINUTE)),
    selfChecks,
  };
}

function readNav() {
  return navSchema.parse(JSON.parse(readFileSync(path.join(CONTENT_DIR, 'nav.json'), 'utf8')));
}

export function loadNav(): NavSection[] {
  const nav = readNav();
  const problems = navProblems(nav, lessonSlugs());
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return nav.sections.map((s) => ({
    title: s.title,
    lessons: s.lessons.map((slug) => ({ slug, title: loadLessonMeta(slug).title })),
  }));
}

/** Compiles a validated lesson to the code string that getMDXComponent renders. */
export async function compileLesson(slug: string): Promise<string> {
  loadLessonMeta(slug);
  const result = await bundleMDX({
    source: readSource(slug),
    cwd: LESSONS_DIR,
    mdxOptions(options) {
      options.remarkPlugins = [...(options.remarkPlugins ?? []), remarkGfm, remarkMath];
      options.rehypePlugins = [
        ...(options.rehypePlugins ?? []),
        rehypeSlug,
        [rehypeKatex, { throwOnError: true, strict: 'error' }],
      ];
      return options;
    },
  });
  return result.code;
}

/** Every problem in content/, as printable lines: validation, navigation and compilation. */
export async function contentProblems(): Promise<string[]> {
  const lines: string[] = [];
  const parsed = lessonSlugs().map((slug) => ({
    slug,
    ...validateLesson(readSource(slug), lessonFile(slug)),
  }));
  const targets = parsed.map((p) => ({
    slug: p.slug,
    headingIds: p.tree ? sectionsOf(p.tree).headings.map((h) => h.id) : [],
  }));
  for (const { slug, problems, tree } of parsed) {
    lines.push(...problems.map(formatProblem));
    if (tree)
      lines.push(
        ...brokenLinks(tree, targets).map((b) => `${lessonFile(slug)}:${b.line}:1: ${b.message}`),
      );
    if (problems.length > 0) continue;
    try {
      await compileLesson(slug);
    } catch (error) {
      lines.push(
        `${lessonFile(slug)}: does not compile: ${(error as Error).message.split('\n')[0]}`,
      );
    }
  }
  try {
    lines.push(...navProblems(readNav(), lessonSlugs()));
  } catch (error) {
    lines.push(`content/nav.json: ${(error as Error).message}`);
  }
  return lines;
}
