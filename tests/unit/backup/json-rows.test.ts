import { describe, expect, it } from 'vitest';
import { JsonRowsError, JsonRowsReader, JsonRowsWriter } from '../../../shared/backup/json-rows';

function readInSteps(text: string, step: number): unknown[] {
  const bytes = new TextEncoder().encode(text);
  const rows: unknown[] = [];
  const reader = new JsonRowsReader((row) => rows.push(row));
  for (let at = 0; at < bytes.length; at += step) reader.push(bytes.subarray(at, at + step));
  reader.end();
  return rows;
}

function kindOf(text: string, step: number): string {
  try {
    readInSteps(text, step);
    return 'ok';
  } catch (error) {
    return error instanceof JsonRowsError ? error.kind : String(error);
  }
}

describe('a table entry read a row at a time', () => {
  const texts = ['[]', ' [ ] ', '[1]', '[{"a":"x,]}\\"y"},{"b":[1,2,{"c":"中文"}]}]', '[{"s":"\\\\"},"]"]'];
  for (const text of texts) {
    it(`reads ${text} as JSON.parse does, in pieces of any size`, () => {
      for (const step of [1, 2, 3, 7, 1000]) expect(readInSteps(text, step)).toEqual(JSON.parse(text));
    });
  }

  const refused: [string, 'syntax' | 'shape'][] = [
    ['[1,]', 'syntax'],
    ['[,1]', 'syntax'],
    ['[1', 'syntax'],
    ['[1] x', 'syntax'],
    ['[1 2]', 'syntax'],
    ['', 'syntax'],
    ['x', 'syntax'],
    ['{"a":1}', 'shape'],
    ['"s"', 'shape'],
  ];
  for (const [text, kind] of refused) {
    it(`refuses ${JSON.stringify(text)} as ${kind}`, () => {
      for (const step of [1, 3, 1000]) expect(kindOf(text, step)).toBe(kind);
    });
  }

  it('writes exactly the bytes of JSON.stringify, in pieces, and reads them back', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => ({ id: `r${i}`, name: '张三"李四\\王五', n: i, x: [i, { y: '中' }] }));
    const pieces: Uint8Array[] = [];
    const writer = new JsonRowsWriter((piece) => pieces.push(piece));
    for (const row of rows) writer.row(row);
    writer.end();
    expect(pieces.length).toBeGreaterThan(1);
    const text = pieces.map((p) => new TextDecoder().decode(p)).join('');
    expect(text).toBe(JSON.stringify(rows));
    expect(readInSteps(text, 777)).toEqual(rows);
  });
});
