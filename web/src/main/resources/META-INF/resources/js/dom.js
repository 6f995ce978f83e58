// A tiny helper to build DOM elements, so pages read as structure rather than createElement calls.

/**
 * Creates an element: attributes with null values are left out; children may be strings,
 * nodes, arrays or falsy (skipped).
 */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    element.setAttribute(key, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false || child === '') continue;
    if (Array.isArray(child)) append(element, child);
    else element.append(child instanceof Node ? child : String(child));
  }
}

/** Removes every child of an element. */
export function clear(element) {
  element.replaceChildren();
}
