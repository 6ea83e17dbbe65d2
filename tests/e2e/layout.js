// Measures what a person on a tablet or a phone meets: targets too small to touch, and
// pages wider than the screen.

/** Every visible button, link and form control smaller than 44 x 44 CSS px, described. */
export async function smallTargets(page) {
  return page.evaluate(() => {
    const found = [];
    const controls = document.querySelectorAll(
      'a[href], button, input:not([type=hidden]), select, textarea, summary',
    );
    for (const el of controls) {
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      let box = el.getBoundingClientRect();
      // Visually hidden until focused (the skip link): measured when it shows.
      if (box.width <= 1 || box.height <= 1) continue;
      // A tick box or radio is touched through its label as well.
      if ((el.type === 'checkbox' || el.type === 'radio') && el.labels?.length) {
        const label = el.labels[0].getBoundingClientRect();
        box = {
          width: Math.max(box.right, label.right) - Math.min(box.left, label.left),
          height: Math.max(box.bottom, label.bottom) - Math.min(box.top, label.top),
        };
      }
      if (box.width < 44 || box.height < 44) {
        const name = (el.getAttribute('aria-label') || el.textContent || el.name || el.id || el.type || '').trim().slice(0, 40);
        found.push(`${el.tagName.toLowerCase()} "${name}" ${Math.round(box.width)}x${Math.round(box.height)}`);
      }
    }
    return found;
  });
}

/** How far the page is wider than the window, in CSS px (0 when it fits). */
export async function overflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/**
 * Sets the text spacing WCAG 2.2 asks a page to survive (1.4.12): lines 1.5 times the
 * size, paragraphs 2 times apart, letters 0.12 and words 0.16 times apart. Through the
 * page's own stylesheet (inlined in its head), which its Content-Security-Policy allows.
 */
export async function spaceOutText(page) {
  await page.evaluate(() => {
    const sheet = [...document.styleSheets].find((s) => s.ownerNode?.closest('head'));
    sheet.insertRule(
      '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }',
      sheet.cssRules.length,
    );
    sheet.insertRule('p { margin-bottom: 2em !important; }', sheet.cssRules.length);
  });
}

/** Text cut off by its box: elements whose content is taller or wider than they let show. */
export async function clippedText(page) {
  return page.evaluate(() => {
    const found = [];
    for (const el of document.querySelectorAll('body *')) {
      const style = getComputedStyle(el);
      if (style.display === 'none' || el.closest('.visually-hidden')) continue;
      const clips = ['hidden', 'clip'].includes(style.overflowX) || ['hidden', 'clip'].includes(style.overflowY);
      if (!clips || !el.textContent.trim()) continue;
      if (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1) {
        found.push(`${el.tagName.toLowerCase()}.${el.className} "${el.textContent.trim().slice(0, 40)}"`);
      }
    }
    return found;
  });
}
