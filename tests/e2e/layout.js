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
