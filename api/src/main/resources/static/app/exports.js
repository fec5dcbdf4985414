// The dashboard's export links: the current portfolio's plan as a P6 or MS Project file (docs/interchange.md).
import { portfolioApi } from './common.js';

for (const link of document.querySelectorAll('#exports a[data-format]')) {
  link.href = portfolioApi(`/export?format=${encodeURIComponent(link.dataset.format)}`);
  link.setAttribute('download', '');
}
