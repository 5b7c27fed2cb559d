// Values files, --set, --set-string and --set-json together. Run: node examples/values.mjs
import { loadChart, renderChart } from 'helmkit';

const chart = await loadChart(new URL('../fixtures/charts/umbrella', import.meta.url).pathname);
const { files } = renderChart(chart, {
  valueFiles: [{ name: 'prod.yaml', text: 'global:\n  replicas: 5\n' }],
  set: ['backend.image=nginx:1.28'],
  setString: ['big=1000000'],
  setJson: ['worker={"image":"alpine"}'],
});
console.log(files.get('umbrella/charts/backend/templates/deployment.yaml'));
