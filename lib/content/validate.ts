import matter from 'gray-matter';
import type { Root, RootContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { STEP_IDS } from '../framework/steps';
import { COMPONENT_RULES, WIDGET_NAMES, type ComponentRule } from './components';
import { lessonFrontMatter, type LessonFrontMatter } from './frontmatter';
import type { ContentProblem } from './problems';

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;
type AnyNode = Root | RootContent;

const RULES: Record<string, ComponentRule> = COMPONENT_RULES;

export interface ValidatedLesson {
  frontMatter: LessonFrontMatter;
  problems: ContentProblem[];
  /** The parsed document, when it parsed at all. */
  tree?: Root;
}

/** Parse an MDX lesson and check it against the content rules without compiling it. */
export function validateLesson(source: string, file: string): ValidatedLesson {
  const problems: ContentProblem[] = [];
  const report = (node: { position?: AnyNode['position'] } | undefined, message: string) => {
    const start = node?.position?.start;
    problems.push({ file, line: start?.line ?? 1, column: start?.column ?? 1, message });
  };

  let tree: Root;
  try {
    tree = unified()
      .use(remarkParse)
      .use(remarkMdx)
      .use(remarkFrontmatter)
      .use(remarkGfm)
      .use(remarkMath)
      .parse(source);
  } catch (error) {
    const e = error as { line?: number; column?: number; reason?: string; message: string };
    problems.push({
      file,
      line: e.line ?? 1,
      column: e.column ?? 1,
      message: `MDX syntax: ${e.reason ?? e.message}`,
    });
    return { frontMatter: { title: 'untitled', description: '' }, problems };
  }

  const frontMatter = checkFrontMatter(source, tree, report);
  const selfCheckIds = new Set<string>();
  walk(tree, undefined, (node, parent) => checkNode(node, parent, report, selfCheckIds));
  return { frontMatter, problems, tree };
}

type Report = (node: { position?: AnyNode['position'] } | undefined, message: string) => void;

function checkFrontMatter(source: string, tree: Root, report: Report): LessonFrontMatter {
  const yamlNode = tree.children.find((n) => n.type === 'yaml');
  if (!yamlNode) {
    report(tree.children[0], 'missing front matter (--- title, description --- at the top)');
    return { title: 'untitled', description: '' };
  }
  let data: unknown;
  try {
    data = matter(source).data;
  } catch (error) {
    report(yamlNode, `front matter is not valid YAML: ${(error as Error).message}`);
    return { title: 'untitled', description: '' };
  }
  const parsed = lessonFrontMatter.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const where = issue.path.length ? `"${issue.path.join('.')}"` : 'front matter';
      const hint = issue.path[0] === 'step' ? ` (one of: ${STEP_IDS.join(', ')})` : '';
      report(yamlNode, `front matter ${where}: ${issue.message}${hint}`);
    }
    return { title: 'untitled', description: '' };
  }
  return parsed.data;
}

/** Visits every node with its nearest enclosing block, skipping the paragraph a text-level tag sits in. */
function walk(
  node: AnyNode,
  parent: AnyNode | undefined,
  visit: (n: AnyNode, p: AnyNode | undefined) => void,
) {
  visit(node, parent);
  const enclosing = node.type === 'paragraph' ? parent : node;
  if ('children' in node)
    for (const child of node.children) walk(child as AnyNode, enclosing, visit);
}

/**
 * An MDX comment, {/* … *\/}: renders nothing, so authors may leave notes such as where a live
 * widget will go. Exactly one block comment and nothing else.
 */
export function isComment(value: string): boolean {
  return /^\s*\/\*(?:(?!\*\/)[\s\S])*\*\/\s*$/.test(value);
}

function isJsx(node: AnyNode | undefined): node is JsxElement {
  return node?.type === 'mdxJsxFlowElement' || node?.type === 'mdxJsxTextElement';
}

/** A component's direct component children, looking through paragraphs of inline tags. */
function jsxChildren(node: JsxElement): JsxElement[] {
  const out: JsxElement[] = [];
  for (const child of node.children as AnyNode[]) {
    if (isJsx(child)) out.push(child);
    else if (child.type === 'paragraph') out.push(...(child.children as AnyNode[]).filter(isJsx));
  }
  return out;
}

