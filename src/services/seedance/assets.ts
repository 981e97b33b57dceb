/**
 * The vendor's media review (Manxue `sd2_mx_*` models take media only as `asset://{assetId}` ids of reviewed
 * files): submit URLs for review, then ask for the status of the asset ids until each is Active or Failed.
 *
 * Known (the vendor's skill documentation): `POST /api/open-api/v1/seedance/assets/audit`,
 * `GET /api/open-api/v1/seedance/assets/status`, statuses `Processing`, `Active`, `Failed`; only Active assets
 * may be used. Everything else here is ASSUMED from the Manxue upstream provider's page (the exact bodies are
 * not published): paths, status method and id parameter are configurable, and the answers are read
 * tolerantly (camelCase or snake_case, `items` or `list`, string or number codes). `npm run cli -- audit <url>`
 * prints the raw answers so an operator can check the contract with their own key.
 */
import { SeedanceError } from './errors.js';
import { parseEnvelope } from './parse.js';

export type AssetKind = 'image' | 'video' | 'audio';
export type AssetState = 'processing' | 'active' | 'failed';

export interface AssetContract {
  auditPath: string;
  statusPath: string;
  /** ASSUMED: the vendor's GET with the ids as a query parameter; the provider uses POST with a JSON body. */
  statusMethod: 'GET' | 'POST';
  /** ASSUMED: `assetIds` (comma-separated in the query string for GET, a JSON array for POST). */
  statusParam: string;
}

export const DEFAULT_ASSET_CONTRACT: AssetContract = {
  auditPath: '/api/open-api/v1/seedance/assets/audit',
  statusPath: '/api/open-api/v1/seedance/assets/status',
  statusMethod: 'GET',
  statusParam: 'assetIds',
};

export interface AuditInput {
  url: string;
  kind: AssetKind;
}

/** One submitted file as the review answered it: its asset id (matched to our URL) and first status. */
export interface AuditedAsset {
  url: string;
  assetId: string;
  state: AssetState;
  rawStatus: string;
}

/** A file the review refused at once (`failedItems`), with the upstream's reason. */
export interface RefusedAsset {
  url: string;
  reason: string;
}

export interface AuditResult {
  assets: AuditedAsset[];
  refused: RefusedAsset[];
}

