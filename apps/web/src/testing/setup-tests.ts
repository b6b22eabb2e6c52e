import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { setCsrfToken } from '@/lib/api-client';
import { installComputedStyleCache } from './computed-style-cache';
import { DEFAULT_VIEWPORT_WIDTH, installMatchMedia, setViewportWidth } from './viewport';

// the first render of a lazy route imports antd, which takes a few seconds on a busy 2-core machine
configure({ asyncUtilTimeout: 8000 });

installComputedStyleCache();
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

afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  setCsrfToken(null);
  window.localStorage.clear();
  window.sessionStorage.clear();
  setViewportWidth(DEFAULT_VIEWPORT_WIDTH);
  // lets React's scheduler finish before jsdom is torn down (otherwise: "window is not defined")
  await new Promise((resolve) => setTimeout(resolve, 20));
});
