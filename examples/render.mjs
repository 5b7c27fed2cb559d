// Renders the example chart like `helm template demo examples/mychart --set replicaCount=3`.
// Run: node examples/render.mjs
import { loadChart, template } from 'helmkit';

const chart = await loadChart(new URL('./mychart', import.meta.url).pathname);
const result = await template(chart, { releaseName: 'demo', namespace: 'web', set: ['replicaCount=3'] });
process.stdout.write(result.manifest);
console.error(result.hooks.map((h) => `hook ${h.kind}/${h.name}: ${h.events.join(',')}`).join('\n'));
console.error(result.notes);
