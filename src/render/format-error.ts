import type { Compat } from '../funcs/options.js';
import { TemplateError, TemplateExecError, TemplateParseError } from '../template/index.js';
import { HelmkitError } from '../util/errors.js';
import { quote } from '../util/go/strconv.js';
import { formatHelmError } from './errors.js';
import { DEPRECATED_WARNING } from './render.js';

/** Error codes raised while Helm renders resources: `helm template` prints its debug hint after these. */
const RENDER_STAGE = new Set(['MANIFEST_INVALID', 'KUBE_VERSION_INCOMPATIBLE']);

/**
 * The exact text `helm template` prints on stderr for an error thrown by {@link renderChart}:
 * `Error: MESSAGE\n`, with Helm's wording for template errors, Helm's `Use --debug flag to render out invalid
 * YAML` hint for errors raised while rendering resources, and Helm 4's log lines where it prints them.
 */
export function formatRenderError(e: unknown, compat: Compat): string {
  if (e instanceof TemplateParseError || e instanceof TemplateExecError || e instanceof TemplateError) {
    return formatHelmError(e, compat);
  }
  if (e instanceof HelmkitError) {
    const log = (e as { log?: string }).log;
    const prefix = compat === 'helm4' && log ? `${log}\n` : '';
    const tail = RENDER_STAGE.has(e.code) ? '\n\nUse --debug flag to render out invalid YAML' : '';
    return `${prefix}Error: ${e.message}${tail}\n`;
  }
  return `Error: ${e instanceof Error ? e.message : String(e)}\n`;
}

/** Where Helm 3.17 logs each known warning from (its log lines carry Go's `file:line` prefix). */
const HELM3_SITES: ReadonlyArray<[string, string]> = [
  ['warning: destination for ', 'coalesce.go:301: '],
  ['warning: cannot overwrite table with non table for ', 'coalesce.go:298: '],
];

/**
 * The stderr lines Helm prints for a render's warnings: Helm 3's `log` lines (`WARNING: This chart is
 * deprecated`, `coalesce.go:301: warning: ...`) or Helm 4's structured `level=... msg="..."` lines.
 * Warnings whose Helm 3 source line is not known are left out rather than printed with a wrong prefix.
 */
export function formatWarnings(warnings: readonly string[], compat: Compat): string {
  let out = '';
  for (const w of warnings) {
    if (w === DEPRECATED_WARNING) {
      out += compat === 'helm4' ? 'level=WARN msg="this chart is deprecated"\n' : `WARNING: ${w}\n`;
      continue;
    }
    if (compat === 'helm4') {
      out += `level=INFO msg=${quote(w)}\n`;
      continue;
    }
    const site = HELM3_SITES.find(([prefix]) => w.startsWith(prefix));
    if (site) out += `${site[1]}${w}\n`;
  }
  return out;
}
