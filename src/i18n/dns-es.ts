/**
 * "Check my domain" findings in Spanish, with the keys and params of the core's English table
 * (`src/core/dns/messages.ts`). Part of the Spanish strings, so it loads with Spanish, never with English.
 */
import type { LookupFailure } from '../core/dns/doh-client.js';
import type { BlocklistRefusal, FindingMessages, LookupParams, LookupSubject, Message, QueryParams, QueryProblem } from '../core/dns/messages.js';

const list = (items: string[]) => items.join(', ');
const query = (q: QueryParams) => `${q.name} (${q.type})`;

const QUERY: Record<QueryProblem, (q: QueryParams) => string> = {
  deadline: (q) => `Se acabó el tiempo antes de poder consultar ${query(q)}.`,
  timeout: (q) => `La consulta de ${query(q)} tardó demasiado y se detuvo.`,
  unreachable: (q) => `No se pudo contactar con el servidor DNS en ${q.origin}.`,
  'http-error': (q) => `El servidor DNS respondió con un error HTTP ${q.status} al consultar ${query(q)}.`,
  'not-json': (q) => `La respuesta del servidor DNS para ${query(q)} no es JSON válido.`,
  'not-dns-json': (q) => `La respuesta del servidor DNS para ${query(q)} no tiene el formato DNS JSON esperado.`,
  'bad-answer': (q) => `La respuesta del servidor DNS para ${query(q)} trae la sección de respuestas mal formada.`,
  'bad-record': (q) => `La respuesta del servidor DNS para ${query(q)} contiene un registro mal formado.`,
  servfail: (q) => `El servidor DNS no consiguió respuesta para ${query(q)} (SERVFAIL).`,
  rcode: (q) => `El servidor DNS respondió a ${query(q)} con el código de error DNS ${q.status}.`,
  refused: (q) => `El servidor DNS se negó a consultar ${query(q)}.`,
  'too-many': (q) => `No se consultó ${query(q)}: la comprobación ya había hecho ${q.limit} consultas.`,
};

const SUBJECT: Record<LookupSubject, (target: string) => string> = {
  mx: () => 'de los registros MX',
  spf: () => 'del registro SPF',
  'spf-of': (t) => `del registro SPF de ${t}`,
  dmarc: () => 'del registro DMARC',
  dkim: (t) => `de la clave DKIM (${t})`,
  'mta-sts': () => 'del registro MTA-STS',
  'tls-rpt': () => 'del registro TLS-RPT',
  ptr: (t) => `del DNS inverso (PTR) de ${t}`,
  'ptr-forward': (t) => `directa de ${t}`,
  blocklist: (t) => `en la lista de bloqueo ${t}`,
};

const FAILURE: Record<LookupFailure, string> = {
  timeout: 'tardó demasiado',
  unreachable: 'falló: no se pudo contactar con el servidor DNS',
  servfail: 'falló: los servidores DNS de ese nombre no respondieron bien (SERVFAIL)',
  refused: 'fue rechazada por el servidor DNS',
  malformed: 'falló: el servidor DNS envió una respuesta que no es DNS JSON válido',
  'http-error': 'falló: el servidor DNS devolvió un error HTTP',
  'too-many-lookups': 'no se hizo: la comprobación llegó a su límite de consultas DNS',
};

function lookup(reason: LookupFailure) {
  return (p: LookupParams): Message => [`La consulta ${SUBJECT[p.subject](p.target)} ${FAILURE[reason]}`,
    `${QUERY[p.problem](p)} Esta parte de la comprobación se ha quedado sin resultado; vuelva a intentarlo más tarde o con otro servidor DNS.`];
}

const REFUSAL: Record<BlocklistRefusal, string> = {
  'public-resolver': 'rechazó la consulta porque llegó a través de un servidor DNS público',
  'too-many': 'rechazó la consulta por exceso de consultas desde este servidor DNS',
  unreadable: 'no pudo leer la consulta',
  refused: 'rechazó la consulta',
};

const MEANING: Record<string, string> = {
  sbl: 'SBL: fuente u operación de spam conocida',
  xbl: 'XBL: equipo infectado o secuestrado',
  drop: 'DROP: red secuestrada o usada para delinquir',
  pbl: 'PBL: un rango de direcciones que, según su propietario, no debería enviar correo directamente',
  spamcop: 'denunciada como fuente de spam por usuarios de SpamCop',
};

