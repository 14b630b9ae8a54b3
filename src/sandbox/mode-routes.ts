/**
 * The /sandbox routes (contract §5, sandbox mode only): issue a virtual card, revoke it (the
 * next CRL, the OCSP responder and the verifier see it at once), serve the current CRLs, and
 * answer OCSP requests. TSA belongs to the evidence issue and answers 501 until it lands.
 */
import type { ApiRoutes } from '../api/api-router.js';
import { ApiError } from '../api/http-errors.js';
import type { Clock } from '../clock.js';
import type { JpkiRevocationReason } from './card-scenarios.js';
import { sandboxCardJson, type SandboxCardRegistry } from './mode-cards.js';
import type { SandboxCrlBook } from './mode-crls.js';

export type SandboxOcspRespond = (request: Uint8Array) => Uint8Array | Promise<Uint8Array>;

export interface SandboxRoutesDeps {
  readonly cards: SandboxCardRegistry;
  readonly crls: SandboxCrlBook;
  readonly clock: Clock;
  readonly publicUrl: () => string;
  readonly ocsp?: SandboxOcspRespond;
}

const OCSP_REQUEST_LIMIT = 64 * 1024;

export function sandboxRoutes(deps: SandboxRoutesDeps): ApiRoutes {
  const { cards, crls, clock, publicUrl } = deps;
  const crlUrl = (name: string): string => `${publicUrl()}/sandbox/crl/${name}`;
  return (router) => {
    router.route('createSandboxCard', async (request, reply) => {
      const body = request.body ?? {};
      const { id, card } = cards.issue(body);
      const partition = crls.partitionName('signing', card.prefecture, card.municipality);
      return reply.code(201).send(sandboxCardJson(id, card, crlUrl(partition)));
    });

    router.route('revokeSandboxCard', async (request) => {
      const card = cards.get(request.params.id);
      if (!card) throw new ApiError('ERR_NOT_FOUND');
      const serial = BigInt(`0x${card.signing.serial}`);
      const name = crls.partitionName('signing', card.prefecture, card.municipality);
      if (card.revocation || crls.isRevoked(name, serial)) {
        throw new ApiError('ERR_CONFLICT', 'this card is already revoked');
      }
      const reason = request.body.reason as JpkiRevocationReason;
      const revokedAt = clock.now();
      const info = crls.revoke('signing', card.prefecture, card.municipality, { serial, reason, revokedAt });
      const authSerial = BigInt(`0x${card.authentication.serial}`);
      crls.revoke('authentication', card.prefecture, card.municipality, { serial: authSerial, reason, revokedAt });
      return {
        id: request.params.id,
        serialNumber: card.signing.serial.toLowerCase(),
        reason,
        revokedAt: revokedAt.toISOString(),
        crl: info.name,
        crlNumber: info.crlNumber.toString(),
      };
    });

    router.route('listSandboxCrls', async () => ({
      crls: crls.list().map((c) => ({
        name: c.name,
        url: crlUrl(c.name),
        crlNumber: c.crlNumber.toString(),
        thisUpdate: c.thisUpdate.toISOString(),
        nextUpdate: c.nextUpdate.toISOString(),
        entries: c.entries,
      })),
    }));

    router.route('getSandboxCrl', async (request, reply) => {
      const crl = crls.get(request.params.name);
      if (!crl) throw new ApiError('ERR_NOT_FOUND');
      return reply.type('application/pkix-crl').header('cache-control', 'max-age=60').send(Buffer.from(crl.der));
    });

    router.app.addContentTypeParser(
      ['application/ocsp-request', 'application/timestamp-query'],
      { parseAs: 'buffer', bodyLimit: OCSP_REQUEST_LIMIT },
      (_request, body, done) => done(null, body),
    );
    router.route('sandboxOcsp', async (request, reply) => {
      if (!deps.ocsp) throw new ApiError('ERR_NOT_IMPLEMENTED', 'the sandbox OCSP responder is not wired');
      if (!Buffer.isBuffer(request.body)) throw new ApiError('ERR_UNSUPPORTED_MEDIA_TYPE');
      const der = await deps.ocsp(new Uint8Array(request.body));
      return reply.type('application/ocsp-response').send(Buffer.from(der));
    });
    router.route('sandboxTimestamp', async () => {
      throw new ApiError('ERR_NOT_IMPLEMENTED', 'the sandbox TSA comes with the evidence issue');
    });
  };
}
