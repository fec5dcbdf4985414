// One site: its blocks and their driving paths, a Gantt of its tasks, labor load per pool and its shipments.
import {
  addDays, datePair, daysBadge, el, formatInstant, formatMw, getJson, initHeader, parseDate, portfolioApi, showEmpty,
  showProblem,
} from './common.js';

const siteId = new URLSearchParams(window.location.search).get('id');
const problem = document.getElementById('site-problem');

async function load() {
  if (!siteId) {
    problem.replaceChildren(el('div', { class: 'message error' },
      'No site chosen: open a site from the portfolio dashboard.'));
    return;
  }
  let schedule;
  try {
    schedule = await getJson(portfolioApi(`/sites/${encodeURIComponent(siteId)}/schedule`));
  } catch (error) {
    showProblem(problem, error, `schedule of site ${siteId}`);
    if (error.kind === 'missing') {
      setTimeout(load, 5000);
    }
    return;
  }
  problem.replaceChildren();
  const name = schedule.site?.name || siteId;
  document.getElementById('site-title').textContent = name;
  document.title = `${name} · Time-to-Compute`;
  (schedule.tasks || []).forEach(task => taskNames.set(task.id, task.name || task.id));
  renderBlocks(schedule.blocks || []);
  renderGantt(schedule.tasks || [], schedule.blocks || []);
  renderPools(schedule.pools || []);
  renderShipments(schedule.shipments || []);
}

// What each kind of driving-path step means, in a planner's words.
const STEP_KINDS = {
  TASK: 'work',
  POOL_WAIT: 'waits for crew',
  SHIPMENT: 'delivery',
  POWER: 'utility power',
  SITE_OPENING: 'site opening',
  DATA_DATE: 'today',
};
// Task names by id, for steps that name a task only by its id.
const taskNames = new Map();
// The Gantt, once drawn: a block's card zooms it to that block's driving path.
let gantt = null;
// A readable first view: about a quarter of a year, where bars are wide enough to carry task names.
const OPENING_SPAN_DAYS = 90;

function pathZoomButton(block) {
  const taskIds = (block.drivingPath || []).filter(step => step.kind === 'TASK' && step.id).map(step => step.id);
  if (taskIds.length === 0) {
    return '';
  }
  const button = el('button', { type: 'button', class: 'link zoom-path', 'data-block-id': block.blockId },
    'show on the Gantt');
  button.addEventListener('click', () => {
    if (!gantt) {
      return;
    }
    gantt.setSelection(taskIds);
    gantt.focus(taskIds, { animation: false });
    document.getElementById('gantt').scrollIntoView({ behavior: 'smooth', block: 'start' });
  });
  return button;
}

function renderBlocks(blocks) {
  const container = document.getElementById('blocks');
  if (blocks.length === 0) {
    showEmpty(container, 'This site has no compute block with a projected date yet.');
    return;
  }
  container.replaceChildren(...blocks.map(block => {
    const history = el('ol', { class: 'history' });
    const details = el('details', { class: 'block-history' }, el('summary', {}, 'Date history'), history);
    // Loaded when opened: most readers look at the current dates only.
    details.addEventListener('toggle', () => {
      if (details.open && !history.dataset.loaded) {
        history.dataset.loaded = 'true';
        loadHistory(block.blockId, history);
      }
    });
    return el('article', { class: block.daysLate > 0 ? 'card late' : 'card', 'data-block-id': block.blockId },
      el('h3', {}, block.blockName || block.blockId, el('span', { class: 'mw' }, formatMw(block.itMw))),
      el('dl', {},
        el('dt', {}, 'Online'), el('dd', { class: 'date' }, block.onlineDate ?? 'not scheduled'),
        el('dt', {}, 'Contract'), el('dd', { class: 'date' }, block.contractDate ?? '–'),
        el('dt', {}, 'Late'), el('dd', {}, daysBadge(block.daysLate, 'on time'))),
      el('h4', {}, 'Driving path ', pathZoomButton(block)),
      (block.drivingPath || []).length === 0
        ? el('p', { class: 'hint' }, 'No driving path reported.')
        : el('ol', { class: 'driving-path' }, block.drivingPath.map(step => el('li', {},
          el('span', { class: `kind ${String(step.kind || '').toLowerCase()}`, title: step.id || '' },
            STEP_KINDS[step.kind] || 'step'),
          ' ', step.description || taskNames.get(step.id) || step.id, ' ',
          el('span', { class: 'dates' }, step.start && step.finish && step.start !== step.finish
            ? `${step.start} – ${step.finish}` : step.finish || step.start || '')))),
      details);
  }));
}

