// Shared by the tests: where the modules are, and d3 from the webjar (unpacked by Maven).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
export const js = (name) => `../../main/resources/META-INF/resources/js/${name}`;

const D3_FILE =
  process.env.NETMAP_D3 ??
  path.resolve(here, '../../../target/d3/META-INF/resources/webjars/d3/7.9.0/dist/d3.js');

/** d3 from the webjar, or null when Maven has not unpacked it (run `mvn -pl web test`). */
export function loadD3() {
  if (!existsSync(D3_FILE)) return null;
  // the webjar's package.json says "type": "module", so node would not run the UMD file as
  // CommonJS: run it as the UMD wrapper expects, with exports and module
  const exports = {};
  new Function('exports', 'module', readFileSync(D3_FILE, 'utf8'))(exports, { exports });
  return exports;
}

/** A neighbourhood as /api/nodes/{id}/neighbours returns it; total counts the neighbours. */
export function neighbourhood(centre, neighbours, { total = neighbours.length, label = 'Organisation', type = 'MEMBER_OF' } = {}) {
  const node = (id, l = label) => ({ id, label: l, name: id.toUpperCase(), nameEn: `${id} (en)`, properties: { sources: ['src-a'] } });
  return {
    nodes: [node(centre, 'Network'), ...neighbours.map((n) => node(n))],
    links: neighbours.map((n) => ({ source: n, target: centre, type, properties: { role: 'partner', sources: ['src-a'] } })),
    // like the API: total counts the nodes of the whole neighbourhood, the centre included
    total: total + 1,
    truncated: total > neighbours.length,
  };
}
