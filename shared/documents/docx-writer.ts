import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  HeadingLevel,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type FileChild,
  type IRunOptions,
} from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import type { Attachment } from '../model/records';
import { imageInfo } from './image-size';
import {
  CHAR_ADVANCE,
  CHAR_SPACE,
  CHAR_SPACING,
  columnWidths,
  FIRST_LINE_INDENT,
  FONTS,
  fontTableXml,
  LINE_EXACT,
  PAGE,
  SIZE,
  TEXT_WIDTH,
  mm,
} from './layout';
import type { Align, DocBlock, DocModel } from './model';
import { signaturePlacement } from './signature';

export type AttachmentLookup = (id: string) => Pick<Attachment, 'data' | 'mimeType'> | undefined;

/** A run in one font: set for East Asian text too (`w:eastAsia`), or Word and WPS ignore it for Chinese. */
function run(text: string, font: string, size: number, extra: Partial<IRunOptions> = {}): TextRun {
  return new TextRun({ text, font: { ascii: font, eastAsia: font, hAnsi: font, cs: font }, size, ...extra });
}

const exact = { line: LINE_EXACT, lineRule: LineRuleType.EXACT } as const;

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

/** Photos are at most 12 cm wide and 9 cm high, keeping their proportions. */
const MAX_IMAGE = { width: (120 / 25.4) * 96, height: (90 / 25.4) * 96 };

/** Word's own heading styles carry the GB/T 9704 levels, so the navigation pane and a table of contents work. */
const HEADING_STYLE = { 2: HeadingLevel.HEADING_1, 3: HeadingLevel.HEADING_2, 4: HeadingLevel.HEADING_3 } as const;
const HEADING_FONT = { 2: FONTS.heading2, 3: FONTS.heading3, 4: FONTS.body } as const;

function blockToDocx(block: DocBlock, attachments: AttachmentLookup, keepWithNext: boolean): FileChild[] {
  switch (block.type) {
    case 'title':
      return [
        new Paragraph({
          heading: HeadingLevel.TITLE,
          alignment: AlignmentType.CENTER,
          spacing: { ...exact, line: TITLE_LINE, after: LINE_EXACT },
          children: block.lines.map((line, i) => run(line, FONTS.title, SIZE.title, i > 0 ? { break: 1 } : {})),
        }),
      ];
    case 'heading':
      return [
        new Paragraph({
          heading: HEADING_STYLE[block.level],
          spacing: exact,
          indent: { firstLine: FIRST_LINE_INDENT },
          keepNext: true,
          children: [run(block.number + block.text, HEADING_FONT[block.level], SIZE.body, { bold: block.level === 4 })],
        }),
      ];
    case 'paragraph':
      return [
        new Paragraph({
          alignment: ALIGN[block.align],
          spacing: exact,
          keepNext: keepWithNext,
          indent: block.indent ? { firstLine: FIRST_LINE_INDENT } : block.align === 'right' ? { right: FIRST_LINE_INDENT } : {},
          children: block.runs.map((r) => run(r.text, FONTS.body, SIZE.body, { bold: r.bold })),
        }),
      ];
    case 'table':
      return [tableToDocx(block.header, block.rows, block.align), new Paragraph({ spacing: exact, children: [] })];
    case 'image':
      return imageToDocx(block.attachmentId, block.caption, attachments);
    case 'signature':
      return signatureToDocx(block.issuer, block.date);
  }
}

/** The last paragraph stays with the signature; a table's title stays with its table. */
function keepsWithNext(block: DocBlock, next: DocBlock | undefined): boolean {
  if (next?.type === 'signature') return true;
  return block.type === 'paragraph' && block.align === 'center' && next?.type === 'table';
}

/** 35 pt: two 2号 title lines stand a little apart, as printed titles do. */
const TITLE_LINE = 700;

