/**
 * A small PDF that takes pdf.js a long time to read: one page whose compressed content stream
 * inflates to tens of megabytes of text operators (the shape of a "PDF bomb", kept small enough
 * to build in a test).
 */
import { writeFileSync } from 'node:fs';
import { PDFDocument, PDFName, StandardFonts } from 'pdf-lib';

export async function makeSlowPdf(file: string, operators = 1_500_000): Promise<number> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  page.drawText('A report on peer support', { x: 50, y: 800, size: 12, font });
  // The name pdf-lib gave the font in the page's resources.
  const fonts = page.node.Resources()!.lookup(PDFName.of('Font')) as unknown as { keys(): PDFName[] };
  const key = fonts.keys()[0]!.asString();
  const op = `BT ${key} 9 Tf 50 700 Td (peer support) Tj ET\n`;
  const content = op.repeat(operators);
  page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.flateStream(content)));
  const bytes = await doc.save();
  writeFileSync(file, bytes);
  return content.length;
}
