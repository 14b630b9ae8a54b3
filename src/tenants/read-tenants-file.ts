/** Reads GATEWAY_TENANTS_FILE (YAML, or JSON by its .json extension) and parses it. */
import { parse as parseYaml } from 'yaml';
import { parseTenants, type ParsedTenants } from './parse-tenants.js';

export function readTenantsFile(path: string, readFile: (path: string) => string): ParsedTenants {
  let text: string;
  try {
    text = readFile(path);
  } catch (e) {
    return {
      ok: false,
      problems: [`GATEWAY_TENANTS_FILE ${path} cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`],
    };
  }
  let doc: unknown;
  try {
    doc = path.toLowerCase().endsWith('.json') ? JSON.parse(text) : parseYaml(text, { maxAliasCount: 100 });
  } catch (e) {
    // The parser's message names a position, never the file's secrets.
    return {
      ok: false,
      problems: [
        `GATEWAY_TENANTS_FILE ${path} is not valid ${path.endsWith('.json') ? 'JSON' : 'YAML'}: ${(e as Error).message.split('\n')[0]}`,
      ],
    };
  }
  return parseTenants(doc, `GATEWAY_TENANTS_FILE ${path}`);
}