/**
 * GB/T 9704-2012 7.3.5.2 (a document without a seal): one blank line below the text, the issuing
 * body 右空二字, the date on the next line starting two characters right of the body's first
 * character (or, when the date is the longer, the date 右空二字 and the body moved left to match).
 * The blank line and the body keep with the date, and the last paragraph keeps with them, so the
 * signature never stands alone on a page.
 */
function signatureToDocx(issuer: string, date: string): FileChild[] {
  const place = signaturePlacement(issuer, date);
  const line = (text: string, startChars: number) =>
    new Paragraph({
      alignment: AlignmentType.LEFT,
      spacing: exact,
      keepNext: text === issuer,
      keepLines: true,
      indent: { left: Math.round(startChars * CHAR_ADVANCE) },
      children: [run(text, FONTS.body, SIZE.body)],
    });
  return [new Paragraph({ spacing: exact, keepNext: true, children: [] }), line(issuer, place.issuerStart), line(date, place.dateStart)];
}

function cellParagraph(text: string, align: Align, bold: boolean, keepNext: boolean): Paragraph {
  return new Paragraph({
    alignment: ALIGN[align],
    keepNext,
    spacing: { line: 360, lineRule: LineRuleType.AT_LEAST },
    children: [run(text, FONTS.body, SIZE.table, { bold })],
  });
}

/** A short table is kept on one page (each row keeps with the next); a long one breaks, repeating its header. */
const KEEP_TOGETHER_ROWS = 15;

function tableToDocx(header: string[], rows: string[][], align: Align[]): Table {
  const margins = { top: mm(1), bottom: mm(1), left: mm(1.5), right: mm(1.5) };
  const keep = rows.length <= KEEP_TOGETHER_ROWS;
  const widths = columnWidths(header.length).map((f) => Math.round(f * TEXT_WIDTH));
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({
        tableHeader: true,
        children: header.map(
          (h, c) =>
            new TableCell({
              margins,
              width: { size: widths[c] ?? 0, type: WidthType.DXA },
              verticalAlign: VerticalAlign.CENTER,
              children: [cellParagraph(h, 'center', true, keep)],
            }),
        ),
      }),
      ...rows.map(
        (r, i) =>
          new TableRow({
            cantSplit: true,
            children: header.map(
              (_, c) =>
                new TableCell({
                  margins,
                  width: { size: widths[c] ?? 0, type: WidthType.DXA },
                  verticalAlign: VerticalAlign.CENTER,
                  children: [cellParagraph(r[c] ?? '', align[c] ?? 'left', (r[0] ?? '').startsWith('合计'), keep && i < rows.length - 1)],
                }),
            ),
          }),
      ),
    ],
  });
}

function imageToDocx(id: string, caption: string, attachments: AttachmentLookup): FileChild[] {
  const captionParagraph = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: exact,
    children: [run(caption, FONTS.heading3, SIZE.small)],
  });
  const attachment = attachments(id);
  const info = attachment ? imageInfo(attachment.data) : null;
  if (!attachment || !info || info.width === 0 || info.height === 0) {
    return [
      new Paragraph({ alignment: AlignmentType.CENTER, spacing: exact, children: [run('（照片缺失）', FONTS.body, SIZE.small)] }),
      captionParagraph,
    ];
  }
  const scale = Math.min(MAX_IMAGE.width / info.width, MAX_IMAGE.height / info.height);
  const transformation = { width: Math.round(info.width * scale), height: Math.round(info.height * scale) };
  // the picture's paragraph must not use exact spacing, or Word clips the image to one line
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: 120, line: 240, lineRule: LineRuleType.AUTO },
      children: [new ImageRun({ type: info.type, data: attachment.data, transformation })],
    }),
    captionParagraph,
  ];
}

function pageNumberFooter(align: 'left' | 'right'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: align === 'right' ? { right: 280 } : { left: 280 },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: { ascii: FONTS.pageNumber, eastAsia: FONTS.pageNumber, hAnsi: FONTS.pageNumber, cs: FONTS.pageNumber },
            size: SIZE.small,
          }),
        ],
      }),
    ],
  });
}

