import { useEffect, useMemo, useState, type CSSProperties } from 'react';
import type { Attachment } from '../../../../shared/model/records';
import { columnWidths } from '../../../../shared/documents/layout';
import type { DocBlock, DocModel } from '../../../../shared/documents/model';
import { signaturePlacement } from '../../../../shared/documents/signature';

const FANGSONG = '"仿宋_GB2312", FangSong_GB2312, 仿宋, FangSong, STFangsong, "Noto Serif CJK SC", serif';
const FONT = {
  title: '"方正小标宋简体", "FZXiaoBiaoSong-B05S", 宋体, SimSun, "Noto Serif CJK SC", serif',
  body: FANGSONG,
  heading2: '黑体, SimHei, "Noto Sans CJK SC", sans-serif',
  heading3: '"楷体_GB2312", KaiTi_GB2312, 楷体, KaiTi, STKaiti, "Noto Serif CJK SC", serif',
};

/** A4 at 96 dpi with the GB/T 9704 margins; the printed line pitch is 28.95 pt. */
const page: CSSProperties = {
  width: '210mm',
  minHeight: '297mm',
  padding: '37mm 26mm 35mm 28mm',
  boxSizing: 'border-box',
  background: '#fff',
  boxShadow: '0 1px 6px rgba(0,0,0,0.2)',
  margin: '0 auto',
  fontFamily: FONT.body,
  fontSize: '16pt',
  lineHeight: '28.95pt',
  color: '#000',
  textAlign: 'justify',
  // 28 characters a line, as the .docx condenses them (shared/documents/layout CHAR_SPACING)
  letterSpacing: '-0.3pt',
};

/** One character of the 3号 body, as the .docx advances it. */
const CHAR = 'calc(16pt - 0.3pt)';

const indent: CSSProperties = { textIndent: '2em', margin: 0 };

function Block({ block, urls }: { block: DocBlock; urls: Map<string, string> }) {
  switch (block.type) {
    case 'title':
      return (
        <h1
          style={{
            fontFamily: FONT.title,
            fontSize: '22pt',
            lineHeight: '35pt',
            textAlign: 'center',
            fontWeight: 'normal',
            margin: '0 0 28.95pt',
          }}
        >
          {block.lines.map((line, i) => (
            <span key={i} style={{ display: 'block' }}>
              {line}
            </span>
          ))}
        </h1>
      );
    case 'heading': {
      const font = block.level === 2 ? FONT.heading2 : block.level === 3 ? FONT.heading3 : FONT.body;
      return (
        <p
          style={{ ...indent, fontFamily: font, fontWeight: block.level === 4 ? 'bold' : 'normal' }}
          role="heading"
          aria-level={block.level}
        >
          {block.number}
          {block.text}
        </p>
      );
    }
    case 'paragraph':
      return (
        <p
          style={
            block.indent
              ? indent
              : {
                  margin: 0,
                  textAlign: block.align === 'justify' ? 'justify' : block.align,
                  paddingRight: block.align === 'right' ? '2em' : 0,
                }
          }
        >
          {block.runs.map((r, i) => (r.bold ? <strong key={i}>{r.text}</strong> : <span key={i}>{r.text}</span>))}
        </p>
      );
    case 'table':
      return (
        <table style={{ width: '100%', borderCollapse: 'collapse', fontSize: '12pt', lineHeight: 1.5, margin: '0 0 28.95pt' }}>
          <colgroup>
            {columnWidths(block.header.length).map((w, i) => (
              <col key={i} style={{ width: `${w * 100}%` }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              {block.header.map((h, i) => (
                <th key={i} style={{ border: '1px solid #000', padding: '1mm 1.5mm', textAlign: 'center' }}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row, r) => (
              <tr key={r} style={{ fontWeight: (row[0] ?? '').startsWith('合计') ? 'bold' : 'normal' }}>
                {block.header.map((_, c) => (
                  <td key={c} style={{ border: '1px solid #000', padding: '1mm 1.5mm', textAlign: block.align[c] ?? 'left' }}>
                    {row[c] ?? ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    case 'signature': {
      const place = signaturePlacement(block.issuer, block.date);
      return (
        <div style={{ marginTop: '28.95pt' }} data-testid="doc-signature">
          <p style={{ margin: 0, textAlign: 'left', paddingLeft: `calc(${CHAR} * ${place.issuerStart})` }}>{block.issuer}</p>
          <p style={{ margin: 0, textAlign: 'left', paddingLeft: `calc(${CHAR} * ${place.dateStart})` }}>{block.date}</p>
        </div>
      );
    }
    case 'image': {
      const url = urls.get(block.attachmentId);
      return (
        <figure style={{ margin: '6pt 0 0', textAlign: 'center' }}>
          {url ? (
            <img src={url} alt={block.caption} style={{ maxWidth: '120mm', maxHeight: '90mm', width: '120mm', objectFit: 'contain' }} />
          ) : (
            <div>（照片缺失）</div>
          )}
          <figcaption style={{ fontFamily: FONT.heading3, fontSize: '14pt' }}>{block.caption}</figcaption>
        </figure>
      );
    }
  }
}

/** The document as it prints: the same model the .docx is written from, on an A4 sheet. */
export function DocPreview({ model, attachments }: { model: DocModel; attachments: readonly Attachment[] }) {
  const urls = useObjectUrls(model, attachments);
  return (
    <div style={{ background: '#f0f0f0', padding: 16, overflow: 'auto', height: '100%' }}>
      <div style={{ zoom: 0.75 }} className="print-target doc-sheet" data-testid="doc-preview">
        <div style={page}>
          {model.blocks.map((b, i) => (
            <Block key={i} block={b} urls={urls} />
          ))}
        </div>
      </div>
    </div>
  );
}

function useObjectUrls(model: DocModel, attachments: readonly Attachment[]): Map<string, string> {
  const ids = useMemo(() => model.blocks.flatMap((b) => (b.type === 'image' ? [b.attachmentId] : [])).join(','), [model]);
  const [urls, setUrls] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    const wanted = new Set(ids.split(',').filter(Boolean));
    const map = new Map<string, string>();
    for (const a of attachments) {
      if (!wanted.has(a.id)) continue;
      map.set(a.id, URL.createObjectURL(new Blob([a.data as Uint8Array<ArrayBuffer>], { type: a.mimeType })));
    }
    setUrls(map);
    return () => {
      for (const url of map.values()) URL.revokeObjectURL(url);
    };
  }, [ids, attachments]);
  return urls;
}
