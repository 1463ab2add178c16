// Test fixture only, loaded before the widget: records what a host page's developer would see in the
// console (uncaught errors, rejected promises, failed loads, console errors and warnings), so the
// end-to-end tests can assert that embedding the widget produces none.
(() => {
  const problems = (window.__problems = []);
  window.addEventListener(
    'error',
    (event) => {
      const target = event.target;
      const failedLoad = target && target !== window && (target.src || target.href);
      problems.push(failedLoad ? `failed to load ${failedLoad}` : `uncaught: ${event.message}`);
    },
    true,
  );
  // Registered before any other script, so a violation caused while the widget loads is caught too.
  document.addEventListener('securitypolicyviolation', (event) =>
    problems.push(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline code'}`),
  );
  window.addEventListener('unhandledrejection', (event) => problems.push(`unhandled rejection: ${event.reason}`));
  for (const level of ['error', 'warn']) {
    const original = console[level].bind(console);
    console[level] = (...args) => {
      problems.push(`console.${level}: ${args.join(' ')}`);
      original(...args);
    };
  }
})();
