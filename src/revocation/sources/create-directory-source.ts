/**
 * createDirectorySource: CRLs dropped into a directory (by `jpki-gateway crl import`, a sync
 * job, a mounted volume), one file per partition at the configured template. "Not modified"
 * is decided by the file's size, mtime and inode, so a replaced file is read again and an
 * unchanged one is not re-indexed. The file is streamed by ingestCrl, never held whole.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { GatewayError } from '../../errors.js';
import { compileCrlTemplate } from '../partitions/compile-crl-template.js';
import type { CrlPartition } from '../partitions/partition-of-name.js';
import { DEFAULT_CRL_FILE_TEMPLATE, DEFAULT_MAX_CRL_SOURCE_BYTES, type CrlFetch, type CrlSource } from './types.js';

export interface DirectorySourceOptions {
  readonly dir: string;
  /** Default `{purpose}/{prefecture}/{municipality}.crl`. */
  readonly template?: string;
  readonly maxBytes?: number;
}

const MAX_DEPTH = 6;
const MAX_FILES = 100_000;

export function createDirectorySource(opts: DirectorySourceOptions): CrlSource {
  if (typeof opts.dir !== 'string' || opts.dir === '') throw new TypeError('createDirectorySource: dir is required');
  const root = resolve(opts.dir);
  const template = compileCrlTemplate(opts.template ?? DEFAULT_CRL_FILE_TEMPLATE, 'path');
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_CRL_SOURCE_BYTES;

  const locate = (p: CrlPartition): string => {
    const path = resolve(root, template.expand(p));
    // The template and slugs already rule traversal out; this keeps it true if either changes.
    if (!path.startsWith(root + sep)) throw new TypeError(`CRL path escapes ${root}`);
    return path;
  };

  const source: CrlSource = {
    kind: 'directory',
    locate,
    async fetch(partition, validators): Promise<CrlFetch> {
      const location = locate(partition);
      let st;
      try {
        st = await stat(location);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'absent', location };
        throw new GatewayError(
          'ERR_CRL_FETCH_FAILED',
          `${location}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`,
        );
      }
      if (!st.isFile()) throw new GatewayError('ERR_CRL_FETCH_FAILED', `${location} is not a file`);
      if (st.size > maxBytes) throw new GatewayError('ERR_CRL_TOO_LARGE', `${st.size} bytes > ${maxBytes}`);
      const etag = `${st.size}-${Math.trunc(st.mtimeMs)}-${st.ino}`;
      if (validators?.etag === etag) return { status: 'not-modified', location };
      return {
        status: 'fetched',
        location,
        input: location,
        bytes: st.size,
        validators: { etag },
        release: async () => {},
      };
    },
    async discover(): Promise<CrlPartition[]> {
      const found = new Map<string, CrlPartition>();
      let files = 0;
      const walk = async (dir: string, depth: number): Promise<void> => {
        if (depth > MAX_DEPTH || files > MAX_FILES) return;
        let entries;
        try {
          entries = await readdir(dir, { withFileTypes: true });
        } catch {
          return; // a missing or unreadable directory holds no partitions
        }
        for (const e of entries) {
          const full = join(dir, e.name);
          // Mounted volumes (Kubernetes ConfigMaps, sync jobs) are often symlinks: follow them.
          const kind = e.isSymbolicLink() ? await stat(full).catch(() => undefined) : e;
          if (kind?.isDirectory()) await walk(full, depth + 1);
          else if (kind?.isFile() && ++files <= MAX_FILES) {
            const p = template.match(relative(root, full).split(sep).join('/'));
            if (p) found.set(p.id, p);
          }
        }
      };
      await walk(root, 0);
      return [...found.values()].sort((a, b) => a.id.localeCompare(b.id));
    },
  };
  return Object.freeze(source);
}
