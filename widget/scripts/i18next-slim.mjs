// Compiles out of the bundle the parts of i18next the widget does not use. i18next ships as one
// ES module of classes, and a bundler keeps every method of a class it keeps: the backend
// connector, `cloneInstance()`, `dir()` and its list of RTL languages, plugins, formats,
// nesting, missing-key saving… were over a third of the widget's size.
//
// What the widget uses (src/i18n/i18n.ts): one private instance, `createInstance()`, `init()`
// with both languages bundled, and `t(key, { lng, count, replace })`: cardinal plurals,
// `{{value}}` interpolation (numbers are formatted before) and the fallback to English. It never
// calls `use()`.
//
// Every entry is checked twice. The build (and the test run) fails when an entry no longer
// matches i18next's code, so that an i18next upgrade gets these tables reviewed. And
// src/i18n/i18n.test.ts checks each assumption against the live instance and the resources.
// The browser tests run this slimmed i18next (web-test-runner.config.mjs), as the build does.
//
// - UNUSED_METHODS are deleted from their classes: nothing the widget runs calls them.
// - FIXED_VALUES replace reads of the instance's options and modules by the value they always
//   have with the widget's init options and no plugin, so that the minifier drops the branches
//   they guard. The test compares each with the live instance.
// - CALL_OPTIONS do the same for the options of a `t()` call: the widget's only call passes a
//   string key and `{ lng, count, replace }`, so every other option is `undefined` (and `lng` is
//   `en` or `fr`, never `cimode`). The test records the calls i18next receives.
// - FEATURES switch off i18next features, each with the test that proves it unused.
// - LOGGER_CALLS and DIAGNOSTICS only served i18next's warnings to developers.
//
// Plain ES module without Node imports: the browser tests import the tables.

/** Methods the widget's instance never calls, per class of i18next's ES build. */
export const UNUSED_METHODS = {
  // Public API the widget does not use.
  I18n: [
    'reloadResources', 'use', 'loadNamespaces', 'loadLanguages', 'toJSON', 'exists', 'setDefaultNamespace',
    'dir', 'cloneInstance', 'hasLoadedNamespace', 'getFixedT',
  ],
  // The resource API (see FEATURES): resources are read through `t()` only.
  ResourceStore: [
    'addNamespaces', 'removeNamespaces', 'addResource', 'addResources', 'addResourceBundle', 'removeResourceBundle',
    'hasResourceBundle', 'getResourceBundle', 'toJSON',
  ],
  // Plural forms listing, for saving missing keys.
  PluralResolver: ['clearCache', 'needsPlural', 'getPluralFormsOfKey', 'getSuffixes'],
  // `exists()`; `returnDetails` and `defaultValue` options (see CALL_OPTIONS).
  Translator: ['exists', 'getUsedParamsDetails', 'hasDefaultValue'],
  // Nesting (see FEATURES).
  Interpolator: ['nest'],
  EventEmitter: ['off'],
};

/**
 * Reads of the instance's state whose value is fixed for the widget: [code, value, where the
 * test finds the live value on the instance]. `true` stands for "truthy", and is replaced only
 * where the value is tested for truth.
 */
export const FIXED_VALUES = [
  // No plugin: `use()` is never called.
  ['this.modules.logger', undefined, 'modules.logger'],
  ['this.modules.formatter', undefined, 'modules.formatter'],
  ['this.modules.languageDetector', undefined, 'modules.languageDetector'],
  ['this.modules.i18nFormat', undefined, 'modules.i18nFormat'],
  ['this.services.languageDetector', undefined, 'services.languageDetector'],
  ['this.i18nFormat', undefined, 'translator.i18nFormat'],
  // The init options (src/i18n/i18n.ts), with i18next's defaults for the others.
  ['this.options.isClone', undefined, 'options.isClone'],
  ['this.options.showSupportNotice', false, 'options.showSupportNotice'],
  ['this.options.resources', true, 'options.resources'],
  ['this.options.partialBundledLanguages', false, 'options.partialBundledLanguages'],
  ['this.options.preload', false, 'options.preload'],
  ['this.options.load', 'all', 'options.load'],
  ['this.options.lowerCaseLng', undefined, 'options.lowerCaseLng'],
  ['this.options.cleanCode', undefined, 'options.cleanCode'],
  ['this.options.nonExplicitSupportedLngs', false, 'options.nonExplicitSupportedLngs'],
  ['this.options.userDefinedKeySeparator', undefined, 'options.userDefinedKeySeparator'],
  ['this.options.userDefinedNsSeparator', undefined, 'options.userDefinedNsSeparator'],
  ['this.options.fallbackNS', false, 'options.fallbackNS'],
  ['this.options.saveMissing', false, 'options.saveMissing'],
  ['this.options.updateMissing', false, 'options.updateMissing'],
  ['this.options.missingKeyNoValueFallbackToKey', undefined, 'options.missingKeyNoValueFallbackToKey'],
  ['this.options.appendNamespaceToMissingKey', false, 'options.appendNamespaceToMissingKey'],
  ['this.options.appendNamespaceToCIMode', false, 'options.appendNamespaceToCIMode'],
  ['this.options.parseMissingKeyHandler', false, 'options.parseMissingKeyHandler'],
  ['this.options.missingInterpolationHandler', false, 'options.missingInterpolationHandler'],
  ['this.options.returnObjects', false, 'options.returnObjects'],
  ['this.options.returnedObjectHandler', false, 'options.returnedObjectHandler'],
  ['this.options.returnDetails', undefined, 'options.returnDetails'],
  ['this.options.joinArrays', false, 'options.joinArrays'],
  ['this.options.postProcess', false, 'options.postProcess'],
  ['this.options.postProcessPassResolved', false, 'options.postProcessPassResolved'],
  ['this.options.interpolation.defaultVariables', undefined, 'options.interpolation.defaultVariables'],
  // `interpolation.escapeValue: false`: Lit escapes what it renders.
  ['this.escapeValue', false, 'services.interpolator.escapeValue'],
];

