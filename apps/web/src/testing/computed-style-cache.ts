/**
 * jsdom computes a style by matching every rule of every stylesheet against the element, and antd's CSS-in-JS puts
 * thousands of rules on the page. Testing Library asks for the computed style of each element and of each of its
 * ancestors on every getByRole (is it hidden?) and user-event on every click (pointer-events), so half of a web
 * test's time went into computing styles, much of it the same styles of an unchanged page again.
 *
 * This cache answers from the last computation while nothing that can change a style has happened: any change to
 * the document (elements, attributes, text, the <style> elements themselves — read synchronously with
 * takeRecords(), so no change slips through between two calls), any event (focus, hover, a checkbox's checked
 * state), or a new viewport width. The answers are the ones jsdom gives; only the repeated work is gone.
 */
import { onViewportChange } from './viewport';

const EVENTS = [
  'pointerover',
  'pointerout',
  'pointerdown',
  'pointerup',
  'mouseover',
  'mouseout',
  'mousedown',
  'mouseup',
  'click',
  'focusin',
  'focusout',
  'keydown',
  'keyup',
  'input',
  'change',
  'animationend',
  'transitionend',
];

const installed = Symbol.for('zhenggai.computedStyleCache');
type CacheHandle = { clear(): void };

/** Installs the cache once per window (test files share a worker's jsdom, and each runs the setup file again). */
export function installComputedStyleCache(): CacheHandle {
  const host = window as unknown as Record<symbol, CacheHandle | undefined>;
  const existing = host[installed];
  if (existing) return existing;
  const compute = window.getComputedStyle.bind(window);
  let cache = new WeakMap<Element, CSSStyleDeclaration>();
  const clear = () => {
    cache = new WeakMap();
  };
  const observer = new MutationObserver(clear);
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  for (const type of EVENTS) window.addEventListener(type, clear, { capture: true });

  // jsdom implements getComputedStyle without pseudo-elements and logs "Not implemented" when antd asks for one
  window.getComputedStyle = (element: Element) => {
    if (observer.takeRecords().length > 0) clear();
    let style = cache.get(element);
    if (!style) {
      style = compute(element);
      cache.set(element, style);
    }
    return style;
  };
  onViewportChange(clear);
  host[installed] = { clear };
  return host[installed];
}
