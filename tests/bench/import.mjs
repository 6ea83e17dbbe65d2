// Benchmark (run by `make bench`, after the native one has written the files): imports
// 100 and 1,000 generated members' files through the officer's page in headless Chromium
// and times it until every report is on screen. Prints figures; asserts nothing.
import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { chromium } from '@playwright/test';

const port = 4190;
const server = spawn('node', ['tests/e2e/serve.mjs', 'dist', String(port)], { stdio: 'ignore' });
await new Promise((resolve) => setTimeout(resolve, 500));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
});
console.log('Consolidation in headless Chromium (release build, this machine):');
try {
  for (const count of [100, 1000]) {
    const dir = `target/bench-files/${count}`;
    const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).map((f) => `${dir}/${f}`);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/officer`);
    await page.getByText("No members' files yet.").waitFor();
    const started = Date.now();
    await page.getByLabel("Import members' files").setInputFiles(files);
    const handedOver = Date.now() - started;
    await page.getByText(`${count} members.`).waitFor({ timeout: 300_000 });
    const imported = Date.now() - started;
    await page.getByRole('link', { name: 'Reports' }).click();
    await page.getByText(`Reports on the ${count} members' files held on this device.`).waitFor({ timeout: 300_000 });
    await page.getByRole('region', { name: 'Survey results by political group' }).waitFor({ timeout: 300_000 });
    const everyReport = Date.now() - started;
    const reopening = Date.now();
    await page.reload();
    await page.getByRole('region', { name: 'Survey results by political group' }).waitFor({ timeout: 300_000 });
    const reopened = Date.now() - reopening;
    console.log(
      `  ${String(count).padStart(5)} files: choose to every report ready ${everyReport} ms (imported, merged and saved at ${imported} ms; the test harness handing the files over took ${handedOver} ms of it); reopen from IndexedDB to every report ready ${reopened} ms`,
    );
    await context.close();
  }
} finally {
  await browser.close();
  server.kill();
}
