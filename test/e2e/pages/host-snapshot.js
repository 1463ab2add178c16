// Test fixture only: included right before the widget's script (after the page's style sheets, which a
// script waits for), records how the host's own elements are styled and how many style sheets the page
// has, so a test can check afterwards that loading the widget changed nothing outside it.
window.__hostSnapshot = () => {
  const styleOf = (id) => {
    const style = getComputedStyle(document.getElementById(id));
    return [style.fontSize, style.fontFamily, style.lineHeight, style.boxSizing, style.color, style.backgroundColor, style.padding].join(' ');
  };
  return {
    heading: styleOf('host-heading'),
    button: styleOf('host-button'),
    input: styleOf('host-input'),
    styleSheets: document.styleSheets.length,
    adoptedStyleSheets: document.adoptedStyleSheets.length,
  };
};
window.__hostBefore = window.__hostSnapshot();
