export const id = 534;
export const ids = [534];
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

/***/ 170:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ formatSeconds),
/* harmony export */   z: () => (/* binding */ formatBytes)
/* harmony export */ });
/** Wording for progress lines: sizes and durations, no progress bars. */
function formatBytes(bytes) {
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    return unit === 0 ? `${bytes} B` : `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
function formatSeconds(ms) {
    return `${(ms / 1000).toFixed(1)} s`;
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

/***/ 8:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ TarFormatError),
/* harmony export */   s: () => (/* binding */ readTar)
/* harmony export */ });
/**
 * Reads a tar stream entry by entry: POSIX ustar and pax, GNU long names and base-256 numbers.
 *
 * Our own reader rather than a library's because layers carry extended attributes in pax records
 * (`SCHILY.xattr.NAME`) whose values are raw bytes, such as `security.capability`; the readers on npm
 * decode every pax value as UTF-8 text, which corrupts those. Values here stay bytes until a field
 * needs text. Everything is bounded: a header that does not check out, an oversized pax record or long
 * name, or a stream that ends inside an entry is a TarFormatError.
 */
class TarFormatError extends Error {
}
const BLOCK = 512;
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
/** Hands out exact byte counts from a stream of chunks, without copying when one chunk holds them. */
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
function padding(size) {
    return (BLOCK - (size % BLOCK)) % BLOCK;
}
function text(block, start, length) {
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
        const prefix = magic === 'ustar\0' ? text(block, 345, 155) : '';
        const storedName = text(block, 0, 100);
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
            linkname: overrides.linkpath ?? longLink ?? text(block, 157, 100),
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

/***/ 643:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ WorkArea)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(24);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(62);
/* harmony import */ var _tree_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(841);
/**
 * A cache's tmp/ directory: work in progress is made there and renamed into place when
 * complete. Each name says which process of which host made it, so that what a dead process
 * of this host left behind, or anything a day old, is removed when the cache is next opened.
 */






/** Leftovers older than this are removed whoever made them (another host sharing the cache, a reused pid). */
const STALE_MS = 24 * 60 * 60 * 1000;
const HOST_TAG = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(node_os__WEBPACK_IMPORTED_MODULE_2___default().hostname()).digest('hex').slice(0, 8);
/**
 * When a process started, in clock ticks after boot (field 22 of /proc/<pid>/stat), which tells it
 * from a later process given the same pid; undefined when it cannot be read.
 */
function startTime(pid) {
    try {
        const stat = node_fs__WEBPACK_IMPORTED_MODULE_1___default().readFileSync(`/proc/${pid}/stat`, 'utf8');
        // The command name (field 2) may hold spaces and parentheses: the fields after it follow the last ')'.
        return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    }
    catch {
        return undefined;
    }
}
const OWN_START = startTime(process.pid) ?? '0';
/** Is the process that named an entry still running? A pid given to another process since does not count. */
function ownerAlive(pid, started) {
    try {
        process.kill(pid, 0);
    }
    catch (error) {
        if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorCode */ .CA)(error) !== 'EPERM')
            return false;
    }
    if (started === undefined)
        return true; // named by an older version, which recorded no start time
    const now = startTime(pid);
    return now === undefined || now === started;
}
class WorkArea {
    dir;
    constructor(dir) {
        this.dir = dir;
    }
    /** A new name in the work area that says which process (its pid and start time) of which host owns it. */
    path(kind) {
        const owner = `${HOST_TAG}-${process.pid}-${OWN_START}`;
        return node_path__WEBPACK_IMPORTED_MODULE_3___default().join(this.dir, `${kind}-${owner}-${Math.random().toString(36).slice(2, 10)}`);
    }
    async removeStale() {
        const now = Date.now();
        for (const name of await node_fs__WEBPACK_IMPORTED_MODULE_1___default().promises.readdir(this.dir).catch(() => [])) {
            const match = /^[a-z]+-([0-9a-f]{8})-(\d+)-(?:(\d+)-)?[0-9a-z]+$/.exec(name);
            const file = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(this.dir, name);
            const stat = await node_fs__WEBPACK_IMPORTED_MODULE_1___default().promises.lstat(file).catch(() => undefined);
            if (!stat)
                continue; // gone already: another process swept it
            const deadHere = match !== null && match[1] === HOST_TAG && !ownerAlive(Number(match[2]), match[3]);
            // What cannot be removed now is tried again on the next sweep.
            if (deadHere || now - stat.mtimeMs > STALE_MS)
                await (0,_tree_js__WEBPACK_IMPORTED_MODULE_5__/* .removeTree */ .d)(file).catch(() => undefined);
        }
    }
}


/***/ })

};
