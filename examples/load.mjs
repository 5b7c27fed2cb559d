// Loads charts from a directory and from in-memory files. Run: node examples/load.mjs
import { loadChart } from 'helmkit';

const fromDir = await loadChart(new URL('./mychart', import.meta.url).pathname);
const inMemory = await loadChart({
  'Chart.yaml': 'apiVersion: v2\nname: demo\nversion: 0.1.0\n',
  'values.yaml': 'replicas: 2\n',
  'templates/cm.yaml': 'kind: ConfigMap\napiVersion: v1\nmetadata: {name: {{ .Release.Name }}}\n',
});
console.log(fromDir.metadata.name, fromDir.metadata.version, inMemory.templates.map((t) => t.name));