/** Reads of a `t()` call's options and key (`opt`, `keys`, `k`, `lng` in i18next's Translator). */
export const CALL_OPTIONS = [
  ['opt.context', undefined],
  ['opt.ordinal', undefined],
  ['opt.defaultValue', undefined],
  ['Translator.hasDefaultValue(opt)', false],
  ['opt.returnObjects', undefined],
  ['opt.returnDetails', undefined],
  ['opt.joinArrays', undefined],
  ['opt.appendNamespaceToCIMode', undefined],
  ['opt.missingKeyNoValueFallbackToKey', undefined],
  ['opt.skipInterpolation', undefined],
  ['opt.interpolation', undefined],
  ['opt?.interpolation', undefined],
  ['opt.postProcess', undefined],
  ['opt.keySeparator', undefined],
  ['opt.nsSeparator', undefined],
  ['opt.ns', undefined],
  ['opt.lngs', undefined],
  ['opt.fallbackLng', undefined],
  // The key is a string, not a selector function.
  ["typeof keys === 'function'", false],
  ["typeof k === 'function'", false],
  // The language is `en` or `fr`.
  ["lng?.toLowerCase() === 'cimode'", false],
];

/** i18next features the widget does not use: [code, replacement]. */
export const FEATURES = [
  // Nesting (`$t(key)` inside a string): no string nests another.
  ['opt.nest !== false', '!1'],
  // Formats (`{{count, number}}`): the widget formats numbers itself, before interpolating.
  ['formatter = Formatter', 'formatter = void 0'],
  // Escaping (off, see FIXED_VALUES): no default escape function.
  ['escape$1 !== undefined ? escape$1 : escape', 'escape$1'],
  // Namespaces in keys (`ns:key`): the widget has one namespace and no key holds a `:`.
  ['nsSeparator && key.indexOf(nsSeparator) > -1', '!1'],
  ['looksLikeObjectPath(key, nsSeparator, keySeparator)', '!0'],
  // Post-processors (a plugin type).
  ['postProcessorNames?.length', 'void 0'],
  // Backend plugins: the resources are bundled, the backend connector is not created.
  ['s.backendConnector = new Connector(createClassOnDemand(this.modules.backend), s.resourceStore, s, this.options)', 'void 0'],
  ["s.backendConnector.on('*', (event, ...args) => { this.emit(event, ...args); })", 'void 0'],
  // The instance's resource API (`getResource()`, `addResourceBundle()`…).
  ["['getResource', 'hasResourceBundle', 'getResourceBundle', 'getDataByLanguage']", '[]'],
  ["['addResource', 'addResources', 'addResourceBundle', 'removeResourceBundle']", '[]'],
];

/**
 * i18next's logger: its messages only help a developer debugging i18next, and a partner page's
 * console is no place for them. Calls of these functions go, with their arguments.
 */
export const LOGGER_CALLS = ['this.logger.log', 'this.logger.warn', 'this.logger.error', 'this.logger.deprecate', 'baseLogger.create', 'baseLogger.init'];

