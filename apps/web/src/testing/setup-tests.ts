import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { setCsrfToken } from '@/lib/api-client';
import { DEFAULT_VIEWPORT_WIDTH, installMatchMedia, setViewportWidth } from './viewport';

// the first render of a lazy route imports antd, which takes a few seconds on a busy 2-core machine
configure({ asyncUtilTimeout: 8000 });

installMatchMedia();
setViewportWidth(DEFAULT_VIEWPORT_WIDTH);

if (!('ResizeObserver' in window)) {
  class ResizeObserverStub {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  Object.defineProperty(window, 'ResizeObserver', { writable: true, configurable: true, value: ResizeObserverStub });
}

// jsdom implements getComputedStyle without pseudo-elements and logs "Not implemented" when antd asks for one
const getComputedStyle = window.getComputedStyle.bind(window);
window.getComputedStyle = (element: Element) => getComputedStyle(element);

afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  setCsrfToken(null);
  setViewportWidth(DEFAULT_VIEWPORT_WIDTH);
  // lets React's scheduler finish before jsdom is torn down (otherwise: "window is not defined")
  await new Promise((resolve) => setTimeout(resolve, 20));
});
