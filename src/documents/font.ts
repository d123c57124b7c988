import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Where a CJK font came from, and the bytes (or path) pdfkit embeds. */
export interface CjkFontFace {
  /** A TTF/OTF buffer, or a path to a TTC file. */
  src: Buffer | string;
  /** PostScript name inside a TTC collection; undefined for single-font files. */
  family?: string;
}

/** The two faces every document uses: body text and headings. */
export interface CjkFonts {
  regular: CjkFontFace;
  bold: CjkFontFace;
  /** "npm" on any machine after `npm install`; "system" only as a fallback. */
  source: 'npm' | 'system';
}

// Noto Serif SC is chosen over a sans face because Chinese official notices
// (GB/T 9704) set body text in a Song/Fangsong serif; Noto Serif SC is the
// closest freely licensed (OFL-1.1) face that covers all of GB 2312 and GB 18030
// level 1 in one file. The npm package ships whole TTFs (not unicode-range
// subsets), so pdfkit can embed it on a fresh machine; pdfkit subsets on write.
const NPM_PACKAGE = '@expo-google-fonts/noto-serif-sc';
const SYSTEM_DIR = '/usr/share/fonts/opentype/noto';

let cached: CjkFonts | undefined;

function fromNpm(): CjkFonts | undefined {
  try {
    const require = createRequire(import.meta.url);
    const dir = dirname(require.resolve(`${NPM_PACKAGE}/package.json`));
    const regular = join(dir, '400Regular', 'NotoSerifSC_400Regular.ttf');
    const bold = join(dir, '700Bold', 'NotoSerifSC_700Bold.ttf');
    if (!existsSync(regular) || !existsSync(bold)) return undefined;
    return {
      regular: { src: readFileSync(regular) },
      bold: { src: readFileSync(bold) },
      source: 'npm',
    };
  } catch {
    return undefined;
  }
}

function fromSystem(): CjkFonts | undefined {
  const regular = join(SYSTEM_DIR, 'NotoSansCJK-Regular.ttc');
  const bold = join(SYSTEM_DIR, 'NotoSansCJK-Bold.ttc');
  if (!existsSync(regular)) return undefined;
  return {
    regular: { src: regular, family: 'NotoSansCJKsc-Regular' },
    bold: existsSync(bold)
      ? { src: bold, family: 'NotoSansCJKsc-Bold' }
      : { src: regular, family: 'NotoSansCJKsc-Regular' },
    source: 'system',
  };
}

/**
 * Finds a Simplified Chinese font pdfkit can embed: the npm package first, then
 * Debian's fonts-noto-cjk. The font files are read once per process.
 * @throws Error when neither is present (run `npm install`).
 */
export function cjkFonts(): CjkFonts {
  cached ??= fromNpm() ?? fromSystem();
  if (!cached) {
    throw new Error(`No CJK font found: install ${NPM_PACKAGE} (npm install) or fonts-noto-cjk`);
  }
  return cached;
}

/** Names under which {@link registerCjkFonts} registers the faces on a document. */
export const FONT = { regular: 'cjk-regular', bold: 'cjk-bold' } as const;

/**
 * Registers the CJK faces on a pdfkit document as {@link FONT}.regular / .bold
 * and selects the regular face.
 */
export function registerCjkFonts(doc: PDFKit.PDFDocument): void {
  const fonts = cjkFonts();
  doc.registerFont(FONT.regular, fonts.regular.src, fonts.regular.family as string);
  doc.registerFont(FONT.bold, fonts.bold.src, fonts.bold.family as string);
  doc.font(FONT.regular);
}
