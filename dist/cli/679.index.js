export const id = 679;
export const ids = [679];
export const modules = {

/***/ 731:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IR: () => (/* binding */ detectCompression),
/* harmony export */   V5: () => (/* binding */ withHead),
/* harmony export */   ni: () => (/* binding */ decompressor)
/* harmony export */ });
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_0__);

/** Decompressed output comes in pieces this large: each is a round trip to the thread pool. */
const DECOMPRESSED_CHUNK_BYTES = 1024 * 1024;
/** Picks the decompressor from the first bytes (a layer's media type only has to name a tar). */
function detectCompression(head) {
    if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b)
        return 'gzip';
    if (head.length >= 4 && head.readUInt32LE(0) === 0xfd2fb528)
        return 'zstd';
    return 'none';
}
/** A stream that decompresses, or undefined for a plain tar. */
function decompressor(compression) {
    if (compression === 'gzip')
        return node_zlib__WEBPACK_IMPORTED_MODULE_0___default().createGunzip({ chunkSize: DECOMPRESSED_CHUNK_BYTES });
    if (compression === 'zstd')
        return node_zlib__WEBPACK_IMPORTED_MODULE_0___default().createZstdDecompress({ chunkSize: DECOMPRESSED_CHUNK_BYTES });
    return undefined;
}
/** The first `size` bytes of a stream, and the whole stream again. */
async function withHead(iterator, size) {
    const first = [];
    let have = 0;
    while (have < size) {
        const next = await iterator.next();
        if (next.done)
            break;
        first.push(next.value);
        have += next.value.length;
    }
    async function* all() {
        yield* first;
        for (let next = await iterator.next(); !next.done; next = await iterator.next())
            yield next.value;
    }
    return { head: Buffer.concat(first).subarray(0, size), all: all() };
}


/***/ }),

/***/ 585:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ useProxyFromEnv)
/* harmony export */ });
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(67);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(62);
/**
 * Registry requests through the proxy the environment names (HTTPS_PROXY, HTTP_PROXY, NO_PROXY and
 * their lowercase forms), as Docker and the runner itself honour them. Node's fetch ignores them
 * unless asked; newer Node versions can be asked at run time (http.setGlobalProxyFromEnv).
 */


const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'];
/** The proxy's host:port, without the user name and password a proxy URL may carry. */
function proxyHost(value) {
    try {
        return new URL(value).host || undefined;
    }
    catch {
        return undefined;
    }
}
/** Sends this process's fetches through the environment's proxy until restore() is called; `where` begins errors. */
function useProxyFromEnv(env, where) {
    const set = PROXY_VARIABLES.filter((name) => env[name]);
    if (set.length === 0)
        return { restore: () => undefined };
    const unreadable = set.find((name) => !proxyHost(env[name]));
    if (unreadable) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ImageError */ .C8(`${where}: ${unreadable} is not a proxy URL; set it like http://proxy.example:3128, or unset it`);
    }
    const proxies = set.map((name) => `${name}: ${proxyHost(env[name])}`).join(', ');
    // Node 24.14 added it: earlier Node 24 releases connect directly.
    if (typeof (node_http__WEBPACK_IMPORTED_MODULE_0___default().setGlobalProxyFromEnv) !== 'function') {
        return {
            description: `Not using the proxy (${proxies}): Node ${process.versions.node} cannot send requests through one; connecting directly`,
            restore: () => undefined
        };
    }
    return { description: `Connecting through the proxy (${proxies})`, restore: node_http__WEBPACK_IMPORTED_MODULE_0___default().setGlobalProxyFromEnv({ ...env }) };
}


/***/ }),

/***/ 442:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Z: () => (/* reexport */ TarFormatError),
  s: () => (/* binding */ readTar)
});

;// CONCATENATED MODULE: ./src/image/byte-reader.ts
/** The tar reader's input: exact byte counts from a stream of chunks, copied only when a count spans chunks. */
class ByteReader {
    source;
    queue = [];
    head = 0;
    buffered = 0;
    ended = false;
    constructor(source) {
        this.source = source;
    }
    async fill(wanted) {
        while (this.buffered < wanted && !this.ended) {
            const next = await this.source.next();
            if (next.done)
                this.ended = true;
            else if (next.value.length > 0) {
                this.queue.push(next.value);
                this.buffered += next.value.length;
            }
        }
    }
    /** Up to `limit` bytes that are already here or arrive next; empty only at the end of the stream. */
    async some(limit) {
        if (this.buffered === 0)
            await this.fill(1);
        const first = this.queue[this.head];
        if (!first)
            return Buffer.alloc(0);
        if (first.length <= limit) {
            this.head++;
            if (this.head === this.queue.length) {
                this.queue = [];
                this.head = 0;
            }
            this.buffered -= first.length;
            return first;
        }
        this.queue[this.head] = first.subarray(limit);
        this.buffered -= limit;
        return first.subarray(0, limit);
    }
    /** Exactly `count` bytes when they are already here, without waiting; else undefined. */
    taken(count) {
        const first = this.queue[this.head];
        if (!first || first.length < count)
            return undefined;
        if (first.length === count) {
            this.head++;
            if (this.head === this.queue.length) {
                this.queue = [];
                this.head = 0;
            }
        }
        else {
            this.queue[this.head] = first.subarray(count);
        }
        this.buffered -= count;
        return first.length === count ? first : first.subarray(0, count);
    }
    /** Exactly `count` bytes, or fewer only when the stream ends first. */
    async take(count) {
        await this.fill(count);
        if ((this.queue[this.head]?.length ?? 0) >= count)
            return this.some(count);
        const parts = [];
        let have = 0;
        while (have < count) {
            const part = await this.some(count - have);
            if (part.length === 0)
                break;
            parts.push(part);
            have += part.length;
        }
        return parts.length === 1 ? parts[0] : Buffer.concat(parts, have);
    }
    /** Skips `count` bytes when they are already here, without waiting; false (nothing skipped) when not. */
    skipped(count) {
        return count === 0 || this.taken(count) !== undefined;
    }
    async skip(count) {
        let skipped = 0;
        while (skipped < count) {
            const part = await this.some(count - skipped);
            if (part.length === 0)
                break;
            skipped += part.length;
        }
        return skipped;
    }
    async drain() {
        while ((await this.some(Number.MAX_SAFE_INTEGER)).length > 0)
            ;
    }
}

