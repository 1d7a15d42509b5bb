// Worker thread entry: runs a comparison with bootstrap replicates so the
// main process (and the app window it serves) stays responsive.
import { parentPort } from 'node:worker_threads';
import { computeAgreement, type AgreementComputation, type AgreementData, type BootstrapOptions } from '../../src-shared/domain/agreement/compute.ts';

export type AgreementWorkerRequest = { data: AgreementData; bootstrap: BootstrapOptions };
export type AgreementWorkerReply =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'done'; result: AgreementComputation }
  | { kind: 'failed'; name: string };

parentPort?.on('message', ({ data, bootstrap }: AgreementWorkerRequest) => {
  try {
    const result = computeAgreement(data, bootstrap, (done, total) => parentPort?.postMessage({ kind: 'progress', done, total } satisfies AgreementWorkerReply));
    parentPort?.postMessage({ kind: 'done', result } satisfies AgreementWorkerReply);
  } catch (err) {
    parentPort?.postMessage({ kind: 'failed', name: err instanceof Error ? err.name : 'error' } satisfies AgreementWorkerReply);
  }
});
