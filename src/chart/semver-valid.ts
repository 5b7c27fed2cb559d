/**
 * Whether Masterminds/semver v3 `NewVersion` accepts a version string — the test Helm applies to a chart's
 * `version`. Hand-written to match its loose grammar exactly: optional `v`, one to three numeric parts (each
 * fitting uint64), prerelease identifiers of `[0-9A-Za-z-]` where purely numeric ones have no leading zero, and
 * build metadata of `[0-9A-Za-z-]`.
 */
const LOOSE =
  /^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?(\+([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?$/;
const UINT64_MAX = 18446744073709551615n;

/** Reports whether Helm (Masterminds semver) accepts `v` as a chart version. */
export function isValidChartVersion(v: string): boolean {
  const m = LOOSE.exec(v);
  if (!m) return false;
  for (const part of [m[1], m[2]?.slice(1), m[3]?.slice(1)]) {
    if (part !== undefined && BigInt(part) > UINT64_MAX) return false;
  }
  if (m[5] !== undefined) {
    for (const id of m[5].split('.')) {
      if (/^[0-9]+$/.test(id) && id.length > 1 && id[0] === '0') return false;
    }
  }
  return true;
}
