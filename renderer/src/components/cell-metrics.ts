/** Height of a long table's row (`VirtualTable`), its bottom border included. */
export const ROW_HEIGHT = 39;

/**
 * Height of a cell, one line of text: the cell's line height, and the box its tags and buttons are
 * centred in by their top margin (a plain block, not a flex box, lays out faster in every new row).
 */
export const CELL_HEIGHT = ROW_HEIGHT - 1;

/** The top margin that centres a box `height` pixels high in a cell. */
export function centredTop(height: number): string {
  return `${+Math.max(0, (CELL_HEIGHT - height) / 2).toFixed(2)}px`;
}
