/** Escapes Redis glob metacharacters so user input (a route param) matches only itself. */
export function escapeGlob(value: string): string {
  return value.replace(/[*?[\]\\]/g, '\\$&');
}

/** Compiles a Redis-style glob (`*`, `?`, `[abc]`, `[^a]`, `\x`) to an anchored RegExp for the memory store. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i] as string;
    if (char === '\\' && i + 1 < glob.length) {
      source += escapeRegExp(glob[++i] as string);
    } else if (char === '*') {
      source += '[\\s\\S]*';
    } else if (char === '?') {
      source += '[\\s\\S]';
    } else if (char === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close === -1) {
        source += '\\[';
      } else {
        let body = glob.slice(i + 1, close);
        const negate = body.startsWith('^');
        if (negate) body = body.slice(1);
        source += `[${negate ? '^' : ''}${body.replace(/[\]\\]/g, '\\$&')}]`;
        i = close;
      }
    } else {
      source += escapeRegExp(char);
    }
  }
  return new RegExp(`^${source}$`);
}

function escapeRegExp(char: string): string {
  return char.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
