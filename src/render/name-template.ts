import { createFuncMap } from '../funcs/index.js';
import type { Compat } from '../funcs/options.js';
import { TemplateSet } from '../template/index.js';
import { HelmkitError } from '../util/errors.js';

/**
 * Helm's `--name-template`: the text rendered as a Go template named `name-template` with the Sprig functions and
 * no data (so a missing value prints `<no value>`, which Helm then rejects as a release name). Errors carry Go's
 * text unchanged, as Helm prints them.
 */
export function renderNameTemplate(text: string, compat: Compat): string {
  const set = new TemplateSet({ funcs: createFuncMap({ compat }), compat });
  try {
    set.parse('name-template', text);
    return set.execute('name-template', undefined);
  } catch (e) {
    const message = (e as { goMessage?: string }).goMessage ?? (e as Error).message;
    throw new HelmkitError('NAME_TEMPLATE', message, {}, { cause: e });
  }
}
