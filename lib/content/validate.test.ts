import { describe, expect, it } from 'vitest';
import { brokenLinks } from './links';
import { validateLesson } from './validate';

const FM = `---
title: A test lesson
description: A description that is long enough to pass the schema.
step: evaluate
---

`;

const problems = (body: string, fm = FM) =>
  validateLesson(fm + body, 'content/lessons/t.mdx').problems.map((p) => `${p.line}: ${p.message}`);

describe('lesson validation', () => {
  it('accepts a lesson that follows the rules', () => {
    const ok = `Intro.

<MinuteBudget step="evaluate" />

## Section

<Note>

A note.

</Note>

<SelfCheck id="auc-meaning">

Question?

<Choice>Wrong</Choice>
<Choice correct>Right</Choice>

<Hint>A hint.</Hint>

<Answer>

The answer.

</Answer>

</SelfCheck>

<Dialogue>
<Interviewer>Hi?</Interviewer>
<Candidate>Hello.</Candidate>
</Dialogue>

<LiveWidget name="threshold-explorer" height={400} />

$$ p = \\frac{tp}{tp + fp} $$
`;
    expect(problems(ok)).toEqual([]);
  });

  it('names the line of an unknown component, a raw HTML tag and an import', () => {
    expect(problems('Text.\n\n<Foo />\n')).toEqual([
      expect.stringMatching(/^9: unknown component <Foo>/),
    ]);
    expect(problems('<div>x</div>\n')).toEqual([expect.stringMatching(/^7: raw HTML tag <div>/)]);
    expect(problems("import X from './x'\n\nText.\n")).toEqual([
      '7: lessons import and export nothing: remove this statement',
    ]);
  });

  it('rejects structure in the wrong place', () => {
    expect(problems('<Answer>x</Answer>\n')).toContain(
      '7: <Answer> must be directly inside <SelfCheck>',
    );
    expect(problems('<Dialogue>\n\nJust prose.\n\n</Dialogue>\n')).toContain(
      '7: <Dialogue> may hold only <Interviewer>, <Candidate>',
    );
    expect(problems('<SelfCheck id="q">\n\nQ?\n\n</SelfCheck>\n')).toContain(
      '7: <SelfCheck> needs exactly one <Answer> (found 0)',
    );
    expect(problems('<MinuteBudget step="evaluate">x</MinuteBudget>\n')).toContain(
      '7: <MinuteBudget> is self-closing: write <MinuteBudget … />',
    );
  });

  it('checks self-check ids and choices', () => {
    const twice =
      '<SelfCheck id="a">\n\nQ\n\n<Answer>x</Answer>\n\n</SelfCheck>\n\n<SelfCheck id="a">\n\nQ\n\n<Answer>x</Answer>\n\n</SelfCheck>\n';
    expect(problems(twice)).toContain('15: <SelfCheck id="a"> is used twice in this lesson');
    const noCorrect =
      '<SelfCheck id="b">\n\nQ\n\n<Choice>x</Choice>\n<Choice>y</Choice>\n\n<Answer>x</Answer>\n\n</SelfCheck>\n';
    expect(problems(noCorrect)).toContain(
      '7: <SelfCheck> needs exactly one <Choice correct> (found 0)',
    );
    expect(
      problems('<SelfCheck id="Bad Id">\n\nQ\n\n<Answer>x</Answer>\n\n</SelfCheck>\n'),
    ).toContain('7: <SelfCheck id="Bad Id">: use lowercase words joined by hyphens');
  });

  it('checks attributes, widgets and steps', () => {
    expect(problems('<LiveWidget name="nope" height={400} />\n')).toEqual([
      expect.stringContaining('unknown widget'),
    ]);
    expect(problems('<LiveWidget name="threshold-explorer" height={9} />\n')).toEqual([
      expect.stringContaining('between 80 and 2000'),
    ]);
    expect(problems('<MinuteBudget step="cooking" />\n')).toEqual([
      expect.stringContaining('step must be one of'),
    ]);
    expect(problems('<DeepDive>x</DeepDive>\n')).toEqual([
      '7: <DeepDive> needs the attribute "title"',
    ]);
    expect(problems('<Note style="color:red">x</Note>\n')).toEqual([
      '7: <Note> has no attribute "style"',
    ]);
  });

  it('rejects bad front matter and headings, naming the field', () => {
    expect(problems('Text.\n', '---\ntitle: T\n---\n\n')).toEqual(
      expect.arrayContaining([
        expect.stringContaining('"title"'),
        expect.stringContaining('"description"'),
      ]),
    );
    expect(
      problems(
        'Text.\n',
        '---\ntitle: A fine title\ndescription: A description that is long enough.\nstep: cooking\n---\n\n',
      ),
    ).toEqual([expect.stringContaining('one of: clarify')]);
    expect(problems('# Title\n')).toEqual([
      '7: use ## and ### headings only (found a level-1 heading)',
    ]);
    expect(problems('Use {x} here.\n')).toEqual([
      expect.stringContaining('JavaScript expressions'),
    ]);
  });

  it('allows MDX comments but not code hidden next to one', () => {
    expect(
      problems('Text.\n\n{/* widget: video-recs-metrics */}\n\nMore {/* aside */} text.\n'),
    ).toEqual([]);
    expect(problems('{/* a */ x}\n')).toEqual([expect.stringContaining('JavaScript expressions')]);
    expect(problems('{/* a */ /* b */}\n')).toEqual([
      expect.stringContaining('JavaScript expressions'),
    ]);
  });

  it('reports a syntax error with its line instead of throwing', () => {
    expect(problems('<Note>\n\nunclosed\n')).toEqual([expect.stringMatching(/MDX syntax/)]);
  });
});

describe('internal links', () => {
  const tree = validateLesson(
    FM +
      '[a](/learn/evaluation/#roc-auc) [b](/learn/nope/) [c](/learn/evaluation/#nope) [d](/progress/) [e](https://example.com) [f](/blog/)\n',
    't.mdx',
  ).tree!;
  it('finds links to missing lessons, headings and pages', () => {
    const found = brokenLinks(tree, [{ slug: 'evaluation', headingIds: ['roc-auc'] }]).map(
      (b) => b.message,
    );
    expect(found).toEqual([
      'link to /learn/nope/: there is no lesson "nope"',
      'link to /learn/evaluation/#nope: that lesson has no heading with id "nope"',
      'link to /blog/: no such page (lesson links look like /learn/<slug>/)',
    ]);
  });
});