async function loadHistory(blockId, list) {
  try {
    const changes = await getJson(portfolioApi(`/blocks/${encodeURIComponent(blockId)}/history`));
    if (changes.length === 0) {
      showEmpty(list, 'Not moved since the baseline.');
      return;
    }
    list.replaceChildren(...changes.map(change => el('li', {},
      `v${change.version} · ${formatInstant(change.publishedAt)}: ${datePair(change.oldDate, change.newDate)} `,
      daysBadge(change.deltaDays, '±0 d'), change.cause ? ` ${change.cause}` : '')));
  } catch (error) {
    showProblem(list, error, 'history of this block');
  }
}

function renderGantt(tasks, blocks) {
  const container = document.getElementById('gantt');
  if (tasks.length === 0) {
    showEmpty(container, 'No task of this site is scheduled yet.');
    return;
  }
  // One row per phase, in the order the phases first start.
  const phases = [...new Set(tasks.slice().sort((a, b) => (a.start || '').localeCompare(b.start || ''))
    .map(task => task.phase || 'Other'))];
  // vis puts a string content in as HTML; planner-supplied names go in as elements holding text.
  const groups = new vis.DataSet(phases.map((phase, index) => ({ id: phase, content: el('span', {}, phase),
    order: index })));
  const items = new vis.DataSet(tasks.filter(task => task.start && task.finish).map(task => ({
    id: task.id,
    group: task.phase || 'Other',
    content: el('span', {}, task.name || task.id),
    start: parseDate(task.start),
    // Finish dates are the inclusive last working day: the bar ends at the end of that day.
    end: parseDate(addDays(task.finish, 1)),
    className: ['task', task.onDrivingPath ? 'driving' : null, task.critical ? 'critical' : null,
      String(task.status || '').toUpperCase() === 'DONE' ? 'done' : null].filter(Boolean).join(' '),
    title: tooltip(task),
  })));
  container.replaceChildren();
  const starts = tasks.filter(task => task.start && String(task.status || '').toUpperCase() !== 'DONE')
    .map(task => task.start).sort();
  const opening = starts.length > 0 ? starts[0] : tasks.map(task => task.start).filter(Boolean).sort()[0];
  const timeline = new vis.Timeline(container, items, groups, {
    stack: true,
    // Tall enough for several phases of stacked bars to show at once; the page scrolls past it.
    minHeight: 480,
    maxHeight: Math.max(480, Math.round(window.innerHeight * 0.8)),
    start: parseDate(opening),
    end: parseDate(addDays(opening, OPENING_SPAN_DAYS)),
    verticalScroll: true,
    zoomKey: 'ctrlKey',
    // Items stack from the top, so the list opens at the first phase rather than scrolled to the last.
    orientation: { axis: 'top', item: 'top' },
    margin: { item: { horizontal: 2, vertical: 3 } },
    groupOrder: 'order',
    tooltip: { followMouse: true },
    moment: date => vis.moment(date).utc(),
  });
  gantt = timeline;
  for (const block of blocks.filter(b => b.onlineDate)) {
    const id = `online-${block.blockId}`;
    timeline.addCustomTime(parseDate(block.onlineDate), id);
    timeline.setCustomTimeTitle(`${block.blockName || block.blockId} online ${block.onlineDate}`, id);
  }
}

// vis shows the title as HTML: build it from text nodes so that task names cannot inject markup.
function tooltip(task) {
  const lines = [
    task.name || task.id,
    `${task.start} – ${task.finish} (${task.durationDays ?? '?'} working days)`,
    `mode ${task.mode ?? '–'}, status ${task.status ?? '–'}, total float ${task.totalFloatDays ?? '–'} d`,
    task.onDrivingPath ? 'on a driving path' : task.critical ? 'critical' : '',
    (task.poolIds || []).length ? `crews: ${task.poolIds.join(', ')}` : '',
  ].filter(Boolean);
  const div = el('div', {});
  lines.forEach((line, index) => div.append(index ? el('br') : '', line));
  return div.innerHTML;
}

