/** POST /v1/certificates/status (scope verify): 現況確認 now, with the deployment's verifier. */
import type { Clock } from '../../clock.js';
import { checkCertificateStatus } from '../../monitors/check-certificate-status.js';
import type { Verifier } from '../../verifier/types.js';
import type { ApiRoutes } from '../api-router.js';

export function certificateStatusRoute(verifier: Pick<Verifier, 'verifyCertificate'>, clock: Clock): ApiRoutes {
  return (router) => {
    router.route('checkCertificateStatus', async (request) => checkCertificateStatus(verifier, clock, request.body));
  };
}
