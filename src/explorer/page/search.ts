/**
 * Search as you type (the API's ranked, typo-tolerant search, the last request winning), and boxes that take
 * a name where an id is asked: a suggestion chosen gives its id; a typed name is looked up and its best match
 * used (and shown); a typed id is used as is.
 */
import { ApiError, gql, looksLikeId } from './api.js';
import { esc } from './app.js';

export interface Hit {
  id: string;
  name: string;
  type: string;
}

const DELAY_MS = 120;
const DONE = 'explorer:done';

async function search(text: string, signal?: AbortSignal): Promise<Hit[]> {
  const data = await gql<{ search: { node: { __typename: string; id: string; name: string } }[] }>('ExplorerSearch', { text }, signal);
  return data.search.map((h) => ({ id: h.node.id, name: h.node.name, type: h.node.__typename }));
}

/** Lists matches under `input` while the user types; `choose` gets the hit clicked (or the first one on Enter). */
export function searchAsYouType(input: HTMLInputElement, list: HTMLElement, choose: (hit: Hit) => void, onError: (message: string) => void): void {
  let controller: AbortController | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let hits: Hit[] = [];
  const render = () => {
    list.innerHTML = hits.length
      ? hits.map((h, i) => `<button type="button" role="option" data-i="${i}">${esc(h.name)} <small>(${esc(h.type)})</small></button>`).join('')
      : input.value.trim().length >= 2
        ? '<p class="muted">No match.</p>'
        : '';
  };
  const run = async () => {
    const text = input.value.trim();
    controller?.abort();
    if (text.length < 2) {
      hits = [];
      render();
      return;
    }
    controller = new AbortController();
    try {
      hits = await search(text, controller.signal);
      render();
    } catch (err) {
      if ((err as Error).name !== 'AbortError') onError((err as Error).message);
    }
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), DELAY_MS);
  });
  // A box whose value was taken (resolveId) stops suggesting.
  input.addEventListener(DONE, () => {
    clearTimeout(timer);
    controller?.abort();
    hits = [];
    list.innerHTML = '';
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      hits = [];
      render();
    }
    if (event.key !== 'Enter') return;
    event.preventDefault();
    clearTimeout(timer);
    void run().then(() => {
      const first = hits[0];
      if (!first) return;
      choose(first);
      hits = [];
      list.innerHTML = '';
    });
  });
  list.addEventListener('click', (event) => {
    const i = (event.target as HTMLElement).closest('button')?.dataset['i'];
    const hit = i === undefined ? undefined : hits[Number(i)];
    if (!hit) return;
    choose(hit);
    hits = [];
    list.innerHTML = '';
  });
}

/** A box that takes a name or an id: suggestions as you type, the chosen one's id kept with the box. */
export function attachPicker(input: HTMLInputElement, list: HTMLElement, onError: (message: string) => void): void {
  input.dataset['picker'] = '';
  input.addEventListener('input', () => delete input.dataset['id']);
  searchAsYouType(
    input,
    list,
    (hit) => {
      input.value = hit.name;
      input.dataset['id'] = hit.id;
    },
    onError,
  );
}

/** The id a box stands for: the suggestion chosen, an id as typed, or the best match of the name typed. */
export async function resolveId(input: HTMLInputElement, what: string): Promise<Hit> {
  input.dispatchEvent(new Event(DONE));
  const text = input.value.trim();
  if (!text) throw new ApiError(`type a name or an id for ${what} (e.g. Prime Minister, or office:prime-minister)`, 'BAD_USER_INPUT');
  if (input.dataset['id']) return { id: input.dataset['id'], name: text, type: '' };
  if (looksLikeId(text)) return { id: text, name: text, type: '' };
  const [best] = await search(text);
  if (!best) throw new ApiError(`nothing matches “${text}” for ${what}: type a name (e.g. Prime Minister) or an id (office:prime-minister)`, 'NOT_FOUND');
  input.value = best.name;
  input.dataset['id'] = best.id;
  return best;
}
