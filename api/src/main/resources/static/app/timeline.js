// The feed of projected-date changes: the latest page of /api/timeline, then live from the SSE stream.
import {
  datePair, daysBadge, el, formatInstant, formatMw, getJson, pageOf, portfolioApi, showEmpty, showProblem,
} from './common.js';

const RETRY_MS = 15000;

function changeRow(item, live, siteNames) {
  return el('li', { class: live ? 'change live' : 'change' },
    el('span', { class: 'when' }, `v${item.version ?? '?'} · ${formatInstant(item.publishedAt)}`),
    el('span', { class: 'what' },
      el('a', { href: pageOf('site.html', { id: item.siteId }) }, siteNames.get(item.siteId) || item.siteId),
      ` / ${item.blockId}`, item.itMw ? ` (${formatMw(item.itMw)})` : ''),
    el('span', { class: 'dates' }, datePair(item.oldDate, item.newDate)),
    daysBadge(item.deltaDays, '±0 d'),
    kindLabel(item),
    item.cause ? el('span', { class: 'cause' }, item.cause) : null);
}

// "plan improved" when the solver's re-optimization alone moved the date; "event" when events did, with the part
// the re-optimization published with them did on its own.
function kindLabel(item) {
  const byEvents = (item.eventIds || []).length > 0;
  if (!byEvents) {
    return el('span', { class: 'kind improved', title: 'the solver found a better plan; no event moved this date' },
      'plan improved');
  }
  const label = el('span', { class: 'kind event', title: 'moved by events' }, 'event');
  if (item.reoptimizationDays) {
    return el('span', {}, label, ' ', daysBadge(item.eventEffectDays, '±0 d'),
      el('span', { class: 'kind improved' }, 'plan improved'), ' ', daysBadge(item.reoptimizationDays, '±0 d'));
  }
  return label;
}

/**
 * Shows the latest changes in list and keeps it current. siteNames maps site ids to names for display.
 * onPublication is called after each published schedule version, so that a page can reload what that version changed.
 */
export async function startTimelineFeed({ list, status, size = 20, siteNames = new Map(), onPublication }) {
  try {
    const page = await getJson(portfolioApi(`/timeline?page=0&size=${size}`));
    const items = (page.items || []).slice().sort((a, b) => (b.version ?? 0) - (a.version ?? 0));
    if (items.length === 0) {
      showEmpty(list, 'No date has moved since the baseline: changes appear here as events are replanned.');
    } else {
      list.replaceChildren(...items.map(item => changeRow(item, false, siteNames)));
    }
  } catch (error) {
    showProblem(list, error, 'timeline of date changes');
  }
  connect(list, status, size, siteNames, onPublication);
}

function connect(list, status, size, siteNames, onPublication) {
  const source = new EventSource(portfolioApi('/timeline/stream'), { withCredentials: true });
  setStatus(status, 'connecting', 'connecting…');
  source.onopen = () => setStatus(status, 'live', 'live');
  source.addEventListener('date-changed', message => {
    const item = JSON.parse(message.data);
    list.querySelector('.message')?.remove();
    list.prepend(changeRow(item, true, siteNames));
    while (list.children.length > size) {
      list.lastElementChild.remove();
    }
  });
  source.addEventListener('publication', message => {
    const publication = JSON.parse(message.data);
    const causes = (publication.causes || []).map(cause => cause.description || cause.eventId).join('; ');
    setStatus(status, 'live', `live · v${publication.version} published ${formatInstant(publication.publishedAt)}`
      + (causes ? ` (${causes})` : ''));
    if (onPublication) {
      onPublication(publication);
    }
  });
  source.onerror = () => {
    // The browser reconnects by itself after a dropped connection, but gives up on an error answer (403, 404):
    // then try again later, so that the feed comes back once the service answers.
    if (source.readyState === EventSource.CLOSED) {
      setStatus(status, 'down', 'live updates unavailable, retrying…');
      setTimeout(() => connect(list, status, size, siteNames, onPublication), RETRY_MS);
    } else {
      setStatus(status, 'connecting', 'reconnecting…');
    }
  };
}

function setStatus(status, state, text) {
  if (status) {
    status.className = `feed-status ${state}`;
    status.textContent = text;
  }
}
