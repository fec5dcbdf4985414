// The portfolio dashboard: every site's projected online date and slip, MW online over time, the latest changes.
import {
  daysBadge, el, formatInstant, formatMw, getJson, initHeader, isPlanner, pageOf, parseDate, portfolioApi, post,
  showEmpty, showProblem,
} from './common.js';
import { startTimelineFeed } from './timeline.js';

const RETRY_MS = 5000;

const summary = document.getElementById('summary');
const sites = document.getElementById('sites');
const chart = document.getElementById('mw-chart');
let plot = null;
let user = { roles: [] };
// Filled from the dashboard; the change feed shows site names with it.
const siteNames = new Map();

async function loadDashboard() {
  let dashboard;
  try {
    dashboard = await getJson(portfolioApi('/dashboard'));
  } catch (error) {
    showProblem(sites, error, 'portfolio projection');
    if (error.kind === 'missing') {
      offerApproval();
      setTimeout(loadDashboard, RETRY_MS);
    }
    return;
  }
  if (!dashboard.sites || dashboard.sites.length === 0) {
    showEmpty(sites, 'No projection yet: the first schedule is being computed. This page checks again shortly.');
    setTimeout(loadDashboard, RETRY_MS);
    return;
  }
  dashboard.sites.forEach(site => siteNames.set(site.id, site.name || site.id));
  renderSummary(dashboard);
  renderSites(dashboard.sites);
  renderChart(dashboard.mwOnline || []);
}

function renderSummary(dashboard) {
  const totalMw = dashboard.sites.reduce((sum, site) => sum + (site.itMw || 0), 0);
  const slipped = dashboard.sites.filter(site => site.slipDays > 0).length;
  const fact = (label, value, cls) => el('div', { class: `fact ${cls || ''}` }, el('span', { class: 'label' }, label),
    el('span', { class: 'value' }, value));
  summary.replaceChildren(
    el('h1', {}, dashboard.portfolioName || dashboard.portfolioId || 'Portfolio'),
    el('div', { class: 'facts' },
      fact('Data date', dashboard.dataDate ?? '–'),
      fact('Schedule', `v${dashboard.version ?? '?'} · ${formatInstant(dashboard.publishedAt)}`),
      fact('Feasible', dashboard.feasible === false ? 'no: constraints broken' : 'yes',
        dashboard.feasible === false ? 'bad' : 'good'),
      fact('IT capacity', formatMw(totalMw)),
      fact('Sites slipped', `${slipped} of ${dashboard.sites.length}`, slipped > 0 ? 'bad' : 'good'),
      fact('Slip against', baselineLabel(dashboard.baseline))));
}

// Which plan slip is measured against: the first published one, or a baseline a planner kept.
function baselineLabel(baseline) {
  if (!baseline) {
    return 'first published plan';
  }
  return `${baseline.name} (v${baseline.version}${baseline.setAt ? ', kept ' + formatInstant(baseline.setAt) : ''})`;
}

function renderSites(siteList) {
  // Planners and executives both open the site view (its schedule is theirs to read).
  const rows = siteList.map(site => {
    const name = el('a', { href: pageOf('site.html', { id: site.id }) }, site.name || site.id);
    const blocks = site.blocks || [];
    return el('tr', { class: site.slipDays > 0 ? 'slipped' : null, 'data-site-id': site.id },
      el('td', { class: 'site-name' }, name),
      el('td', {}, site.region ?? ''),
      el('td', { class: 'num' }, formatMw(site.itMw)),
      el('td', { class: 'date projected' }, site.projectedOnline ?? 'not scheduled'),
      el('td', { class: 'date' }, site.baselineOnline ?? '–'),
      el('td', { class: 'num' }, daysBadge(site.slipDays, 'on baseline')),
      el('td', {}, blocks.length === 0 ? '' : el('details', {},
        el('summary', {}, `${blocks.length} block${blocks.length === 1 ? '' : 's'}`),
        el('table', { class: 'blocks' },
          el('thead', {}, el('tr', {}, ['Block', 'MW', 'Online', 'Baseline', 'Slip', 'Contract', 'Late']
            .map(head => el('th', {}, head)))),
          el('tbody', {}, blocks.map(block => el('tr', { 'data-block-id': block.id },
            el('td', {}, block.name || block.id),
            el('td', { class: 'num' }, formatMw(block.itMw)),
            el('td', { class: 'date' }, block.onlineDate ?? '–'),
            el('td', { class: 'date' }, block.baselineDate ?? '–'),
            el('td', { class: 'num slip' }, daysBadge(block.slipDays, '0')),
            el('td', { class: 'date' }, block.contractDate ?? '–'),
            el('td', { class: 'num' }, daysBadge(block.daysLate, 'on time')))))))));
  });
  sites.replaceChildren(el('table', { id: 'sites-table', class: 'grid' },
    el('thead', {}, el('tr', {}, ['Site', 'Region', 'IT', 'Projected online', 'Baseline', 'Slip', 'Blocks']
      .map(head => el('th', {}, head)))),
    el('tbody', {}, rows)));
}

function renderChart(points) {
  if (points.length === 0) {
    plot?.destroy();
    plot = null;
    showEmpty(chart, 'No block has a projected online date yet.');
    return;
  }
  points = points.slice().sort((a, b) => a.date.localeCompare(b.date));
  const xs = points.map(point => parseDate(point.date).getTime() / 1000);
  const ys = points.map(point => point.mw);
  const data = [xs, ys];
  if (plot) {
    plot.setData(data);
    return;
  }
  chart.replaceChildren();
  plot = new uPlot({
    width: Math.max(chart.clientWidth, 320),
    height: 260,
    tzDate: ts => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
    scales: { y: { range: (u, min, max) => [0, max * 1.05] } },
    axes: [{}, { label: 'MW online', size: 60 }],
    series: [
      { label: 'Date', value: (u, ts) => ts === null ? '' : new Date(ts * 1000).toISOString().substring(0, 10) },
      {
        label: 'MW online', stroke: '#1f6feb', fill: 'rgba(31, 111, 235, 0.12)', width: 2,
        // Capacity arrives in steps, when a block goes online, not gradually.
        paths: uPlot.paths.stepped({ align: 1 }),
        value: (u, mw) => mw === null ? '' : formatMw(mw),
      },
    ],
  }, data, chart);
  new ResizeObserver(() => plot.setSize({ width: Math.max(chart.clientWidth, 320), height: 260 })).observe(chart);
}

/** While the first solve runs for its budget, a planner may publish its plan at once. */
function offerApproval() {
  if (!isPlanner(user)) {
    return;
  }
  const button = el('button', { type: 'button', id: 'approve-first-plan' }, 'Publish this plan now');
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await post(portfolioApi('/plan/first/approve'));
      setTimeout(loadDashboard, 500);
    } catch (error) {
      showProblem(sites, error, 'approval of the first plan');
    }
  });
  sites.append(el('p', {}, button));
}

/** A signed link to the calendar feed that any calendar app can subscribe to, credentials or not. */
function offerCalendarLink() {
  const button = document.getElementById('calendar-link');
  const field = document.getElementById('calendar-url');
  button.addEventListener('click', async () => {
    try {
      const link = await getJson(portfolioApi('/calendar/link'));
      field.value = link.url;
      field.hidden = false;
      field.select();
    } catch (error) {
      showProblem(button.parentElement, error, 'calendar link');
    }
  });
}

user = await initHeader('dashboard');
offerCalendarLink();
await loadDashboard();
startTimelineFeed({
  list: document.getElementById('changes'),
  status: document.getElementById('feed-status'),
  siteNames,
  onPublication: loadDashboard,
});
