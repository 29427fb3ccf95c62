/** Puts an item back where it was; at the end when the list has since become shorter. */
export function insertAt<T>(list: readonly T[], index: number, item: T): T[] {
  const at = index < 0 || index > list.length ? list.length : index;
  return [...list.slice(0, at), item, ...list.slice(at)];
}
