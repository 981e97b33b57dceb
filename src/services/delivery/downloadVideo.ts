/**
 * Fetches a finished video as a stream with a byte cap: https only (plain http only when explicitly
 * allowed, for loopback fakes), at most a few redirects, and it stops reading as soon as the cap is
 * passed, so an oversize video costs no memory and becomes a link instead.
 */
export type DownloadResult =
  | { kind: 'file'; data: Buffer; contentType: string }
  | { kind: 'too_large'; sizeBytes?: number }
  | { kind: 'error'; message: string };

export interface DownloadOptions {
  maxBytes: number;
  timeoutMs?: number;
  maxRedirects?: number;
  allowHttp?: boolean;
  fetch?: typeof fetch;
}

export async function downloadVideo(url: string, options: DownloadOptions): Promise<DownloadResult> {
  const doFetch = options.fetch ?? fetch;
  const signal = AbortSignal.timeout(options.timeoutMs ?? 60_000);
  let current = url;
  for (let hop = 0; hop <= (options.maxRedirects ?? 3); hop += 1) {
    const scheme = new URL(current).protocol;
    if (scheme !== 'https:' && !(options.allowHttp && scheme === 'http:'))
      return { kind: 'error', message: `refusing a ${scheme} video URL` };
    let res: Response;
    try {
      res = await doFetch(current, { redirect: 'manual', signal });
    } catch (err) {
      return { kind: 'error', message: err instanceof Error ? err.message : String(err) };
    }
    if (res.status >= 300 && res.status < 400 && res.headers.get('location')) {
      await res.body?.cancel();
      current = new URL(res.headers.get('location')!, current).toString();
      continue;
    }
    if (!res.ok || !res.body) {
      await res.body?.cancel();
      return { kind: 'error', message: `video download answered HTTP ${res.status}` };
    }
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (Number.isFinite(declared) && declared > options.maxBytes) {
      await res.body.cancel();
      return { kind: 'too_large', sizeBytes: declared };
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = res.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > options.maxBytes) {
          await reader.cancel();
          return { kind: 'too_large' };
        }
        chunks.push(value);
      }
    } catch (err) {
      return { kind: 'error', message: err instanceof Error ? err.message : String(err) };
    }
    return { kind: 'file', data: Buffer.concat(chunks), contentType: res.headers.get('content-type') ?? 'video/mp4' };
  }
  return { kind: 'error', message: 'too many redirects' };
}
