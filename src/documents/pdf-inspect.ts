import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Number of page objects in a PDF written by pdfkit (page dictionaries are not compressed). */
export function pageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
}

/** Whether poppler's pdftotext is on PATH (Debian poppler-utils; .ci/run installs it). */
export function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Text of a PDF as poppler extracts it (through the embedded ToUnicode maps),
 * with all whitespace removed so that wrapped lines compare as one string.
 */
export function extractText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'qc-pdf-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Base names of the fonts embedded as font files (FontFile2 = TrueType). */
export function embeddedFonts(pdf: Buffer): string[] {
  const s = pdf.toString('latin1');
  if (!/\/FontFile2?\b|\/FontFile3\b/.test(s)) return [];
  return [...new Set([...s.matchAll(/\/BaseFont \/([A-Z]{6}\+[^\s/]+)/g)].map((m) => m[1]!))];
}