;// CONCATENATED MODULE: ./src/image/tar-fields.ts
/** The fields of a tar header block and of pax records, parsed strictly: anything malformed is a TarFormatError. */
class TarFormatError extends Error {
}
const BLOCK = 512;
function tar_fields_text(block, start, length) {
    const end = block.indexOf(0, start);
    return block.toString('utf8', start, end === -1 || end > start + length ? start + length : end);
}
/** An octal field (NUL or space terminated), or GNU's base-256 form when the top bit is set. */
function numberField(block, start, length, field) {
    const end = start + length;
    const first = block[start];
    if (first & 0x80) {
        if (first !== 0x80)
            throw new TarFormatError(`a negative or oversized ${field}`);
        let value = 0;
        for (let i = start + 1; i < end; i++)
            value = value * 256 + block[i];
        if (!Number.isSafeInteger(value))
            throw new TarFormatError(`an oversized ${field}`);
        return value;
    }
    // Read from the bytes (a header has seven of these fields): spaces, octal digits, then NULs or spaces.
    let i = start;
    while (i < end && block[i] === 0x20)
        i++;
    let value = 0;
    for (; i < end && block[i] >= 0x30 && block[i] <= 0x37; i++)
        value = value * 8 + (block[i] - 0x30);
    for (; i < end; i++)
        if (block[i] !== 0 && block[i] !== 0x20)
            throw new TarFormatError(`a malformed ${field}`);
    return value;
}
function checksumMatches(block) {
    const stored = numberField(block, 148, 8, 'header checksum');
    let unsigned = 0;
    let signed = 0;
    for (let i = 0; i < BLOCK; i++) {
        const byte = i >= 148 && i < 156 ? 0x20 : block[i];
        unsigned += byte;
        signed += byte > 127 ? byte - 256 : byte;
    }
    return stored === unsigned || stored === signed;
}
function isZeroBlock(block) {
    for (let i = 0; i < BLOCK; i++)
        if (block[i] !== 0)
            return false;
    return true;
}
function decimal(value, key, fraction = false) {
    const digits = value.toString('latin1');
    if (!(fraction ? /^-?\d+(?:\.\d+)?$/ : /^\d+$/).test(digits))
        throw new TarFormatError(`a malformed pax ${key}`);
    const number = Number(digits);
    if (!Number.isFinite(number) || (!fraction && !Number.isSafeInteger(number)))
        throw new TarFormatError(`an oversized pax ${key}`);
    return number;
}
/** Parses pax records, `LENGTH KEY=VALUE\n`, where LENGTH counts the whole record in bytes. */
function parsePaxRecords(body, into) {
    let at = 0;
    while (at < body.length) {
        if (body[at] === 0)
            break; // padding some writers leave after the last record
        const space = body.indexOf(0x20, at);
        const length = space === -1 ? NaN : Number(body.toString('latin1', at, space));
        if (!Number.isSafeInteger(length) || length <= space - at + 1 || at + length > body.length)
            throw new TarFormatError('a malformed pax record');
        const record = body.subarray(space + 1, at + length);
        if (record[record.length - 1] !== 0x0a)
            throw new TarFormatError('a pax record without its newline');
        const equals = record.indexOf(0x3d);
        if (equals <= 0)
            throw new TarFormatError('a pax record without a key');
        const key = record.toString('utf8', 0, equals);
        const value = record.subarray(equals + 1, record.length - 1);
        applyPaxRecord(key, value, into);
        at += length;
    }
}
function applyPaxRecord(key, value, into) {
    if (key === 'path')
        into.path = value.toString('utf8');
    else if (key === 'linkpath')
        into.linkpath = value.toString('utf8');
    else if (key === 'size')
        into.size = decimal(value, key);
    else if (key === 'uid')
        into.uid = decimal(value, key);
    else if (key === 'gid')
        into.gid = decimal(value, key);
    else if (key === 'mtime')
        into.mtime = decimal(value, key, true);
    else if (key.startsWith('SCHILY.xattr.'))
        into.xattrs.set(key.slice('SCHILY.xattr.'.length), Buffer.from(value));
    else if (key.startsWith('LIBARCHIVE.xattr.')) {
        // libarchive's form: the name URL-encoded, the value base64.
        let name;
        try {
            name = decodeURIComponent(key.slice('LIBARCHIVE.xattr.'.length));
        }
        catch {
            throw new TarFormatError('a malformed pax xattr name');
        }
        into.xattrs.set(name, Buffer.from(value.toString('latin1'), 'base64'));
    }
    else if (key.startsWith('GNU.sparse.'))
        into.sparse = true;
}

