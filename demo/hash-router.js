// Loaded at the end of <body>, after the sections. A deliberately small hash router, as a single-page help centre might have: `#/name` shows the section
// with data-route="/name". The widget adds `&bounce=…` after the route (or `?bounce=` before the hash),
// so the route is the part of the hash before the first `&` or `?`. A hash without a route but with a
// `bounce=` is a widget link: it belongs to the troubleshooting section.
(() => {
  function currentRoute() {
    const hash = window.location.hash.slice(1);
    if (hash.startsWith('/')) return hash.split(/[&?]/)[0];
    return /(^|&)bounce=/.test(hash) ? '/troubleshooting' : '/';
  }

  function render() {
    const route = currentRoute();
    const sections = document.querySelectorAll('[data-route]');
    const known = [...sections].some((section) => section.dataset.route === route);
    for (const section of sections) section.hidden = section.dataset.route !== (known ? route : '/');
    for (const link of document.querySelectorAll('.router-nav a')) {
      const target = link.getAttribute('href').slice(1).split(/[&?]/)[0];
      if (target === route && !link.getAttribute('href').includes('bounce=')) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
  }

  // The widget's own steps use pushState, which fires neither event; back and forward fire popstate.
  window.addEventListener('hashchange', render);
  window.addEventListener('popstate', render);
  render();
})();
