// Renders one loaded chart several times: the first render parses and compiles the templates, later ones only
// execute them. Run: node examples/warm.mjs
import { loadChart, template } from 'helmkit';

const chart = await loadChart(new URL('./mychart', import.meta.url).pathname);
for (const replicas of [1, 2, 3]) {
  const t = performance.now();
  const { manifests } = await template(chart, { releaseName: 'demo', set: [`replicaCount=${replicas}`] });
  console.log(`replicaCount=${replicas}: ${manifests.length} manifests in ${(performance.now() - t).toFixed(1)} ms`);
}
