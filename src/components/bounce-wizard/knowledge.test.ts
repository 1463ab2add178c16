import { expect, fixture, html } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import '../../define.js';
import type { BounceWizard } from './bounce-wizard.js';
import { KnowledgeController } from './knowledge.js';
import * as deferredChunk from './deferred.js';
import { builtinCatalog } from '../../core/builtin-catalog.js';
import type { Catalog } from '../../core/catalog.js';
import { $, accessible, button, heading } from './test-helpers.js';

const startTitle = builtinCatalog.nodeById.get(builtinCatalog.data.wizard.start)!.title;

/** A promise the test settles by hand, standing in for a catalog still on the network. */
function deferred() {
  let resolve!: (catalog: Catalog) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<Catalog>((yes, no) => ((resolve = yes), (reject = no)));
  return { promise, resolve, reject };
}

/** Mounts without awaiting `updateComplete`, which would wait for the catalog. */
async function mountWhileLoading(catalog: Promise<Catalog>): Promise<BounceWizard> {
  const el = document.createElement('bounce-wizard');
  el.catalog = catalog;
  document.body.append(el);
  // A task, not a frame: a page in a background tab gets no frames. Lit renders in a microtask before it.
  await new Promise((resolve) => setTimeout(resolve));
  return el;
}

describe('<bounce-wizard> knowledge loading', () => {
  afterEach(() => document.querySelectorAll('bounce-wizard').forEach((el) => el.remove()));

  it('shows a polite loading status while the catalog is on its way, then the first question', async () => {
    const { promise, resolve } = deferred();
    const el = await mountWhileLoading(promise);
    const status = $(el, '.loading')!;
    expect(status.getAttribute('role')).to.equal('status');
    expect(status.textContent!.trim()).to.equal('Loading…');
    expect($(el, '.view .heading')).to.equal(null);
    resolve(builtinCatalog);
    await el.updateComplete;
    expect(heading(el)).to.equal(startTitle);
    expect($(el, '.loading')).to.equal(null);
  });

  it('opens what showCode asked for before the catalog arrived', async () => {
    const { promise, resolve } = deferred();
    const el = await mountWhileLoading(promise);
    el.showCode('550 5.1.1');
    resolve(builtinCatalog);
    await el.updateComplete;
    expect(heading(el)).to.equal(builtinCatalog.statusByCode.get('X.1.1')!.title);
  });

  it("renders a code attribute's entry by the time updateComplete resolves", async () => {
    const el = await fixture<BounceWizard>(html`<bounce-wizard code="550"></bounce-wizard>`);
    expect(heading(el)).to.equal(builtinCatalog.replyByCode.get('550')!.title);
  });

  it('shows a friendly panel with a way to try again when the catalog cannot be loaded', async () => {
    const el = await fixture<BounceWizard>(html`<bounce-wizard .catalog=${Promise.reject(new Error('offline'))}></bounce-wizard>`);
    expect($(el, '[role="alert"]')).to.not.equal(null);
    expect(heading(el)).to.equal("The troubleshooter didn't load");
    expect(button(el, 'Try again')).to.be.instanceOf(HTMLButtonElement);
    await accessible(el);
    // A host that brings a catalog afterwards gets a working widget.
    el.catalog = builtinCatalog;
    await el.updateComplete;
    expect(heading(el)).to.equal(startTitle);
  });
});

/** The least of a Lit host the controller talks to. */
class FakeHost implements ReactiveControllerHost {
  updates = 0;
  catalog = undefined;
  addController(_controller: ReactiveController) {}
  removeController(_controller: ReactiveController) {}
  requestUpdate() {
    this.updates++;
  }
  get updateComplete() {
    return Promise.resolve(true);
  }
}

describe('KnowledgeController', () => {
  it('fails when its chunk does not load and loads it again on retry', async () => {
    let attempts = 0;
    const host = new FakeHost();
    const knowledge = new KnowledgeController(host, () => {}, async () => {
      attempts++;
      if (attempts === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return deferredChunk;
    });
    knowledge.hostConnected();
    expect(knowledge.status).to.equal('loading');
    await knowledge.pending;
    expect(knowledge.status).to.equal('failed');
    expect(knowledge.catalog).to.equal(undefined);
    knowledge.retry();
    await knowledge.pending;
    expect(knowledge.status).to.equal('ready');
    expect(knowledge.catalog).to.equal(builtinCatalog);
    expect(attempts).to.equal(2);
    expect(host.updates).to.be.greaterThan(2);
  });

  it('merges the providers once their chunk arrives and tells the host to read its step again', async () => {
    let reread = 0;
    const providers = { providers: [], codes: [] } as unknown as NonNullable<Catalog['providers']>;
    const knowledge = new KnowledgeController(new FakeHost(), () => reread++, async () => deferredChunk, async () => providers);
    knowledge.use(builtinCatalog);
    await knowledge.pending;
    expect(knowledge.providersSettled).to.equal(false);
    await knowledge.whenProvidersLoaded();
    expect(knowledge.providersSettled).to.equal(true);
    expect(knowledge.catalog!.providers).to.equal(providers);
    expect(knowledge.catalog!.replyByCode).to.equal(builtinCatalog.replyByCode);
    expect(reread).to.equal(1);
  });

  it('keeps standard answers when the providers chunk fails, and lookups stop waiting for it', async () => {
    const knowledge = new KnowledgeController(new FakeHost(), () => {}, async () => deferredChunk, () => Promise.reject(new Error('offline')));
    knowledge.use(builtinCatalog);
    await knowledge.pending;
    await knowledge.whenProvidersLoaded();
    expect(knowledge.providersSettled).to.equal(true);
    expect(knowledge.catalog).to.equal(builtinCatalog);
  });
});
