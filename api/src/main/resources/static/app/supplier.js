// A supplier's page: its own shipments in every portfolio, with need-by date and slack. Planners pick a supplier.
import { daysBadge, el, getJson, initHeader, isPlanner, showEmpty, showProblem } from './common.js';

const REFRESH_MS = 30000;

const container = document.getElementById('supplier-shipments');
const title = document.getElementById('supplier-title');
const form = document.getElementById('supplier-form');
const slugField = document.getElementById('supplier-slug');
let supplier = null;

async function load() {
  if (!supplier) {
    showEmpty(container, 'Name a supplier (the slug of its name, as in its event source /suppliers/<slug>).');
    return;
  }
  title.textContent = `Shipments of ${supplier}`;
  let rows;
  try {
    rows = await getJson(`/api/suppliers/${encodeURIComponent(supplier)}/shipments`);
  } catch (error) {
    showProblem(container, error, `shipments of ${supplier}`);
    return;
  }
  if (rows.length === 0) {
    showEmpty(container, 'No shipment of yours is in a published schedule yet.');
    return;
  }
  container.replaceChildren(el('table', { class: 'shipments' },
    el('thead', {}, el('tr', {},
      ['Portfolio', 'Shipment', 'Material', 'Site', 'Arrival', 'Need by', 'Slack'].map(head => el('th', {}, head)))),
    el('tbody', {}, rows.map(row => {
      const shipment = row.shipment;
      return el('tr', { class: shipment.late ? 'late' : null, 'data-shipment-id': shipment.id },
        el('td', {}, row.portfolioName ? `${row.portfolioName} (${row.portfolioId})` : row.portfolioId),
        el('td', {}, shipment.id),
        el('td', {}, shipment.material ?? ''),
        el('td', {}, shipment.siteId ?? ''),
        el('td', {}, (shipment.arrivalDate ?? '') + (shipment.delivered ? ' (delivered)' : '')),
        el('td', {}, shipment.needByDate ?? 'not needed by a block'),
        el('td', {}, shipment.slackDays === null || shipment.slackDays === undefined ? '–'
          // Negative slack is lateness: shown as days late, like a slip.
          : daysBadge(-shipment.slackDays, 'on time')));
    }))));
}

const user = await initHeader('supplier');
if (isPlanner(user)) {
  form.hidden = false;
  supplier = new URLSearchParams(window.location.search).get('supplier');
  slugField.value = supplier ?? '';
  form.addEventListener('submit', event => {
    event.preventDefault();
    supplier = slugField.value.trim();
    history.replaceState(null, '', `?supplier=${encodeURIComponent(supplier)}`);
    load();
  });
} else {
  supplier = user.username;
}
await load();
setInterval(load, REFRESH_MS);