function checkNode(node: AnyNode, parent: AnyNode | undefined, report: Report, ids: Set<string>) {
  if (node.type === 'mdxjsEsm')
    return report(node, 'lessons import and export nothing: remove this statement');
  if (
    (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') &&
    !isComment(node.value)
  )
    return report(
      node,
      'JavaScript expressions {…} are not allowed in lessons (escape a literal brace as \\{)',
    );
  if (node.type === 'html')
    return report(node, 'raw HTML is not allowed in lessons: use markdown or a listed component');
  if (node.type === 'heading' && (node.depth === 1 || node.depth > 3))
    return report(node, `use ## and ### headings only (found a level-${node.depth} heading)`);
  if (!isJsx(node)) return;

  const name = node.name;
  if (!name) return report(node, 'fragments <>…</> are not allowed in lessons');
  const rule = RULES[name];
  if (!rule) {
    const kind = /^[a-z]/.test(name) ? 'raw HTML tag' : 'unknown component';
    return report(
      node,
      `${kind} <${name}>: allowed components are ${Object.keys(RULES).join(', ')}`,
    );
  }
  checkParent(node, name, rule, parent, report);
  checkAttributes(node, name, rule, report);
  checkChildren(node, name, rule, report);
  if (name === 'SelfCheck') checkSelfCheck(node, report, ids);
  if (name === 'LiveWidget') checkWidget(node, report);
  if (name === 'MinuteBudget') {
    const step = stringAttr(node, 'step');
    if (step !== undefined && !(STEP_IDS as readonly string[]).includes(step))
      report(node, `<MinuteBudget step="${step}">: step must be one of ${STEP_IDS.join(', ')}`);
  }
}

function checkParent(
  node: JsxElement,
  name: string,
  rule: ComponentRule,
  parent: AnyNode | undefined,
  report: Report,
) {
  if (!rule.parents) return;
  const parentName = isJsx(parent) ? parent.name : undefined;
  if (!parentName || !rule.parents.includes(parentName))
    report(node, `<${name}> must be directly inside <${rule.parents.join('> or <')}>`);
}

function attributes(node: JsxElement): MdxJsxAttribute[] {
  return node.attributes.filter((a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute');
}

function stringAttr(node: JsxElement, name: string): string | undefined {
  const attr = attributes(node).find((a) => a.name === name);
  return typeof attr?.value === 'string' ? attr.value : undefined;
}

function checkAttributes(node: JsxElement, name: string, rule: ComponentRule, report: Report) {
  if (node.attributes.some((a) => a.type === 'mdxJsxExpressionAttribute'))
    report(node, `<${name}>: spread attributes {...x} are not allowed`);
  const allowed = new Set([...(rule.required ?? []), ...(rule.optional ?? [])]);
  for (const attr of attributes(node)) {
    if (!allowed.has(attr.name)) report(node, `<${name}> has no attribute "${attr.name}"`);
  }
  for (const req of rule.required ?? []) {
    if (!attributes(node).some((a) => a.name === req))
      report(node, `<${name}> needs the attribute "${req}"`);
  }
}

function checkChildren(node: JsxElement, name: string, rule: ComponentRule, report: Report) {
  const hasContent = node.children.length > 0;
  if (rule.empty && hasContent) report(node, `<${name}> is self-closing: write <${name} … />`);
  if (!rule.empty && !hasContent) report(node, `<${name}> is empty`);
  const kids = jsxChildren(node).map((k) => k.name ?? '');
  const c = rule.children;
  if (!c) return;
  if (c.only) {
    const nonJsx = (node.children as AnyNode[]).some(
      (k) =>
        !isJsx(k) &&
        !(
          k.type === 'paragraph' &&
          k.children.every((g) => isJsx(g as AnyNode) || (g.type === 'text' && !g.value.trim()))
        ),
    );
    if (nonJsx || kids.some((k) => !c.only!.includes(k)))
      report(node, `<${name}> may hold only <${c.only.join('>, <')}>`);
  }
  for (const one of c.exactlyOne ?? []) {
    const n = kids.filter((k) => k === one).length;
    if (n !== 1) report(node, `<${name}> needs exactly one <${one}> (found ${n})`);
  }
  for (const most of c.atMostOne ?? []) {
    const n = kids.filter((k) => k === most).length;
    if (n > 1) report(node, `<${name}> may have at most one <${most}> (found ${n})`);
  }
}

function checkSelfCheck(node: JsxElement, report: Report, ids: Set<string>) {
  const id = stringAttr(node, 'id');
  if (id !== undefined) {
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id))
      report(node, `<SelfCheck id="${id}">: use lowercase words joined by hyphens`);
    if (ids.has(id)) report(node, `<SelfCheck id="${id}"> is used twice in this lesson`);
    ids.add(id);
  }
  const choices = jsxChildren(node).filter((k) => k.name === 'Choice');
  if (choices.length === 0) return;
  const correct = choices.filter((k) => attributes(k).some((a) => a.name === 'correct')).length;
  if (choices.length < 2) report(node, '<SelfCheck> with choices needs at least two <Choice>');
  if (correct !== 1)
    report(node, `<SelfCheck> needs exactly one <Choice correct> (found ${correct})`);
}

function checkWidget(node: JsxElement, report: Report) {
  const name = stringAttr(node, 'name');
  if (name !== undefined && !(WIDGET_NAMES as readonly string[]).includes(name))
    report(node, `<LiveWidget name="${name}">: unknown widget (known: ${WIDGET_NAMES.join(', ')})`);
  const height = attributes(node).find((a) => a.name === 'height');
  const value = height?.value;
  const raw = typeof value === 'string' ? value : value?.value;
  const px = Number(raw);
  if (height && !(Number.isInteger(px) && px >= 80 && px <= 2000))
    report(node, '<LiveWidget height={…}> must be a whole number of pixels between 80 and 2000');
}