function renderPools(pools) {
  const container = document.getElementById('pools');
  if (pools.length === 0) {
    showEmpty(container, 'No labor pool works on this site.');
    return;
  }
  container.replaceChildren(...pools.map(pool => {
    const segments = (pool.segments || []).slice().sort((a, b) => a.from.localeCompare(b.from));
    const overloadedDays = segments.filter(s => s.load > s.capacity)
      .reduce((days, s) => days + (parseDate(s.to) - parseDate(s.from)) / 86400000 + 1, 0);
    const peak = segments.reduce((max, s) => Math.max(max, s.load), 0);
    const capacities = segments.map(s => s.capacity);
    const capacity = Math.min(...capacities) === Math.max(...capacities)
      ? `${capacities[0]}` : `${Math.min(...capacities)}–${Math.max(...capacities)}`;
    const chart = el('div', { class: 'pool-chart' });
    const figure = el('figure', { class: overloadedDays > 0 ? 'pool overloaded' : 'pool', 'data-pool-id': pool.poolId },
      el('figcaption', {}, el('strong', {}, pool.trade || pool.poolId), ` ${pool.poolId} · peak load ${peak}`,
        segments.length ? `, capacity ${capacity}` : '',
        overloadedDays > 0 ? el('span', { class: 'days late' }, ` over capacity on ${overloadedDays} days`) : ''),
      chart);
    requestAnimationFrame(() => drawPool(chart, segments));
    return figure;
  }));
}

function drawPool(container, segments) {
  if (segments.length === 0) {
    showEmpty(container, 'No load scheduled.');
    return;
  }
  // Step points: each segment's values hold from its first day to the day after its (inclusive) last day.
  const xs = [];
  const load = [];
  const capacity = [];
  const over = [];
  const point = (iso, s) => {
    xs.push(parseDate(iso).getTime() / 1000);
    load.push(s ? s.load : 0);
    capacity.push(s ? s.capacity : null);
    // Zero where within capacity, so that the red fill spans exactly the overloaded steps.
    over.push(s && s.load > s.capacity ? s.load : 0);
  };
  segments.forEach((segment, index) => {
    const previous = segments[index - 1];
    if (previous && addDays(previous.to, 1) < segment.from) {
      point(addDays(previous.to, 1), null);
    }
    point(segment.from, segment);
  });
  point(addDays(segments[segments.length - 1].to, 1), segments[segments.length - 1]);
  const stepped = uPlot.paths.stepped({ align: 1 });
  new uPlot({
    width: Math.max(container.clientWidth, 300),
    height: 150,
    legend: { show: false },
    tzDate: ts => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
    scales: { y: { range: (u, min, max) => [0, Math.max(max, 1) * 1.1] } },
    axes: [{}, { size: 40 }],
    series: [
      {},
      { label: 'load', stroke: '#1f6feb', fill: 'rgba(31, 111, 235, 0.25)', paths: stepped, width: 1 },
      { label: 'over capacity', stroke: 'transparent', fill: 'rgba(207, 34, 46, 0.55)', paths: stepped },
      { label: 'capacity', stroke: '#1a7f37', dash: [6, 4], paths: stepped, width: 2 },
    ],
  }, [xs, load, over, capacity], container);
}

function renderShipments(shipments) {
  const container = document.getElementById('shipments');
  if (shipments.length === 0) {
    showEmpty(container, 'No shipment is bound for this site.');
    return;
  }
  // Tightest first: the late and nearly late ones are what a planner needs to chase.
  const sorted = shipments.slice().sort((a, b) => (a.slackDays ?? 0) - (b.slackDays ?? 0));
  container.replaceChildren(el('table', { id: 'shipments-table', class: 'grid' },
    el('thead', {}, el('tr', {}, ['Shipment', 'Supplier', 'Material', 'Needed for', 'Arrival', 'Need by', 'Slack',
      'Status'].map(head => el('th', {}, head)))),
    el('tbody', {}, sorted.map(s => el('tr', { class: s.late ? 'late' : null },
      el('td', {}, s.id),
      el('td', {}, s.supplier ?? ''),
      el('td', {}, s.material ?? ''),
      el('td', {}, (s.neededFor ?? []).join(', ')),
      el('td', { class: 'date' }, s.arrivalDate ?? '–'),
      el('td', { class: 'date' }, s.needByDate ?? '–'),
      el('td', { class: 'num' }, s.slackDays === undefined || s.slackDays === null ? '–' : `${s.slackDays} d`),
      el('td', {}, s.delivered ? 'delivered' : s.late ? 'late' : 'on time'))))));
}

await initHeader('site');
await load();
