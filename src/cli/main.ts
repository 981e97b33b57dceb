/**
 * Command line over the same services the bot uses, so an admin can check rules, key and host without Discord.
 *   validate '<json>' [--json]   exact upstream body, or every problem (exit 0 valid, 1 invalid; Manxue uploads
 *                                must pass the media review first: said so, exit 1)
 *   submit '<json>' [--json]     validate, then create a real task (costs money; Manxue media as asset:// ids)
 *   status <task_id> [--json]    query a task
 *   models [--json]              the catalog
 *   audit <url>... [--every <sec>]  submit files to the media review (Manxue), poll, print the raw answers
 * Bad arguments print the usage and exit 2; no stack traces.
 */
import { configOrExit, loadDotEnv } from '../config/loadConfig.js';
import { createLogger } from '../logging/logger.js';
import { SeedanceClient } from '../services/seedance/client.js';
import { isSeedanceError } from '../services/seedance/errors.js';
import { bilingualProblems, validateVideoRequest } from '../services/validation/index.js';
import { reviewItemsOf } from '../services/review/assetReview.js';
import { runAudit } from './audit.js';
import { describeModels } from './describeModels.js';
import { requestFromJson } from './requestFromJson.js';

const USAGE = `Usage:
  npm run cli -- validate '<json>' [--json]   print the upstream body or the problems (exit 0 valid, 1 invalid);
                                              Manxue (sd2_mx_*) media must be asset:// ids: uploads go through the
                                              media review first (the bot does this itself; here: audit)
  npm run cli -- submit '<json>' [--json]     validate, then create the task upstream (costs money)
  npm run cli -- status <task_id> [--json]    query a task upstream
  npm run cli -- models [--json]              list the models and their rules
  npm run cli -- audit <url>... [--every <sec>]
                                              submit files to the media review of the Manxue models, poll their
                                              status every 3 s (until Active/Failed or ASSET_REVIEW_TIMEOUT_MIN)
                                              and print every raw answer; prefix video: or audio: to force a kind
The request JSON uses the vendor's field names: model, prompt, duration, resolution, ratio, orientation,
images, first_image, last_image, reference_videos, reference_audios (media as URLs).
Example: npm run cli -- validate '{"model":"seedance2.0-mini-sp","prompt":"a fox","duration":5}'`;

type Out = (text: string) => void;
const stdout: Out = (t) => process.stdout.write(`${t}\n`);
const stderr: Out = (t) => process.stderr.write(`${t}\n`);

function usage(problem?: string): number {
  if (problem) stderr(`Error: ${problem}\n`);
  stderr(USAGE);
  return 2;
}

type Validated = { exit: number } | { result: ReturnType<typeof validateVideoRequest> };

function validate(json: string | undefined): Validated {
  if (json === undefined) return { exit: usage('validate needs a JSON request') };
  const parsed = requestFromJson(json);
  if (!parsed.ok) return { exit: usage(parsed.error) };
  return { result: validateVideoRequest(parsed.input) };
}

function printValidation(result: ReturnType<typeof validateVideoRequest>, asJson: boolean): number {
  if (result.ok) {
    stdout(
      asJson
        ? JSON.stringify({ valid: true, body: result.body, cost: result.cost })
        : JSON.stringify(result.body, null, 2),
    );
    return 0;
  }
  const problems = bilingualProblems(result.problems);
  if (asJson) stdout(JSON.stringify({ valid: false, problems }));
  else {
    stderr(`The request has ${problems.length} problem(s):`);
    for (const p of problems) stderr(`  - [${p.field}] ${p.en}\n    ${p.zh}`);
  }
  return 1;
}

/**
 * A valid Manxue request whose media are uploads (https) is no body the video service takes: those models take
 * media only as `asset://` ids of reviewed files. The bot reviews uploads itself; here the operator is told so,
 * and how to do it by hand, and the body is not printed as valid (exit 1, like `submit`). Undefined otherwise.
 */
