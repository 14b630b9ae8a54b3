import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  bitString,
  bool,
  concat,
  explicit,
  generalizedTime,
  ia5,
  implicit,
  integer,
  nullValue,
  octetString,
  oid,
  printable,
  seq,
  set,
  setOf,
  time,
  tlv,
  utcTime,
  utf8,
} from '../../src/pki/der-write.js';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

describe('der-write', () => {
  it('encodes OIDs', () => {
    expect(hex(oid('1.2.840.113549.1.1.11'))).toBe('06092a864886f70d01010b');
    expect(hex(oid('2.5.4.3'))).toBe('0603550403');
    expect(hex(oid('2.999.3'))).toBe('0603883703');
    expect(hex(oid('1.2.392.200149.8.5.5.1'))).toBe('060a2a83088c9b5508050501');
    expect(() => oid('1.40')).toThrow(TypeError);
    expect(() => oid('abc')).toThrow(TypeError);
  });

  it("encodes minimal two's-complement integers", () => {
    expect(hex(integer(0))).toBe('020100');
    expect(hex(integer(127))).toBe('02017f');
    expect(hex(integer(128))).toBe('02020080');
    expect(hex(integer(256))).toBe('02020100');
    expect(hex(integer(-1))).toBe('0201ff');
    expect(hex(integer(-128))).toBe('020180');
    expect(hex(integer(-129))).toBe('0202ff7f');
    expect(hex(integer(65537n))).toBe('0203010001');
    expect(hex(integer(Uint8Array.of(0x00, 0x00, 0x9a)))).toBe('020200 9a'.replace(' ', ''));
    expect(hex(integer(Uint8Array.of(0x12, 0x34)))).toBe('02021234');
  });

  it('uses minimal definite lengths', () => {
    expect(hex(octetString(new Uint8Array(127)).subarray(0, 2))).toBe('047f');
    expect(hex(octetString(new Uint8Array(128)).subarray(0, 3))).toBe('048180');
    expect(hex(octetString(new Uint8Array(255)).subarray(0, 3))).toBe('0481ff');
    expect(hex(octetString(new Uint8Array(256)).subarray(0, 4))).toBe('04820100');
    expect(octetString(new Uint8Array(70000)).subarray(0, 5)).toEqual(Uint8Array.of(4, 0x83, 1, 0x11, 0x70));
  });

  it('writes multi-byte tags as given', () => {
    expect(hex(tlv(0x7f21, Uint8Array.of(1)))).toBe('7f210101');
    expect(hex(tlv(0xdf31, new Uint8Array(0)))).toBe('df3100');
  });

  it('encodes simple types', () => {
    expect(hex(nullValue())).toBe('0500');
    expect(hex(bool(true))).toBe('0101ff');
    expect(hex(bool(false))).toBe('010100');
    expect(hex(bitString(Uint8Array.of(0x06), 1))).toBe('03020106');
    expect(hex(utf8('試'))).toBe('0c03e8a9a6');
    expect(hex(printable('JP'))).toBe('13024a50');
    expect(hex(ia5('a@b'))).toBe('1603614062');
    expect(() => printable('a@b')).toThrow(TypeError);
    expect(() => bitString(new Uint8Array(1), 8)).toThrow(TypeError);
  });

  it('encodes times per RFC 5280', () => {
    const d = new Date('2049-12-31T14:59:59Z');
    expect(Buffer.from(utcTime(d).subarray(2)).toString()).toBe('491231145959Z');
    expect(time(d)[0]).toBe(0x17);
    const g = new Date('2050-01-01T00:00:00Z');
    expect(time(g)[0]).toBe(0x18);
    expect(Buffer.from(generalizedTime(g).subarray(2)).toString()).toBe('20500101000000Z');
    expect(() => utcTime(g)).toThrow(TypeError);
  });

  it('sorts SET OF by encoding but keeps SET order', () => {
    const a = integer(2);
    const b = integer(1);
    expect(hex(set(a, b))).toBe('3106020102020101');
    expect(hex(setOf(a, b))).toBe('3106020101020102');
  });

  it('tags explicitly and implicitly', () => {
    expect(hex(explicit(0, integer(2)))).toBe('a003020102');
    expect(hex(implicit(1, integer(2)))).toBe('810102');
    expect(hex(implicit(2, seq(integer(1)), true))).toBe('a203020101');
    expect(hex(concat(Uint8Array.of(1), Uint8Array.of(2, 3)))).toBe('010203');
  });

  it('round-trips a composed structure through openssl asn1parse', () => {
    const der = seq(
      oid('1.2.840.113549.1.1.11'),
      nullValue(),
      setOf(seq(oid('2.5.4.6'), printable('JP')), seq(oid('2.5.4.10'), utf8('JPKI-TEST'))),
      explicit(0, integer(-129)),
      bitString(new Uint8Array(300)),
      time(new Date('2026-01-05T00:00:00Z')),
      time(new Date('2051-01-05T00:00:00Z')),
      bool(true),
    );
    const dir = mkdtempSync(join(tmpdir(), 'derw-'));
    try {
      writeFileSync(join(dir, 'x.der'), der);
      const out = execFileSync('openssl', ['asn1parse', '-inform', 'DER', '-in', join(dir, 'x.der')]).toString();
      expect(out).toContain('sha256WithRSAEncryption');
      expect(out).toContain('PRINTABLESTRING   :JP');
      expect(out).toContain('UTF8STRING        :JPKI-TEST');
      expect(out).toContain('INTEGER           :-81');
      expect(out).toContain('UTCTIME           :260105000000Z');
      expect(out).toContain('GENERALIZEDTIME   :20510105000000Z');
      expect(out).toContain('BOOLEAN           :255');
      expect(out).toMatch(/BIT STRING/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