const PERMERROR = 'Los servidores que reciben su correo lo tratan como un error permanente (permerror) y SPF falla en todos los mensajes.';
const dmarcPolicy = (title: string, effect: string) => ({ record }: { record: string }): Message => [title, `Registro: "${record}". ${effect}`];
const dmarcRule = (record: string) =>
  `Registro: "${record}". p= debe ser none, quarantine o reject; sin una política válida los destinatarios pueden ignorar el registro.`;
const optional = (label: string, tag: string, what: string) => ({
  missing: ({ name }: { name: string }): Message => [`Sin registro ${label}`,
    `No hay nada que empiece por "v=${tag}" en ${name}. Es opcional: ${what}`],
  found: ({ record, name }: { record: string; name: string }): Message => [`Registro ${label} encontrado`, `"${record}" en ${name}.`],
});
const MTA_STS = optional('MTA-STS', 'STSv1', 'pide a quienes le envían correo que exijan una conexión cifrada y verificada con sus servidores MX.');
const TLS_RPT = optional('TLS-RPT', 'TLSRPTv1', 'pide a quienes le envían correo que le informen cuando no logren una conexión cifrada con sus servidores MX.');
const resolverDetail = ({ resolver, reasons, count }: { resolver: string; reasons: string[]; count: number }) =>
  `${resolver} no dio ninguna respuesta útil a las ${count} consultas (${list(reasons)}), así que no se comprobó nada. ` +
  'Revise la conexión o pruebe con otro servidor DNS; esto no dice nada de su dominio.';

/** Terms the check could not evaluate (ptr, macros): a receiver that does may decide otherwise. */
const sinEvaluar = (skipped: string[]) =>
  skipped.length ? ` Sin evaluar: ${skipped.join(', ')}; un destinatario que los evalúe puede decidir otra cosa.` : '';

