import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import GithubSlugger from 'github-slugger';

export interface Heading {
  depth: 2 | 3;
  text: string;
  id: string;
}

export interface Section {
  /** The heading id the section starts at ('' for the text before the first heading). */
  id: string;
  heading: string;
  text: string;
}

/**
 * Splits a parsed lesson into sections at ## and ### headings, with the same ids rehype-slug
 * gives the rendered headings (both use github-slugger in document order).
 */
export function sectionsOf(tree: Root): { headings: Heading[]; sections: Section[] } {
  const slugger = new GithubSlugger();
  const headings: Heading[] = [];
  const sections: Section[] = [{ id: '', heading: '', text: '' }];
  for (const node of tree.children as RootContent[]) {
    // Front matter and MDX comments ({/* … */}) are not part of the text.
    if (node.type === 'yaml' || node.type === 'mdxFlowExpression') continue;
    if (node.type === 'heading') {
      const text = toString(node);
      const id = slugger.slug(text);
      if (node.depth === 2 || node.depth === 3) headings.push({ depth: node.depth, text, id });
      sections.push({ id, heading: text, text: '' });
      continue;
    }
    const last = sections[sections.length - 1]!;
    last.text += (last.text ? ' ' : '') + toString(node, { includeHtml: false });
  }
  return { headings, sections: sections.filter((s) => s.heading || s.text.trim()) };
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;
}
