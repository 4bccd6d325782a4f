// Collapses the whitespace of Lit's `html` and `css` tagged templates in the widget's own code,
// which terser leaves alone (they are strings to it). Used by the build (rollup.config.mjs) and
// by the browser tests (web-test-runner.config.mjs), so that the tests see the shipped templates.
//
// - css: comments go; whitespace collapses and goes around `{ } ; , :` and before `!important`;
//   the last `;` of a block goes. (Values stay as written: custom properties are read back as
//   written, e.g. `--rd-radius`.)
// - html: a line break and the indentation around it become one space (never nothing: a space
//   between inline elements is rendered), except before the `>` or `/>` that closes a tag, where
//   they go (prettier puts that `>` on its own line after a tag's attributes).

/** Minifies the static text of a `css` template. */
export function minifyCss(raw) {
  return raw
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/\s+!important/g, '!important')
    .replace(/;}/g, '}')
    .trim();
}

/** Minifies the static text of an `html` template. */
export function minifyHtml(raw) {
  return raw.replace(/\s*\n\s*(\/?>)/g, '$1').replace(/\s*\n\s*/g, ' ');
}

/**
 * Minifies every `html`…` and `css`…` template of `code` (JavaScript). `parse` returns an ESTree
 * program with `start`/`end` offsets (rollup's `this.parse`, or `parseAst` from `rollup/parseAst`).
 * Returns `null` when nothing changed.
 */
export function minifyTemplates(code, parse) {
  if (!/\b(?:html|css)\s*`/.test(code)) return null;
  const edits = [];
  const walk = (node) => {
    if (!node || typeof node.type !== 'string') return;
    if (
      node.type === 'TaggedTemplateExpression' &&
      node.tag.type === 'Identifier' &&
      (node.tag.name === 'html' || node.tag.name === 'css')
    ) {
      const quasis = node.quasi.quasis;
      for (const [i, quasi] of quasis.entries()) {
        const raw = code.slice(quasi.start, quasi.end);
        let min = node.tag.name === 'css' ? minifyCss(raw) : minifyHtml(raw);
        // A css template with interpolations keeps the spaces next to them.
        if (node.tag.name === 'css' && quasis.length > 1) {
          if (i > 0 && /^\s/.test(raw)) min = ` ${min}`;
          if (i < quasis.length - 1 && /\s$/.test(raw)) min = `${min} `;
        }
        if (min !== raw) edits.push([quasi.start, quasi.end, min]);
      }
    }
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object' && typeof value.type === 'string') walk(value);
    }
  };
  walk(parse(code));
  if (!edits.length) return null;
  let out = code;
  for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + text + out.slice(end);
  return out;
}
