/** The fake Seedance server's public surface (tests, sandbox, benchmarks). */
export {
  startFakeSeedance,
  type FakeAsset,
  type FakeSeedance,
  type FakeSeedanceOptions,
  type CreateRecord,
  type RecordedRequest,
} from './server.js';
export type { Fault, FaultHook, FaultRoute } from './faults.js';
export type { Script } from './scripts.js';