;// CONCATENATED MODULE: ./src/image/tar-reader.ts
/**
 * Reads a tar stream entry by entry: POSIX ustar and pax, GNU long names and base-256 numbers.
 *
 * Our own reader rather than a library's because layers carry extended attributes in pax records
 * (`SCHILY.xattr.NAME`) whose values are raw bytes, such as `security.capability`; the readers on npm
 * decode every pax value as UTF-8 text, which corrupts those. Values here stay bytes until a field
 * needs text. Everything is bounded: a header that does not check out, an oversized pax record or long
 * name, or a stream that ends inside an entry is a TarFormatError.
 */



/** Pax records and GNU long names for one entry, together, larger than this are refused rather than held in memory. */
const MAX_META_BYTES = 1024 * 1024;
const TYPES = {
    '0': 'file',
    '\0': 'file',
    '7': 'file',
    '1': 'link',
    '2': 'symlink',
    '3': 'character-device',
    '4': 'block-device',
    '5': 'directory',
    '6': 'fifo'
};
function padding(size) {
    return (BLOCK - (size % BLOCK)) % BLOCK;
}
/** One entry's content, read from the stream at most once. */
class StreamEntry {
    header;
    reader;
    /** Content bytes not yet read from the stream. */
    remaining;
    used = false;
    constructor(header, reader) {
        this.header = header;
        this.reader = reader;
        this.remaining = header.size;
    }
    truncated() {
        return new TarFormatError(`a truncated entry (${this.header.name.slice(0, 100)})`);
    }
    async content() {
        this.use();
        const body = this.reader.taken(this.remaining) ?? (await this.reader.take(this.remaining));
        this.remaining -= body.length;
        if (this.remaining > 0)
            throw this.truncated();
        return body;
    }
    chunks() {
        this.use();
        return this.rest();
    }
    async *rest() {
        while (this.remaining > 0) {
            const part = await this.reader.some(this.remaining);
            if (part.length === 0)
                throw this.truncated();
            this.remaining -= part.length;
            yield part;
        }
    }
    use() {
        if (this.used)
            throw new Error('a tar entry’s content can be read only once');
        this.used = true;
    }
}
/** The body of a pax header or GNU long name (`size` bytes and their padding), counted against the entry's cap. */
async function readMeta(reader, size, metaBytes, what) {
    if (metaBytes + size > MAX_META_BYTES)
        throw new TarFormatError(`${what}s over ${MAX_META_BYTES} bytes for one entry`);
    const body = await reader.take(size);
    if (body.length < size || (await reader.skip(padding(size))) < padding(size))
        throw new TarFormatError(`a truncated ${what}`);
    return body;
}
/** The entries of a tar stream, in order. Each entry's content must be used or left before asking for the next. */
async function* readTar(source) {
    const reader = new ByteReader(source[Symbol.asyncIterator]());
    let overrides = { xattrs: new Map() };
    let longName;
    let longLink;
    let metaBytes = 0;
    for (;;) {
        const block = reader.taken(BLOCK) ?? (await reader.take(BLOCK));
        if (block.length === 0)
            return; // a stream may end without the two zero blocks
        if (block.length < BLOCK)
            throw new TarFormatError('a truncated header');
        if (isZeroBlock(block)) {
            await reader.drain();
            return;
        }
        if (!checksumMatches(block))
            throw new TarFormatError('a header whose checksum does not match');
        const flag = String.fromCharCode(block[156]);
        const size = numberField(block, 124, 12, 'size');
        if (flag === 'x') {
            parsePaxRecords(await readMeta(reader, size, metaBytes, 'pax header'), overrides);
            metaBytes += size;
            continue;
        }
        if (flag === 'g') {
            await readMeta(reader, size, metaBytes, 'global pax header'); // global defaults are not used by image layers; read and set aside
            metaBytes += size;
            continue;
        }
        if (flag === 'L' || flag === 'K') {
            const body = await readMeta(reader, size, metaBytes, 'GNU long name');
            metaBytes += size;
            const end = body.indexOf(0);
            const name = body.toString('utf8', 0, end === -1 ? body.length : end);
            if (flag === 'L')
                longName = name;
            else
                longLink = name;
            continue;
        }
        // POSIX ustar ('ustar\0') and GNU ('ustar  \0') both carry device numbers; only POSIX has a name prefix.
        const magic = block.toString('latin1', 257, 263);
        const ustar = magic.startsWith('ustar');
        const prefix = magic === 'ustar\0' ? tar_fields_text(block, 345, 155) : '';
        const storedName = tar_fields_text(block, 0, 100);
        let type = TYPES[flag] ?? 'unsupported';
        const name = overrides.path ?? longName ?? (prefix ? `${prefix}/${storedName}` : storedName);
        if (type === 'file' && flag !== '7' && name.endsWith('/'))
            type = 'directory'; // pre-POSIX directories
        if (overrides.sparse)
            type = 'unsupported';
        const header = {
            name,
            type,
            mode: numberField(block, 100, 8, 'mode'),
            uid: overrides.uid ?? numberField(block, 108, 8, 'uid'),
            gid: overrides.gid ?? numberField(block, 116, 8, 'gid'),
            size: overrides.size ?? size,
            mtime: overrides.mtime ?? numberField(block, 136, 12, 'mtime'),
            linkname: overrides.linkpath ?? longLink ?? tar_fields_text(block, 157, 100),
            devmajor: ustar ? numberField(block, 329, 8, 'device major') : 0,
            devminor: ustar ? numberField(block, 337, 8, 'device minor') : 0,
            xattrs: overrides.xattrs
        };
        overrides = { xattrs: new Map() };
        longName = undefined;
        longLink = undefined;
        metaBytes = 0;
        const entry = new StreamEntry(header, reader);
        yield entry;
        const left = entry.remaining + padding(header.size);
        if (!reader.skipped(left) && (await reader.skip(left)) < left)
            throw entry.truncated();
    }
}


