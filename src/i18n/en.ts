import type { Actor } from '../core/types.js';
import type { CheckInputFailure } from '../core/dns/check-domain.js';
import type { Severity } from '../core/dns/findings.js';
import type { FindingMessages } from '../core/dns/messages.js';

/** Every sentence the element shows that does not come from the catalog. One table per locale. */
export interface Strings {
  widgetLabel: string;
  continue: string;
  chooseFirst: string;
  back: string;
  startOver: string;
  stepNav: string;
  progressQuestion: (current: number, upTo: number) => string;
  progressResult: string;

  codeLabel: string;
  codeExample: string;
  lookUp: string;
  noCode: string;
  codeProblem: Record<'empty' | 'no-code' | 'malformed' | 'unknown-code', string>;

  temporary: string;
  permanent: string;
  replyMeaning: string;
  statusMeaning: string;
  likelyCauses: string;
  narrowDown: string;
  tryQuestions: string;
  unknownCode: (prefix: string) => string;

  whatHappened: string;
  why: string;
  howToConfirm: string;
  howToFix: string;
  forAdmin: string;
  whoActs: string;
  actor: Record<Actor, string>;
  sendAgain: string;
  retry: {
    no: string;
    afterFixTemporary: string;
    afterFixPermanent: string;
    automaticTemporary: string;
    automaticPermanent: string;
  };
  learnMore: string;
  newTab: string;
  copyLink: string;
  linkCopied: string;
  copyFallback: string;
  /** "Copy diagnosis": the summary for a support ticket. */
  copyDiagnosis: string;
  diagnosisCopied: string;
  copyDiagnosisFallback: string;

  /** Default label of the `support-href` call to action. */
  contactSupport: string;
  /** The support message: its subject, and the field names of its plain-text summary. */
  support: {
    subject: (what: string) => string;
    code: string;
    cause: string;
    link: string;
    fixes: string;
    evidence: string;
  };

  badLink: string;
  partialLink: string;
  /** The host's `catalog-src` could not be loaded or checked. */
  catalogSrcFailed: string;
  dismiss: string;
  errorTitle: string;
  errorBody: string;
  /** While the catalog's chunk downloads. */
  loading: string;
  loadFailedTitle: string;
  loadFailedBody: string;
  tryAgain: string;

  allCodes: string;
  indexTitle: string;
  indexHelp: string;
  searchLabel: string;
  searchHint: string;
  kindLabel: string;
  kindAll: string;
  kindTemporary: string;
  kindPermanent: string;
  providerLabel: string;
  providerAll: string;
  providerStandard: string;
  resultCount: (count: number) => string;
  noResults: string;
  showMore: string;
  providerMeaning: (provider: string) => string;
  providerPage: (provider: string) => string;

  paste: {
    open: string;
    title: string;
    label: string;
    privacy: string;
    diagnose: string;
    reading: string;
    problem: Record<'empty' | 'too-big' | 'failed', string>;
    notBounce: Record<'vacation' | 'feedback' | 'delivered', { title: string; body: string }>;
    nothingTitle: string;
    nothingBody: string;
    resultTitle: string;
    provider: (name: string) => string;
    /** Said above a delay warning's result: nothing has bounced yet. */
    stillTrying: string;
    recipients: string;
    /** Labels of what the bounce names besides the cause: the blocklists, the server that answered. */
    facts: Record<'blocklists' | 'remoteMta', string>;
    evidence: string;
    confidence: Record<'high' | 'medium' | 'low', string>;
    thisIsIt: string;
    askMe: string;
    askQuestions: string;
    again: string;
  };

  /** "Check my domain" (the `dns-check` attribute). */
  dns: {
    open: string;
    title: string;
    domain: string;
    domainHint: string;
    selector: string;
    selectorHint: string;
    ip: string;
    ipHint: string;
    /** Which resolver sees the names: the host part of its URL. */
    privacy: (resolver: string) => string;
    prefilled: string;
    check: string;
    checking: (domain: string) => string;
    problem: Record<CheckInputFailure, string>;
    resultTitle: (domain: string) => string;
    summary: (counts: Record<Severity, number>) => string;
    /** Each finding's label; findings are listed by severity, most serious first. */
    severity: Record<Severity, string>;
    /**
     * Each finding's title and detail by its key (`core/dns/messages.ts`); null in English, whose table is the
     * core's own and comes with the domain check, so the English strings stay small.
     */
    findings: FindingMessages | null;
    openCause: (causeTitle: string) => string;
    change: string;
    /** Above a code's causes once a check has reordered them. */
    ordered: (domain: string) => string;
  };
}

