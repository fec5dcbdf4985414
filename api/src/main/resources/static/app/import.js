// The import page: a P6 or MS Project file is previewed (the server maps it and answers the import report, keeping
// nothing), then imported as a new portfolio with the same file and options (docs/interchange.md).
import { el, initHeader, postForm, showEmpty } from './common.js';

const form = document.getElementById('import-form');
const scheduleFile = document.getElementById('schedule-file');
const blocksFile = document.getElementById('blocks-file');
const crossLinks = document.getElementById('cross-links');
const previewButton = document.getElementById('preview');
const message = document.getElementById('import-message');
const report = document.getElementById('report');
const confirmPanel = document.getElementById('confirm-panel');
const confirmForm = document.getElementById('confirm-form');
const confirmButton = document.getElementById('confirm');
const confirmMessage = document.getElementById('confirm-message');
const portfolioIdInput = document.getElementById('portfolio-id');
const projectsBox = document.getElementById('projects');

// The projects picked in the last preview; none picked means all of them.
let selectedProjects = [];

function options() {
  const body = new FormData();
  body.append('file', scheduleFile.files[0]);
  if (blocksFile.files.length > 0) {
    body.append('blocks', blocksFile.files[0]);
  }
  body.append('crossProjectLinks', crossLinks.checked ? 'true' : 'false');
  selectedProjects.forEach(project => body.append('project', project));
  return body;
}

async function problemOf(response) {
  try {
    const problem = await response.json();
    return problem.detail || problem.title || `${response.status} ${response.statusText}`;
  } catch {
    return `${response.status} ${response.statusText}`;
  }
}

function showError(container, text) {
  container.replaceChildren(el('div', { class: 'message error', role: 'alert' }, text));
}

async function preview() {
  if (scheduleFile.files.length === 0) {
    showError(message, 'Choose a schedule file first.');
    return;
  }
  previewButton.disabled = true;
  confirmButton.disabled = true;
  showEmpty(message, `Reading ${scheduleFile.files[0].name}…`);
  try {
    const response = await postForm('/api/portfolios/imports/preview', options());
    if (!response.ok) {
      report.hidden = true;
      confirmPanel.hidden = true;
      showError(message, `The file cannot be imported: ${await problemOf(response)}`);
      return;
    }
    const answer = await response.json();
    message.replaceChildren();
    renderReport(answer);
    if (!portfolioIdInput.value) {
      portfolioIdInput.value = answer.portfolioId;
    }
    confirmPanel.hidden = false;
    confirmButton.disabled = false;
  } catch (error) {
    showError(message, `The preview failed: ${error.message}`);
  } finally {
    previewButton.disabled = false;
  }
}

function table(headers, rows, emptyText) {
  if (rows.length === 0) {
    return el('p', { class: 'hint' }, emptyText);
  }
  return el('table', { class: 'grid' },
    el('thead', {}, el('tr', {}, headers.map(header => el('th', {}, header)))),
    el('tbody', {}, rows.map(row => el('tr', {}, row.map(cell => el('td', {}, cell ?? '–'))))));
}

function renderReport(answer) {
  const result = answer.report;
  const fact = (label, value) => el('div', { class: 'fact' }, el('span', { class: 'label' }, label),
    el('span', { class: 'value' }, value));
  document.getElementById('report-facts').replaceChildren(
    fact('Format', `${result.format || '?'}${result.application ? ` (${result.application})` : ''}`),
    fact('Portfolio', answer.name || answer.portfolioId),
    fact('Sites', answer.sites), fact('Tasks', answer.tasks), fact('Labor pools', answer.pools),
    fact('Compute blocks', answer.blocks), fact('Shipments', answer.shipments));

  const agreement = result.agreement;
  const agreementText = !agreement ? 'No comparison with the file\'s early dates.'
    : agreement.computed
      ? `Our forward pass agrees with the file's early dates for ${agreement.agreeing} of ${agreement.compared} `
        + `activities (${agreement.percent.toFixed(1)} %).`
        + (agreement.staleFileDates > 0 ? ` ${agreement.staleFileDates} activities have stale dates in the file `
          + '(scheduled before later edits).' : '')
      : `No comparison with the file's early dates: ${agreement.reason}.`;
  document.getElementById('agreement').textContent = agreementText;
  const disagreements = agreement && agreement.disagreements ? agreement.disagreements : [];
  document.getElementById('disagreements-panel').hidden = disagreements.length === 0;
  document.getElementById('disagreements').replaceChildren(table(
    ['Activity', 'File start', 'Our start', 'File finish', 'Our finish', 'Reason'],
    disagreements.map(d => [d.taskId, d.fileStart, d.ourStart, d.fileFinish, d.ourFinish, d.reason]), ''));

  const projects = result.projects || [];
  document.getElementById('projects-panel').hidden = projects.length < 2;
  projectsBox.replaceChildren(...projects.map(project => {
    const box = el('input', { type: 'checkbox', value: project.id, checked: project.imported });
    box.addEventListener('change', () => {
      selectedProjects = [...projectsBox.querySelectorAll('input:checked')].map(input => input.value);
      if (selectedProjects.length > 0) {
        preview();
      } else {
        confirmButton.disabled = true;
        showError(message, 'Pick at least one project.');
      }
    });
    return el('label', { class: 'project' }, box,
      ` ${project.id}${project.name ? ` · ${project.name}` : ''} (${project.activities} activities)`, el('br'));
  }));

  document.getElementById('counts').replaceChildren(table(['Category', 'Count'],
    Object.entries(result.counts || {}).map(([name, count]) => [name, count]), 'Nothing counted.'));
  document.getElementById('dropped').replaceChildren(table(['Kind', 'Id', 'Why'],
    (result.dropped || []).map(item => [item.kind, item.id, item.message]), 'Nothing dropped.'));
  document.getElementById('assumptions').replaceChildren(table(['Kind', 'Id', 'Assumption'],
    (result.assumptions || []).map(item => [item.kind, item.id, item.message]), 'No assumptions made.'));
  report.hidden = false;
}

async function confirmImport() {
  confirmButton.disabled = true;
  showEmpty(confirmMessage, 'Importing and starting the plan…');
  const body = options();
  body.append('portfolioId', portfolioIdInput.value.trim());
  try {
    const response = await postForm('/api/portfolios/imports', body);
    if (!response.ok) {
      showError(confirmMessage, `Not imported: ${await problemOf(response)}`);
      confirmButton.disabled = false;
      return;
    }
    const created = await response.json();
    confirmMessage.replaceChildren(el('div', { class: 'message pending', role: 'status' },
      `Portfolio ${created.portfolioId} created with ${created.tasks} tasks; its first schedule is being computed. `,
      el('a', { href: `/?portfolio=${encodeURIComponent(created.portfolioId)}`, id: 'open-imported' },
        'Open its dashboard')));
  } catch (error) {
    showError(confirmMessage, `The import failed: ${error.message}`);
    confirmButton.disabled = false;
  }
}

form.addEventListener('submit', event => {
  event.preventDefault();
  selectedProjects = [];
  portfolioIdInput.value = '';
  preview();
});
confirmForm.addEventListener('submit', event => {
  event.preventDefault();
  confirmImport();
});

initHeader('import');
