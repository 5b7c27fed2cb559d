/** Which Helm's behaviour to reproduce. Default `helm3` (Helm 3.17); `helm4` is Helm 4.1. */
export type Compat = 'helm3' | 'helm4';

/** Options every function family receives when its functions are created. */
export interface FuncOptions {
  /** Which Helm to reproduce where Helm 3 and Helm 4 differ. */
  compat: Compat;
}
