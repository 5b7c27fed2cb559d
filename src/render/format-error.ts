import type { Compat } from '../funcs/options.js';
import { TemplateError, TemplateExecError, TemplateParseError } from '../template/index.js';
import { HelmkitError } from '../util/errors.js';
import type { HelmWarning } from '../values/warnings.js';
import { formatHelmError } from './errors.js';

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

/** The stderr lines Helm prints for a render's warnings (Helm 3's `log` lines or Helm 4's `log/slog` lines). */
export function formatWarnings(warnings: readonly HelmWarning[], compat: Compat): string {
  let out = '';
  for (const w of warnings) {
    const line = compat === 'helm4' ? w.helm4 : w.helm3;
    if (line !== '') out += `${line}\n`;
  }
  return out;
}
