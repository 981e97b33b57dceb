/**
 * Fetches a finished video as a stream with a byte cap, and only from the public internet: every hop's
 * host is resolved first and refused if any of its addresses is private, loopback, link-local or otherwise
 * not public (see privateAddress.ts), and the connection goes to the address that was checked (no second
 * lookup a DNS rebinding could answer differently). https only (plain http only when allowed, for loopback
 * fakes), a few redirects, each checked again; reading stops as soon as the cap is passed.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { createWriteStream } from 'node:fs';
import { type IncomingMessage, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { isPublicAddress } from './privateAddress.js';

export type DownloadResult =
  | { kind: 'file'; data: Buffer; contentType: string }
  /** Written to `options.toFile` (only when that was asked). */
  | { kind: 'saved'; bytes: number; contentType: string }
  | { kind: 'too_large'; sizeBytes?: number }
  /** The URL may not be fetched (scheme, or an address that is not public): deliver it as a link. */
  | { kind: 'refused'; message: string }
  | { kind: 'error'; message: string };

export interface DownloadOptions {
  maxBytes: number;
  /** Stream the body into this file instead of memory (large videos on their way to ffmpeg). */
  toFile?: string;
  timeoutMs?: number;
  maxRedirects?: number;
  allowHttp?: boolean;
  /** Lift the refusal of private, loopback and link-local addresses (local testing only). */
  allowPrivateHosts?: boolean;
  /** Resolves a host name to all its addresses (tests inject one); dns.lookup otherwise. */
  resolve?: (host: string) => Promise<LookupAddress[]>;
  /** Which addresses may be connected to; public ones otherwise. */
  isAllowedAddress?: (ip: string) => boolean;
}

const systemResolve = (host: string) =>
  new Promise<LookupAddress[]>((resolve, reject) =>
    dnsLookup(host, { all: true, verbatim: true }, (err, addresses) => (err ? reject(err) : resolve(addresses))),
  );

class Refused extends Error {}

/** Where one hop may connect: the vetted addresses of its host. */
async function vet(url: URL, options: DownloadOptions): Promise<LookupAddress[]> {
  const allowed = options.allowPrivateHosts ? () => true : (options.isAllowedAddress ?? isPublicAddress);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const family = isIP(host);
  if (family) {
    if (!allowed(host)) throw new Refused(`refusing a video URL on a non-public address (${host})`);
    return [{ address: host, family }];
  }
  const addresses = await (options.resolve ?? systemResolve)(host);
  if (!addresses.length) throw new Error(`${host} has no address`);
  const bad = addresses.find((a) => !allowed(a.address));
  if (bad)
    throw new Refused(`refusing a video URL whose host resolves to a non-public address (${host} → ${bad.address})`);
  return addresses;
}

/** One GET to a vetted address; resolves with the response (headers read, body not yet). */
function get(url: URL, addresses: LookupAddress[], signal: AbortSignal): Promise<IncomingMessage> {
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'GET',
      signal,
      headers: { accept: 'video/*,*/*;q=0.5' },
      // Connect only to what vet() checked, whatever the resolver would say now.
      lookup: (_host, opts, callback) => {
        const cb = callback as (err: Error | null, address: string | LookupAddress[], family?: number) => void;
        if ((opts as { all?: boolean }).all) cb(null, addresses);
        else cb(null, addresses[0]!.address, addresses[0]!.family);
      },
    });
    req.once('response', resolve);
    req.once('error', reject);
    req.end();
  });
}

export async function downloadVideo(url: string, options: DownloadOptions): Promise<DownloadResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error('video download timed out')), options.timeoutMs ?? 60_000);
  try {
    let current = new URL(url);
    for (let hop = 0; hop <= (options.maxRedirects ?? 3); hop += 1) {
      const scheme = current.protocol;
      if (scheme !== 'https:' && !(options.allowHttp && scheme === 'http:')) {
        return { kind: 'refused', message: `refusing a ${scheme} video URL` };
      }
      const addresses = await vet(current, options);
      const res = await get(current, addresses, controller.signal);
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400 && res.headers.location) {
        res.destroy();
        current = new URL(res.headers.location, current);
        continue;
      }
      if (status < 200 || status >= 300) {
        res.destroy();
        return { kind: 'error', message: `video download answered HTTP ${status}` };
      }
      const declared = Number(res.headers['content-length'] ?? Number.NaN);
      if (Number.isFinite(declared) && declared > options.maxBytes) {
        res.destroy();
        return { kind: 'too_large', sizeBytes: declared };
      }
      const contentType = res.headers['content-type'] ?? 'video/mp4';
      const sink = options.toFile ? createWriteStream(options.toFile) : undefined;
      const sinkFailed = sink ? new Promise<never>((_, reject) => sink.once('error', reject)) : undefined;
      sinkFailed?.catch(() => {});
      const chunks: Buffer[] = [];
      let size = 0;
      try {
        for await (const chunk of res as AsyncIterable<Buffer>) {
          size += chunk.length;
          if (size > options.maxBytes) {
            res.destroy();
            return { kind: 'too_large' };
          }
          if (!sink) chunks.push(chunk);
          else if (!sink.write(chunk))
            await Promise.race([new Promise<void>((r) => sink.once('drain', () => r())), sinkFailed]);
        }
      } finally {
        if (sink) await Promise.race([new Promise<void>((r) => sink.end(() => r())), sinkFailed]);
      }
      if (sink) return { kind: 'saved', bytes: size, contentType };
      return { kind: 'file', data: Buffer.concat(chunks), contentType };
    }
    return { kind: 'error', message: 'too many redirects' };
  } catch (err) {
    if (err instanceof Refused) return { kind: 'refused', message: err.message };
    return { kind: 'error', message: err instanceof Error ? err.message : String(err) };
  } finally {
    clearTimeout(timer);
  }
}
