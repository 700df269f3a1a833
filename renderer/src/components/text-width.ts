let context: CanvasRenderingContext2D | null | undefined;

/**
 * How wide `text` is drawn in `font` (a CSS font shorthand), measured by the browser itself so it
 * holds for the fonts of the PC the app runs on; an estimate where no canvas can measure (tests).
 */
export function textWidth(text: string, font: string, fontSize: number): number {
  if (context === undefined) context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!context) return text.length * fontSize * 0.62;
  context.font = font;
  return context.measureText(text).width;
}
