/**
 * The row format both databases share with keyv: `{"value": …}` as JSON text, under the record's own key
 * (no keyv namespace). keyv's default serializer is several times slower and escapes strings that start
 * with ':', which these records never need, so both sides use plain JSON.
 */
import Keyv, { type KeyvStoreAdapter } from 'keyv';

export const encodeRecord = (v: unknown) => JSON.stringify({ value: v });
export const decodeRecord = (text: string) => (JSON.parse(text) as { value: unknown } | null)?.value;

/** A keyv over a database's store adapter, reading records in the shared format. */
export function recordKeyv(store: KeyvStoreAdapter): Keyv {
  return new Keyv({
    store,
    namespace: undefined,
    useKeyPrefix: false,
    serialize: JSON.stringify,
    deserialize: JSON.parse,
  });
}

/**
 * Reads records through keyv, whose getMany pairs rows to keys with a linear search per key: right for the
 * few records a request reads; the thousands a batch of transactions reads go to `bulk` (the table directly).
 */
export async function readRecords(
  keyv: Keyv,
  keys: readonly string[],
  bulk: (keys: readonly string[]) => Promise<Map<string, unknown>>,
): Promise<Map<string, unknown>> {
  if (!keys.length) return new Map();
  if (keys.length > 64) return bulk(keys);
  const values = await keyv.getMany(keys as string[]);
  const out = new Map<string, unknown>();
  keys.forEach((k, i) => {
    if (values[i] !== undefined) out.set(k, values[i]);
  });
  return out;
}