const fontOf = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name });

/**
 * A heading style: its font set for East Asian text, black, at 3号, indented two characters. Named
 * as Word names its own ("heading 1"), so Word, WPS and readers that look styles up by name take it
 * for the built-in heading (navigation pane, table of contents).
 */
function headingStyle(font: string, outlineLevel: number, bold = false) {
  return {
    name: `heading ${outlineLevel + 1}`,
    run: { font: fontOf(font), size: SIZE.body, bold, italics: false, color: '000000' },
    paragraph: { spacing: { ...exact, before: 0, after: 0 }, indent: { firstLine: FIRST_LINE_INDENT }, keepNext: true, outlineLevel },
  };
}

/** The document model as a .docx laid out per GB/T 9704. */
export async function writeDocx(model: DocModel, attachments: AttachmentLookup, title = ''): Promise<Uint8Array> {
  const doc = new Document({
    creator: 'UnionBooks',
    title,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: { run: { font: fontOf(FONTS.body), size: SIZE.body }, paragraph: { spacing: exact } },
        title: {
          run: { font: fontOf(FONTS.title), size: SIZE.title, bold: false, color: '000000' },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { ...exact, line: TITLE_LINE, after: LINE_EXACT } },
        },
        heading1: headingStyle(FONTS.heading2, 0),
        heading2: headingStyle(FONTS.heading3, 1),
        heading3: headingStyle(FONTS.body, 2, true),
      },
      // The grid's character pitch is counted from the Normal style's size (LibreOffice reads it
      // there, not from the document defaults): without 3号 here, 3号 text takes two cells a character.
      paragraphStyles: [
        {
          id: 'Normal',
          name: 'Normal',
          quickFormat: true,
          run: { font: fontOf(FONTS.body), size: SIZE.body, characterSpacing: CHAR_SPACING },
          paragraph: { spacing: exact },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, footer: PAGE.footer, header: mm(15) },
          },
          // the page as GB/T 9704 sets it, 22 lines of 28 characters (Word's page setup shows it so);
          // the text keeps off the grid and makes the 28 itself, see offGrid
          grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: LINE_EXACT, charSpace: CHAR_SPACE },
        },
        footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
        children: model.blocks.flatMap((b, i) => blockToDocx(b, attachments, keepsWithNext(b, model.blocks[i + 1]))),
      },
    ],
  });
  const fontTable = { path: 'word/fontTable.xml', data: fontTableXml() };
  const first = await Packer.pack(doc, 'uint8array', false, [fontTable]);
  const styles = strFromU8(unzipSync(first, { filter: (f) => f.name === 'word/styles.xml' })['word/styles.xml'] ?? new Uint8Array());
  return Packer.pack(doc, 'uint8array', false, [fontTable, { path: 'word/styles.xml', data: offGrid(styles) }]);
}

/**
 * Two settings of the Normal style, which every other style is based on, that the docx package
 * cannot write (hence this one edit of styles.xml):
 * - paragraphs keep off the character grid (w:snapToGrid="0"): the grid still tells Word and WPS the
 *   page is 28 × 22, while the characters, condensed by CHAR_SPACING, make the 28 a line themselves.
 *   LibreOffice gives a 3号 character two cells of a grid narrower than 16 pt, so text that snapped
 *   to it would run 14 a line there;
 * - no extra space between Chinese and digits (w:autoSpaceDE/DN="0"): "2026年12月1日" as printed
 *   documents set it, not "2026 年 12 月 1 日".
 */
function offGrid(styles: string): string {
  return styles.replace(
    /(<w:style [^>]*w:styleId="Normal"[^>]*>(?:(?!<\/w:style>).)*?<w:pPr>)/s,
    '$1<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/><w:snapToGrid w:val="0"/>',
  );
}
