import { GatewayError } from '../../errors.js';
import { bytesEqual } from '../../pki/der-values.js';

// RFC 5652 §5.2: eContent absent = detached, the content must come from the caller; when
// both exist they must be the same bytes, or which one was signed would be ambiguous.
export function checkContentPresence(eContent: Uint8Array | undefined, detached: Uint8Array | undefined): Uint8Array {
  if (eContent === undefined) {
    if (detached === undefined) throw new GatewayError('ERR_CMS_CONTENT_MISSING');
    return detached;
  }
  if (detached !== undefined && !bytesEqual(eContent, detached)) {
    throw new GatewayError('ERR_CMS_CONTENT_CONFLICT', 'attached and detached content differ');
  }
  return eContent;
}
