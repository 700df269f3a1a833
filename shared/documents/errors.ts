/** A problem in a template, in Chinese, with the line of the template source it is on (1-based; 0 when unknown). */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';
  constructor(
    readonly line: number,
    readonly detail: string,
  ) {
    super(line > 0 ? `模板第 ${line} 行：${detail}` : `模板错误：${detail}`);
  }
}

const LIQUID_MESSAGES: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/undefined variable: ([^,]+)/, (m) => `没有名为“${m[1]}”的数据项，请从右侧数据项列表中选择`],
  [/undefined filter: ([^,\s]+)/, (m) => `没有名为“${m[1]}”的过滤器`],
  [/tag "?\{?%?\s*(\w+)[^"]*"? not closed/, (m) => `“${m[1]}”标签没有结束（缺少对应的 end${m[1]}）`],
  [/output "?(.*?)"? not closed/, () => '输出标签 {{ 没有用 }} 结束'],
  [/tag (\w+) not found/, (m) => `不认识的标签“${m[1]}”`],
  [/ENOENT|Failed to lookup/, () => '模板不能引用其他文件（include、render 不可用）'],
  [/unexpected token/i, () => '标签里有无法识别的内容'],
  [/invalid value expression/i, () => '标签里的表达式写法不正确'],
  [/template render limit exceeded|memory alloc limit exceeded/i, () => '模板内容过多或循环过深，生成被中止'],
];

/** LiquidJS messages are English and end with ", line:N, col:M"; this keeps the meaning and drops the English. */
export function translateLiquidMessage(message: string): string {
  const text = message.replace(/,?\s*line:\d+, col:\d+/g, '').trim();
  for (const [pattern, make] of LIQUID_MESSAGES) {
    const m = text.match(pattern);
    if (m) return make(m);
  }
  return `模板语法错误（${text}）`;
}
