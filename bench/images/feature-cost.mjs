// `node bench/images/feature-cost.mjs` (also printed by the images benchmark): what each of LazyImage's features costs in its minified+gzip size.
// Builds LazyImage alone (React external, production) from a copy of src/ with one feature cut out at a
// time, then with groups cut out, and prints the sizes. It answers "what would the budget buy": which
// features a size target leaves room for. The cuts are edits of the source; one that no longer applies
// (the code moved) stops the script with its name, so it is updated along with LazyImage.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const IMAGE = 'image/LazyImage.tsx';

/** Each cut: a feature, whether the issue asks for it, and the edits that take it out. */
const cuts = {
  batching: {
    what: 'images ahead start together every 100 ms (jank)',
    edits: [
      [
        IMAGE,
        'const ahead: LazyImage[] = [];\nfunction soon(image: LazyImage) {\n  if (ahead.push(image) === 1) {\n    setTimeout(() => {\n      for (const next of ahead.splice(0)) next.start();\n    }, 100);\n  }\n}',
        'function soon(image: LazyImage) {\n  image.start();\n}',
      ],
    ],
  },
  sharedBox: {
    what: 'boxes alike share one style object (heap)',
    edits: [
      [IMAGE, 'if (parts.some((part, index) => part !== lastBox[index])) {', '{'],
      [IMAGE, 'lastBox = [\n        ...parts,', 'lastBox = ['],
      [IMAGE, 'lastBox[6]', 'lastBox[0]'],
    ],
  },
  placeholderFunction: {
    what: 'placeholder as (isLoading) => node',
    edits: [
      [
        IMAGE,
        "typeof placeholder === 'function' ? placeholder(status > Status.Native) : placeholder",
        'placeholder',
      ],
    ],
  },
  picture: {
    what: '`sources`: <picture> with a <source> per format',
    asked: 'by ProgressiveImage',
    edits: [[IMAGE, 'if (sources && !usesFallbackSrc) {', 'if (false) {']],
  },
  domSettle: {
    what: 'fade and placeholder removal set on the DOM, not rendered (jank)',
    edits: [
      [IMAGE, 'const box = this.current;\n', ''],
      [IMAGE, 'if (box?.childElementCount !== 1) return this.forceUpdate();', 'return this.forceUpdate();'],
      [IMAGE, "box.querySelector('img')!.style.opacity = '';\n", ''],
      [IMAGE, "if (status === Status.Loaded) box.style.background = '';", ''],
    ],
  },
  firstScrollGate: {
    what: 'only the viewport loads before the first scroll (<= 24 requests with <= 1 % empty cells)',
    asked: true,
    edits: [
      [
        IMAGE,
        'else if (isInsideRoot(entry, this.props.root)) this.start(Status.Loading);\n    else if (!waitForFirstScroll(this)) soon(this);',
        'else this.start(Status.Loading);',
      ],
      [IMAGE, 'stopWaiting(this);\n', ''],
      [IMAGE, 'if (!entry.isIntersecting) stopWaiting(this);', 'if (!entry.isIntersecting) return;'],
    ],
  },
  serverHTML: {
    what: 'native lazy <img> in server HTML, kept by hydration',
    asked: true,
    edits: [
      [IMAGE, '!hasIntersectionObserver() || isHydrating()', '!hasIntersectionObserver()'],
      [IMAGE, 'if (status) {\n      const img', 'if (false) {\n      const img'],
      [IMAGE, 'className={native ? SERVER_MARK : undefined}', ''],
    ],
  },
  retryBackoff: {
    what: 'retries wait 400 ms, doubling',
    asked: true,
    edits: [[IMAGE, 'attempt < retry ? RETRY_DELAY_MS * 2 ** attempt : 0', '0']],
  },
  fade: {
    what: 'fade-in once decoded, never under reduced motion',
    asked: true,
    edits: [
      [
        IMAGE,
        'const fades = fade && !priority && status > Status.Ahead && !reducedMotion;',
        'const fades = false;',
      ],
    ],
  },
  loadedOnce: {
    what: 'a re-mounted image that loaded before shows at once',
    asked: true,
    edits: [
      [IMAGE, 'loadedUrls.has(props.src)\n      ? Status.Loaded\n      : props.priority', 'props.priority'],
      [IMAGE, 'if (!usesFallbackSrc) loadedUrls.add(src);', ''],
      [IMAGE, 'loadedUrls.has(src) ? Status.Loaded : Status.Loading', 'Status.Loading'],
    ],
  },
};

const extras = Object.keys(cuts).filter((name) => !cuts[name].asked);
const features = Object.keys(cuts).filter((name) => cuts[name].asked === true);
const groups = [
  ['every extra the issue does not ask for', extras],
  ['those, and the first-scroll gate', [...extras, 'firstScrollGate']],
  [
    `those, and ${features.filter((name) => name !== 'firstScrollGate').join(', ')}`,
    [...extras, ...features],
  ],
  ['those, and <picture>', Object.keys(cuts)],
];

async function size(cutNames) {
  const dir = mkdtempSync(join(tmpdir(), 'perfkit-cost-'));
  try {
    cpSync(join(root, 'src'), dir, { recursive: true });
    for (const name of cutNames) {
      for (const [file, from, to] of cuts[name].edits) {
        const path = join(dir, file);
        const text = readFileSync(path, 'utf8');
        if (!text.includes(from)) {
          throw new Error(
            `The cut "${name}" no longer applies to ${file}: update it in ${fileURLToPath(import.meta.url)}`,
          );
        }
        writeFileSync(path, text.replace(from, to));
      }
    }
    const result = await build({
      stdin: { contents: `export { LazyImage } from './${IMAGE}';`, resolveDir: dir, loader: 'ts' },
      bundle: true,
      minify: true,
      format: 'esm',
      write: false,
      jsx: 'automatic',
      external: ['react', 'react-dom', 'react/jsx-runtime'],
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'silent',
    });
    return gzipSync(result.outputFiles[0].contents, { level: 9 }).length;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The table: LazyImage as shipped, without each feature, and without groups of them. */
export async function featureCosts() {
  const whole = await size([]);
  const rows = [['LazyImage as shipped', '', whole, 0]];
  for (const [name, cut] of Object.entries(cuts)) {
    const bytes = await size([name]);
    const asked = cut.asked === true ? 'yes' : cut.asked || 'no';
    rows.push([`without ${name}: ${cut.what}`, asked, bytes, bytes - whole]);
  }
  for (const [label, names] of groups) {
    const bytes = await size(names);
    rows.push([`without ${label}`, '', bytes, bytes - whole]);
  }
  return [
    "What LazyImage's features cost: LazyImage alone, esbuild minify, gzip level 9 (size-limit reports ~75 B less)",
    '',
    '| build | asked by the issue | min+gzip (B) | change (B) |',
    '| --- | --- | --- | --- |',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(await featureCosts());
