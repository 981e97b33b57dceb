/** What the fake Discord saw on REST: every request with its parsed JSON body, uploaded files and our answer. */
import type { IncomingMessage } from 'node:http';

export interface RecordedFile {
  /** The file name the client gave (e.g. `v.mp4`). */
  name: string;
  /** The form field (`files[0]`, …). */
  field: string;
  contentType: string;
  size: number;
  data: Buffer;
}

export type JsonBody = Record<string, unknown>;

export interface RecordedRestRequest {
  method: string;
  /** Templated, e.g. `POST /interactions/:id/:token/callback`; unknown paths keep their literal path. */
  route: string;
  /** The path under /api/v10, e.g. `/channels/123/messages`. */
  path: string;
  query: URLSearchParams;
  /** The Authorization header, if any. */
  auth?: string;
  /** The JSON body (or multipart `payload_json`). Bulk command overwrites are arrays. */
  body?: JsonBody;
  files: RecordedFile[];
  /** The HTTP status we answered (0 while the request is still being handled). */
  status: number;
  /** When it arrived, on the fake's clock. */
  at: number;
}

/** Reads a request body: JSON, or multipart with `payload_json` and `files[n]`. */
export async function readBody(req: IncomingMessage): Promise<{ body?: JsonBody; files: RecordedFile[] }> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const raw = Buffer.concat(chunks);
  const type = req.headers['content-type'] ?? '';
  if (!raw.length) return { files: [] };
  if (type.startsWith('multipart/form-data')) {
    const form = await new Request('http://fake/', {
      method: 'POST',
      headers: { 'content-type': type },
      body: raw,
    }).formData();
    const files: RecordedFile[] = [];
    let body: JsonBody | undefined;
    for (const [key, value] of form.entries()) {
      if (typeof value === 'string') {
        if (key === 'payload_json') body = JSON.parse(value) as JsonBody;
      } else {
        files.push({
          name: value.name,
          field: key,
          contentType: value.type,
          size: value.size,
          data: Buffer.from(await value.arrayBuffer()),
        });
      }
    }
    return { body, files };
  }
  try {
    return { body: JSON.parse(raw.toString('utf8')) as JsonBody, files: [] };
  } catch {
    return { files: [] };
  }
}

/** Requests whose templated route equals `route` (or matches it). */
export function requestsTo(requests: readonly RecordedRestRequest[], route: string | RegExp): RecordedRestRequest[] {
  return requests.filter((r) => (typeof route === 'string' ? r.route === route : route.test(r.route)));
}
