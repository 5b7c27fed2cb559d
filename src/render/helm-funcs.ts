import { type Execution, TemplateError, type TemplateSet } from '../template/index.js';
import { GoFuncError } from '../util/go/func.js';
import { quote } from '../util/go/strconv.js';

/** Helm stops `include` recursion of one name past this count (engine.go `recursionMaxNums`). */
const RECURSION_MAX = 1000;

/**
 * Adds Helm's `include` and `tpl` to a template set. Both run inside the current execution, so nested calls
 * share its depth, step, time and output budget (a self-recursive `tpl` ends with a typed limit error instead
 * of Helm's crash).
 */
export function addHelmFuncs(set: TemplateSet): void {
  set.defineContextFunc('include', {
    params: ['string', 'any'],
    call: (exec: Execution, name, data) => {
      const n = name as string;
      let counts = exec.locals.get('include') as Map<string, number> | undefined;
      if (!counts) exec.locals.set('include', (counts = new Map()));
      const v = counts.get(n);
      if (v !== undefined) {
        if (v > RECURSION_MAX) {
          throw new GoFuncError(
            `rendering template has a nested reference name: ${n}: unable to execute template`,
          );
        }
        counts.set(n, v + 1);
      } else counts.set(n, 1);
      try {
        return exec.executeTemplate(n, data);
      } finally {
        counts.set(n, counts.get(n)! - 1);
      }
    },
  });
  set.defineContextFunc('tpl', {
    params: ['string', 'any'],
    call: (exec: Execution, text, vals) => {
      const t = text as string;
      // Go keeps an existing template of the same name when the new body is empty, but executes the new
      // (empty) tree itself: the result is the text's whitespace, never the enclosing tpl again.
      if (t.trim() === '') return t;
      const cur = exec.current as TemplateSet;
      let view: TemplateSet;
      try {
        view = cur.withExtra(cur.rootName, t);
      } catch (e) {
        throw new TemplateError(
          'TPL_PARSE',
          `cannot parse template ${quote(t)}: ${(e as { goMessage: string }).goMessage}`,
          e,
        );
      }
      try {
        return exec.executeIn(view, view.rootName, vals).replaceAll('<no value>', '');
      } catch (e) {
        const msg = (e as { goMessage?: string }).goMessage ?? (e as Error).message;
        throw new TemplateError('TPL_EXEC', `error during tpl function execution for ${quote(t)}: ${msg}`, e);
      }
    },
  });
}
