import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledRootsDirectory, loadBundledRoots } from '../../src/trust/load-bundled-roots.js';
import { createTrustStore } from '../../src/trust/create-trust-store.js';
import { isTestRoot, toTrustAnchor } from '../../src/trust/trust-anchor.js';
import { parseCertificate } from '../../src/pki/certificate.js';
import { decodeInput } from '../../src/pki/decode-input.js';

// Pinned from ../shared/jpki/roots/README.md (J-LIS fingerprint sheet): a swapped file fails here.
const PINNED: Record<string, string> = {
  'sign-ca-2015.pem': '19:64:54:05:A1:FE:14:37:74:34:BD:55:95:76:28:AC:40:38:55:7C:54:24:03:A2:24:3F:21:C7:06:FC:93:55',
  'sign-ca-2019.pem': '79:67:9C:33:E4:CC:93:19:44:0F:1A:D1:20:A5:97:FF:18:44:E2:EF:21:70:63:AD:B1:76:96:6F:D5:E6:FB:EB',
  'sign-ca-2023.pem': 'D2:27:F6:CD:E1:1D:35:C5:25:21:78:F1:06:F8:43:D2:46:51:94:49:75:41:3B:53:9F:A2:FB:68:DB:FA:36:5F',
  'auth-ca-2015.pem': '4D:CF:C4:CA:0A:AF:9F:B2:A3:08:1B:3F:0C:99:1C:32:0B:3A:CC:00:86:67:A3:41:EE:AE:C5:AF:1D:58:CA:7D',
  'auth-ca-2019.pem': '0D:98:DE:47:FC:11:B7:F6:71:26:87:4B:70:28:B6:02:6A:80:3D:26:38:D6:ED:FE:53:17:69:53:96:1F:AD:E6',
  'auth-ca-2023.pem': '64:11:4F:29:62:0C:24:ED:26:31:D4:64:76:A0:40:E7:EE:74:0D:95:60:89:C0:0B:03:6A:6A:81:18:C3:22:B5',
};

const fingerprint = (der: Uint8Array): string =>
  createHash('sha256').update(der).digest('hex').toUpperCase().match(/../g)!.join(':');

describe('bundled J-LIS roots', () => {
  const dir = bundledRootsDirectory();

  it('ships exactly the six pinned files', () => {
    expect(readdirSync(dir).filter((f) => f.endsWith('.pem')).sort()).toEqual(Object.keys(PINNED).sort());
  });

  it.each(Object.entries(PINNED))('%s has the published SHA-256 fingerprint', (file, expected) => {
    expect(fingerprint(decodeInput(readFileSync(join(dir, file))))).toBe(expected);
  });

  it('loads six anchors split three per purpose, none a test root', () => {
    const store = loadBundledRoots();
    expect(store.anchors).toHaveLength(6);
    const signing = store.forPurpose('signing').anchors;
    const auth = store.forPurpose('authentication').anchors;
    expect(signing.map((a) => fingerprint(a.certificate.der)).sort()).toEqual(
      [PINNED['sign-ca-2015.pem'], PINNED['sign-ca-2019.pem'], PINNED['sign-ca-2023.pem']].sort(),
    );
    expect(auth.map((a) => fingerprint(a.certificate.der)).sort()).toEqual(
      [PINNED['auth-ca-2015.pem'], PINNED['auth-ca-2019.pem'], PINNED['auth-ca-2023.pem']].sort(),
    );
    expect(store.anchors.some((a) => isTestRoot(a.certificate))).toBe(false);
    expect(loadBundledRoots()).toBe(store); // loaded once
  });

  it('indexes all generations of one purpose under one subject, told apart by key id', () => {
    const store = loadBundledRoots();
    const signing = store.forPurpose('signing');
    const first = signing.anchors[0]!;
    expect(signing.bySubject(first.certificate.subject)).toHaveLength(3);
    expect(store.bySubject(first.certificate.subject)).toHaveLength(3); // the auth DN differs
    for (const a of store.anchors) {
      expect(store.byKeyId(a.certificate.subjectKeyId!)).toEqual([a]);
    }
  });

  it('finds the folder from a dist/ location too (walks up to the package root)', () => {
    expect(bundledRootsDirectory(join(dir, '..', '..', 'dist', 'trust', 'load-bundled-roots.js'))).toBe(dir);
  });
});

describe('createTrustStore', () => {
  const der = decodeInput(readFileSync(join(bundledRootsDirectory(), 'sign-ca-2023.pem')));

  it('keeps one anchor per distinct certificate', () => {
    const store = createTrustStore([parseCertificate(der), parseCertificate(der)]);
    expect(store.anchors).toHaveLength(1);
    expect(store.anchors[0]!.purpose).toBe('signing');
  });

  it('accepts ready anchors as well as certificates', () => {
    const anchor = toTrustAnchor(parseCertificate(der));
    expect(createTrustStore([anchor]).anchors[0]).toBe(anchor);
  });
});
