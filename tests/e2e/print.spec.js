// What prints, read back out of the PDF Chromium's print makes: the learning record as a
// record, the plan with lines to sign, and the officer's reports under the council's name;
// every page numbered, nothing to press or fill in, nothing running off the page.
import { test, expect, setUpProfile, fillDate, fillFirstNeed, addGoals, logCompleted } from './fixtures.js';
import { reportFiles } from './member-files.js';
import { offThePage, pdfDocument } from './pdf.js';

/** Visible buttons and form fields, as the page is laid out for print. */
async function controlsOnPaper(page) {
  await page.emulateMedia({ media: 'print' });
  const found = await page.evaluate(() =>
    [...document.querySelectorAll('button, input, select, textarea, a.button, [role="search"]')]
      .filter((el) => el.getClientRects().length > 0)
      .map((el) => el.outerHTML.slice(0, 80)),
  );
  await page.emulateMedia({ media: 'screen' });
  return found;
}

/**
 * Prints on paper `height` mm tall and A4's width, as a printer set to another paper would:
 * the pages break elsewhere, as they would for a longer or shorter plan. The page's own
 * `@page` size decides over page.pdf()'s, so the paper is set the same way, in CSS.
 */
async function printedOn(page, height) {
  const rule = await page.evaluate((mm) => {
    const sheet = [...document.styleSheets].find((s) => s.ownerNode?.closest('head'));
    return sheet.insertRule(`@page { size: 210mm ${mm}mm; }`, sheet.cssRules.length);
  }, height);
  const pdf = await page.pdf({ preferCSSPageSize: true });
  await page.evaluate((index) => [...document.styleSheets].find((s) => s.ownerNode?.closest('head')).deleteRule(index), rule);
  return pdfDocument(pdf);
}

/** Every page says which page it is, of how many. */
function expectNumbered(pages) {
  pages.forEach((p, i) => expect(p.text, `page ${i + 1} is numbered`).toContain(`Page ${i + 1} of ${pages.length}`));
}

test('the learning record prints as a record: whose it is and what was done, without the catalogue, search or buttons', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-11-23T10:00:00Z'));
  await setUpProfile(page, { name: 'Cllr Amrit Kaur' });
  // A certificate reference given as a link, longer than any line.
  const reference = 'https://learning.example.gov.uk/certificates/CERT-2026-0141-CODE-OF-CONDUCT-SANDWELL-0000123456789';
  await logCompleted(page, 'code-of-conduct', '2026-10-14', reference);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Learning record');
  await expect(page.getByRole('heading', { name: 'Course catalogue' })).toBeVisible();

  const pages = await pdfDocument(await page.pdf({ format: 'A4' }));
  const text = pages.map((p) => p.text).join(' ');
  expect(pages[0].text).toContain('Learning record of Cllr Amrit Kaur, Sandwell Metropolitan Borough Council');
  expect(pages[0].text).toContain('Printed 23 Nov 2026');
  expect(text).toContain('Code of Conduct');
  expect(text).toContain('Completed 14 Oct 2026');
  expect(text.replace(/\s/g, ''), 'the reference, whole').toContain(`Evidence:${reference}`);
  expect(text).toContain('Training due');
  for (const screenOnly of ['Course catalogue', 'Search courses', 'Mandatory for me', 'Log this course', 'Add training that is not in the catalogue', 'Log it', 'Saved:']) {
    expect(text, `"${screenOnly}" stays on screen`).not.toContain(screenOnly);
  }
  expect(text, 'no Change or Evaluate links').not.toMatch(/\b(Change|Evaluate)\b/);
  expect(offThePage(pages), 'nothing runs off the page').toEqual([]);
  expectNumbered(pages);
  expect(await controlsOnPaper(page)).toEqual([]);
});

