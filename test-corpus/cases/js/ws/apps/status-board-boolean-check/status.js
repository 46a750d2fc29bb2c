// corpus: no-findings
const listeners = new Set();
let current = { services: [], updatedAt: null };

function set(next) {
  current = { ...next, updatedAt: new Date().toISOString() };
  listeners.forEach((fn) => fn(current));
}

function onChange(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

module.exports = { current: () => current, set, onChange };
