// The shared page frame: a window-scrolled grid of N cells with aspect-ratio 3/2, and the mount timing
// (render call → first painted frame) every contender reports the same way.
import { createRoot } from 'react-dom/client';

const style = document.createElement('style');
style.textContent =
  '.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(180px,1fr));gap:4px;padding:4px}' +
  '.cell{aspect-ratio:3/2;overflow:hidden;background:#eee}' +
  '.cell img,.lazy{display:block;width:100%;height:100%;object-fit:cover}';
document.head.append(style);

const count = Number(new URLSearchParams(location.search).get('n') ?? 1000);
export const urls = Array.from({ length: count }, (_, index) => `/img/${index}.jpg`);

export function mount(Cell) {
  const start = performance.now();
  createRoot(document.getElementById('root')).render(
    <div className="grid">
      {urls.map((url, index) => (
        <div className="cell" key={url}>
          <Cell src={url} index={index} />
        </div>
      ))}
    </div>,
  );
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      window.__mountMs = performance.now() - start;
    }),
  );
}
