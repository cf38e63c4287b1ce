/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The report's script (runs in the browser; bundled at build time and inlined):
 * fills a node's input and output in from the value table when the node is first
 * opened, opens the path to a node a link points at (timeline bars, header links),
 * and the expand / collapse / show-errors buttons. It loads nothing.
 */

const table = document.getElementById('rtfs-values');
const values: string[] = table?.textContent ? (JSON.parse(table.textContent) as string[]) : [];

function fill(node: Element): void {
  for (const pre of node.querySelectorAll<HTMLElement>(':scope > .body > .io pre[data-v]')) {
    pre.textContent = values[Number(pre.dataset.v)] ?? '';
    pre.removeAttribute('data-v');
  }
}

function openPath(el: Element | null): void {
  for (let e = el; e !== null; e = e.parentElement) {
    if (e instanceof HTMLDetailsElement && !e.open) e.open = true;
  }
}

function reveal(id: string): void {
  const el = document.getElementById(id);
  if (el === null) return;
  openPath(el);
  el.scrollIntoView({ block: 'center' });
  el.classList.remove('flash');
  void el.getBoundingClientRect();
  el.classList.add('flash');
}

// `toggle` does not bubble: listen in the capture phase.
document.addEventListener(
  'toggle',
  (e) => {
    const t = e.target;
    if (t instanceof HTMLDetailsElement && t.open && t.classList.contains('node')) fill(t);
    if (t instanceof HTMLDetailsElement && t.open && t.classList.contains('fold')) {
      const node = t.closest('details.node');
      if (node !== null) fill(node);
    }
  },
  true,
);

document.addEventListener('click', (e) => {
  const target = e.target instanceof Element ? e.target : null;
  const link = target?.closest('a[href^="#"]');
  if (link !== null && link !== undefined) {
    const id = (link.getAttribute('href') ?? '').slice(1);
    if (id.startsWith('n-') || id.startsWith('rewrite-') || id === 'final-plan') {
      e.preventDefault();
      history.replaceState(null, '', `#${id}`);
      reveal(id);
    }
    return;
  }
  const button = target?.closest('button[data-act]');
  if (button === null || button === undefined) return;
  const act = button.getAttribute('data-act');
  const nodes = document.querySelectorAll<HTMLDetailsElement>('details.node');
  if (act === 'expand') nodes.forEach((d) => (d.open = true));
  else if (act === 'collapse') nodes.forEach((d, i) => (d.open = i === 0));
  else if (act === 'errors') {
    nodes.forEach((d, i) => (d.open = i === 0));
    document.querySelectorAll('details.node.error, details.node.diverged').forEach(openPath);
  }
});

for (const d of document.querySelectorAll<HTMLDetailsElement>('details.node[open]')) fill(d);
for (const d of document.querySelectorAll('details.node.diverged')) openPath(d);
if (location.hash.length > 1) reveal(location.hash.slice(1));
