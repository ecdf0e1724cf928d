/**
 * The time slider: one stop per year of the data's dates (from the timeline) and a last stop for "no date";
 * a box for a month or a day; buttons to step to the previous or next date where something changed. What
 * existed on the date is the API's answer (ExplorerStateAsOf: stateAsOf, and the timeline up to the date),
 * never a rule of this page; a date the API cannot read is refused with the API's message, and the view
 * stays as it was.
 */
import { relayout } from './actions.js';
import { gql } from './api.js';
import { $, describeView, refresh, status, type App, type DataDates } from './app.js';
import type { AsOfAnswer } from './visibility.js';

interface StateAsOfData {
  stateAsOf: {
    date: AsOfAnswer['date'];
    meetings: { meeting: { id: string }; administeredBy: { organisation: { id: string } }[]; parent: { id: string } | null }[];
    agreements: { id: string }[];
    hostings: { host: { id: string }; hosted: { id: string } }[];
  };
  timeline: { events: { subject: { id: string } }[] };
}

const BEGINNINGS = new Set(['ESTABLISHED', 'ADOPTED', 'INTRODUCED']);
const answers = new Map<string, AsOfAnswer>();
let latest = 0;

export async function loadDates(): Promise<DataDates> {
  const data = await gql<{ timeline: { events: { kind: string; date: { value: string }; subject: { id: string } }[] } }>('ExplorerDates');
  const values = [...new Set(data.timeline.events.map((e) => e.date.value))];
  const years = values.map((v) => Number(v.slice(0, 4)));
  return {
    values,
    firstYear: Math.min(...years),
    lastYear: Math.max(...years),
    hasBeginning: new Set(data.timeline.events.filter((e) => BEGINNINGS.has(e.kind)).map((e) => e.subject.id)),
  };
}

async function answerFor(date: string): Promise<AsOfAnswer> {
  const cached = answers.get(date);
  if (cached) return cached;
  const { stateAsOf: s, timeline } = await gql<StateAsOfData>('ExplorerStateAsOf', { date });
  const answer: AsOfAnswer = {
    date: s.date,
    meetings: new Set(s.meetings.map((m) => m.meeting.id)),
    agreements: new Set(s.agreements.map((a) => a.id)),
    hostings: new Set(s.hostings.map((h) => `${h.host.id}>${h.hosted.id}`)),
    administrations: new Set(s.meetings.flatMap((m) => m.administeredBy.map((a) => `${m.meeting.id}>${a.organisation.id}`))),
    parents: new Set(s.meetings.filter((m) => m.parent).map((m) => `${m.meeting.id}>${m.parent!.id}`)),
    begun: new Set(timeline.events.map((e) => e.subject.id)),
  };
  answers.set(date, answer);
  return answer;
}

const slider = () => $<HTMLInputElement>('as-of-slider');
const box = () => $<HTMLInputElement>('as-of');

/** Shows the date on the controls (the slider on its year, the box with the date as typed). */
function showDate(app: App): void {
  const d = app.dates;
  const date = app.view.asOf;
  if (d) slider().value = String(date ? Math.min(d.lastYear, Math.max(d.firstYear, Number(date.slice(0, 4)) || d.firstYear)) : d.lastYear + 1);
  box().value = date ?? '';
  const a = app.answer;
  $('as-of-label').textContent = date && a ? `as of ${a.date.value} (${a.date.earliest} to ${a.date.latest})` : 'all dates (no "as of")';
}

/** Sets the date (null: none); false, with the API's message, when the API refuses it. */
export async function setAsOf(app: App, date: string | null, options: { relayout: boolean } = { relayout: true }): Promise<boolean> {
  const ticket = ++latest;
  const error = $('as-of-error');
  try {
    const answer = date ? await answerFor(date) : null;
    if (ticket !== latest) return false;
    error.textContent = '';
    app.view.asOf = date;
    app.answer = answer;
  } catch (err) {
    if (ticket !== latest) return false;
    error.textContent = `“${date}” was refused: ${(err as Error).message}`;
    showDate(app);
    box().value = date ?? '';
    return false;
  }
  showDate(app);
  const visibility = refresh(app);
  if (options.relayout) await relayout(app);
  status(describeView(app, visibility));
  return true;
}

/** The date where something changed just before (-1) or after (+1) the current one. */
function neighbourDate(app: App, direction: -1 | 1): string | null {
  const values = app.dates?.values ?? [];
  const current = app.view.asOf;
  if (!current) return direction < 0 ? (values[values.length - 1] ?? null) : null;
  const before = values.filter((v) => v < current);
  const after = values.filter((v) => v > current && !v.startsWith(current));
  return direction < 0 ? (before[before.length - 1] ?? null) : (after[0] ?? null);
}

/**
 * Wires the controls. `run` queues each change behind the page's other actions; without the data's dates (the
 * timeline could not be read) the slider is off and the box still takes a date.
 */
export function initAsOf(app: App, run: (fn: () => Promise<unknown>) => void): void {
  const set = (date: string | null) => run(() => setAsOf(app, date));
  const d = app.dates;
  const s = slider();
  if (d) {
    s.min = String(d.firstYear);
    s.max = String(d.lastYear + 1);
    $('as-of-first').textContent = String(d.firstYear);
    $('as-of-last').textContent = 'no date';
    $('as-of-ticks').replaceChildren(
      ...[...new Set(d.values.map((v) => v.slice(0, 4)))].map((y) => Object.assign(document.createElement('option'), { value: y })),
    );
    let timer: ReturnType<typeof setTimeout> | undefined;
    s.addEventListener('input', () => {
      const year = Number(s.value);
      $('as-of-label').textContent = year > d.lastYear ? 'all dates (no "as of")' : `as of ${year}…`;
      clearTimeout(timer);
      timer = setTimeout(() => set(year > d.lastYear ? null : String(year)), 150);
    });
  } else s.disabled = true;
  // A typed date is committed by Enter or by leaving the box (one change event either way).
  box().addEventListener('change', () => set(box().value.trim() || null));
  $('as-of-clear').addEventListener('click', () => set(null));
  $('as-of-prev').addEventListener('click', () => {
    const date = neighbourDate(app, -1);
    if (date) set(date);
  });
  $('as-of-next').addEventListener('click', () => set(neighbourDate(app, 1)));
  showDate(app);
}
