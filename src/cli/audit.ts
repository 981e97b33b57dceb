/**
 * `npm run cli -- audit <url>...`: submits files to the vendor's media review with the configured key, then
 * asks for their status until each is Active or Failed (or ASSET_REVIEW_TIMEOUT_MIN passes), printing every
 * raw answer. It exists so an operator can confirm the ASSUMED contract of services/seedance/assets.ts in a
 * minute; the parsed reading is printed after each raw answer, so a mismatch shows at once.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import {
  type AssetKind,
  AssetReviewClient,
  type AssetContract,
  type AuditInput,
  parseAuditAnswer,
  parseStatusAnswer,
} from '../services/seedance/assets.js';
import type { SeedanceClient } from '../services/seedance/client.js';

const VIDEO = /\.(mp4|mov|webm|m4v|avi|mkv)$/i;
const AUDIO = /\.(mp3|wav|aac|m4a|flac|ogg)$/i;

/** `video:https://…` forces the kind; otherwise the file extension says (images by default). */
export function auditInputOf(arg: string): AuditInput {
  const forced = /^(image|video|audio):(https?:\/\/.+)$/i.exec(arg);
  if (forced) return { kind: forced[1]!.toLowerCase() as AssetKind, url: forced[2]! };
  let path = arg;
  try {
    path = new URL(arg).pathname;
  } catch {
    // not a URL: the upstream will say so
  }
  return { url: arg, kind: VIDEO.test(path) ? 'video' : AUDIO.test(path) ? 'audio' : 'image' };
}

export interface AuditRun {
  client: Pick<SeedanceClient, 'call'>;
  contract: AssetContract;
  args: string[];
  timeoutMs: number;
  everyMs: number;
  out: (text: string) => void;
  now?: () => number;
}

/** Exit code: 0 when every file is Active, 1 otherwise (refused, failed, unreadable answers, or out of time). */
export async function runAudit(run: AuditRun): Promise<number> {
  const now = run.now ?? Date.now;
  const review = new AssetReviewClient(run.client, run.contract);
  const items = run.args.map(auditInputOf);
  run.out(`POST ${run.contract.auditPath}`);
  const submitted = await review.submitRaw(items);
  run.out(JSON.stringify(submitted, null, 2));
  const parsed = parseAuditAnswer(submitted, items);
  if (!parsed) {
    run.out('Could not match an asset id (or a refusal) to every file: the ASSUMED answer shape does not fit.');
    return 1;
  }
  for (const r of parsed.refused) run.out(`Refused: ${r.url}: ${r.reason}`);
  for (const a of parsed.assets) run.out(`Submitted: ${a.url} → asset://${a.assetId} (${a.rawStatus})`);
  const pending = new Set(parsed.assets.map((a) => a.assetId));
  let failed = parsed.refused.length > 0;
  const deadline = now() + run.timeoutMs;
  while (pending.size && now() < deadline) {
    await sleep(run.everyMs);
    run.out(
      `${run.contract.statusMethod} ${run.contract.statusPath} (${run.contract.statusParam}: ${[...pending].join(',')})`,
    );
    const answer = await review.statusRaw([...pending]);
    run.out(JSON.stringify(answer, null, 2));
    const statuses = parseStatusAnswer(answer);
    if (!statuses) {
      run.out('Could not read a status from this answer (the ASSUMED shape does not fit); asking again.');
      continue;
    }
    for (const st of statuses) {
      if (!pending.has(st.assetId) || st.state === 'processing') continue;
      pending.delete(st.assetId);
      if (st.state === 'failed') failed = true;
      run.out(
        `${st.state === 'active' ? 'Active' : 'Failed'}: asset://${st.assetId}${st.reason ? ` (${st.reason})` : ''}`,
      );
    }
  }
  if (pending.size) run.out(`Still processing after ${Math.round(run.timeoutMs / 1000)} s: ${[...pending].join(', ')}`);
  return failed || pending.size ? 1 : 0;
}
