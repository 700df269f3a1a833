import {
  AlignmentType,
  Document,
  Footer,
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
import type { Attachment } from '../model/records';
import { imageInfo } from './image-size';
import { columnWidths, FIRST_LINE_INDENT, FONTS, fontTableXml, LINE_EXACT, PAGE, SIZE, TEXT_WIDTH, mm } from './layout';
import type { Align, DocBlock, DocModel } from './model';

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

function blockToDocx(block: DocBlock, attachments: AttachmentLookup): FileChild[] {
  switch (block.type) {
    case 'title':
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { ...exact, line: 700, after: LINE_EXACT },
          children: [run(block.text, FONTS.title, SIZE.title)],
        }),
      ];
    case 'heading': {
      const font = block.level === 2 ? FONTS.heading2 : block.level === 3 ? FONTS.heading3 : FONTS.body;
      return [
        new Paragraph({
          spacing: exact,
          indent: { firstLine: FIRST_LINE_INDENT },
          keepNext: true,
          children: [run(block.number + block.text, font, SIZE.body, { bold: block.level === 4 })],
        }),
      ];
    }
    case 'paragraph':
      return [
        new Paragraph({
          alignment: ALIGN[block.align],
          spacing: exact,
          indent: block.indent ? { firstLine: FIRST_LINE_INDENT } : block.align === 'right' ? { right: FIRST_LINE_INDENT * 2 } : {},
          children: block.runs.map((r) => run(r.text, FONTS.body, SIZE.body, { bold: r.bold })),
        }),
      ];
    case 'table':
      return [tableToDocx(block.header, block.rows, block.align), new Paragraph({ spacing: exact, children: [] })];
    case 'image':
      return imageToDocx(block.attachmentId, block.caption, attachments);
  }
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
      spacing: { before: 120 },
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

/** The document model as a .docx laid out per GB/T 9704. */
export async function writeDocx(model: DocModel, attachments: AttachmentLookup, title = ''): Promise<Uint8Array> {
  const bodyFont = { ascii: FONTS.body, eastAsia: FONTS.body, hAnsi: FONTS.body, cs: FONTS.body };
  const doc = new Document({
    creator: 'UnionBooks',
    title,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: bodyFont, size: SIZE.body } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, footer: PAGE.footer, header: mm(15) },
          },
        },
        footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
        children: model.blocks.flatMap((b) => blockToDocx(b, attachments)),
      },
    ],
  });
  return Packer.pack(doc, 'uint8array', false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
}
