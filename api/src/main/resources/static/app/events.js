// The live feed of date changes and, for planners, the event log with the dates each event moved.
import {
  datePair, daysBadge, el, formatInstant, getJson, initHeader, portfolioApi, showEmpty, showProblem,
} from './common.js';
import { startTimelineFeed } from './timeline.js';

const PAGE_SIZE = 50;
const log = document.getElementById('event-log');
const pager = document.getElementById('pager');
let page = 0;

async function loadLog() {
  let result;
  try {
    result = await getJson(portfolioApi(`/events?page=${page}&size=${PAGE_SIZE}`));
  } catch (error) {
    showProblem(log, error, 'event log');
    pager.hidden = true;
    return;
  }
  const items = result.items || [];
  if (items.length === 0) {
    showEmpty(log, 'No event received yet.');
    pager.hidden = true;
    return;
  }
  log.replaceChildren(el('table', { id: 'events-table', class: 'grid' },
    el('thead', {}, el('tr', {}, ['Time', 'Type', 'Source', 'Subject', 'Status', 'Detail', 'Moved']
      .map(head => el('th', {}, head)))),
    el('tbody', {}, items.map(event => el('tr', { class: `status-${String(event.status || '').toLowerCase()}` },
      el('td', { class: 'date', title: `recorded ${formatInstant(event.recordedAt)}` }, formatInstant(event.time)),
      el('td', {}, shortType(event.type)),
      el('td', {}, event.source ?? ''),
      el('td', {}, event.subject ?? ''),
      el('td', {}, el('span', { class: 'status' }, event.status ?? '')),
      el('td', { class: 'detail' }, event.detail ?? ''),
      el('td', {}, moved(event.movedDates || [])))))));
  const total = result.total ?? items.length;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  document.getElementById('page-info').textContent = `page ${page + 1} of ${pages} · ${total} events`;
  document.getElementById('newer').disabled = page === 0;
  document.getElementById('older').disabled = page + 1 >= pages;
  pager.hidden = pages <= 1;
}

// CloudEvents types are reverse-DNS names ending in a version (…shipment.eta-changed.v1): the two parts before
// the version say what happened.
export function shortType(type) {
  if (!type) {
    return '';
  }
  return el('span', { title: type }, typeLabel(type));
}

export function typeLabel(type) {
  const parts = type.split('.').filter(part => part && !/^v\d+$/.test(part));
  return parts.slice(-2).join(' ').replaceAll('-', ' ');
}

function moved(dates) {
  if (dates.length === 0) {
    return el('span', { class: 'hint' }, 'no date moved');
  }
  return el('ul', { class: 'moved' }, dates.map(change => el('li', {},
    `${change.siteId ? change.siteId + ' / ' : ''}${change.blockId}: ${datePair(change.oldDate, change.newDate)} `,
    ...eventPart(change),
    change.version !== undefined ? el('span', { class: 'hint' }, ` v${change.version}`) : '')));
}

// What this event did to the date, apart from what the plan's improvement published with it did.
function eventPart(change) {
  if (change.eventEffectDays === undefined || change.eventEffectDays === null) {
    return [daysBadge(change.deltaDays, '±0 d')];
  }
  const parts = [];
  if (change.shareDays !== undefined && change.shareDays !== null) {
    parts.push(el('span', { class: 'hint' }, 'this event '), daysBadge(change.shareDays, '±0 d'));
    if (change.shareDays !== change.eventEffectDays) {
      parts.push(el('span', { class: 'hint' }, ' · events together '), daysBadge(change.eventEffectDays, '±0 d'));
    }
  } else if (change.jointWith && change.jointWith.length > 0) {
    parts.push(el('span', { class: 'hint', title: change.jointWith.join(', ') },
      `with ${change.jointWith.length} other event${change.jointWith.length > 1 ? 's' : ''} `),
      daysBadge(change.eventEffectDays, '±0 d'));
  } else {
    parts.push(daysBadge(change.eventEffectDays, '±0 d'));
  }
  if (change.reoptimizationDays) {
    parts.push(el('span', { class: 'hint improved' }, ' · plan improved '), daysBadge(change.reoptimizationDays, '±0 d'));
  }
  return parts;
}

document.getElementById('newer').addEventListener('click', () => { page = Math.max(0, page - 1); loadLog(); });
document.getElementById('older').addEventListener('click', () => { page += 1; loadLog(); });

await initHeader('events');
const siteNames = new Map();
try {
  const dashboard = await getJson(portfolioApi('/dashboard'));
  (dashboard.sites || []).forEach(site => siteNames.set(site.id, site.name || site.id));
} catch (error) {
  // Only names are lost: the feed then shows site ids.
  console.warn('no site names for the feed', error);
}
// For an executive the log answers 403, and the page says so; the live feed above is theirs too.
await loadLog();
startTimelineFeed({
  list: document.getElementById('changes'),
  status: document.getElementById('feed-status'),
  size: 50,
  siteNames,
  // A new schedule version means new events were applied: show them if the reader is on the first page.
  onPublication: () => { if (page === 0 && document.getElementById('events-table')) { loadLog(); } },
});
