// An officer reads the reports on the members' files held: a survey answered in one round
// is that round alone, each survey downloads under its own name, a survey nobody has
// answered says so, and the page gives each member's hours, the compliance summary and,
// marked confidential, the access and caring needs members wrote.
import { readFile } from 'node:fs/promises';
import { test, expect, expectAccessible, openApp } from './fixtures.js';
import { asFile, memberFile } from './member-files.js';

const uuid = (n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** Today as the app's clock has it, and its municipal year's label (`2026/27`). */
function thisYear() {
  const now = new Date();
  const iso = now.toISOString().slice(0, 10);
  const starts = now.getMonth() >= 4 ? now.getFullYear() : now.getFullYear() - 1;
  return { iso, label: `${starts}/${String((starts + 1) % 100).padStart(2, '0')}` };
}

async function openReports(page, files, count) {
  await openApp(page, '/officer');
  await page.getByLabel("Import members' files").setInputFiles(files);
  await expect(page.getByText(`${count} members.`)).toBeVisible();
  await page.getByRole('link', { name: 'Reports' }).click();
  await expect(page.getByRole('heading', { name: 'Survey results' })).toBeVisible();
}

async function download(page, button) {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const file = await downloading;
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

test('a survey answered in one round is shown as that round, and downloads under its own name', async ({ page }) => {
  const files = Array.from({ length: 6 }, (_, i) =>
    asFile(`member-${i + 1}.json`, memberFile(i + 1, { surveys: [['2026/27', i < 2 ? 3 : 4]] })),
  );
  await openReports(page, files, 6);
  const surveys = page.getByRole('region', { name: 'Survey results', exact: true });
  await expect(surveys.getByRole('heading', { level: 3, name: 'Ethical framework self-assessment (2026/27)' })).toBeVisible();
  await expect(surveys.getByText('Answered in one round so far, 2026/27')).toBeVisible();
  await expect(surveys.getByRole('heading', { name: /against/ })).toHaveCount(0);

  const chart = surveys.getByRole('figure').filter({ hasText: 'How well do you understand the role of the Standards Committee?' });
  await expect(chart.getByRole('img')).toHaveAttribute('aria-label', /: 6 respondents in 2026\/27; mean 3\.67$/);
  await expect(chart.getByRole('columnheader')).toHaveText(['Answer', '2026/27']);
  await expect(chart.getByRole('row', { name: /^Mean/ })).toHaveText(/^Mean\s*3\.67$/);
  await expect(chart.locator('.chart__bar')).toHaveCount(5);
  await expect(chart.locator('.chart__bar--baseline')).toHaveCount(0);
  await expectAccessible(page, 'a survey answered in one round');

  const csv = await download(page, 'Download survey results (CSV)');
  expect(csv.name).toMatch(/^ethical-framework-self-assessment-results-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
  expect(lines[0]).toBe('Question,Answer,2026/27');
  expect(lines).toContain('How well do you understand the role of the Standards Committee?,4,4');
  expect(lines).toContain('How well do you understand the role of the Standards Committee?,Mean,3.67');
});

test('a survey nobody has answered says so, with no download', async ({ page }) => {
  const files = [1, 2].map((n) => asFile(`member-${n}.json`, memberFile(n, { surveys: [['2026/27', 4]] })));
  await openReports(page, files, 2);
  const surveys = page.getByRole('region', { name: 'Survey results', exact: true });
  await expect(surveys.getByRole('button', { name: 'Download survey results (CSV)' })).toBeVisible();
  await surveys.getByLabel('Survey', { exact: true }).selectOption({ label: 'Skills self-assessment' });
  await expect(surveys.getByText('Nobody has submitted this survey yet, so there are no results to show or download.')).toBeVisible();
  await expect(surveys.getByRole('button', { name: 'Download survey results (CSV)' })).toHaveCount(0);
  await expect(surveys.getByRole('figure')).toHaveCount(0);
  await expectAccessible(page, 'a survey nobody has answered');

  // Another survey, answered, gives its own file.
  await surveys.getByLabel('Survey', { exact: true }).selectOption({ label: 'Ethical framework self-assessment' });
  const csv = await download(page, 'Download survey results (CSV)');
  expect(csv.name).toMatch(/^ethical-framework-self-assessment-results-/);
});

test('the reports give each member\'s hours, the compliance summary, and the access needs members wrote', async ({ page }) => {
  const { iso, label } = thisYear();
  // Member 1: the Code of Conduct (2 hours) today. Member 2: nothing recorded. Member 3:
  // the Code of Conduct and a webinar with no hours given, both today, and a training
  // needs survey asking for a hearing loop.
  const done = (n) => {
    const file = memberFile(n);
    file.record.learning[0].completed_on = iso;
    return file;
  };
  const nothing = memberFile(2);
  nothing.record.learning = [];
  const third = done(3);
  third.record.learning.push({
    ...third.record.learning[0],
    id: uuid(30003),
    course_id: null,
    title: 'LGA webinar: planning reform',
    provider: 'LGA',
    minutes: 0,
    evidence: '',
  });
  third.record.surveys = [{
    id: uuid(40003),
    template_id: 'training-needs',
    template_version: 1,
    round: label,
    answers: {
      'access-needs': { type: 'yes_no', value: true },
      'access-needs-detail': { type: 'text', value: 'I need a hearing loop' },
    },
    status: 'submitted',
    submitted_at: third.exported_at,
    updated_at: third.exported_at,
  }];
  await openReports(page, [asFile('one.json', done(1)), asFile('two.json', nothing), asFile('three.json', third)], 3);

  const hours = page.getByRole('region', { name: 'Hours per member' });
  await expect(hours.getByText(`${label}: 4 hours of learning completed by 3 members; 4 hours in all. One completed activity has no hours given.`)).toBeVisible();
  await expect(hours.getByRole('columnheader')).toHaveText([
    'Member', 'Ward or division', 'Completed this year', 'Hours this year', 'No hours given', 'Hours in all',
  ]);
  const row = (name) => hours.getByRole('row').filter({ hasText: new RegExp(`^${name}(?!\\d)`) });
  await expect(row('Cllr Member 1').getByRole('cell')).toHaveText(['Cllr Member 1', 'Ward 2', '1', '2', '0', '2']);
  await expect(row('Cllr Member 2').getByRole('cell')).toHaveText(['Cllr Member 2', 'Ward 3', '0', '0', '0', '0']);
  await expect(row('Cllr Member 3').getByRole('cell')).toHaveText(['Cllr Member 3', 'Ward 4', '2', '2', '1', '2']);
  const csv = await download(page, 'Download hours per member (CSV)');
  expect(csv.name).toMatch(/^hours-per-member-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
  expect(lines[0]).toBe(`Member,Ward or division,Activities completed ${label},Hours ${label},Completed ${label} with no hours given,Hours in all`);
  expect(lines.at(-1)).toBe('Total,3 members,3,4,1,4');

  const summary = page.getByRole('region', { name: 'Mandatory compliance summary' });
  await expect(summary.getByRole('columnheader').nth(2)).toHaveText('Up to date');
  const code = summary.getByRole('row').filter({ hasText: 'Code of Conduct' }).getByRole('cell');
  await expect(code.nth(0)).toHaveText('Code of Conduct');
  await expect(code.nth(1)).toHaveText('All members');
  await expect(code.nth(2), 'members 1 and 3 of the 3').toHaveText('2 of 3');

  const needs = page.getByRole('region', { name: 'Access and caring needs (confidential)' });
  await expect(needs.getByRole('columnheader')).toHaveText(['Member', 'Need', 'Where from']);
  await expect(needs.getByRole('row').filter({ hasText: 'Cllr Member 3' }).getByRole('cell')).toHaveText([
    'Cllr Member 3', 'I need a hearing loop', `Training needs survey (${label})`,
  ]);
  await expect(page.getByText('Confidential', { exact: true })).toBeVisible();
  const audit = await download(page, 'Download access and caring needs (CSV)');
  expect(audit.name).toMatch(/^access-and-caring-needs-confidential-/);
  expect(audit.text).toContain(`Cllr Member 3,Ward 4,I need a hearing loop,Training needs survey (${label})`);
  await expectAccessible(page, 'the reports with hours, the compliance summary and access needs');
});
