/**
 * Content checks (part of `npm test`): every lesson validates against the component registry and
 * front-matter schema, compiles (MDX + KaTeX), and appears in content/nav.json exactly once.
 */
import { contentProblems, lessonSlugs, loadLessonMeta } from '../lib/content/load';

const problems = await contentProblems();
if (problems.length > 0) {
  console.error(`Content check failed with ${problems.length} problem(s):`);
  for (const line of problems) console.error(`  ${line}`);
  process.exit(1);
}
for (const slug of lessonSlugs()) {
  const meta = loadLessonMeta(slug);
  console.log(
    `ok  ${slug.padEnd(32)} ${String(meta.words).padStart(5)} words  ${meta.selfChecks.length} self-checks`,
  );
}
console.log(`Content check passed: ${lessonSlugs().length} lessons.`);
