/** The longest name shown for someone else on the document; longer ones are cut. */
export const MAX_PEER_NAME_LENGTH = 40;

/**
 * A name another client sent (its `annotator`), made safe to show: spaces
 * collapsed, control characters dropped, at most {@link MAX_PEER_NAME_LENGTH}
 * characters; `Anonymous` for anything that is not a non-empty string.
 */
export function peerName(raw: unknown): string {
  if (typeof raw !== 'string') return 'Anonymous';
  // Cut first, so a huge string costs no more than a short one.
  const name = raw
    .slice(0, MAX_PEER_NAME_LENGTH * 4)
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!name) return 'Anonymous';
  const characters = [...name];
  return characters.length > MAX_PEER_NAME_LENGTH ? `${characters.slice(0, MAX_PEER_NAME_LENGTH - 1).join('')}…` : name;
}
