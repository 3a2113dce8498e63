// The route a request took, as a pattern (`/bilans/[apprenantId]/[bilanId]/pdf`): what logs
// and metrics name instead of the path — a path's ids are personal data (a pupil's), so are
// the write API's sources and any query string, and a label per path would let anyone grow the
// metrics without bound. The patterns are the app's own routes, as Next.js's build lists them
// (`.next/app-path-routes-manifest.json`; the `app/` folder itself in development and tests):
// complete by construction, a new page or handler is named the day it exists. A path that
// matches no route of ours is `(autre)`; static files are `/_next/*`.
import fs from 'node:fs';
import path from 'node:path';

export const OTHER_ROUTE = '(autre)';

interface CompiledRoute {
  pattern: string;
  segments: string[];
}

/** Static segments before dynamic ones, one-segment parameters before catch-alls. */
function rank(segment: string): number {
  if (segment.startsWith('[...')) return 2;
  return segment.startsWith('[') ? 1 : 0;
}

export function compileRoutes(patterns: readonly string[]): CompiledRoute[] {
  return [...new Set(patterns)]
    .filter((p) => !p.startsWith('/_'))
    .map((pattern) => ({ pattern, segments: pattern.split('/').filter(Boolean) }))
    .sort((a, b) => {
      for (let i = 0; i < Math.max(a.segments.length, b.segments.length); i++) {
        const difference = rank(a.segments[i] ?? '') - rank(b.segments[i] ?? '');
        if (difference !== 0) return difference;
      }
      return b.segments.length - a.segments.length;
    });
}

function matches(route: CompiledRoute, parts: string[]): boolean {
  for (let i = 0; i < route.segments.length; i++) {
    const segment = route.segments[i]!;
    if (segment.startsWith('[...')) return parts.length > i;
    if (i >= parts.length) return false;
    if (!segment.startsWith('[') && segment !== parts[i]) return false;
  }
  return parts.length === route.segments.length;
}

/** The route patterns of an `app/` folder: its pages and route handlers, groups removed. */
export function routePatternsOf(appDir: string): string[] {
  const found: string[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        // A route group `(module)` is no part of the URL.
        const next = /^\(.*\)$/.test(entry.name) ? segments : [...segments, entry.name];
        walk(path.join(dir, entry.name), next);
      } else if (/^(page|route)\.(tsx?|jsx?)$/.test(entry.name)) {
        found.push(`/${segments.join('/')}`);
      } else if (entry.name === 'favicon.ico') {
        found.push(`/${[...segments, entry.name].join('/')}`);
      }
    }
  };
  walk(appDir, []);
  return found;
}

/** The routes of the running build (its manifest), or of the `app/` folder beside it. */
function loadRoutes(root = process.cwd()): CompiledRoute[] {
  const manifest = path.join(root, '.next', 'app-path-routes-manifest.json');
  if (fs.existsSync(manifest)) {
    const routes = JSON.parse(fs.readFileSync(manifest, 'utf8')) as Record<string, string>;
    return compileRoutes(Object.values(routes));
  }
  const app = path.join(root, 'app');
  return compileRoutes(fs.existsSync(app) ? routePatternsOf(app) : []);
}

const KEY = Symbol.for('cpro.routes');

function routes(): CompiledRoute[] {
  const holder = globalThis as unknown as Record<symbol, CompiledRoute[] | undefined>;
  holder[KEY] ??= loadRoutes();
  return holder[KEY];
}

/** The pattern of the route `url` names, among `known` (the app's own by default). */
export function routePattern(url: string | undefined, known: CompiledRoute[] = routes()): string {
  const pathname = (url ?? '/').split('?')[0]!.split('#')[0]!;
  if (pathname.startsWith('/_next/')) return '/_next/*';
  const parts = pathname.split('/').filter(Boolean);
  return known.find((route) => matches(route, parts))?.pattern ?? OTHER_ROUTE;
}
