import type { NextFunction, Request, RequestHandler, Response } from 'express';

type Step = { set: string; value: string | number | readonly string[] } | { remove: string };

/**
 * A header middleware whose headers do not depend on the request (helmet with static directives: no nonce, no
 * function values) run once against a recording response; each request then gets the recorded list, in the same
 * order, instead of helmet's dozen middlewares and the Content-Security-Policy string built anew per request.
 * Refuses (throws) a middleware that does anything but set or remove headers and call next() synchronously.
 */
export function recordStaticHeaders(middleware: RequestHandler): RequestHandler {
  const steps: Step[] = [];
  let called = false;
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      steps.push({ set: name, value });
      return recorder;
    },
    removeHeader(name: string) {
      steps.push({ remove: name });
    },
  };
  const probe = { method: 'GET', url: '/', headers: {} };
  void middleware(probe as Request, recorder as unknown as Response, (error?: unknown) => {
    if (error) throw error instanceof Error ? error : new Error(String(error));
    called = true;
  });
  if (!called) throw new Error('recordStaticHeaders: the middleware did not call next() synchronously');
  return (_request: Request, response: Response, next: NextFunction) => {
    for (const step of steps) {
      if ('set' in step) response.setHeader(step.set, step.value);
      else response.removeHeader(step.remove);
    }
    next();
  };
}
