import PDFDocument from 'pdfkit';
import { FONT, registerCjkFonts } from './font.js';
import { chineseDate } from './labels.js';

// Page geometry after GB/T 9704-2012 (党政机关公文格式): A4, left margin 28 mm,
// right 26 mm. The top and bottom margins are tightened from 37/35 mm so that a
// notice with a large family still fits one page; body text is 12 pt instead of
// 三号 (16 pt) for the same reason. The look (centred bold title, number under
// it, red separator, issuer and date at the bottom right) follows the standard.
const MM = 72 / 25.4;
const MARGIN = { top: 20 * MM, bottom: 16 * MM, left: 28 * MM, right: 26 * MM };
const SIZE = { title: 22, number: 12, body: 12, table: 10.5, note: 10, small: 8 };
const RED = '#c00000';
const LINE_GAP = 3;

/** A column of a {@link NoticeWriter.table}. */
export interface Column {
  header: string;
  /** Share of the content width, 0–1. */
  width: number;
}

/** Writes one A4 notice page by page element; {@link finish} gives the PDF bytes. */
export class NoticeWriter {
  readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;

  /** @param meta document properties; `date` (YYYY-MM-DD) also fixes CreationDate so output is reproducible. */
  constructor(meta: { title: string; subject: string; date: string }) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: MARGIN,
      info: {
        Title: meta.title,
        Subject: meta.subject,
        Creator: '泉城安居',
        Producer: '泉城安居',
        CreationDate: new Date(`${meta.date}T00:00:00+08:00`),
      },
      lang: 'zh-CN',
      displayTitle: true,
    });
    registerCjkFonts(this.doc);
    this.done = new Promise((resolve, reject) => {
      this.doc.on('data', (c: Buffer) => this.chunks.push(c));
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
  }

  private get width(): number {
    return this.doc.page.width - MARGIN.left - MARGIN.right;
  }

  /** Centred bold title, the document number under it, and a red separator line. */
  header(title: string, number: string): this {
    const d = this.doc;
    d.font(FONT.bold).fontSize(SIZE.title).fillColor('black');
    d.text(title, MARGIN.left, MARGIN.top, { width: this.width, align: 'center', characterSpacing: 4 });
    d.moveDown(0.3).font(FONT.regular).fontSize(SIZE.number);
    d.text(number, { width: this.width, align: 'center' });
    const y = d.y + 6;
    d.moveTo(MARGIN.left, y).lineTo(MARGIN.left + this.width, y).lineWidth(1.5).strokeColor(RED).stroke();
    d.strokeColor('black').lineWidth(0.6);
    d.y = y + 12;
    return this;
  }

  /** A paragraph of body text; `indent` gives the two-character first-line indent of Chinese prose. */
  paragraph(text: string, opts: { indent?: boolean; bold?: boolean; small?: boolean } = {}): this {
    const size = opts.small ? SIZE.note : SIZE.body;
    this.doc.font(opts.bold ? FONT.bold : FONT.regular).fontSize(size).fillColor('black');
    this.doc.text(text, MARGIN.left, this.doc.y, {
      width: this.width,
      indent: opts.indent ? size * 2 : 0,
      lineGap: opts.small ? 1 : LINE_GAP,
    });
    this.doc.moveDown(opts.small ? 0.15 : 0.25);
    return this;
  }

  /** A bold section heading. */
  heading(text: string): this {
    this.doc.moveDown(0.1);
    return this.paragraph(text, { bold: true });
  }

  /** A ruled table with a shaded header row; cells wrap. */
  table(columns: Column[], rows: string[][]): this {
    const d = this.doc;
    const pad = 3;
    const widths = columns.map((c) => c.width * this.width);
    const drawRow = (cells: string[], header: boolean): void => {
      d.font(header ? FONT.bold : FONT.regular).fontSize(SIZE.table);
      const h = Math.max(...cells.map((c, i) => d.heightOfString(c, { width: widths[i]! - 2 * pad }))) + 2 * pad;
      const y = d.y;
      let x = MARGIN.left;
      cells.forEach((cell, i) => {
        const w = widths[i]!;
        if (header) d.rect(x, y, w, h).fillAndStroke('#eeeeee', 'black');
        else d.rect(x, y, w, h).stroke();
        d.fillColor('black').text(cell, x + pad, y + pad, { width: w - 2 * pad });
        x += w;
      });
      d.x = MARGIN.left;
      d.y = y + h;
    };
    drawRow(columns.map((c) => c.header), true);
    for (const r of rows) drawRow(r, false);
    d.moveDown(0.4);
    return this;
  }

  /** Issuing body and date, right-aligned, as at the foot of an official notice. */
  signature(issuer: string, date: string): this {
    const d = this.doc;
    d.moveDown(0.6).font(FONT.regular).fontSize(SIZE.body).fillColor('black');
    d.text(issuer, MARGIN.left, d.y, { width: this.width - SIZE.body * 2, align: 'right' });
    d.text(chineseDate(date), MARGIN.left, d.y + 4, { width: this.width - SIZE.body * 2, align: 'right' });
    return this;
  }

  /** Small print pinned to the bottom of the page, above a thin rule. */
  footer(lines: string[]): this {
    const d = this.doc;
    d.font(FONT.regular).fontSize(SIZE.small).fillColor('#444444');
    const text = lines.join('\n');
    const h = d.heightOfString(text, { width: this.width, lineGap: 1 });
    // A page too full for the footer gets it on a new page rather than overprinted.
    if (d.y > d.page.height - MARGIN.bottom - h - 12) d.addPage();
    const y = d.page.height - MARGIN.bottom - h;
    d.moveTo(MARGIN.left, y - 4).lineTo(MARGIN.left + this.width, y - 4).lineWidth(0.4).strokeColor('#888888').stroke();
    d.text(text, MARGIN.left, y, { width: this.width, lineGap: 1, lineBreak: true, height: h + 2 });
    return this;
  }

  /** Ends the document and resolves with the PDF bytes. */
  finish(): Promise<Buffer> {
    this.doc.end();
    return this.done;
  }
}

/** NoticeWriter for a multi-page document: a table never starts too near the foot of a page. */
export class ContractWriter extends NoticeWriter {
  keepTogether(points: number): this {
    const d = this.doc;
    if (d.y + points > d.page.height - d.page.margins.bottom) d.addPage();
    return this;
  }
}

/** A two-column table (label 30 %, content 70 %), as the contracts print their tables. */
export function twoColumns(a: string, b: string): Column[] {
  return [{ header: a, width: 0.3 }, { header: b, width: 0.7 }];
}

/** The rows that say which unit a contract is about (purchase and buyback alike). */
export function unitRows(
  project: { name: string; code: string; districtName: string; address: string },
  u: { building: string; floor: number; number: string; area: string; layout: string; orientation: string },
): string[][] {
  return [
    ['项目名称', `${project.name}（${project.code}）`], ['房屋坐落', `${project.districtName} ${project.address}`],
    ['楼栋 / 楼层 / 房号', `${u.building} / ${u.floor}层 / ${u.number}`], ['建筑面积', `${u.area}平方米`],
    ['户型', u.layout], ['朝向', u.orientation],
  ];
}
