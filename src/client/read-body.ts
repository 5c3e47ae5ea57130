// Reading an answer's body without trusting its size or its shape: at most MAX_RESPONSE_BODY_BYTES of
// it (counted after fetch has decoded gzip, deflate or br, so a compression bomb is bounded too), and
// JSON only as deep as MAX_JSON_DEPTH, so that the error made from it can be logged and serialized.

/**
 * The most of an answer's body the client reads, after decoding: 64 KiB. The API's error bodies are a
 * few hundred bytes; the rest of a longer body is cancelled unread, and the error says it was truncated.
 */
export const MAX_RESPONSE_BODY_BYTES = 65_536;

/** JSON nested deeper than this is kept as text: JSON.stringify and loggers recurse through it. */
export const MAX_JSON_DEPTH = 64;

/** The first `limit` bytes of `body`, and whether there was more (the rest is cancelled, never read). */
export async function readAtMost(
  body: ReadableStream<Uint8Array<ArrayBuffer>>,
  limit: number,
): Promise<{ bytes: Uint8Array<ArrayBuffer>; truncated: boolean }> {
  const reader = body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let size = 0;
  let truncated = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (size + value.byteLength > limit) {
      chunks.push(value.subarray(0, limit - size));
      truncated = true;
      // Not awaited: a source may take its time to close, and nothing more is wanted from it.
      reader.cancel().catch(() => {});
      break;
    }
    chunks.push(value);
    size += value.byteLength;
  }
  return { bytes: new Uint8Array(await new Blob(chunks).arrayBuffer()), truncated };
}

// Whether `value` nests more than `levels` arrays or objects; recurses at most `levels` deep.
function deeperThan(value: unknown, levels: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  return levels === 0 || Object.values(value).some((item) => deeperThan(item, levels - 1));
}

/** Parsed JSON if `text` is JSON no deeper than MAX_JSON_DEPTH, else `text` itself. */
export function parseBody(text: string): unknown {
  try {
    const parsed: unknown = JSON.parse(text);
    return deeperThan(parsed, MAX_JSON_DEPTH) ? text : parsed;
  } catch {
    return text;
  }
}