test('a plan prints with lines to sign for the councillor and the officer, numbered pages, and never the sign-off alone on its last page', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-11-23T10:00:00Z'));
  await setUpProfile(page, { name: 'Cllr Amrit Kaur' });
  await page.goto('/plan');
  await page.getByRole('button', { name: 'Start a blank plan' }).click();
  await fillFirstNeed(page);
  await addGoals(page, 1, 8);
  await fillDate(page, 'Date of the PDP meeting', '2026-11-20');
  await page.getByLabel('Meeting held by').fill('Jo Bennett, Member Development Officer');
  await page.getByLabel('Agreed actions').fill('Shadow the chair of planning at two meetings before May.');
  await page.getByLabel('Your name', { exact: true }).fill('Amrit Kaur');
  await page.getByRole('button', { name: 'Sign off this plan' }).click();
  await expect(page.getByRole('button', { name: 'Reopen this plan' })).toBeVisible();
  // Signature lines are for paper: the screen shows the plan without them.
  await expect(page.getByText("Councillor's signature")).toBeHidden();

  const head = 'Confidential · Cllr Amrit Kaur · Personal Development Plan 2026/27';
  const a4 = await pdfDocument(await page.pdf({ format: 'A4' }));
  expect(a4.length).toBeGreaterThan(1);
  const last = a4.at(-1).text;
  expect(last).toContain("Councillor's signature");
  expect(last).toContain("Councillor's name: Cllr Amrit Kaur");
  expect(last).toContain("Officer's signature");
  expect(last).toContain("Officer's name: Jo Bennett, Member Development Officer");
  expect(last.match(/Date/g)?.length, 'a date beside each signature').toBeGreaterThanOrEqual(2);
  expect(last).toContain('Signed off by Amrit Kaur on 23 Nov 2026');

  // However the pages fall (a shorter paper stands for a longer plan), the sign-off is
  // whole on the last page and never alone there: what comes before it goes with it.
  for (let height = 150; height <= 297; height += 4) {
    const pages = height === 297 ? a4 : await printedOn(page, height);
    expectNumbered(pages);
    for (const p of pages) expect(p.text, `${height} mm: every page names the plan`).toContain(head);
    const end = pages.at(-1).text;
    expect(end, `${height} mm: the sign-off is whole on the last page`).toContain('Review and sign-off');
    expect(end, `${height} mm: the sign-off is whole on the last page`).toContain("Officer's name");
    expect(end, `${height} mm: the last page holds more than the sign-off`).toContain('Agreed actions: Shadow the chair');
    expect(offThePage(pages), `${height} mm: nothing runs off the page`).toEqual([]);
  }
});

test("the officer's reports print with the council's name and the date, each heading with what it heads, and no controls", async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-11-23T10:00:00Z'));
  await page.goto('/officer');
  const link = 'https://www.example.gov.uk/member-development/code-of-conduct-2026-slides-final-v3.pdf';
  const files = reportFiles(24, (n) => (n === 1 ? `The slides: ${link}` : ''));
  await page.getByLabel("Import members' files").setInputFiles(files);
  await expect(page.getByText('24 members.')).toBeVisible();
  await page.getByRole('link', { name: 'Reports' }).click();
  await expect(page.getByRole('heading', { name: 'Survey results' })).toBeVisible();
  const headings = await page.locator('main').locator('h2, h3, figcaption').allInnerTexts();
  const captions = await page.locator('main figcaption').allInnerTexts();
  expect(captions.length).toBeGreaterThan(3);

  for (const height of [297, 250, 210, 180]) {
    const pages = await printedOn(page, height);
    const text = pages.map((p) => p.text).join(' ');
    // The council is the one every member's file names, as no pack is published yet.
    expect(pages[0].text).toContain('Sandwell Metropolitan Borough Council: member development reports');
    expect(pages[0].text).toContain('Printed 23 Nov 2026');
    expectNumbered(pages);
    for (const [i, p] of pages.entries()) {
      const body = p.text.replace(`Page ${i + 1} of ${pages.length}`, '').trim();
      for (const heading of headings) {
        expect(body.endsWith(heading.replace(/\s+/g, ' ')), `${height} mm: page ${i + 1} ends on the heading "${heading}"`).toBe(false);
      }
      // A chart's question, its bars' labels and its table of numbers share a page.
      for (const caption of captions) {
        const at = p.text.indexOf(`${caption} 1 2 3 4 5`);
        if (at >= 0) expect(p.text.slice(at), `${height} mm: page ${i + 1} cuts the chart "${caption}"`).toContain(`${caption} 1 2 3 4 5 Answer`);
      }
    }
    for (const control of ['Print these reports', 'Download', 'Members you expect files from']) {
      expect(text, `"${control}" stays on screen`).not.toContain(control);
    }
    expect(text.replace(/\s/g, ''), 'the comment, link and all').toContain(link);
    expect(offThePage(pages), `${height} mm: nothing runs off the page`).toEqual([]);
  }
  expect(await controlsOnPaper(page)).toEqual([]);
});
