/** The port every CRL source implements (drop directory, HTTP mirror). */
import type { CrlPartition } from '../partitions/partition-of-name.js';

/** Conditional-request validators of the CRL in use (RFC 9110 §8.8). */
export interface CrlValidators {
  readonly etag?: string | undefined;
  readonly lastModified?: string | undefined;
}

export type CrlFetch =
  /** The CRL in use is still current at this source (HTTP 304, same file). */
  | { readonly status: 'not-modified'; readonly location: string }
  /** This source has nothing for the partition (no file, HTTP 404/410): try the next one. */
  | { readonly status: 'absent'; readonly location: string }
  | {
      readonly status: 'fetched';
      readonly location: string;
      /** A file path (streamed by ingestCrl) or the bytes. */
      readonly input: string | Uint8Array;
      readonly bytes: number;
      readonly validators: CrlValidators;
      /** Frees what the fetch holds (a temporary download); call once ingestion is over. */
      release(): Promise<void>;
    };

export interface CrlSource {
  /** 'directory' | 'http' — for status and metrics. */
  readonly kind: string;
  /** Where this source keeps the partition's CRL (path or URL), for status and logs. */
  locate(partition: CrlPartition): string;
  /**
   * Fetches the partition's CRL unless `validators` say the one in use is current. Throws
   * GatewayError ERR_CRL_FETCH_FAILED / ERR_CRL_TOO_LARGE; never hangs past its timeout.
   */
  fetch(partition: CrlPartition, validators: CrlValidators | undefined, signal?: AbortSignal): Promise<CrlFetch>;
  /** Partitions this source knows without being asked (drop directory); optional. */
  discover?(): Promise<CrlPartition[]>;
}

/** Default drop-directory layout (GATEWAY_CRL_FILE_TEMPLATE). */
export const DEFAULT_CRL_FILE_TEMPLATE = '{purpose}/{prefecture}/{municipality}.crl';
/** Default size cap of one CRL from any source: 512 MiB (≈ 14M JPKI entries). */
export const DEFAULT_MAX_CRL_SOURCE_BYTES = 512 * 1024 * 1024;
