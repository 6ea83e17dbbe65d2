// Reads a PDF the page printed (page.pdf(), Chromium's own print to paper) with pdfjs, as
// an outside reader would: each page's text, and where each piece of it stands.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Each page: its text with white space folded, its size in points, and its pieces of text. */
export async function pdfDocument(buffer) {
  const doc = await getDocument({ data: new Uint8Array(buffer) }).promise;
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [, , width, height] = page.view;
    const { items } = await page.getTextContent();
    const text = items.map((item) => item.str + (item.hasEOL ? ' ' : '')).join('').replace(/\s+/g, ' ').trim();
    const pieces = items
      .filter((item) => item.str.trim())
      .map((item) => ({ str: item.str, left: item.transform[4], right: item.transform[4] + item.width }));
    pages.push({ text, width, height, pieces });
  }
  return pages;
}

/** Each page's text, white space folded. */
export async function pdfPages(buffer) {
  return (await pdfDocument(buffer)).map((p) => p.text);
}

/** Pieces of text that run past the page's left or right edge, or into its margins. */
export function offThePage(pages, margin = 20) {
  return pages.flatMap((p, i) =>
    p.pieces
      .filter((piece) => piece.left < margin || piece.right > p.width - margin)
      .map((piece) => `page ${i + 1}: "${piece.str.slice(0, 40)}" ${Math.round(piece.left)}-${Math.round(piece.right)} of ${Math.round(p.width)}`),
  );
}
