// The compare view: two of the live plan and the solved scenarios side by side, per block and per pool.
import {
  daysBadge, el, formatMw, getJson, initHeader, isPlanner, portfolioApi, showEmpty, showProblem,
} from './common.js';

const left = document.getElementById('left');
const right = document.getElementById('right');
const money = document.getElementById('money');
const blocks = document.getElementById('blocks');
const pools = document.getElementById('pools');

function amount(value) {
  return Number(value ?? 0).toLocaleString('en-US', { maximumFractionDigits: 0 });
}

async function loadChoices() {
  let scenarios = [];
  try {
    scenarios = await getJson(portfolioApi('/scenarios'));
  } catch (error) {
    showProblem(blocks, error, 'scenarios');
  }
  const options = [{ value: 'live', label: 'Live plan' }].concat(scenarios
    .filter(scenario => scenario.status === 'done')
    .map(scenario => ({ value: `scenario:${scenario.id}`, label: `Scenario: ${scenario.name}` })));
  for (const select of [left, right]) {
    select.replaceChildren(...options.map(option => el('option', { value: option.value }, option.label)));
  }
  const params = new URLSearchParams(window.location.search);
  left.value = params.get('left') || 'live';
  right.value = params.get('right') || (options.length > 1 ? options[1].value : 'live');
}

function moneyTable(comparison) {
  const rows = [['Value of compute days not online', 'computeDelay'], ['Contract penalties', 'contractPenalties'],
    ['Mode costs', 'modeCosts'], ['Lever costs', 'leverCosts']];
  return el('table', { class: 'grid', id: 'money-table' },
    el('thead', {}, el('tr', {}, ['', comparison.left, comparison.right, 'Delta'].map(head => el('th', {}, head)))),
    el('tbody', {}, rows.map(([label, key]) => el('tr', {},
      el('td', {}, label),
      el('td', { class: 'number' }, amount(comparison.leftMoney?.[key])),
      el('td', { class: 'number' }, amount(comparison.rightMoney?.[key])),
      el('td', { class: 'number' }, amount(comparison.moneyDelta?.[key]))))));
}

function blockTable(comparison) {
  return el('table', { class: 'grid', id: 'blocks-table' },
    el('thead', {}, el('tr', {}, ['Site', 'Block', 'IT load', comparison.left, comparison.right, 'Delta',
      'Money delta', 'Driving path'].map(head => el('th', {}, head)))),
    el('tbody', {}, (comparison.blocks || []).map(block => el('tr', {},
      el('td', {}, block.siteId),
      el('td', {}, block.blockName || block.blockId),
      el('td', {}, formatMw(block.itMw)),
      el('td', { class: 'date' }, block.leftOnline ?? 'none'),
      el('td', { class: 'date' }, block.rightOnline ?? 'none'),
      el('td', {}, daysBadge(block.deltaDays, 'same')),
      el('td', { class: 'number' }, amount(block.moneyDelta)),
      el('td', { class: 'detail' }, pathText(block.drivingPath))))));
}

function pathText(path) {
  if (!path || !path.changed) {
    return 'unchanged';
  }
  const parts = [];
  if (path.added?.length) {
    parts.push(`added ${path.added.join(', ')}`);
  }
  if (path.removed?.length) {
    parts.push(`removed ${path.removed.join(', ')}`);
  }
  if (path.rightDrivenBy) {
    parts.push(`now driven by ${path.rightDrivenBy}`);
  }
  return parts.join('; ');
}

function poolTable(comparison) {
  const changed = (comparison.pools || []).filter(pool => pool.deltaPersonDays !== 0
    || pool.leftPeak !== pool.rightPeak || pool.leftOverloadedDays !== pool.rightOverloadedDays);
  if (changed.length === 0) {
    return el('div', { class: 'message pending', role: 'status' }, 'No pool is loaded differently.');
  }
  return el('table', { class: 'grid', id: 'pools-table' },
    el('thead', {}, el('tr', {}, ['Pool', 'Trade', 'Person-days', 'Delta', 'Peak', 'Overloaded days']
      .map(head => el('th', {}, head)))),
    el('tbody', {}, changed.map(pool => el('tr', {},
      el('td', {}, pool.poolId),
      el('td', {}, pool.trade ?? ''),
      el('td', { class: 'number' }, `${amount(pool.leftPersonDays)} → ${amount(pool.rightPersonDays)}`),
      el('td', { class: 'number' }, amount(pool.deltaPersonDays)),
      el('td', { class: 'number' }, `${pool.leftPeak} → ${pool.rightPeak}`),
      el('td', { class: 'number' }, `${pool.leftOverloadedDays} → ${pool.rightOverloadedDays}`)))));
}

