/**
 * 番号法: the My Number never reaches a log line. A gateway at log level debug runs every My
 * Number path over real HTTP (stored and read once, read again, tampered card, another person's
 * card, cancelled and expired sessions); then every captured line is scanned for any run of
 * exactly 12 digits and for the cards' numbers in any spacing. The audit events are there, with
 * identifiers only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxMyNumber } from '../../../src/sandbox/card.js';
import { ORIGIN, card } from '../../sessions/fixtures.js';
import { KEYS, call, startGateway, type Gateway } from './support.js';
import { widgetSigns } from './widget.js';
import { TWELVE_DIGITS, withoutUuids } from '../../support/log-scan.js';

const withMyNumber = { type: 'identity', purpose: '口座開設', origin: ORIGIN, include: ['basic4', 'my_number'] };

let gw: Gateway;
beforeAll(async () => {
  gw = await startGateway({ logLevel: 'debug' });
});
afterAll(async () => {
  await gw?.stop();
});

describe('the My Number is never logged', () => {
  it('every My Number path at log level debug: no 12-digit run, no card number, audit lines present', async () => {
    const ids: string[] = [];
    for (const name of ['valid', 'tampered', 'other-person', 'revoked'] as const) {
      const created = await call(gw.url, 'POST', '/v1/sessions', KEYS.brokerage, withMyNumber);
      ids.push(created.json.id as string);
      await widgetSigns(gw.url, created.json.clientToken as string, card(name));
    }
    for (const id of ids) {
      await call(gw.url, 'GET', `/v1/sessions/${id}`, KEYS.brokerage);
      await call(gw.url, 'GET', `/v1/sessions/${id}/my-number`, KEYS.brokerage);
      await call(gw.url, 'GET', `/v1/sessions/${id}/my-number`, KEYS.brokerage);
    }
    const read = await call(gw.url, 'GET', `/v1/sessions/${ids[0]}/my-number`, KEYS.brokerage);
    expect(read.status).toBe(410); // the valid card's number was read above
    const cancelled = await call(gw.url, 'POST', '/v1/sessions', KEYS.brokerage, withMyNumber);
    await call(gw.url, 'POST', `/v1/sessions/${cancelled.json.id}/cancel`, KEYS.brokerage);

    // an unread number deleted at TTL by the sweeper
    const unread = await call(gw.url, 'POST', '/v1/sessions', KEYS.brokerage, withMyNumber);
    await widgetSigns(gw.url, unread.json.clientToken as string, card('valid'));
    gw.clock.advance(3_600_000);
    expect(await gw.module.vault.sweepExpired()).toBe(1);
    gw.clock.advance(-3_600_000);

    const numbers = [
      card('valid').myNumber,
      card('tampered').myNumber,
      sandboxMyNumber('sessions/tampered/tampered'), // what the tampered EF0001 holds
      card('other-person').myNumber,
      sandboxMyNumber('sessions/other-person/another-person'),
      card('revoked').myNumber,
    ];
    expect(gw.logs.lines.length).toBeGreaterThan(30);
    // the digits in any spacing: 0000 0123 4567, 0000-0123-4567
    const spaced = numbers.map((n) => new RegExp(n.split('').join('[\\s-]?')));
    for (const line of gw.logs.lines.map(withoutUuids)) {
      expect(line).not.toMatch(TWELVE_DIGITS);
      for (const re of spaced) expect(line).not.toMatch(re);
    }
    const audit = gw.logs.lines
      .map((l) => JSON.parse(l) as { audit?: { type: string; reason?: string } })
      .flatMap((l) => (l.audit ? [l.audit] : []));
    expect(audit.map((a) => `${a.type}${a.reason ? `:${a.reason}` : ''}`)).toEqual([
      'my_number.stored',
      'my_number.read',
      'my_number.deleted:read_once',
      'my_number.stored',
      'my_number.deleted:expired',
    ]);
  });
});
