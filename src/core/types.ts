/**
 * The shapes of the knowledge in `data/*.json` and of what the core derives from it.
 * Each data file has a JSON Schema beside it (`data/*.schema.json`) that says the same thing for tests
 * and for hosts that bring their own catalog; keep the two in step.
 */

/** A bounce category, from the fixed vocabulary shared with sisimai (`data/categories.json`). */
export type Category =
  | 'userunknown' | 'hostunknown' | 'hasmoved' | 'suspend' | 'mailboxfull' | 'notaccept' | 'filtered'
  | 'norelaying' | 'authfailure' | 'requireptr' | 'securityerror' | 'failedstarttls' | 'notcompliantrfc'
  | 'syntaxerror' | 'blocked' | 'badreputation' | 'rejected' | 'spamdetected' | 'virusdetected'
  | 'contenterror' | 'policyviolation' | 'mesgtoobig' | 'exceedlimit' | 'toomanyconn' | 'speeding'
  | 'expired' | 'networkerror' | 'systemerror' | 'systemfull' | 'mailererror' | 'onhold' | 'vacation'
  | 'delivered' | 'feedback' | 'undefined';

/**
 * Who has to do something about a cause.
 * - `sender`: the person who sent the mail (the widget's reader).
 * - `sender-admin`: the sender's email administrator or email provider.
 * - `recipient`: the person the mail was for.
 * - `recipient-admin`: the administrator of the receiving mail system.
 */
export type Actor = 'sender' | 'sender-admin' | 'recipient' | 'recipient-admin';

/**
 * What to do about sending again.
 * - `automatic`: temporary; the sending server keeps retrying by itself, so wait.
 * - `after-fix`: send again once the fix is done (for example to the corrected address).
 * - `no`: do not send again to this recipient; it will fail the same way.
 */
export type RetryAdvice = 'automatic' | 'after-fix' | 'no';

/** A link to an authoritative reference (an RFC section, a provider's own page). */
export interface Reference {
  label: string;
  href: string;
}

/** One reason a message bounces, shared by every code that can lead to it. */
export interface Cause {
  /** Stable kebab-case id, used in deep links, events and the CLI (`recipient-unknown`). */
  id: string;
  category: Category;
  /** Short headline in plain words: "The recipient's address does not exist". */
  title: string;
  /** One or two sentences: what happened, for the diagnosis card's opening. */
  summary: string;
  /** Why it happens, in plain words. */
  why: string;
  /** How to confirm this is really the cause, as short steps. */
  confirm: string[];
  /** Ordered fix steps for the person who sent the mail. */
  fixes: string[];
  /** Ordered fix steps for an email administrator, when there is more an admin can do. */
  adminFixes?: string[];
  /** Who must act first. */
  whoActs: Actor;
  retry: RetryAdvice;
  /** Whether this cause is usually temporary; a received class digit (4 or 5) overrides it. */
  temporary: boolean;
  refs?: Reference[];
}

/** Meaning of a reply code or enhanced status code. */
export interface CodeEntry {
  /**
   * The code as it is looked up: a basic reply code (`"550"`) or an enhanced status code whose class
   * digit is written `X` (`"X.1.1"`), because the class digit received decides temporary or permanent.
   */
  code: string;
  /** The standard's own short text, or a plain-words title. */
  title: string;
  /** What it means, in plain words, for a non-expert. */
  summary: string;
  /** Causes that lead to this code, most likely first (ids into causes). */
  causes: string[];
  /** Wizard node that tells this code's causes apart; absent when there is only one cause. */
  ask?: string;
  /** Where the code is defined (`RFC 5321`, `RFC 3463`, …). */
  rfc?: string;
  /** Deprecated in its registry (IANA X.6.10). */
  deprecated?: boolean;
}

/** The meaning of a class (first digit) or of an enhanced status subject (`X.Y`). */
export interface ClassEntry {
  title: string;
  summary: string;
  /** Causes to offer when nothing more specific is known. */
  causes: string[];
  ask?: string;
}

/** `data/codes.json`. */
export interface CodesData {
  /** Reply/enhanced class by first digit: `"2"`, `"4"`, `"5"` (and `"3"` for reply codes). */
  classes: Record<string, ClassEntry>;
  /** Enhanced status subjects by their digit: `"0"` … `"7"` (meaning `X.0` … `X.7`). */
  subjects: Record<string, ClassEntry>;
  replyCodes: CodeEntry[];
  statusCodes: CodeEntry[];
}

/** `data/causes.json`. */
export interface CausesData {
  causes: Cause[];
}

/** Where answering an option leads: another node, or a diagnosis. Exactly one is set. */
export interface OptionTarget {
  next?: string;
  cause?: string;
}

export interface WizardOption extends OptionTarget {
  /** Kebab-case id, unique within its node; it appears in deep links. */
  id: string;
  label: string;
  /** One line that helps the reader pick this answer. */
  hint?: string;
}

/** A multiple-choice question. */
export interface QuestionNode {
  id: string;
  type: 'question';
  /** The question, as a heading. */
  title: string;
  /** Optional help under the question (where to look in the bounce, what a word means). */
  help?: string;
  options: WizardOption[];
}

/**
 * A step where the reader types or pastes an error code or bounce line. A recognised code moves on to
 * that code's entry; `skip` is where "I don't have one" leads.
 */
export interface CodeInputNode {
  id: string;
  type: 'code-input';
  title: string;
  help?: string;
  skip: OptionTarget;
}

export type WizardNode = QuestionNode | CodeInputNode;

/** `data/wizard.json`: the question graph. It is a DAG; every path ends in a cause. */
export interface WizardGraph {
  start: string;
  nodes: WizardNode[];
}

/** A mailbox provider whose own codes, tokens or wording the catalog knows (`data/providers.json`). */
export interface Provider {
  /** Kebab-case id (`google`, `outlook`), referenced by `ProviderCode.provider`. */
  id: string;
  name: string;
  /**
   * Regular-expression sources, matched case-insensitively against recipient domains and MTA host names.
   * Providers are tried in file order and the first match wins (Outlook.com comes before Microsoft 365).
   */
  hosts: string[];
  /** The provider's own page for senders about its errors. */
  postmaster: string;
}

/**
 * What one provider means by a code, token or wording. At least one of `replyCode`, `status`, `statusRange`,
 * `token` or `text` is set. A `token` (whole word, any case) or `text` (regex source, case-insensitive)
 * recognises the row on its own; `replyCode`, `status` and `statusRange` narrow it, or recognise it alone
 * once the provider is known.
 */
export interface ProviderCode {
  /** Unique kebab-case id, starting with the provider id. */
  id: string;
  provider: string;
  replyCode?: string | null;
  status?: string | null;
  /** Inclusive range of enhanced codes with one meaning (Microsoft's 5.7.606–5.7.649). */
  statusRange?: [string, string];
  token?: string | null;
  text?: string | null;
  title: string;
  /** What the provider is telling you and what to do first, in plain words. */
  summary: string;
  /** Ids into `data/causes.json`, most likely first. */
  causes: string[];
  refs: Reference[];
}

/** `data/providers.json`. */
export interface ProvidersData {
  providers: Provider[];
  codes: ProviderCode[];
}

/** All the knowledge, as loaded. */
export interface CatalogData {
  codes: CodesData;
  causes: CausesData;
  wizard: WizardGraph;
}

/**
 * What core functions return instead of throwing: the value, or a machine-readable `reason` (for the UI to
 * pick a translated message) and an English `message` (for the CLI and for developers).
 */
export type Result<T, R extends string = string> =
  | { ok: true; value: T }
  | { ok: false; error: { reason: R; message: string } };