/** Code that only fed i18next's diagnostics: [code, replacement]. */
export const DIAGNOSTICS = [
  // The logger itself (see LOGGER_CALLS).
  ['new Logger()', 'void 0'],
  ['this.logger = baseLogger', 'void 0'],
  ['s.logger = baseLogger', 'void 0'],
  // "namespace not loaded yet" warnings.
  ['this.utils?.hasLoadedNamespace', 'void 0'],
  ['this.hasLoadedNamespace.bind(this)', 'void 0'],
  // Missing keys: logged, or saved by a backend (the test checks that none is missing).
  ['usedKey || usedDefault || updateMissing', '!1'],
  // "translations seem to be flat JSON" warning.
  ['this.resolve(key, { ...opt, keySeparator: false })', 'void 0'],
];

const literal = (value) => (value === undefined ? 'void 0' : value === true ? '!0' : value === false ? '!1' : JSON.stringify(value));
const normalize = (source) => source.replace(/\s+/g, ' ').replace(/([{(\[]) /g, '$1').replace(/ ([})\]])/g, '$1');

/** Whether `id` (a file path or URL) is i18next's ES build. */
export function isI18next(id) {
  return /[/\\]i18next[/\\]dist[/\\]esm[/\\]i18next(\.bundled)?\.js$/.test(id.split('?')[0]);
}

/**
 * Applies the tables to the source of i18next's ES build. `parse` returns an ESTree program with
 * `start`/`end` offsets (rollup's `this.parse`, or `parseAst` from `rollup/parseAst`). Throws
 * when an entry matches nothing.
 */
export function slimI18next(code, parse) {
  /** Normalised code → [replacement, replaced only where tested for truth]. */
  const replacements = new Map();
  for (const [source, value] of [...FIXED_VALUES, ...CALL_OPTIONS]) replacements.set(normalize(source), [literal(value), value === true]);
  for (const [source, replacement] of [...FEATURES, ...DIAGNOSTICS]) replacements.set(normalize(source), [replacement, false]);
  const calls = new Set(LOGGER_CALLS);

  const found = new Set();
  const edits = [];
  const path = [];
  // Whether the value of the node at the end of `path` is only tested for truth.
  const tested = () => {
    for (let i = path.length - 1; i > 0; i--) {
      const [parent] = path[i - 1];
      const [, key] = path[i];
      if (key === 'test' || (parent.type === 'UnaryExpression' && parent.operator === '!')) return true;
      if (parent.type !== 'LogicalExpression') return false;
    }
    return false;
  };
  const inspect = (node, parent, key) => {
    if (node.type === 'ClassDeclaration' && node.id && Object.hasOwn(UNUSED_METHODS, node.id.name)) {
      for (const member of node.body.body) {
        const name = member.type === 'MethodDefinition' && !member.computed ? member.key.name : undefined;
        if (name && UNUSED_METHODS[node.id.name].includes(name)) {
          found.add(`${node.id.name}.${name}`);
          edits.push([member.start, member.end, '']);
        }
      }
    }
    const assigned = (parent?.type === 'AssignmentExpression' && key === 'left') || parent?.type === 'UpdateExpression';
    if (node.type === 'CallExpression' && calls.has(code.slice(node.callee.start, node.callee.end))) {
      found.add(code.slice(node.callee.start, node.callee.end));
      edits.push([node.start, node.end, '(void 0)']);
      return;
    }
    if (!assigned && /Expression$/.test(node.type)) {
      const source = normalize(code.slice(node.start, node.end));
      const entry = replacements.get(source);
      if (entry && (!entry[1] || tested())) {
        found.add(source);
        edits.push([node.start, node.end, `(${entry[0]})`]);
        return;
      }
    }
    for (const [k, value] of Object.entries(node)) {
      if (Array.isArray(value)) for (const child of value) visit(child, node, k);
      else if (value && typeof value === 'object') visit(value, node, k);
    }
  };
  const visit = (node, parent, key) => {
    if (!node || typeof node.type !== 'string') return;
    path.push([node, key]);
    inspect(node, parent, key);
    path.pop();
  };
  visit(parse(code));

  const expected = [
    ...Object.entries(UNUSED_METHODS).flatMap(([cls, methods]) => methods.map((m) => `${cls}.${m}`)),
    ...replacements.keys(),
    ...calls,
  ];
  const missing = expected.filter((entry) => !found.has(entry));
  if (missing.length) {
    throw new Error(`i18next-slim: not found in this i18next (review scripts/i18next-slim.mjs): ${missing.join(' | ')}`);
  }

  // Outermost edits only (a replaced read may sit inside a deleted method), applied from the end.
  edits.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const outer = [];
  for (const edit of edits) if (!outer.length || edit[0] >= outer[outer.length - 1][1]) outer.push(edit);
  let out = code;
  for (const [start, end, text] of outer.reverse()) out = out.slice(0, start) + text + out.slice(end);
  return out;
}