export const en: Strings = {
  widgetLabel: 'Email bounce troubleshooter',
  continue: 'Continue',
  chooseFirst: 'Pick one of the answers above, then continue.',
  back: 'Back',
  startOver: 'Start over',
  stepNav: 'Steps',
  progressQuestion: (current, upTo) => `Question ${current} of up to ${upTo}`,
  progressResult: 'Result',

  codeLabel: 'Error code or error line',
  codeExample: 'For example 550 5.1.1, or paste the whole line from the bounce message.',
  lookUp: 'Look up',
  noCode: "I don't have a code",
  codeProblem: {
    empty: 'Type or paste a code first, such as 550 or 5.7.1.',
    'no-code': "We couldn't spot an error code in that text. Look in the bounce for a three-digit number such as 550, or one shaped like 5.1.1.",
    malformed: "That doesn't look like an email error code. Codes look like 550, or 5.1.1, or both together.",
    'unknown-code': "We don't have anything on that code yet. Check the digits, or answer a few questions instead.",
  },

  temporary: 'Temporary',
  permanent: 'Permanent',
  replyMeaning: 'Reply code',
  statusMeaning: 'Enhanced status code',
  likelyCauses: 'Likely causes',
  narrowDown: 'Narrow it down',
  tryQuestions: 'Answer a few questions instead',
  unknownCode: (prefix) => `We don't know this exact code, but codes starting with ${prefix} mean:`,

  whatHappened: 'What happened',
  why: 'Why',
  howToConfirm: 'How to confirm',
  howToFix: 'How to fix it',
  forAdmin: 'For your email admin',
  whoActs: 'Who needs to act',
  actor: {
    sender: 'You, the sender. The fix is in your hands.',
    'sender-admin': 'Whoever runs your email: your IT team or your email provider. Pass them this page.',
    recipient: 'The person you wrote to. Reach them some other way and let them know.',
    'recipient-admin': "The people who run the recipient's email. Usually the recipient has to ask them.",
  },
  sendAgain: 'Should you send it again?',
  retry: {
    no: 'No. It would bounce the same way. Change what the fix says first, for example the address.',
    afterFixTemporary: 'Yes, after the fix. Your mail server may also get it through on its own once the problem is gone.',
    afterFixPermanent: 'Yes, once the fix is done. Your server has given up, so you need to send it yourself.',
    automaticTemporary: 'Not yet. Your mail server keeps trying for a while by itself. If you get a final bounce later, send it again then.',
    automaticPermanent: 'Yes, in a while. This usually clears up, but your server has stopped trying, so send it again yourself later.',
  },
  learnMore: 'Learn more',
  newTab: '(opens in a new tab)',
  copyLink: 'Copy link',
  linkCopied: 'Link copied',
  copyFallback: "Copying isn't available here. Select the link below and copy it:",
  copyDiagnosis: 'Copy diagnosis',
  diagnosisCopied: 'Diagnosis copied',
  copyDiagnosisFallback: "Copying isn't available here. Select the text below and paste it into your ticket:",

  contactSupport: 'Contact support',
  support: {
    subject: (what) => `Email bounce: ${what}`,
    code: 'Error code',
    cause: 'Likely cause',
    link: 'Troubleshooter link',
    fixes: 'How to fix it',
    evidence: 'From the bounce',
  },

  badLink: "That link didn't match a step, so we started from the beginning.",
  partialLink: "Only the first part of that link matched, so we opened the last step that did.",
  catalogSrcFailed: "This help centre's own error codes couldn't be loaded, so the standard explanations are shown instead.",
  dismiss: 'Dismiss',
  errorTitle: 'Something went wrong',
  errorBody: "We couldn't show this step. Start over to try again.",
  loading: 'Loading…',
  loadFailedTitle: "The troubleshooter didn't load",
  loadFailedBody: 'Part of it could not be downloaded, perhaps because the connection dropped. Check your connection and try again.',
  tryAgain: 'Try again',

  allCodes: 'All codes',
  indexTitle: 'All error codes',
  indexHelp: 'Every code we can explain. Pick one to see what it means and what usually causes it.',
  searchLabel: 'Search codes',
  searchHint: 'Type the start of a code (5.7 or 55), a provider token (TSS04), or a few words.',
  kindLabel: 'Kind of failure',
  kindAll: 'Temporary and permanent',
  kindTemporary: 'Temporary only',
  kindPermanent: 'Permanent only',
  providerLabel: 'Who sent the error',
  providerAll: 'Anyone',
  providerStandard: 'Standard codes only',
  resultCount: (count) => (count === 1 ? '1 code found' : `${count} codes found`),
  noResults: 'Nothing matches. Try fewer words, or just the first digits of the code.',
  showMore: 'Show more',
  providerMeaning: (provider) => `This is how ${provider} explains it.`,
  providerPage: (provider) => `${provider}'s help for senders`,

  paste: {
    open: 'Paste the bounce message',
    title: 'Paste the bounce',
    label: 'Paste the bounce message or the error line',
    privacy: 'Nothing you paste leaves this page.',
    diagnose: 'Diagnose',
    reading: 'Reading the bounce…',
    problem: {
      empty: 'The box is empty. Paste the whole bounce message, or just the line with the error in it.',
      'too-big': "That's more than 5 MB, bigger than any bounce. Paste only the part with the error, or the first screenful.",
      failed: "We couldn't read that text. Try pasting only the part with the error in it.",
    },
    notBounce: {
      vacation: {
        title: 'This is an automatic reply, not a bounce',
        body: 'It looks like an out-of-office or auto-reply message. Your email was delivered; the recipient set up this answer.',
      },
      feedback: {
        title: 'This is a complaint report, not a bounce',
        body: 'It looks like a feedback-loop report: a mailbox provider telling you that a recipient marked a message as spam. The message itself was delivered.',
      },
      delivered: {
        title: 'This says your email was delivered',
        body: 'It looks like a delivery confirmation, not a failure. Nothing bounced.',
      },
    },
    nothingTitle: "We couldn't find a bounce in that",
    nothingBody: "There's no error code or failure wording we recognise. Answer a few questions and we'll work it out together.",
    resultTitle: 'What the bounce says',
    provider: (name) => `Reported by ${name}`,
    stillTrying: 'This is a delay warning, not a bounce yet: your mail server keeps trying by itself.',
    recipients: 'Failed for',
    facts: { blocklists: 'Blocklist named', remoteMta: 'Receiving server' },
    evidence: 'What we read',
    confidence: { high: 'Very likely', medium: 'Likely', low: 'Possible' },
    thisIsIt: 'This is it',
    askMe: 'Not quite — ask me questions',
    askQuestions: 'Answer a few questions',
    again: 'Paste something else',
  },

  dns: {
    open: 'Check my domain',
    title: "Check your domain's mail setup",
    domain: 'Your sending domain',
    domainHint: 'The part after the @ in your address, such as example.com.',
    selector: 'DKIM selector (optional)',
    selectorHint: 'The s= value in the DKIM-Signature of a message you sent.',
    ip: "Sending server's IP address (optional)",
    ipHint: 'For its reverse DNS and the blocklists.',
    privacy: (resolver) => `The names checked are sent to the DNS resolver ${resolver}; nothing else leaves this page.`,
    prefilled: 'Filled in from the bounce you pasted.',
    check: 'Check',
    checking: (domain) => `Checking ${domain}…`,
    problem: {
      'invalid-domain': 'Type a domain such as example.com, without the part before the @.',
      'invalid-selector': 'A selector has only letters, digits, dots, hyphens and underscores; or leave it empty.',
      'invalid-ip': 'Type an IPv4 or IPv6 address such as 192.0.2.1, or leave it empty.',
      'invalid-resolver': "This page's DNS resolver setting cannot be used, so the check cannot run. Tell the site owner.",
      'insecure-resolver': "This page's DNS resolver is not encrypted, so the check will not run. Tell the site owner.",
    },
    resultTitle: (domain) => `Mail setup of ${domain}`,
    summary: ({ error, warning, info, ok }) => `Problems: ${error}. Warnings: ${warning}. Notes: ${info}. Fine: ${ok}.`,
    severity: { error: 'Problem', warning: 'Warning', info: 'Note', ok: 'Fine' },
    findings: null,
    openCause: (causeTitle) => `See the fix: ${causeTitle}`,
    change: 'Change and check again',
    ordered: (domain) => `Ordered by the check of ${domain}: the causes it points to come first.`,
  },
};
