/**
 * Runs a process and reports its wall time and peak RSS: /usr/bin/time -v when present,
 * else polling VmHWM (the kernel's RSS high-water mark) in /proc/<pid>/status.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const TIME = '/usr/bin/time';
const root = join(import.meta.dirname, '..');

export interface Measured {
  stdout: string;
  wallMs: number;
  peakRssKiB: number | undefined;
}

/** Runs a command, measuring wall time and peak RSS of the process. */
export function measure(cmd: string, args: string[]): Promise<Measured> {
  const useTime = existsSync(TIME);
  const child = useTime ? spawn(TIME, ['-v', cmd, ...args], { cwd: root }) : spawn(cmd, args, { cwd: root });
  let stdout = '';
  let stderr = '';
  let hwm: number | undefined;
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const poll = useTime
    ? undefined
    : setInterval(() => {
        try {
          const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
          if (m) hwm = Number(m[1]);
        } catch {
          /* exited */
        }
      }, 10);
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - t0;
      if (poll) clearInterval(poll);
      if (code !== 0) return reject(new Error(`${cmd} exited with ${code}: ${stderr.slice(-2000)}`));
      const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      resolve({ stdout, wallMs, peakRssKiB: m ? Number(m[1]) : hwm });
    });
  });
}
