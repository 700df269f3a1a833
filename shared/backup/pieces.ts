/**
 * One buffer from the pieces of a file. Each piece is let go once copied, so the pieces and the
 * whole are not both fully in memory (when nothing else holds the pieces).
 */
export function joinPieces(pieces: (Uint8Array | undefined)[]): Uint8Array {
  const out = new Uint8Array(pieces.reduce((n, p) => n + (p?.length ?? 0), 0));
  let at = 0;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i];
    if (!piece) continue;
    out.set(piece, at);
    at += piece.length;
    pieces[i] = undefined;
  }
  return out;
}