async function compare() {
  const query = new URLSearchParams({ left: left.value, right: right.value });
  let comparison;
  try {
    comparison = await getJson(portfolioApi(`/compare?${query}`));
  } catch (error) {
    for (const container of [money, blocks, pools]) {
      showProblem(container, error, 'comparison');
    }
    return;
  }
  money.replaceChildren(moneyTable(comparison));
  if ((comparison.blocks || []).length === 0) {
    showEmpty(blocks, 'No block to compare.');
  } else {
    blocks.replaceChildren(blockTable(comparison));
  }
  pools.replaceChildren(poolTable(comparison));
}

document.getElementById('compare-form').addEventListener('submit', event => {
  event.preventDefault();
  compare();
});

// Goal seeking (planners): ask for a date, poll the run until it is done, show its answer.
const goalResult = document.getElementById('goal-result');

function xsrfToken() {
  const entry = document.cookie.split('; ').find(part => part.startsWith('XSRF-TOKEN='));
  return entry ? decodeURIComponent(entry.substring('XSRF-TOKEN='.length)) : '';
}

async function loadGoalBlocks() {
  const projection = await getJson(portfolioApi('/projections'));
  const select = document.getElementById('goal-block');
  select.replaceChildren(...(projection.blocks || []).map(block => el('option', { value: block.blockId },
    `${block.siteId} · ${block.blockName || block.blockId} (online ${block.onlineDate})`)));
  const first = (projection.blocks || [])[0];
  if (first) {
    document.getElementById('goal-by').value = first.onlineDate;
  }
}

function goalAnswer(result) {
  const status = result.reached
    ? `Reached: ${result.objective}, for ${amount(result.totalCost)}.`
    : `Not reachable: ${result.objective}. Best date ${result.bestDate ?? 'none'}`
      + (result.stoppedBy ? `, stopped by ${result.stoppedBy}.` : '.');
  const actions = result.actions || [];
  return [
    el('p', { id: 'goal-status', class: result.reached ? 'reached' : 'unreached' }, status),
    actions.length === 0 ? el('p', {}, 'No action is needed or none helps.')
      : el('table', { class: 'grid', id: 'goal-actions' },
        el('thead', {}, el('tr', {}, ['Action', 'Cost', 'Days gained'].map(head => el('th', {}, head)))),
        el('tbody', {}, actions.map(action => el('tr', {},
          el('td', {}, action.description ?? action.kind),
          el('td', { class: 'number' }, amount(action.cost)),
          el('td', {}, Object.entries(action.daysGained || {}).map(([block, days]) => `${block}: ${days}`)
            .join(', ')))))),
  ];
}

async function seek(event) {
  event.preventDefault();
  const body = {
    blockId: document.getElementById('goal-block').value,
    by: document.getElementById('goal-by').value,
    seconds: Number(document.getElementById('goal-seconds').value) || 10,
  };
  showEmpty(goalResult, 'Seeking…');
  const response = await fetch(portfolioApi('/goals'), {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': xsrfToken() },
    body: JSON.stringify(body),
  });
  const created = await response.json();
  if (!response.ok) {
    goalResult.replaceChildren(el('div', { class: 'message error', role: 'status' },
      created.detail || `goal seeking refused (${response.status})`));
    return;
  }
  for (;;) {
    const run = await getJson(portfolioApi(`/goals/${encodeURIComponent(created.id)}`));
    if (run.status === 'done') {
      goalResult.replaceChildren(...goalAnswer(run.result));
      return;
    }
    if (run.status === 'failed') {
      goalResult.replaceChildren(el('div', { class: 'message error', role: 'status' }, run.failure));
      return;
    }
    showEmpty(goalResult, `Seeking… ${Math.round((run.progress || 0) * 100)} %`);
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
}

const user = await initHeader('compare');
if (isPlanner(user)) {
  document.getElementById('goal-panel').hidden = false;
  document.getElementById('goal-form').addEventListener('submit', seek);
  loadGoalBlocks().catch(error => showProblem(goalResult, error, 'blocks'));
}
await loadChoices();
await compare();