export interface AssetStatus {
  assetId: string;
  state: AssetState;
  rawStatus: string;
  reason?: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : undefined;
const pick = (o: Obj, ...names: string[]) => names.map((n) => str(o[n])).find((v) => v !== undefined);
const listOf = (o: Obj, ...names: string[]): Obj[] | undefined => {
  for (const n of names) if (Array.isArray(o[n])) return (o[n] as unknown[]).filter(isObj);
  return undefined;
};

/** ASSUMED body: `{"imageUrls": [...], "videoUrls": [...], "audioUrls": [...]}`, empty lists left out. */
export function auditBody(items: readonly AuditInput[]): Record<string, string[]> {
  const body: Record<string, string[]> = {};
  const field: Record<AssetKind, string> = { image: 'imageUrls', video: 'videoUrls', audio: 'audioUrls' };
  for (const it of items) (body[field[it.kind]] ??= []).push(it.url);
  return body;
}

/** `Processing`, `Active`, `Failed` (known); other spellings read tolerantly, anything unknown is still processing. */
export function assetState(raw: string | undefined): AssetState {
  const s = (raw ?? '').trim().toLowerCase();
  if (['active', 'success', 'succeeded', 'passed', 'approved', 'available'].includes(s)) return 'active';
  if (['failed', 'fail', 'failure', 'rejected', 'error', 'refused'].includes(s)) return 'failed';
  return 'processing';
}

const itemUrl = (o: Obj) => pick(o, 'originalUrl', 'original_url', 'url', 'sourceUrl', 'source_url');
const itemId = (o: Obj) => pick(o, 'assetId', 'asset_id', 'id');
const itemStatus = (o: Obj) => pick(o, 'status', 'state', 'assetStatus', 'asset_status');
const itemReason = (o: Obj) =>
  pick(o, 'reason', 'failReason', 'fail_reason', 'errorMessage', 'error_message', 'message', 'msg', 'error');

/**
 * Reads the review's answer: `data.items[] {assetType, originalUrl, assetId, status}` and `data.failedItems[]`
 * (ASSUMED). Items are matched to the submitted URLs by `originalUrl`, else by order within their kind, else by
 * order. Undefined when some submitted URL has neither an asset id nor a refusal (the answer cannot be used).
 */
export function parseAuditAnswer(json: unknown, submitted: readonly AuditInput[]): AuditResult | undefined {
  const env = parseEnvelope(json);
  if (!env.ok) return undefined;
  const data = env.data;
  const items = listOf(data, 'items', 'list', 'assets', 'records') ?? [];
  const failed = listOf(data, 'failedItems', 'failed_items', 'failed', 'failures') ?? [];
  const result: AuditResult = { assets: [], refused: [] };
  const left = new Set(submitted.map((s) => s.url));
  const unmatched: Obj[] = [];
  for (const f of failed) {
    const url = itemUrl(f);
    const reason = itemReason(f) ?? 'refused';
    if (url && left.has(url)) {
      left.delete(url);
      result.refused.push({ url, reason });
    } else unmatched.push({ ...f, __failed: true });
  }
  const withIds: Obj[] = [];
  for (const it of items) {
    const url = itemUrl(it);
    const id = itemId(it);
    if (!id) continue;
    if (url && left.has(url)) {
      left.delete(url);
      const rawStatus = itemStatus(it) ?? 'submitted';
      result.assets.push({ url, assetId: id, state: assetState(rawStatus), rawStatus });
    } else withIds.push(it);
  }
  // Answers that do not echo our URLs: by order within the same kind, then by order.
  const kindOf = (o: Obj) => pick(o, 'assetType', 'asset_type', 'type')?.toLowerCase();
  for (const it of withIds) {
    const kind = kindOf(it);
    const next = submitted.find((s) => left.has(s.url) && (!kind || kind.startsWith(s.kind)));
    if (!next) continue;
    left.delete(next.url);
    const rawStatus = itemStatus(it) ?? 'submitted';
    result.assets.push({ url: next.url, assetId: itemId(it)!, state: assetState(rawStatus), rawStatus });
  }
  for (const f of unmatched) {
    const next = submitted.find((s) => left.has(s.url));
    if (!next) break;
    left.delete(next.url);
    result.refused.push({ url: next.url, reason: itemReason(f) ?? 'refused' });
  }
  return left.size ? undefined : result;
}

/** Reads a status answer: `data.items[] {assetId, status}` (ASSUMED; also `list`, a bare array, or one object). */
export function parseStatusAnswer(json: unknown): AssetStatus[] | undefined {
  const env = parseEnvelope(json);
  if (!env.ok) return undefined;
  const raw = isObj(json) && Array.isArray(json.data) ? (json.data as unknown[]).filter(isObj) : undefined;
  const items = raw ?? listOf(env.data, 'items', 'list', 'assets', 'records') ?? (itemId(env.data) ? [env.data] : []);
  const out: AssetStatus[] = [];
  for (const it of items) {
    const assetId = itemId(it);
    const rawStatus = itemStatus(it);
    if (!assetId || !rawStatus) continue;
    const state = assetState(rawStatus);
    out.push({ assetId, state, rawStatus, ...(state === 'failed' ? { reason: itemReason(it) ?? rawStatus } : {}) });
  }
  return out.length ? out : undefined;
}

/** `asset://{assetId}`: how a reviewed file is named in a create body. */
export const assetUrl = (assetId: string) => `asset://${assetId.replace(/^asset:\/\//, '')}`;

/** Calls another route of the API: a Seedance client (its key), or the key pool (`key`: which key's account). */
export interface ApiCaller {
  call(
    method: 'GET' | 'POST',
    pathAndQuery: string,
    body?: unknown,
    beforeSend?: () => Promise<void>,
    key?: string,
  ): Promise<unknown>;
}

/**
 * The review's two calls, through the Seedance client (same key, time limits and typed errors). `key`: the
 * fingerprint of the API key whose account reviews the files (with the key pool); status is asked with the same.
 */
export class AssetReviewClient {
  constructor(
    private readonly client: ApiCaller,
    private readonly contract: AssetContract = DEFAULT_ASSET_CONTRACT,
  ) {}

  /** The raw answer of a review submission (the CLI prints it). Not retried: a review is submitted once. */
  submitRaw(items: readonly AuditInput[], key?: string): Promise<unknown> {
    return this.client.call('POST', this.contract.auditPath, auditBody(items), undefined, key);
  }

  async submit(items: readonly AuditInput[], key?: string): Promise<AuditResult> {
    const json = await this.submitRaw(items, key);
    const parsed = parseAuditAnswer(json, items);
    if (!parsed)
      throw new SeedanceError({
        kind: 'malformed',
        message: 'the media review answer names no asset id for some file',
        mayHaveReachedServer: true,
      });
    return parsed;
  }

  /** The raw answer of a status query; `beforeSend` waits for the shared query budget. */
  statusRaw(assetIds: readonly string[], beforeSend?: () => Promise<void>, key?: string): Promise<unknown> {
    const { statusPath, statusMethod, statusParam } = this.contract;
    const { client } = this;
    if (statusMethod === 'POST') return client.call('POST', statusPath, { [statusParam]: assetIds }, beforeSend, key);
    const sep = statusPath.includes('?') ? '&' : '?';
    const query = `${encodeURIComponent(statusParam)}=${assetIds.map(encodeURIComponent).join(',')}`;
    return client.call('GET', `${statusPath}${sep}${query}`, undefined, beforeSend, key);
  }

  async status(assetIds: readonly string[], beforeSend?: () => Promise<void>, key?: string): Promise<AssetStatus[]> {
    const parsed = parseStatusAnswer(await this.statusRaw(assetIds, beforeSend, key));
    if (!parsed)
      throw new SeedanceError({
        kind: 'malformed',
        message: 'the asset status answer could not be read',
        mayHaveReachedServer: true,
      });
    return parsed;
  }
}
