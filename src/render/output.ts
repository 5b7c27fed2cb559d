import { goPathMatch } from '../chart/go-path-match.js';
import { HelmkitError } from '../util/errors.js';
import { goTrimSpace, isGoSpace } from '../util/go/strings.js';
import type { Hook, Manifest } from './manifests.js';
import { splitManifests } from './manifests.js';

/** A CRD file from a chart's `crds/` folder, named as Helm names it (`chart/charts/sub/crds/x.yaml`). */
export interface CrdFile {
  /** Path as printed in `# Source:` lines. */
  filename: string;
  /** The file's text, unrendered. */
  content: string;
}

/** What decides the text `helm template` prints. */
export interface OutputOptions {
  includeCrds: boolean;
  noHooks: boolean;
  skipTests: boolean;
  showOnly: readonly string[];
}

/**
 * The pieces of the release manifest Helm stores (`rel.Manifest`): CRDs (when included) then every manifest.
 * Kept as pieces so that the final text is assembled by one join: for CRD-heavy charts each extra copy of the
 * output costs megabytes of fresh memory per render.
 */
export function releaseManifestParts(
  crds: readonly CrdFile[],
  manifests: readonly Manifest[],
  includeCrds: boolean,
): string[] {
  const parts: string[] = [];
  if (includeCrds) {
    for (const crd of crds) parts.push(`---\n# Source: ${crd.filename}\n${crd.content}\n`);
  }
  for (const m of manifests) parts.push(`---\n# Source: ${m.name}\n${m.content}\n`);
  return parts;
}

/** The release manifest Helm stores (`rel.Manifest`): CRDs (when included) then every manifest. */
export function releaseManifest(
  crds: readonly CrdFile[],
  manifests: readonly Manifest[],
  includeCrds: boolean,
): string {
  return releaseManifestParts(crds, manifests, includeCrds).join('');
}

function isTestHook(h: Hook): boolean {
  return h.events.includes('test') || h.events.includes('test-success');
}

/**
 * `strings.TrimSpace` of the concatenation of `parts`, returned as pieces (no piece is copied unless it is
 * trimmed). Go's white space is all in the BMP, so trimming piecewise equals trimming the joined text.
 */
function trimSpaceParts(parts: readonly string[]): string[] {
  let first = 0;
  let last = parts.length - 1;
  while (first <= last && goTrimSpace(parts[first]) === '') first++;
  while (last >= first && goTrimSpace(parts[last]) === '') last--;
  if (first > last) return [];
  const out = parts.slice(first, last + 1);
  out[0] = trimLeft(out[0]);
  out[out.length - 1] = trimRight(out[out.length - 1]);
  return out;
}

function trimLeft(s: string): string {
  let i = 0;
  while (i < s.length && isGoSpace(s.charCodeAt(i))) i++;
  return i === 0 ? s : s.slice(i);
}

function trimRight(s: string): string {
  let i = s.length;
  while (i > 0 && isGoSpace(s.charCodeAt(i - 1))) i--;
  return i === s.length ? s : s.slice(0, i);
}

/**
 * The stdout of `helm template`: the trimmed release manifest, then every hook (unless `--no-hooks`, and
 * without test hooks under `--skip-tests`); with `--show-only`, only the documents whose template path
 * (after the chart name) matches one of the patterns, in document order, or Helm's error for a pattern
 * that matches nothing. The release manifest is given as its text or as the pieces of
 * {@link releaseManifestParts}.
 */
export function templateStdout(
  releaseManifestText: string | readonly string[],
  hooks: readonly Hook[],
  options: OutputOptions,
): string {
  const parts = trimSpaceParts(
    typeof releaseManifestText === 'string' ? [releaseManifestText] : releaseManifestText,
  );
  parts.push('\n');
  if (!options.noHooks) {
    for (const h of hooks) {
      if (options.skipTests && isTestHook(h)) continue;
      parts.push(`---\n# Source: ${h.path}\n${h.manifest}\n`);
    }
  }
  const all = parts.join('');
  if (options.showOnly.length === 0) return all;
  const docs = splitManifests(all);
  const out: string[] = [];
  for (const pattern of options.showOnly) {
    let missing = true;
    for (const doc of docs) {
      const path = sourcePath(doc);
      if (path === undefined) continue;
      let matched = false;
      try {
        matched = goPathMatch(pattern, path);
      } catch {
        matched = false;
      }
      if (!matched) continue;
      out.push(`---\n${doc}\n`);
      missing = false;
    }
    if (missing) {
      throw new HelmkitError('TEMPLATE_NOT_FOUND', `could not find template ${pattern} in chart`);
    }
  }
  return out.join('');
}

/** The part after the chart name of a document's `# Source: chart/...` line (Helm's `# Source: [^/]+/(.+)`). */
function sourcePath(doc: string): string | undefined {
  const i = doc.indexOf('# Source: ');
  if (i < 0) return undefined;
  const lineEnd = doc.indexOf('\n', i);
  const line = doc.slice(i + 10, lineEnd < 0 ? undefined : lineEnd);
  const slash = line.indexOf('/');
  if (slash <= 0) return undefined;
  return line.slice(slash + 1);
}
