/**
 * A well-known public DNS JSON endpoint; hosts and users may pick another. A module of its own so the
 * element can show it as its default without loading the DNS code.
 */
export const DEFAULT_RESOLVER = 'https://cloudflare-dns.com/dns-query';