/***/ }),

/***/ 679:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ArchiveError: () => (/* reexport */ ArchiveError),
  fetchLibkrun: () => (/* binding */ fetchLibkrun)
});

// UNUSED EXPORTS: DEFAULT_LIMITS

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(24);
var external_node_fs_default = /*#__PURE__*/__webpack_require__.n(external_node_fs_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/image/errors.ts
var errors = __webpack_require__(62);
// EXTERNAL MODULE: ./src/image/proxy.ts
var image_proxy = __webpack_require__(585);
// EXTERNAL MODULE: ./src/image/tree.ts
var image_tree = __webpack_require__(841);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(598);
// EXTERNAL MODULE: ./src/image/progress.ts
var progress = __webpack_require__(170);
;// CONCATENATED MODULE: ./src/libkrun-fetch/errors.ts
/** ArchiveError: a libkrun archive that cannot be used, in one line that names its URL. */
class ArchiveError extends Error {
    /**
     * True when the fix is in what the user named (the URL, the digest, the archive it leads to),
     * not in the network, the server's health or the cache's disk.
     */
    inputMistake;
    constructor(message, options = {}) {
        super(message.replace(/\s+/g, ' ').trim());
        this.name = 'ArchiveError';
        this.inputMistake = options.inputMistake ?? false;
    }
}

// EXTERNAL MODULE: ./src/libkrun-fetch/url-rule.ts
var url_rule = __webpack_require__(928);
;// CONCATENATED MODULE: ./src/libkrun-fetch/download.ts
/**
 * Downloads one archive into a file, checking its sha256 digest as it streams. Redirects are
 * followed by hand, each checked by the rule of url-rule.ts; every request carries only a
 * User-Agent and an Accept header, so nothing the user holds can follow a redirect to another
 * host. A broken or stalled connection and 5xx, 408 or 429 answers are tried again a few times.
 */







/** Waits between tries: three tries in all. */
const RETRY_DELAYS_MS = [500, 2000];
const IDLE_TIMEOUT_MS = 60_000;
const MAX_REDIRECTS = 5;
const HEADERS = { 'User-Agent': 'krun-action', Accept: 'application/octet-stream' };
/** A failure worth another try. */
class TransientError extends Error {
}
function networkProblem(error) {
    const e = error;
    if (e?.name === 'AbortError' || e?.name === 'TimeoutError')
        return 'the connection stalled';
    const detail = e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(error);
    return `the connection failed (${detail.slice(0, 80)})`;
}
function retryable(status) {
    return status === 408 || status === 429 || (status >= 500 && status !== 501);
}
/** Sends GETs from `url` on, following redirects that pass the transport rule; returns the first other answer. */
async function answer(url, signal) {
    const shown = (0,url_rule/* shownUrl */.z)(url);
    let current = new URL(url);
    for (let hop = 0;; hop++) {
        let res;
        try {
            res = await fetch(current, { headers: HEADERS, redirect: 'manual', signal });
        }
        catch (error) {
            throw new TransientError(networkProblem(error));
        }
        const location = res.headers.get('location');
        if (res.status < 300 || res.status >= 400 || location === null)
            return res;
        await res.body?.cancel();
        if (hop >= MAX_REDIRECTS)
            throw new ArchiveError(`${shown}: more than ${MAX_REDIRECTS} redirects; check the URL`, { inputMistake: true });
        let next;
        try {
            next = new URL(location, current);
        }
        catch {
            throw new ArchiveError(`${shown}: the server redirected to a malformed URL`);
        }
        const problem = (0,url_rule/* transportProblem */.B)(next);
        if (problem)
            throw new ArchiveError(`${shown}: the server redirected to ${(0,url_rule/* shownUrl */.z)(next)}, which ${problem}; refusing to follow it`);
        current = next;
    }
}
/** One try: the whole file again, from its start. */
async function attempt(request, file) {
    const shown = (0,url_rule/* shownUrl */.z)(request.url);
    const controller = new AbortController();
    let timer;
    const touch = () => {
        clearTimeout(timer);
        timer = setTimeout(() => controller.abort(), IDLE_TIMEOUT_MS);
        timer.unref?.();
    };
    touch();
    try {
        const res = await answer(request.url, controller.signal);
        if (!res.ok) {
            await res.body?.cancel();
            if (retryable(res.status))
                throw new TransientError(`the server answered ${res.status}`);
            throw new ArchiveError(`${shown}: the server answered ${res.status} ${res.statusText}; check the URL`.trim(), {
                inputMistake: res.status >= 400 && res.status < 500
            });
        }
        const announced = Number(res.headers.get('content-length') ?? NaN);
        const tooLarge = `is larger than the ${(0,progress/* formatBytes */.z)(request.maxBytes)} a libkrun archive may be`;
        if (announced > request.maxBytes) {
            await res.body?.cancel();
            throw new ArchiveError(`${shown} ${tooLarge}`, { inputMistake: true });
        }
        const hash = (0,external_node_crypto_.createHash)('sha256');
        let received = 0;
        await file.truncate(0);
        try {
            for await (const chunk of (res.body ?? [])) {
                touch();
                if (received + chunk.length > request.maxBytes)
                    throw new ArchiveError(`${shown} ${tooLarge}`, { inputMistake: true });
                hash.update(chunk);
                try {
                    await file.write(chunk, 0, chunk.length, received);
                }
                catch (error) {
                    throw new ArchiveError(`${shown}: writing it to ${external_node_path_default().dirname(request.file)} failed (${(0,errors/* errorCode */.CA)(error) ?? String(error)}); free space there or move the cache`);
                }
                received += chunk.length;
            }
        }
        catch (error) {
            if (error instanceof ArchiveError)
                throw error;
            throw new TransientError(`${networkProblem(error)} after ${(0,progress/* formatBytes */.z)(received)}`);
        }
        if (Number.isFinite(announced) && received < announced)
            throw new TransientError(`the transfer stopped after ${received} of ${announced} bytes`);
        const actual = hash.digest('hex');
        if (actual !== request.sha256) {
            throw new ArchiveError(`${shown} does not match its pinned digest: it is sha256:${actual.slice(0, 16)}…, not sha256:${request.sha256.slice(0, 16)}…; check the URL and the digest`, { inputMistake: true });
        }
        return received;
    }
    finally {
        clearTimeout(timer);
    }
}
/** Downloads `request.url` into `request.file`; returns its size. Whatever fails, the file may be left for the caller to remove. */
async function download(request) {
    const file = await external_node_fs_default().promises.open(request.file, 'wx', 0o600);
    try {
        for (let tries = 0;; tries++) {
            try {
                return await attempt(request, file);
            }
            catch (error) {
                if (!(error instanceof TransientError))
                    throw error;
                if (tries >= RETRY_DELAYS_MS.length) {
                    throw new ArchiveError(`${(0,url_rule/* shownUrl */.z)(request.url)}: the download failed after ${tries + 1} tries: ${error.message}; check the network and that the URL is reachable`);
                }
                await new Promise((resolve) => setTimeout(resolve, RETRY_DELAYS_MS[tries]));
            }
        }
    }
    finally {
        await file.close();
    }
}

// EXTERNAL MODULE: ./src/libkrun-fetch/layout.ts
var layout = __webpack_require__(596);
// EXTERNAL MODULE: ./src/image/work-area.ts
var work_area = __webpack_require__(643);
;// CONCATENATED MODULE: ./src/libkrun-fetch/store.ts
/**
 * The libkrun cache. Layout under the caller's cache directory (mode 0700, as tmp/):
 *
 *   <sha256 hex>/   an unpacked archive, keyed by the digest of the archive it came from
 *   tmp/            work in progress: the download and the tree unpacked from it
 *
 * An entry appears only by renaming a complete, checked tree from tmp/, so nothing half
 * unpacked is ever used, and two first uses at once both end with the same entry: the loser
 * of the rename drops its copy and uses the winner's.
 */






const PRIVATE_DIR_MODE = 0o700;
class LibkrunStore {
    dir;
    work;
    constructor(dir) {
        this.dir = dir;
        this.work = new work_area/* WorkArea */.H(external_node_path_default().join(dir, 'tmp'));
    }
    async init() {
        for (const dir of [this.dir, this.work.dir]) {
            await external_node_fs_default().promises.mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
            if (((await external_node_fs_default().promises.stat(dir)).mode & 0o7777) !== PRIVATE_DIR_MODE)
                await external_node_fs_default().promises.chmod(dir, PRIVATE_DIR_MODE);
        }
        await this.work.removeStale();
    }
    entry(sha256) {
        return external_node_path_default().join(this.dir, sha256);
    }
    /** libkrun.so.1 in the entry for this digest, when one is published. */
    find(sha256) {
        return (0,layout/* publishedLibrary */.Al)(this.dir, sha256);
    }
    /**
     * Renames a finished tree into place. False when another process published the same digest
     * first: the tree is then removed and the other one is used.
     */
    async publish(tree, sha256) {
        const final = this.entry(sha256);
        for (let attempt = 0;; attempt++) {
            try {
                await external_node_fs_default().promises.rename(tree, final);
                await external_node_fs_default().promises.chmod(final, 0o555);
                return true;
            }
            catch (error) {
                if (!['ENOTEMPTY', 'EEXIST', 'ENOTDIR'].includes((0,errors/* errorCode */.CA)(error) ?? ''))
                    throw error;
            }
            if (this.find(sha256) || attempt > 0) {
                await (0,image_tree/* removeTree */.d)(tree);
                return false;
            }
            // Something else sits there (not made by this module): set it aside and try once more. Each
            // step may fail (another process got there first): the second attempt reports what is wrong.
            const aside = this.work.path('aside');
            await external_node_fs_default().promises.chmod(final, 0o755).catch(() => undefined);
            await external_node_fs_default().promises.rename(final, aside).catch(() => undefined);
            await (0,image_tree/* removeTree */.d)(aside).catch(() => undefined);
        }
    }
}

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(75);
// EXTERNAL MODULE: external "node:stream/promises"
var promises_ = __webpack_require__(466);
// EXTERNAL MODULE: ./src/image/compression.ts
var compression = __webpack_require__(731);
// EXTERNAL MODULE: ./src/image/tar-reader.ts + 2 modules
var tar_reader = __webpack_require__(442);
;// CONCATENATED MODULE: ./src/libkrun-fetch/unpack.ts
/**
 * Unpacks a libkrun archive (tar, gzip or zstd) into an empty directory, or refuses it whole.
 * It may hold regular files, directories, symbolic links that stay inside it and hard links to
 * its own earlier files; anything else (device nodes, FIFOs, sparse files, absolute names, `..`,
 * links leading out) is refused, as is one over the size or entry caps. Nothing is ever written
 * through a symbolic link: an entry under one is refused, and files are created with O_EXCL
 * and O_NOFOLLOW in directories this module made. Owners, extended attributes and special mode
 * bits are not taken from the archive.
 */








const MAX_NAME = 4096;
const MAX_DEPTH = 32;
/** Headers and padding a tar stream adds around its files are allowed on top of maxBytes, within reason. */
const TAR_OVERHEAD_PER_ENTRY = 3 * 512;
/** An archive path as its components, or the reason it may not be unpacked. */
function entryParts(name) {
    if (name.length > MAX_NAME || name.includes('\0'))
        return 'has an overlong or malformed name';
    if (name.startsWith('/'))
        return 'has an absolute name';
    const parts = name.split('/').filter((part) => part !== '' && part !== '.');
    if (parts.includes('..'))
        return 'climbs out with ..';
    if (parts.length > MAX_DEPTH)
        return `is nested deeper than ${MAX_DEPTH} directories`;
    return parts;
}
/**
 * Why a symbolic link at `parts` pointing at `target` could lead out of the archive, or
 * undefined when it cannot. Leading `..` climb the real directories above the link, which this
 * module made; a `..` after a name could climb out of whatever that name links to, so it is refused.
 */
function linkProblem(parts, target) {
    if (target === '' || target.length > MAX_NAME || target.includes('\0'))
        return 'is empty or malformed';
    if (target.startsWith('/'))
        return 'is absolute';
    const steps = target.split('/').filter((step) => step !== '' && step !== '.');
    const climbs = steps.findIndex((step) => step !== '..');
    const up = climbs === -1 ? steps.length : climbs;
    if (steps.slice(up).includes('..'))
        return 'climbs with .. after a name';
    if (up > parts.length - 1)
        return 'leads out of the archive';
    return undefined;
}
const OTHER_TYPES = {
    'character-device': 'a device node',
    'block-device': 'a device node',
    fifo: 'a FIFO',
    unsupported: 'an entry of an unsupported kind (a sparse file or tape header)'
};
function isOther(type) {
    return Object.hasOwn(OTHER_TYPES, type);
}
function refusal(shown, problem) {
    return new ArchiveError(`${shown} ${problem}; a libkrun archive may hold only regular files, directories and links that stay inside it`, { inputMistake: true });
}
class Unpacker {
    root;
    shown;
    limits;
    /** What this archive made, by path relative to the root ('' is the root itself). */
    made = new Map([['', 'directory']]);
    entries = 0;
    bytes = 0;
    constructor(root, shown, limits) {
        this.root = root;
        this.shown = shown;
        this.limits = limits;
    }
    refuse(problem) {
        return refusal(this.shown, problem);
    }
    file(rel) {
        return external_node_path_default().join(this.root, rel);
    }
    /** Makes the directories above an entry that the archive did not list, and checks none is a link or a file. */
    parents(parts, name) {
        for (let i = 1; i < parts.length; i++) {
            const dir = parts.slice(0, i).join('/');
            const kind = this.made.get(dir);
            if (kind === undefined) {
                external_node_fs_default().mkdirSync(this.file(dir), { mode: 0o755 });
                this.made.set(dir, 'directory');
            }
            else if (kind !== 'directory') {
                throw this.refuse(`holds ${showName(name)} under ${showName(dir)}, which is not a directory`);
            }
        }
    }
    async add(entry) {
        const { header } = entry;
        if (++this.entries > this.limits.maxEntries)
            throw this.refuse(`holds more than ${this.limits.maxEntries} entries`);
        if (isOther(header.type))
            throw this.refuse(`holds ${OTHER_TYPES[header.type]} (${showName(header.name)})`);
        const parts = entryParts(header.name);
        if (typeof parts === 'string')
            throw this.refuse(`holds an entry that ${parts} (${showName(header.name)})`);
        const rel = parts.join('/');
        if (rel === '') {
            if (header.type === 'directory')
                return;
            throw this.refuse(`holds a ${header.type} named as its own top directory`);
        }
        this.parents(parts, header.name);
        const existing = this.made.get(rel);
        if (existing !== undefined) {
            if (existing === 'directory' && header.type === 'directory')
                return;
            throw this.refuse(`holds ${showName(rel)} twice`);
        }
        switch (header.type) {
            case 'directory':
                external_node_fs_default().mkdirSync(this.file(rel), { mode: 0o755 });
                break;
            case 'symlink': {
                const problem = linkProblem(parts, header.linkname);
                if (problem)
                    throw this.refuse(`holds a symbolic link ${showName(rel)} -> ${showName(header.linkname)} that ${problem}`);
                external_node_fs_default().symlinkSync(header.linkname, this.file(rel));
                break;
            }
            case 'link': {
                const target = entryParts(header.linkname);
                const targetRel = typeof target === 'string' ? undefined : target.join('/');
                if (targetRel === undefined || this.made.get(targetRel) !== 'file')
                    throw this.refuse(`holds a hard link ${showName(rel)} to ${showName(header.linkname)}, which is not one of its files`);
                external_node_fs_default().linkSync(this.file(targetRel), this.file(rel));
                break;
            }
            case 'file':
                await this.writeFile(rel, entry);
                break;
        }
        this.made.set(rel, header.type === 'link' ? 'file' : header.type);
    }
    async writeFile(rel, entry) {
        this.bytes += entry.header.size;
        if (this.bytes > this.limits.maxBytes)
            throw this.refuse(`unpacks to more than ${this.limits.maxBytes} bytes`);
        const mode = entry.header.mode & 0o111 ? 0o755 : 0o644;
        const flags = (external_node_fs_default()).constants.O_WRONLY | (external_node_fs_default()).constants.O_CREAT | (external_node_fs_default()).constants.O_EXCL | (external_node_fs_default()).constants.O_NOFOLLOW;
        const fd = external_node_fs_default().openSync(this.file(rel), flags, mode);
        try {
            let at = 0;
            for await (const chunk of entry.chunks()) {
                for (let done = 0; done < chunk.length;)
                    done += external_node_fs_default().writeSync(fd, chunk, done, chunk.length - done, at + done);
                at += chunk.length;
            }
        }
        finally {
            external_node_fs_default().closeSync(fd);
        }
    }
}
function showName(name) {
    const visible = name.replace(/[\u0000-\u001f\u007f]/g, '?');
    return `"${visible.length > 80 ? `${visible.slice(0, 80)}…` : visible}"`;
}
/** Stops a stream that yields more than `limit` bytes: a small archive must not decompress without end. */
async function* capped(source, limit, refuse) {
    let total = 0;
    for await (const chunk of source) {
        total += chunk.length;
        if (total > limit)
            throw refuse();
        yield chunk;
    }
}
/** Unpacks the archive in `file` into the empty directory `root`; `shown` names it in messages. */
async function unpackArchive(file, root, shown, limits) {
    const unpacker = new Unpacker(root, shown, limits);
    const source = external_node_fs_default().createReadStream(file)[Symbol.asyncIterator]();
    const unreadable = (reason) => new ArchiveError(`${shown} is not a readable archive (${reason.slice(0, 100)}); expected a .tar.gz`, {
        inputMistake: true
    });
    let unzip;
    let feeding = Promise.resolve();
    let feedingError;
    const failure = (error) => {
        if (error instanceof ArchiveError)
            return error;
        if (error instanceof tar_reader/* TarFormatError */.Z)
            return unreadable(`it holds ${error.message}`);
        if ((0,errors/* failedSyscall */.Vs)(error))
            return new ArchiveError(`${shown}: unpacking it into ${external_node_path_default().dirname(root)} failed (${(0,errors/* errorCode */.CA)(error)}); free space there or move the cache`);
        return unreadable(error?.message ?? String(error));
    };
    try {
        const { head, all } = await (0,compression/* withHead */.V5)(source, 4);
        unzip = (0,compression/* decompressor */.ni)((0,compression/* detectCompression */.IR)(head));
        let bytes = all;
        if (unzip) {
            // Its error usually ends the reading below too, but not when it comes after the tar's end.
            feeding = (0,promises_.pipeline)(external_node_stream_.Readable.from(all, { objectMode: false }), unzip).catch((error) => {
                feedingError = { error };
            });
            bytes = unzip;
        }
        const limit = limits.maxBytes + (limits.maxEntries + 2) * TAR_OVERHEAD_PER_ENTRY;
        const stream = capped(bytes, limit, () => refusal(shown, `unpacks to more than ${limits.maxBytes} bytes`));
        for await (const entry of (0,tar_reader/* readTar */.s)(stream))
            await unpacker.add(entry);
    }
    catch (error) {
        unzip?.destroy();
        await feeding;
        throw failure(error);
    }
    finally {
        await source.return?.();
    }
    await feeding;
    if (feedingError)
        throw failure(feedingError.error);
}

;// CONCATENATED MODULE: ./src/libkrun-fetch/index.ts
/**
 * A libkrun from a pinned archive: `https://HOST/PATH.tar.gz#sha256=<hex>` downloaded once,
 * checked against its digest, unpacked strictly (unpack.ts) and kept in a cache keyed by the
 * digest (store.ts), from which later runs take it with no network.
 *
 *   const { library } = await fetchLibkrun({ url, sha256, cacheDir, check: libraryProblem })
 *
 * Every failure a user can act on is an ArchiveError: one line naming the URL (without its
 * query), the problem and what to do.
 */












/** Far above libkrun and libkrunfw together (some tens of MiB), far below a disk's worth. */
const DEFAULT_LIMITS = {
    maxArchiveBytes: 256 * 1024 * 1024,
    maxBytes: 1024 * 1024 * 1024,
    maxEntries: 10_000
};
/** The unpacked tree must have libkrun.so.1, for this machine, with libkrunfw beside it. */
function checkTree(tree, shown, check) {
    const refuse = (problem) => new ArchiveError(`${shown} ${problem}`, { inputMistake: true });
    const library = (0,layout/* libraryIn */.Tq)(tree);
    const places = layout/* LIBRARY_DIRS */.NG.map((dir) => (dir === '' ? 'its top' : `${dir}/`)).join(', ');
    if (!library)
        throw refuse(`holds no ${layout/* LIBRARY_NAME */.mT} (looked in ${places}); expected libkrun.so.1 there`);
    const where = external_node_path_default().relative(tree, external_node_path_default().dirname(library)) || 'its top';
    let resolved;
    try {
        resolved = external_node_fs_default().realpathSync(library);
    }
    catch {
        resolved = undefined;
    }
    if (!resolved?.startsWith(`${external_node_fs_default().realpathSync(tree)}/`) || !external_node_fs_default().statSync(resolved).isFile())
        throw refuse(`holds a ${layout/* LIBRARY_NAME */.mT} in ${where} that is not a file of the archive`);
    const problem = check(library);
    if (problem)
        throw refuse(`holds a ${layout/* LIBRARY_NAME */.mT} (in ${where}) that ${problem}`);
    if ((0,layout/* krunfwNames */.us)(external_node_path_default().dirname(library)).length === 0)
        throw refuse(`holds ${layout/* LIBRARY_NAME */.mT} in ${where} but no libkrunfw.so.N beside it, where libkrun finds its kernel`);
}
async function fetchLibkrun(request) {
    const store = new LibkrunStore(request.cacheDir);
    const cached = store.find(request.sha256);
    if (cached)
        return { library: cached, dir: store.entry(request.sha256) };
    const shown = (0,url_rule/* shownUrl */.z)(request.url);
    const limits = request.limits ?? DEFAULT_LIMITS;
    try {
        await store.init();
    }
    catch (error) {
        throw new ArchiveError(`cannot make the libkrun cache ${request.cacheDir} (${(0,errors/* errorCode */.CA)(error) ?? String(error)}); make it writable or move it`);
    }
    const work = store.work.path('fetch');
    try {
        await external_node_fs_default().promises.mkdir(work, { mode: 0o700 });
        const archive = external_node_path_default().join(work, 'archive');
        const tree = external_node_path_default().join(work, 'tree');
        let proxy;
        try {
            proxy = (0,image_proxy/* useProxyFromEnv */.b)(request.env ?? process.env, shown);
        }
        catch (error) {
            throw error instanceof errors/* ImageError */.C8 ? new ArchiveError(error.message) : error;
        }
        if (proxy.description)
            request.log?.(proxy.description);
        let downloaded;
        try {
            downloaded = await download({
                url: request.url,
                sha256: request.sha256,
                file: archive,
                maxBytes: limits.maxArchiveBytes
            });
        }
        finally {
            proxy.restore();
        }
        await external_node_fs_default().promises.mkdir(tree, { mode: 0o755 });
        await unpackArchive(archive, tree, shown, limits);
        checkTree(tree, shown, request.check);
        const won = await store.publish(tree, request.sha256);
        const library = store.find(request.sha256);
        if (!library)
            throw new ArchiveError(`${shown}: its unpacked copy vanished from the cache right after it was made; try again`);
        return { library, dir: store.entry(request.sha256), downloaded, shared: !won };
    }
    catch (error) {
        if (error instanceof ArchiveError)
            throw error;
        throw new ArchiveError(`${shown}: preparing it in the libkrun cache ${request.cacheDir} failed (${(0,errors/* errorCode */.CA)(error) ?? String(error)}); free space there or move the cache`);
    }
    finally {
        // What cannot be removed now is swept by a later fetch (WorkArea.removeStale); the outcome above is what to report.
        await (0,image_tree/* removeTree */.d)(work).catch(() => undefined);
    }
}


/***/ })

};