export const dnsFindingsEs: FindingMessages = {
  'domain.nxdomain': ({ domain }) => ['El dominio no existe (NXDOMAIN)',
    `El DNS no conoce el nombre ${domain}, así que el correo hacia él o desde él falla en todas partes. Revise que esté bien escrito o si el registro del dominio ha caducado.`],
  'mx.null': ({ domain }) => ['El MX es nulo: este dominio no acepta correo',
    `${domain} publica "0 ." (RFC 7505), que indica a propósito que no recibe correo. Las respuestas a sus mensajes rebotan; si el dominio debería recibir correo, publique registros MX de verdad.`],
  'mx.missing': ({ domain }) => ['No hay registros MX',
    `Quien le envíe correo intentará entregarlo en la propia dirección de ${domain}, que casi nunca tiene un servidor de correo, así que los mensajes (también rebotes y respuestas) pueden perderse. Publique los registros MX de su servicio de correo.`],
  'mx.found': ({ domain, hosts, records }) => [`El correo para ${domain} va a ${list(hosts)}`, records.join('; ')],
  'mx.no-address': ({ hosts }) => [`${hosts.length > 1 ? 'Servidores MX' : 'Servidor MX'} sin dirección: ${list(hosts)}`,
    'Nadie puede conectarse a un servidor de correo que no tiene registro A ni AAAA. Corrija el destino del MX o añada la dirección.'],

  'spf.missing': ({ domain }) => ['No hay registro SPF',
    `${domain} no publica ningún registro TXT que empiece por "v=spf1", así que los destinatarios no pueden saber qué servidores envían en su nombre. Publique uno con sus servicios de envío.`],
  'spf.several': ({ records }) => [`${records.length} registros SPF: los destinatarios lo tratan como un error (permerror)`,
    `Encontrados: ${list(records.map((r) => `"${r}"`))}. Únalos en un solo registro.`],
  'spf.found': ({ record }) => ['Se encontró un registro SPF', `"${record}"`],
  'spf.over-limit': ({ count, truncated, limit }) => [`SPF necesita ${truncated ? `más de ${count}` : count} consultas DNS y el límite es ${limit}`,
    'Al pasar del límite, los destinatarios se detienen con un error permanente (permerror) y SPF falla. Quite los include que ya no use o cambie algunos por rangos ip4:/ip6:.'],
  'spf.lookups': ({ count, limit }) => [`SPF necesita ${count} de las ${limit} consultas DNS permitidas`,
    'Contadas a través de todos los include y redirect; a, mx, ptr y exists también cuentan.'],
  'spf.void': ({ count, limit }) => [`${count === 1 ? '1 consulta SPF no encuentra' : `${count} consultas SPF no encuentran`} nada (el límite es ${limit})`,
    'Algún nombre de su SPF no existe o no tiene registros. Con más de dos consultas así, los destinatarios se detienen con un error permanente; quite los nombres que ya no existen.'],
  'spf.loop': ({ how, name, chain }) => [`El SPF da vueltas: ${how}:${name} vuelve a sí mismo`,
    `La cadena ${chain.join(' → ')} no termina nunca. Los destinatarios se rinden con un error permanente (permerror); quite el ${how} que apunta hacia atrás.`],
  'spf.target-missing': ({ how, name }) => [`Su registro SPF nombra ${how}:${name}, que no tiene registro SPF`, `${PERMERROR} Corrija o quite el ${how}.`],
  'spf.target-several': ({ how, name, count }) => [`Su registro SPF nombra ${how}:${name}, que tiene ${count} registros SPF`, `${PERMERROR} Corrija o quite el ${how}.`],
  'spf.unreadable': ({ domain, terms, record }) => [`El registro SPF de ${domain} tiene partes que los destinatarios no entienden: ${terms.join(' ')}`,
    `Registro: "${record}". Basta una parte ilegible para que todo el registro sea un error permanente (permerror); corríjala o quítela.`],
  'spf.ip-pass': ({ domain, ip, chain, skipped }) => [`El registro SPF de ${domain} autoriza a ${ip} (${chain})`,
    `La dirección está cubierta por ${chain}, así que los destinatarios ven un SPF correcto (pass) en el correo que envía este servidor.${sinEvaluar(skipped)}`],
  'spf.ip-temperror': ({ domain, ip, reason, skipped }) => [`No se sabe si el registro SPF de ${domain} autoriza a ${ip}: falló una consulta DNS`,
    `${reason} En esa situación, los destinatarios suelen pedir al remitente que lo intente más tarde (temperror); vuelva a hacer la comprobación.${sinEvaluar(skipped)}`],
  'spf.ip-permerror': ({ domain, ip, reason, skipped }) => [`El registro SPF de ${domain} no puede decir si autoriza a ${ip}: se detiene con un error`,
    `La evaluación termina en un error permanente (permerror): ${reason}. Muchos destinatarios lo cuentan como un fallo; corrija los problemas de SPF que aparecen aquí.${sinEvaluar(skipped)}`],
  'spf.ip-fail': ({ domain, ip, result, chain, skipped }) => [`El registro SPF de ${domain} no autoriza a ${ip}: SPF ${result}`,
    `${chain ? `Ninguno de los servicios y rangos que el registro indica antes de "${chain}" incluye a ${ip}, así que decide "${chain}": SPF ${result}.` : `Nada en el registro incluye a ${ip}, y un registro sin "all" da entonces SPF ${result}.`} ` +
      `Con una política DMARC estricta, los destinatarios pueden rechazar el correo de este servidor. Si envía en nombre de ${domain}, añada al registro el include: del servicio de envío (o un rango ip4:/ip6: que contenga ${ip}).${sinEvaluar(skipped)}`],
  'spf.ptr': ({ domain }) => [`El registro SPF de ${domain} usa "ptr"`,
    'El RFC 7208 pide no usarlo: es lento, poco fiable y algunos destinatarios lo ignoran. Indique sus direcciones con ip4:/ip6: o include:.'],
  'spf.all-pass': () => ['Su registro SPF termina en +all, así que cualquiera puede enviar en nombre de su dominio',
    '"+all" da por bueno cualquier servidor del mundo. Cámbielo por -all (o por ~all mientras termina de revisar sus servicios de envío).'],
  'spf.all-neutral': () => ['Su registro SPF termina en ?all, así que los destinatarios no pueden rechazar falsificaciones: cámbielo por ~all o -all',
    '"?all" es neutral: no dice nada de los servidores que no ha incluido, de modo que SPF no protege nada.'],
  'spf.all-softfail': () => ['Su registro SPF termina en ~all (fallo suave)',
    'Los servidores que no ha incluido se marcan como sospechosos. Cuando esté seguro de tener todos sus servicios de envío, -all es más estricto.'],
  'spf.all-fail': () => ['Su registro SPF termina en -all', 'Los servidores que no ha incluido no pasan SPF, que es lo que le conviene.'],
  'spf.no-all': () => ['Su registro SPF no termina en "all"',
    'Sin él, los servidores que no ha incluido reciben un resultado neutral, igual que con ?all. Termine el registro con ~all o -all.'],

  'dmarc.missing': ({ name }) => ['No hay registro DMARC',
    `No hay nada que empiece por "v=DMARC1" en ${name}. Los grandes proveedores de correo lo esperan de quien envía mucho, y sin él no recibe informes del correo enviado en su nombre. Empiece con "v=DMARC1; p=none; rua=mailto:…".`],
  'dmarc.several': ({ count, name }) => [`${count} registros DMARC: los destinatarios los ignoran todos`,
    `Con más de un registro en ${name}, DMARC no se aplica en absoluto. Deje solo uno.`],
  'dmarc.unreadable': ({ record, parts }) => ['Hay partes del registro DMARC que no se pueden leer',
    `Registro: "${record}". No tienen la forma etiqueta=valor: ${list(parts)}.`],
  'dmarc.no-policy': ({ record }) => ['El registro DMARC no tiene política (p=)', dmarcRule(record)],
  'dmarc.bad-policy': ({ record, policy }) => [`La política DMARC p=${policy} no es válida`, dmarcRule(record)],
  'dmarc.policy-none': dmarcPolicy('DMARC p=none: solo supervisión',
    'El correo que no pasa DMARC se entrega como siempre; usted solo recibe informes. Pase a p=quarantine y luego a p=reject cuando sus informes muestren solo sus propios servicios.'),
  'dmarc.policy-quarantine': dmarcPolicy('DMARC p=quarantine',
    'El correo que no pasa DMARC va a la carpeta de spam. Su propio correo debe pasar SPF o DKIM con un dominio alineado, o acabará allí también.'),
  'dmarc.policy-reject': dmarcPolicy('DMARC p=reject',
    'El correo que no pasa DMARC se rechaza (a menudo con 550 5.7.26 o 5.7.1). Todo servicio que envíe en su nombre debe pasar SPF o DKIM con un dominio alineado.'),
  'dmarc.subdomain-policy': ({ domain, policy }) => [`Los subdominios usan otra política: sp=${policy}`,
    `El correo de los subdominios de ${domain} que no pasa DMARC se trata como p=${policy}.`],
  'dmarc.bad-subdomain-policy': ({ policy }) => [`La política de subdominios sp=${policy} no es válida`, 'sp= debe ser none, quarantine o reject.'],
  'dmarc.pct': ({ pct }) => [`La política se aplica al ${pct} % del correo que falla`,
    'El resto del correo que falla se trata con un paso menos de rigor. Suba pct a 100 cuando esté listo.'],
  'dmarc.bad-pct': ({ pct }) => [`pct=${pct} no es un porcentaje`, 'pct= debe ser un número entero entre 0 y 100.'],
  'dmarc.reports': ({ rua }) => ['Se piden informes agregados de DMARC', `Los informes van a ${rua}.`],
  'dmarc.no-reports': () => ['No se piden informes DMARC (falta rua=)',
    'Sin rua= no puede ver quién envía correo en su nombre ni por qué falla. Añada rua=mailto: con una dirección que lea.'],
  'dmarc.strict': ({ tags }) => [`Alineación estricta: ${list(tags.map((t) => `${t}=s`))}`,
    `El dominio de ${tags.map((t) => (t === 'adkim' ? 'DKIM' : 'SPF')).join(' y de ')} debe ser exactamente el del remitente (From); un subdominio no vale.`],

  'dkim.missing': ({ selector, name }) => [`No hay clave DKIM para el selector ${selector}`,
    `No hay nada en ${name}, así que los destinatarios no pueden verificar las firmas hechas con este selector. Publique la clave que le da su servicio de correo, o revise el selector (el s= de la cabecera DKIM-Signature).`],
  'dkim.several': ({ count, selector, name }) => [`${count} claves DKIM para el selector ${selector}`,
    `Los destinatarios pueden tomar cualquiera de las de ${name}; deje un solo registro.`],
  'dkim.bad-version': ({ selector, version }) => [`El registro DKIM del selector ${selector} tiene v=${version}`,
    'Si aparece v=, debe ser DKIM1; si no, los destinatarios ignoran la clave.'],
  'dkim.revoked': ({ selector, name }) => [`La clave DKIM del selector ${selector} está revocada`,
    `El registro de ${name} tiene p= vacío, lo que significa que la clave se retiró: toda firma hecha con ella falla. Firme con un selector vigente o publique la clave nueva.`],
  'dkim.ed25519': ({ selector }) => [`Clave DKIM del selector ${selector}: Ed25519`,
    'Las claves Ed25519 son seguras, pero todavía no todos los destinatarios las comprueban; muchos remitentes añaden también una firma RSA.'],
  'dkim.bad-base64': ({ selector, name }) => [`La clave DKIM del selector ${selector} no es base64 válido`,
    `Los destinatarios no pueden leer el valor p= de ${name}; vuelva a copiar la clave de su servicio de correo, sin comillas ni saltos de línea dentro.`],
  'dkim.too-short': ({ selector, bits }) => [`La clave DKIM del selector ${selector} es demasiado corta (unos ${bits} bits)`,
    'Los destinatarios rechazan por inseguras las claves de menos de 1024 bits. Cree una clave de 2048 bits.'],
  'dkim.short': ({ selector, bits }) => [`La clave DKIM del selector ${selector} tiene unos ${bits} bits`,
    'Todavía funciona, pero hoy se recomiendan 2048 bits; prevea cambiarla por una más larga.'],
  'dkim.rsa': ({ selector, bits, name }) => [`Clave DKIM del selector ${selector}: RSA, de unos ${bits} bits`, `Publicada en ${name}.`],
  'dkim.unknown-type': ({ selector, type }) => [`La clave DKIM del selector ${selector} es de un tipo desconocido, k=${type}`,
    'Los destinatarios solo conocen rsa y ed25519.'],
  'dkim.testing': ({ selector }) => [`La clave DKIM del selector ${selector} está en modo de prueba (t=y)`,
    'Los destinatarios pueden ser indulgentes con sus fallos; quite t=y cuando la firma funcione.'],

  'mta-sts.missing': MTA_STS.missing,
  'mta-sts.found': MTA_STS.found,
  'tls-rpt.missing': TLS_RPT.missing,
  'tls-rpt.found': TLS_RPT.found,

  'ptr.missing': ({ ip }) => [`${ip} no tiene DNS inverso`,
    'Muchos destinatarios rechazan o desconfían del correo que llega de una dirección sin nombre. Pida a quien gestione el servidor (o a su proveedor de alojamiento) un registro PTR que coincida con el nombre del servidor.'],
  'ptr.confirmed': ({ ip, name }) => [`DNS inverso de ${ip}: ${name}, que apunta de vuelta a esa dirección`,
    'El nombre PTR lleva a la misma dirección (confirmación directa), como esperan los destinatarios.'],
  'ptr.mismatch': ({ ip, name, type }) => [`El DNS inverso de ${ip} es ${name}, pero ese nombre no apunta de vuelta a la dirección`,
    `Los destinatarios comprueban que el nombre PTR lleve a la dirección que envía (DNS inverso con confirmación directa). Añada un registro ${type} para ${name} con ${ip}, o cambie el PTR.`],

  'blocklist.clean': ({ ip, zone }) => [`${ip} no aparece en ${zone}`, `${zone} no tiene ninguna entrada para esta dirección.`],
  'blocklist.refused': ({ zone, why, answers, ip }) => [`${zone} no dio una respuesta válida: ${REFUSAL[why]}. Esto no significa que la dirección esté limpia`,
    `Respondió ${list(answers)}, un código que no dice nada de ${ip}. Consulte la dirección en la web de la propia lista, o haga la consulta a través de su propio servidor DNS.`],
  'blocklist.unexpected': ({ zone, ip, answers }) => [`${zone} dio una respuesta inesperada para ${ip}`,
    `Respuesta: ${list(answers)}. Las listas de bloqueo responden dentro de 127.0.0.0/8; otra cosa suele indicar que el servidor DNS reescribe las respuestas, así que no se sabe el resultado.`],
  'blocklist.listed': ({ zone, ip, lists }) => [`Aparece en ${zone}`,
    `${ip}: ${lists.map((l) => MEANING[l] ?? `respuesta ${l}`).join('; ')}. Los destinatarios que usan esta lista rechazan su correo. Corrija primero la causa y después pida a ${zone} la baja desde su web.`],

  'resolver.timeout': (p) => ['El servidor DNS no respondió a tiempo', resolverDetail(p)],
  'resolver.failed': (p) => ['No se pudo usar el servidor DNS', resolverDetail(p)],

  'lookup.timeout': lookup('timeout'),
  'lookup.unreachable': lookup('unreachable'),
  'lookup.servfail': lookup('servfail'),
  'lookup.refused': lookup('refused'),
  'lookup.malformed': lookup('malformed'),
  'lookup.http-error': lookup('http-error'),
  'lookup.too-many-lookups': lookup('too-many-lookups'),
};
