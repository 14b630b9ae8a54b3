/**
 * `npm start`-style boot over real HTTP: the CLI's serve command in a child process, sandbox
 * mode on a free port, the printed URL and demo key used against the real socket, SIGTERM
 * drains and exits 0.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrivateKey } from 'node:crypto';
import { decodeInput } from '../../src/pki/decode-input.js';
import { signCms } from '../../src/sandbox/cms.js';

const repo = new URL('../..', import.meta.url).pathname;
let child: ChildProcess;
let stdout = '';
let url = '';
let apiKey = '';

beforeAll(async () => {
  child = spawn(process.execPath, ['--import', 'tsx', 'test/api/support/serve-entry.ts'], {
    cwd: repo,
    // Two verifier worker threads whatever the machine's CPU count (auto would pick CPUs − 1).
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      GATEWAY_MODE: '',
      REDIS_URL: '',
      GATEWAY_VERIFY_WORKERS: '2',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const deadline = Date.now() + 60_000;
  while (!/demo API key: (\S+)/.test(stdout)) {
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`server did not start:\n${stdout}\n${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  url = /listening on (http:\/\/\S+)/.exec(stdout)![1]!;
  apiKey = /demo API key: (\S+)/.exec(stdout)![1]!;
});

afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
});

describe('npm start (sandbox mode, real HTTP)', () => {
  it('prints the URL and a demo API key', () => {
    expect(url).toMatch(/^http:\/\/localhost:\d+$/);
    expect(apiKey).toMatch(/^sk_sandbox_/);
    expect(stdout).toContain(`${url}/docs`);
  });

  it('serves /healthz, /readyz, /openapi.json and /docs', async () => {
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    const spec = (await (await fetch(`${url}/openapi.json`)).json()) as { openapi: string };
    expect(spec.openapi).toBe('3.1.0');
    const docs = await fetch(`${url}/docs`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger-ui');
  });

  it('validates a CMS signed with a card from POST /sandbox/cards: TOTAL_PASSED', async () => {
    const card = (await (await fetch(`${url}/sandbox/cards`, { method: 'POST' })).json()) as {
      signingCertificate: string;
      signingKey: string;
    };
    const content = new TextEncoder().encode('account opening (boot test)');
    const signature = signCms({
      content,
      certificate: decodeInput(new TextEncoder().encode(card.signingCertificate)),
      privateKey: createPrivateKey(card.signingKey),
    });
    const res = await fetch(`${url}/v1/validations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        signature: Buffer.from(signature).toString('base64'),
        content: Buffer.from(content).toString('base64'),
      }),
    });
    expect(res.status).toBe(200);
    const report = (await res.json()) as { indication: string; revocation: { status: string } };
    expect(report.indication).toBe('TOTAL_PASSED');
    expect(report.revocation.status).toBe('good');
    const unauthorized = await fetch(`${url}/v1/validations`, { method: 'POST', body: '{}' });
    expect(unauthorized.status).toBe(401);
  });

  it('verifies on the configured worker threads: banner, /readyz and /metrics say so', async () => {
    expect(stdout).toContain('verification: 2 worker thread(s)');
    const ready = (await (await fetch(`${url}/readyz`)).json()) as { checks: { name: string; ok: boolean }[] };
    expect(ready.checks).toContainEqual(expect.objectContaining({ name: 'verifier', ok: true }));
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toContain('jpki_gateway_verifier_workers{state="ready"} 2');
    expect(metrics).toMatch(/^jpki_gateway_verifier_in_flight 0$/m);
    expect(metrics).toMatch(/^jpki_gateway_verifier_worker_restarts_total 0$/m);
  });

  it('the sessions module is wired: the demo tenant opens an identity session for its own origin', async () => {
    const res = await fetch(`${url}/v1/sessions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'identity', purpose: '口座開設 (boot test)', origin: new URL(url).origin }),
    });
    expect(res.status).toBe(201);
    const session = (await res.json()) as { id: string; status: string; widgetUrl: string };
    expect(session.status).toBe('pending');
    expect(session.widgetUrl.startsWith(url)).toBe(true);
    // Cancelled by the firm: counted in /metrics by the server's session wiring.
    const cancelled = await fetch(`${url}/v1/sessions/${session.id}/cancel`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}` },
    });
    expect(cancelled.status).toBe(200);
    expect(((await cancelled.json()) as { status: string }).status).toBe('cancelled');
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toMatch(/^jpki_gateway_sessions_total\{type="identity",status="cancelled"\} 1$/m);
  });

  it('logs are JSON lines with request ids and never the API key; SIGTERM exits 0', async () => {
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
    expect(code).toBe(0);
    const logLines = stdout.split('\n').filter((l) => l.startsWith('{'));
    expect(logLines.length).toBeGreaterThan(3);
    for (const l of logLines) expect(l).not.toContain(apiKey);
    expect(logLines.some((l) => JSON.parse(l).reqId)).toBe(true);
  });
});