function needsMediaReview(result: ReturnType<typeof validateVideoRequest>, asJson: boolean): number | undefined {
  if (!result.ok) return undefined;
  const files = reviewItemsOf({ model: result.model.id, request: result.body });
  if (!files.length) return undefined;
  const urls = files.map((it) => it.url);
  const message =
    `${result.model.id} takes media only as asset:// ids of files that passed the media review, so this is not a ` +
    'body the video service accepts. The bot sends such files to the media review itself and creates the task ' +
    'with their asset:// ids once each is Active. To send it yourself, review the files first with\n' +
    `  npm run cli -- audit ${urls.join(' ')}\nthen put the asset:// ids in the request.`;
  if (asJson)
    stdout(
      JSON.stringify({
        valid: false,
        mediaReview: files.map((it) => ({ field: it.field, index: it.index, url: it.url })),
        message,
      }),
    );
  else stderr(message);
  return 1;
}

function upstreamClient(): SeedanceClient {
  const config = configOrExit({ seedance: true });
  const logger = createLogger({
    level: config.logLevel === 'info' ? 'warn' : config.logLevel,
    secrets: [config.seedance.apiKey, ...config.seedance.apiKeys],
    destination: process.stderr as never,
  });
  // With several keys the CLI uses the first one.
  return new SeedanceClient({ ...config.seedance, apiKey: config.seedance.apiKeys[0] ?? '', logger });
}

function failUpstream(err: unknown, asJson: boolean): number {
  if (!isSeedanceError(err)) throw err;
  const info = { error: err.kind, httpStatus: err.httpStatus, code: err.code, message: err.message };
  if (asJson) stdout(JSON.stringify(info));
  else
    stderr(
      `Upstream error (${err.kind}${err.httpStatus ? `, HTTP ${err.httpStatus}` : ''}${err.code ? `, code ${err.code}` : ''}): ${err.message}`,
    );
  return 1;
}

async function audit(args: string[]): Promise<number> {
  const at = args.indexOf('--every');
  const every = at >= 0 ? Number(args[at + 1]) : 3;
  const urls = at >= 0 ? args.filter((_, i) => i !== at && i !== at + 1) : args;
  if (!urls.length) return usage('audit needs at least one URL');
  if (!Number.isFinite(every) || every <= 0) return usage('--every needs a number of seconds above 0');
  const config = configOrExit({ seedance: true });
  try {
    return await runAudit({
      client: upstreamClient(),
      contract: config.assets,
      args: urls,
      timeoutMs: config.assets.reviewTimeoutMs,
      everyMs: every * 1000,
      out: stdout,
    });
  } catch (err) {
    return failUpstream(err, false);
  }
}

export async function run(argv: string[]): Promise<number> {
  const asJson = argv.includes('--json');
  const args = argv.filter((a) => a !== '--json');
  const [command, arg, ...rest] = args;
  if (command === 'audit') return audit(args.slice(1));
  if (rest.length) return usage(`unexpected argument(s): ${rest.join(' ')}`);
  switch (command) {
    case 'validate': {
      const v = validate(arg);
      if ('exit' in v) return v.exit;
      return needsMediaReview(v.result, asJson) ?? printValidation(v.result, asJson);
    }
    case 'submit': {
      const v = validate(arg);
      if ('exit' in v) return v.exit;
      const review = needsMediaReview(v.result, asJson);
      if (review !== undefined) return review;
      if (!v.result.ok) return printValidation(v.result, asJson);
      try {
        const created = await upstreamClient().createTask({ ...v.result.body });
        stdout(asJson ? JSON.stringify(created) : `Task created: ${created.taskId} (${created.status ?? 'submitted'})`);
        return 0;
      } catch (err) {
        return failUpstream(err, asJson);
      }
    }
    case 'status': {
      if (!arg) return usage('status needs a task id');
      try {
        const snap = await upstreamClient().getTask(arg);
        if (asJson) stdout(JSON.stringify(snap));
        else {
          stdout(
            `Task ${snap.taskId}: ${snap.state} (upstream says "${snap.rawStatus}")${snap.progress !== undefined ? `, ${snap.progress}%` : ''}`,
          );
          if (snap.videoUrl) stdout(`Video: ${snap.videoUrl}`);
          if (snap.errorMessage)
            stdout(`Reason: ${snap.errorMessage}${snap.failureKind ? ` (${snap.failureKind})` : ''}`);
        }
        return 0;
      } catch (err) {
        return failUpstream(err, asJson);
      }
    }
    case 'models':
      if (arg) return usage(`unexpected argument: ${arg}`);
      stdout(describeModels(asJson));
      return 0;
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      return usage();
    default:
      return usage(`unknown command: ${command}`);
  }
}

loadDotEnv();
run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    stderr(`Unexpected error: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
