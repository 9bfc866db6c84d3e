export const id = 657;
export const ids = [657];
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

/***/ 657:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  prepareImage: () => (/* binding */ prepareImage)
});

// UNUSED EXPORTS: ImageError, parseImageReference

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/image/cache.ts
var image_cache = __webpack_require__(587);
// EXTERNAL MODULE: ./src/image/errors.ts
var errors = __webpack_require__(62);
;// CONCATENATED MODULE: ./src/image/platform.ts
const ARCHITECTURES = { x64: 'amd64', arm64: 'arm64' };
/** Maps Node's process.arch names (x64, arm64) to OCI's (amd64, arm64); OCI names pass through. */
function platformFor(arch = process.arch) {
    const architecture = ARCHITECTURES[arch] ?? arch;
    return architecture === 'arm64' ? { os: 'linux', architecture, variant: 'v8' } : { os: 'linux', architecture };
}
function showPlatform(p) {
    return [p.os ?? '?', p.architecture ?? '?', ...(p.variant ? [p.variant] : [])].join('/');
}
/** Does an image of `candidate`'s platform run on `wanted`? arm64 accepts variant v8 or none. */
function platformMatches(candidate, wanted) {
    if (candidate.os !== wanted.os || candidate.architecture !== wanted.architecture)
        return false;
    if (wanted.architecture === 'arm64')
        return !candidate.variant || candidate.variant === 'v8';
    return true;
}
/**
 * The index entry for `wanted`; an exact variant match beats an entry without a variant.
 * Returns undefined when the index has none, with the platforms it does have (attestations left out).
 */
function pickManifest(manifests, wanted) {
    const candidates = manifests.filter((m) => m.platform && platformMatches(m.platform, wanted));
    const chosen = candidates.find((m) => m.platform?.variant === wanted.variant) ?? candidates[0];
    const available = [
        ...new Set(manifests
            .filter((m) => m.platform && m.platform.os !== 'unknown' && m.platform.architecture !== 'unknown')
            .map((m) => showPlatform(m.platform)))
    ];
    return { chosen, available };
}

// EXTERNAL MODULE: ./src/image/proxy.ts
var image_proxy = __webpack_require__(585);
// EXTERNAL MODULE: ./src/image/pull-policy.ts
var pull_policy = __webpack_require__(537);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(24);
var external_node_fs_default = /*#__PURE__*/__webpack_require__.n(external_node_fs_);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(421);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: ./src/image/reference.ts
var reference = __webpack_require__(564);
;// CONCATENATED MODULE: ./src/image/auth.ts
/**
 * Registry credentials (explicit, or as a Docker config file gives them: its own `auths`, or a
 * credential helper program it names) and authentication challenges.
 */






const DOCKER_HUB_SERVER = 'https://index.docker.io/v1/';
const HELPER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const HELPER_TIMEOUT_MS = 30_000;
/** The keys a Docker config may file a registry's credentials under, reduced to host[:port]. */
function registryKey(key) {
    let host = key.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
    host = host.split('/')[0].toLowerCase();
    if (host === 'index.docker.io' || host === 'registry-1.docker.io' || host === 'registry.hub.docker.com') {
        return reference/* DOCKER_HUB */.Xb;
    }
    return host;
}
/** The Docker config file to read: $DOCKER_CONFIG/config.json, else ~/.docker/config.json. */
function dockerConfigPath(env) {
    if (env.DOCKER_CONFIG)
        return external_node_path_default().join(env.DOCKER_CONFIG, 'config.json');
    const home = env.HOME || external_node_os_default().homedir();
    return external_node_path_default().join(home, '.docker', 'config.json');
}
function fromEntry(entry) {
    if (typeof entry.auth === 'string' && entry.auth !== '') {
        const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        if (colon > 0)
            return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
    }
    if (typeof entry.username === 'string' && entry.username !== '' && typeof entry.password === 'string') {
        return { username: entry.username, password: entry.password };
    }
    return undefined;
}
/**
 * Asks a credential helper (docker-credential-NAME get, the server on stdin, JSON on stdout) for a
 * registry's credentials. What it prints is never shown: it may hold the secret. Not @actions/exec:
 * a program the Docker config names gets a time limit and a cap on what it may print.
 */
function fromHelper(helper, registry, env) {
    if (!HELPER_NAME.test(helper))
        return { problem: 'the Docker config names a credential helper that is not a program name' };
    const program = `docker-credential-${helper}`;
    const answer = (0,external_node_child_process_.spawnSync)(program, ['get'], {
        input: registry === reference/* DOCKER_HUB */.Xb ? DOCKER_HUB_SERVER : registry,
        env,
        encoding: 'utf8',
        timeout: HELPER_TIMEOUT_MS,
        maxBuffer: 64 * 1024
    });
    if ((0,errors/* errorCode */.CA)(answer.error) === 'ENOENT')
        return { problem: `${program}, which the Docker config names, is not installed` };
    if (answer.error || answer.status !== 0) {
        // Helpers say "credentials not found" and fail when they hold nothing for the server.
        if (/not found/i.test(`${answer.stdout}${answer.stderr}`))
            return {};
        return { problem: `${program} failed (${answer.error ? 'no answer' : `exit code ${answer.status}`})` };
    }
    let reply;
    try {
        reply = JSON.parse(answer.stdout);
    }
    catch {
        return { problem: `${program} answered something other than JSON` };
    }
    if (typeof reply.Username !== 'string' || typeof reply.Secret !== 'string')
        return { problem: `${program} answered without a username and secret` };
    if (reply.Username === '')
        return {}; // some helpers answer so when they hold nothing for the server
    if (reply.Username === '<token>')
        return {
            problem: `${program} holds an identity token, which is not supported; log in with a username and password`
        };
    return { credentials: { username: reply.Username, password: reply.Secret }, origin: `from ${program}` };
}
/**
 * The credentials a Docker config gives for `registry` (as in ImageReference.registry), as the
 * Docker CLI finds them: the helper `credHelpers` names for it, else the `credsStore` helper, else
 * the file's own `auths`. An unreadable or malformed file counts as none.
 */
function dockerConfigCredentials(registry, env) {
    let config;
    try {
        config = JSON.parse(external_node_fs_default().readFileSync(dockerConfigPath(env), 'utf8'));
    }
    catch {
        return {};
    }
    if (!config || typeof config !== 'object')
        return {};
    const wanted = registryKey(registry);
    const entries = (value) => value && typeof value === 'object' ? Object.entries(value) : [];
    const helper = entries(config.credHelpers).find(([key, name]) => registryKey(key) === wanted && typeof name === 'string');
    if (helper)
        return fromHelper(helper[1], registry, env);
    if (typeof config.credsStore === 'string' && config.credsStore !== '')
        return fromHelper(config.credsStore, registry, env);
    for (const [key, entry] of entries(config.auths)) {
        if (registryKey(key) !== wanted || !entry || typeof entry !== 'object')
            continue;
        const credentials = fromEntry(entry);
        if (credentials)
            return { credentials, origin: 'from the Docker config file' };
    }
    return {};
}
/** Explicit credentials first, else the Docker config's, else anonymous. */
function resolveCredentials(registry, explicit, env) {
    if (explicit && explicit.username !== '')
        return { credentials: explicit, origin: 'as given' };
    return dockerConfigCredentials(registry, env);
}
/**
 * Parses a WWW-Authenticate header: `Bearer realm="…",service="…",scope="…"` or `Basic realm="…"`.
 * Several challenges in one header are split; the first is usually the one to answer.
 */
function parseChallenges(header) {
    if (!header)
        return [];
    const challenges = [];
    let current;
    let index = 0;
    while (index < header.length) {
        // A parameter looks like name=value; anything else starting a token is a new scheme.
        const paramMatch = /\s*,?\s*([A-Za-z0-9!#$%&'*+.^_`|~-]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^,\s]*)\s*,?/y;
        paramMatch.lastIndex = index;
        const param = current ? paramMatch.exec(header) : null;
        if (param) {
            let value = param[2];
            if (value.startsWith('"'))
                value = value.slice(1, -1).replace(/\\(.)/g, '$1');
            current.params[param[1].toLowerCase()] = value;
            index = paramMatch.lastIndex;
            continue;
        }
        const schemeMatch = /\s*,?\s*([A-Za-z][A-Za-z0-9!#$%&'*+.^_`|~-]*)/y;
        schemeMatch.lastIndex = index;
        const scheme = schemeMatch.exec(header);
        if (!scheme)
            break;
        current = { scheme: scheme[1].toLowerCase(), params: {} };
        challenges.push(current);
        index = schemeMatch.lastIndex;
    }
    return challenges;
}
function basicAuthorization(credentials) {
    return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`, 'utf8').toString('base64')}`;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(598);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(75);
// EXTERNAL MODULE: external "node:stream/promises"
var promises_ = __webpack_require__(466);
;// CONCATENATED MODULE: ./src/image/read-limited.ts

/** How a limit reads in a message: 8 MiB, 64 KiB. */
function sizeText(bytes) {
    return bytes % 2 ** 20 === 0 ? `${bytes / 2 ** 20} MiB` : `${bytes / 2 ** 10} KiB`;
}
/**
 * Reads a whole stream, failing when it is longer than `limit` bytes; the failure says where
 * (RegistryClient.where) and while doing what, as every other image error does.
 */
async function readLimited(stream, limit, context) {
    const chunks = [];
    let total = 0;
    for await (const chunk of stream) {
        total += chunk.length;
        if (total > limit) {
            throw new errors/* ImageError */.C8(`${context.where}: the registry sent more than ${sizeText(limit)} while ${context.what}; it is misbehaving`);
        }
        chunks.push(chunk);
    }
    return Buffer.concat(chunks);
}

// EXTERNAL MODULE: ./src/image/progress.ts
var progress = __webpack_require__(170);
;// CONCATENATED MODULE: ./src/image/registry-errors.ts



/** A network failure or a retryable status: the caller may try again. */
class TransientError extends Error {
    constructor(message) {
        super(message);
        this.name = 'TransientError';
    }
}
function networkProblem(error) {
    const e = error;
    if (e?.name === 'AbortError' || e?.name === 'TimeoutError')
        return 'the connection stalled';
    const code = e?.cause?.code;
    return code
        ? `the connection failed (${code})`
        : `the connection failed (${(0,errors/* excerpt */.Kb)(e?.cause?.message ?? e?.message ?? String(error), 80)})`;
}
/** Why a pull was stopped, from its stop signal's reason: 'the timeout (10m) ran out'. */
function stopReason(stop) {
    return typeof stop?.reason === 'string' ? stop.reason : 'the pull was stopped';
}
function isRetryableStatus(status) {
    return status === 429 || status === 408 || (status >= 500 && status <= 599 && status !== 501);
}
async function statusError(res, what, asker) {
    let code = '';
    try {
        const text = await readLimited(res.body, 64 * 1024, { where: asker.where, what });
        const json = JSON.parse(text.toString('utf8'));
        if (json.errors?.[0]?.code)
            code = ` ${(0,errors/* excerpt */.Kb)(String(json.errors[0].code), 40)}`;
    }
    catch {
        // No JSON error body; the status says enough.
    }
    finally {
        res.close();
    }
    const status = `${res.status}${code}`;
    if (res.status === 401) {
        return new errors/* ImageError */.C8(asker.credentials
            ? `${asker.where}: the registry rejected the username and password (${asker.credentialOrigin}) while ${what} (${status}); check them`
            : `${asker.where}: the repository does not exist or needs a login (${status}); ` +
                'check the name, or give a username and password (or run docker login)', { inputMistake: !asker.credentials });
    }
    if (res.status === 403) {
        return new errors/* ImageError */.C8(`${asker.where}: access denied while ${what} (${status}); the account needs pull access to this repository`);
    }
    if (res.status === 404) {
        return new errors/* ImageError */.C8(`${asker.where}: not found while ${what} (${status}); check the image name, tag and digest`, {
            inputMistake: true
        });
    }
    return new errors/* ImageError */.C8(`${asker.where}: the registry answered ${status} while ${what}`);
}
/** A request that ran past its deadline while data still came. */
function tooSlow(where, what, deadlineMs, received) {
    return new errors/* ImageError */.C8(`${where}: ${what} took over ${(0,progress/* formatSeconds */.X)(deadlineMs)}, its deadline (${(0,progress/* formatBytes */.z)(received)} arrived in that time); ` +
        'the registry or the network is too slow, try again later');
}

;// CONCATENATED MODULE: ./src/image/blob.ts
/** Blobs fetched into the cache, verified against their sha256 digest while they stream. */








function sha256(bytes) {
    return `sha256:${(0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex')}`;
}
function shortDigest(digest) {
    return digest.slice(0, 19);
}
/**
 * Streams blob `desc` into `file` (which must not exist yet) through a sha256 hash. A digest or size
 * mismatch throws an ImageError and removes the file; a broken connection starts the blob over; a
 * failed write to the file is an ImageError at once (a full disk is not the network: no retry).
 * `progress`, when given, hears how far the file is written, for a reader that follows it; aborting
 * `abandon` breaks the download off (and removes the file).
 */
async function downloadBlob(client, desc, file, what, { progress, abandon } = {}) {
    const expected = desc.digest.slice('sha256:'.length);
    let fd;
    try {
        fd = external_node_fs_default().openSync(file, 'wx', 0o644);
    }
    catch (error) {
        progress?.ended(error); // a reader following the download must hear of it, however early it fails
        throw error;
    }
    const writeFailed = (error) => new errors/* ImageError */.C8(`${client.where}: ${what}: writing it to the image cache in ${external_node_path_default().dirname(file)} failed ` +
        `(${(0,errors/* errorCode */.CA)(error) ?? (0,errors/* excerpt */.Kb)(error?.message ?? String(error), 80)}); free space there or move the cache`);
    try {
        progress?.opened(file);
        await client.request(`blobs/${desc.digest}`, what, undefined, async (res) => {
            try {
                external_node_fs_default().ftruncateSync(fd, 0);
            }
            catch (error) {
                throw writeFailed(error);
            }
            progress?.restarted();
            const hash = (0,external_node_crypto_.createHash)('sha256');
            let received = 0;
            const sink = new external_node_stream_.Writable({
                write(chunk, _encoding, callback) {
                    if (received + chunk.length > desc.size) {
                        callback(new errors/* ImageError */.C8(`${client.where}: ${what}: the registry sent more than the ${desc.size} bytes the manifest lists`));
                        return;
                    }
                    hash.update(chunk);
                    try {
                        for (let done = 0; done < chunk.length;)
                            done += external_node_fs_default().writeSync(fd, chunk, done, chunk.length - done, received + done);
                    }
                    catch (error) {
                        callback(writeFailed(error));
                        return;
                    }
                    received += chunk.length;
                    progress?.wrote(received);
                    callback();
                }
            });
            await (0,promises_.pipeline)(res.body, sink);
            if (received < desc.size)
                throw new TransientError(`the transfer stopped after ${received} of ${desc.size} bytes`);
            const actual = hash.digest('hex');
            if (actual !== expected) {
                throw new errors/* ImageError */.C8(`${client.where}: ${what}: the content does not match its digest ${shortDigest(desc.digest)}… (got sha256:${actual.slice(0, 12)}…); ` +
                    'the registry holds a corrupt blob, nothing was cached: push the image again');
            }
        }, { abandon, bytes: desc.size });
        progress?.ended();
    }
    catch (error) {
        progress?.ended(error);
        await external_node_fs_default().promises.rm(file, { force: true });
        throw error;
    }
    finally {
        external_node_fs_default().closeSync(fd);
    }
}
/** Fetches a small blob (the image config) into memory, verified against its digest; `abandon` as for downloadBlob. */
async function fetchSmallBlob(client, desc, what, abandon) {
    const bytes = await client.request(`blobs/${desc.digest}`, what, undefined, (res) => readLimited(res.body, 16 * 1024 * 1024, { where: client.where, what }), { abandon, bytes: desc.size });
    if (sha256(bytes) !== desc.digest) {
        throw new errors/* ImageError */.C8(`${client.where}: ${what}: the content does not match its digest ${shortDigest(desc.digest)}…; ` +
            'the registry holds a corrupt blob, push the image again');
    }
    return bytes;
}

;// CONCATENATED MODULE: ./src/image/root-fingerprint.ts
/**
 * A fingerprint of an unpacked image root, recorded when it is cached and compared on every use, so
 * that a root changed since (by a guest that could write its base, by anything else of the runner's
 * user) is noticed and pulled again rather than run.
 *
 * It covers the root and the two levels below it (`/etc`, `/etc/passwd`, `/usr/bin`): each entry's
 * inode number, type and mode, owner, link count, size, mtime and ctime. Any change to an inode sets
 * its ctime, which no call can set back, and adding, removing or renaming an entry changes its
 * directory's: so a file planted in any of those directories (`/usr/bin/x`), or one of their entries
 * changed, changes the fingerprint. A file changed in place deeper down does not: walking every inode
 * of a large image costs up to a second on every run, which is why the cache's real guard is that no
 * guest can write it (the base is shared read-only on the host side).
 */



const DEPTH = 2;
const VERSION = 'v1';
function describe(stat) {
    return [stat.ino, stat.mode, stat.uid, stat.gid, stat.nlink, stat.size, stat.mtimeNs, stat.ctimeNs].join(' ');
}
/** The fingerprint of the root at `rootfs` as it is now ('v1:<sha256 hex>'). */
function rootFingerprint(rootfs) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    const visit = (rel, depth) => {
        const file = rel === '' ? rootfs : `${rootfs}/${rel}`;
        const stat = external_node_fs_default().lstatSync(file, { bigint: true });
        hash.update(`${rel}\0${describe(stat)}\n`);
        if (depth >= DEPTH || !stat.isDirectory())
            return;
        let names;
        try {
            names = external_node_fs_default().readdirSync(file);
        }
        catch (error) {
            // A directory the image locks (mode 000) reads the same way every time.
            hash.update(`${rel}\0${(0,errors/* errorCode */.CA)(error)}\n`);
            return;
        }
        for (const name of names.sort())
            visit(rel === '' ? name : `${rel}/${name}`, depth + 1);
    };
    visit('', 0);
    return `${VERSION}:${hash.digest('hex')}`;
}

;// CONCATENATED MODULE: ./src/image/cached-root.ts
/**
 * A cached root, checked before it is used: one whose fingerprint (root-fingerprint.ts) differs from
 * what was recorded when it was cached, or was never recorded, is removed, so the image is pulled
 * again instead of run as it now is.
 */


/** The root cached for `manifestDigest` if it is there and unchanged; says in one line when it was not. */
async function intactRoot(cache, manifestDigest, log) {
    const found = await cache.findRoot(manifestDigest);
    if (!found)
        return undefined;
    const recorded = found.metadata.fingerprint;
    let now;
    try {
        now = rootFingerprint(found.rootfs);
    }
    catch {
        now = undefined; // a root that cannot even be read is no better than a changed one
    }
    if (recorded !== undefined && now === recorded)
        return found;
    const what = `The image cache's copy of ${found.metadata.reference} (${shortDigest(manifestDigest)}…)`;
    log(recorded === undefined
        ? `${what} has no fingerprint (an older version cached it), so changes to it cannot be told; removing it`
        : `${what} was changed after it was cached; removing it`);
    await cache.discardRoot(manifestDigest);
    return undefined;
}

;// CONCATENATED MODULE: ./src/image/growing-file.ts
/**
 * A layer read while it downloads. The downloader reports how much of its file is written; the
 * unpacker reads behind it, so unpacking a layer overlaps its download. A broken transfer starts the
 * file over; a reader that got ahead waits until the new attempt passes where it was, then reads on.
 * What it read before the restart came from the earlier attempt, which the download's own digest
 * check never sees: so the reader hashes exactly the bytes it hands out, and the caller compares that
 * digest (readDigest) with the blob's before the root is published.
 */


const READ_CHUNK_BYTES = 256 * 1024;
class GrowingFile {
    readFd;
    written = 0;
    outcome;
    waiting = [];
    digestRead;
    /** How many bytes of the current attempt are written. */
    get received() {
        return this.written;
    }
    /** The downloader made its file. */
    opened(file) {
        this.readFd ??= external_node_fs_default().openSync(file, (external_node_fs_default()).constants.O_RDONLY | (external_node_fs_default()).constants.O_NOFOLLOW);
        this.notify();
    }
    /** The downloader starts the file over. */
    restarted() {
        this.written = 0;
    }
    /** The first `total` bytes of the file are written. */
    wrote(total) {
        this.written = total;
        this.notify();
    }
    /** The download is over: verified, or failed with `error`. */
    ended(error) {
        this.outcome = error === undefined ? { failed: false } : { failed: true, error };
        this.notify();
    }
    /**
     * The sha256 digest (`sha256:<hex>`) of every byte bytes() yielded, once it has yielded all of a
     * download that succeeded; undefined before that, or when the reader stopped early.
     */
    get readDigest() {
        return this.digestRead;
    }
    /** The blob's bytes as they are written; throws the download's failure. Read it once. */
    async *bytes() {
        const hash = (0,external_node_crypto_.createHash)('sha256');
        let offset = 0;
        try {
            for (;;) {
                if (this.readFd !== undefined && offset < this.written) {
                    const chunk = Buffer.allocUnsafe(Math.min(READ_CHUNK_BYTES, this.written - offset));
                    const read = external_node_fs_default().readSync(this.readFd, chunk, 0, chunk.length, offset);
                    if (read > 0) {
                        offset += read;
                        const piece = chunk.subarray(0, read);
                        hash.update(piece);
                        yield piece;
                        continue;
                    }
                }
                if (this.outcome?.failed)
                    throw this.outcome.error;
                if (this.outcome && offset >= this.written) {
                    this.digestRead = `sha256:${hash.digest('hex')}`;
                    return;
                }
                if (this.outcome && this.readFd === undefined)
                    return;
                await new Promise((wake) => this.waiting.push(wake));
            }
        }
        finally {
            this.close();
        }
    }
    close() {
        if (this.readFd !== undefined)
            external_node_fs_default().closeSync(this.readFd);
        this.readFd = undefined;
    }
    notify() {
        for (const wake of this.waiting.splice(0))
            wake();
    }
}

// EXTERNAL MODULE: ./src/image/compression.ts
var compression = __webpack_require__(731);
;// CONCATENATED MODULE: ./src/image/entry-path.ts
/** What a layer's entries name: paths split safely, whiteouts, and which media types are layers at all. */
const WHITEOUT = '.wh.';
const OPAQUE = '.wh..wh..opq';
/** Is this media type a filesystem layer (tar, possibly compressed)? Empty counts as yes. */
function isLayerMediaType(mediaType) {
    if (mediaType === '')
        return true;
    if (/encrypted/.test(mediaType))
        return false;
    return /\.(?:tar|diff\.tar)(?:\.gzip|\.zstd|\+gzip|\+zstd)?$/.test(mediaType) || /rootfs\.diff\.tar/.test(mediaType);
}
/** Splits a tar path into components; undefined when it tries to climb out with `..`. */
function entryParts(name) {
    if (name.includes('\0'))
        return undefined;
    const parts = name.split('/').filter((p) => p !== '' && p !== '.');
    return parts.includes('..') ? undefined : parts;
}

;// CONCATENATED MODULE: ./src/image/file-writes.ts
/**
 * Makes the unpacker's small files on the thread pool, a bounded number at once, while it goes on
 * reading the layer: each is created (O_EXCL | O_NOFOLLOW: never through whatever stands at its path),
 * its bytes written, and then it is finished on the main thread by `then`. Creating and filling files
 * is the costly part of unpacking, and each file needs nothing from the entries after it.
 *
 * The one thing the unpacker must do is wait before it touches a path again: done(file) before a path
 * is removed, replaced or hard-linked to, drain() before a directory is removed.
 */

const MAX_FILES_IN_FLIGHT = 64;
const MAX_BYTES_IN_FLIGHT = 16 * 1024 * 1024;
const BATCH_FILES = 16;
const BATCH_BYTES = 1024 * 1024;
const { O_WRONLY, O_CREAT, O_EXCL, O_NOFOLLOW } = (external_node_fs_default()).constants;
const CREATE_FLAGS = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW;
/** Closes a file whose write already failed: that failure is the one worth reporting. */
function closeQuietly(fd) {
    try {
        external_node_fs_default().closeSync(fd);
    }
    catch {
        // see above
    }
}
class FileWrites {
    bytes = 0;
    failure;
    waiting = [];
    batch = [];
    batchBytes = 0;
    /** Files handed over and not yet finished, by path. */
    pending = new Map();
    /**
     * Creates `file` (which must not exist) with `mode`, writes `data` into it, then calls `then` with
     * its descriptor, which `then` must close. Waits first while too much is in flight; throws the first
     * failure of an earlier file.
     */
    async create(file, mode, data, then) {
        while (this.pending.has(file))
            await this.next(); // one file per path at a time, whatever the caller does
        while (this.pending.size >= MAX_FILES_IN_FLIGHT ||
            (this.bytes > 0 && this.bytes + data.length > MAX_BYTES_IN_FLIGHT)) {
            this.check();
            await this.next();
        }
        this.check();
        const handed = { file, mode, data, then };
        this.pending.set(file, handed);
        this.bytes += data.length;
        this.batch.push(handed);
        this.batchBytes += data.length;
        if (this.batch.length >= BATCH_FILES || this.batchBytes >= BATCH_BYTES)
            this.flush();
    }
    /** Waits until `file`, if it was handed over, is finished; throws the first failure. */
    async done(file) {
        while (this.pending.has(file))
            await this.next();
        this.check();
    }
    /** Waits until every file handed over is finished; throws the first failure. */
    async drain() {
        await this.settle();
        this.check();
    }
    /** Waits until every file handed over is finished, whatever the outcome (for cleaning up after a failure). */
    async settle() {
        while (this.pending.size > 0)
            await this.next();
    }
    /** Waits for the next file to finish, after handing over any still held back. */
    next() {
        this.flush();
        return new Promise((wake) => this.waiting.push(wake));
    }
    // Handed to the pool together: waking an idle pool thread costs more than the hand-over itself, and
    // threads that are awake take the rest of a batch without being woken.
    flush() {
        const batch = this.batch;
        this.batch = [];
        this.batchBytes = 0;
        for (const handed of batch)
            this.start(handed);
    }
    start(handed) {
        external_node_fs_default().open(handed.file, CREATE_FLAGS, handed.mode, (error, fd) => {
            if (error)
                this.finished(handed, undefined, error);
            else if (handed.data.length === 0)
                this.finished(handed, fd, undefined);
            else
                this.writeFrom(handed, fd, 0);
        });
    }
    writeFrom(handed, fd, offset) {
        const { data } = handed;
        external_node_fs_default().write(fd, data, offset, data.length - offset, null, (error, written) => {
            if (error)
                this.finished(handed, fd, error);
            else if (offset + written < data.length)
                this.writeFrom(handed, fd, offset + written);
            else
                this.finished(handed, fd, undefined);
        });
    }
    finished(handed, fd, error) {
        if (error === undefined) {
            try {
                handed.then(fd);
            }
            catch (thrown) {
                error = thrown;
            }
        }
        else if (fd !== undefined) {
            closeQuietly(fd);
        }
        if (error !== undefined)
            this.failure ??= { error };
        this.pending.delete(handed.file);
        this.bytes -= handed.data.length;
        for (const wake of this.waiting.splice(0))
            wake();
    }
    check() {
        if (this.failure)
            throw this.failure.error;
    }
}

;// CONCATENATED MODULE: ./src/image/root-index.ts
function parentOf(rel) {
    const slash = rel.lastIndexOf('/');
    return slash === -1 ? '' : rel.slice(0, slash);
}
class RootIndex {
    kinds = new Map();
    /** What each directory holds ('' is the root), so removing a directory costs what is under it. */
    children = new Map();
    uses = new Map();
    fileBytes = 0;
    /** What stands at `rel` ('a/b'), or undefined when nothing does. */
    kind(rel) {
        return this.kinds.get(rel);
    }
    /** Records `rel`; its parent must be recorded as a directory (or be the root). */
    add(rel, kind) {
        const before = this.kinds.get(rel);
        if (before === 'directory' && kind !== 'directory')
            this.remove(rel);
        else if (before === 'other')
            this.forgetUse(rel);
        this.kinds.set(rel, kind);
        const parent = parentOf(rel);
        let siblings = this.children.get(parent);
        if (!siblings)
            this.children.set(parent, (siblings = new Set()));
        siblings.add(rel);
    }
    /**
     * Records `rel`, which is not a directory, as a file of its own, and returns what to call with its
     * disk use in bytes once that is known (it counts only while a name of the file is left).
     */
    addFile(rel) {
        this.add(rel, 'other');
        const use = { bytes: 0, names: 1 };
        this.uses.set(rel, use);
        return (bytes) => {
            if (use.names > 0)
                this.fileBytes += bytes - use.bytes;
            use.bytes = bytes;
        };
    }
    /** Records `rel` as another name of the file at `target` (a hard link). */
    addLink(rel, target) {
        const use = this.uses.get(target);
        this.add(rel, 'other');
        if (!use)
            return;
        use.names++;
        this.uses.set(rel, use);
    }
    /** Forgets `rel` and, for a directory, everything under it; returns every path it forgot. */
    remove(rel) {
        if (!this.kinds.has(rel))
            return [];
        this.children.get(parentOf(rel))?.delete(rel);
        const removed = [];
        const pending = [rel];
        for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
            removed.push(next);
            this.kinds.delete(next);
            this.forgetUse(next);
            const below = this.children.get(next);
            if (!below)
                continue;
            for (const child of below)
                pending.push(child);
            this.children.delete(next);
        }
        return removed;
    }
    /** Every directory recorded, the root not included. */
    directories() {
        return [...this.kinds].filter(([, kind]) => kind === 'directory').map(([rel]) => rel);
    }
    /** The disk use of every file still named, each counted once, in bytes; directories not included. */
    get filesBytes() {
        return this.fileBytes;
    }
    forgetUse(rel) {
        const use = this.uses.get(rel);
        if (!use)
            return;
        this.uses.delete(rel);
        if (--use.names === 0)
            this.fileBytes -= use.bytes;
    }
}

// EXTERNAL MODULE: ./src/image/tree.ts
var tree = __webpack_require__(841);
;// CONCATENATED MODULE: ./src/image/unpack-budget.ts
/**
 * How much one pull may unpack. A few KiB of zstd can expand to gigabytes, and a registry or an
 * image is not trusted to stop: so the pull gets a budget from what it downloads, and the unpacker
 * stops the moment the image's entries would take more.
 */

/** Image layers unpack to about 2 to 5 times their compressed size; this leaves room for far more. */
const UNPACK_RATIO = 50;
/** Small images (a few KiB of layers) may still unpack to this much. */
const UNPACK_FLOOR_BYTES = 64 * 1024 * 1024;
const BLOCK = 4096;
const INODE_BYTES = 256;
/** A symlink target longer than this does not fit in its inode (ext4's 60 bytes). */
const INLINE_LINK_BYTES = 60;
/** The budget for a pull whose layers total `compressedBytes`, in a cache capped at `cacheCapBytes`. */
function unpackBudget(compressedBytes, cacheCapBytes) {
    const fromLayers = Math.max(UNPACK_FLOOR_BYTES, UNPACK_RATIO * compressedBytes);
    if (cacheCapBytes < fromLayers)
        return { bytes: cacheCapBytes, reason: `the image cache's cap of ${(0,progress/* formatBytes */.z)(cacheCapBytes)}` };
    return {
        bytes: fromLayers,
        reason: fromLayers === UNPACK_FLOOR_BYTES
            ? `what any image may unpack to (${(0,progress/* formatBytes */.z)(UNPACK_FLOOR_BYTES)}, or ${UNPACK_RATIO} times its compressed size if more)`
            : `${UNPACK_RATIO} times the compressed size of its layers`
    };
}
/**
 * What an entry takes on disk, as the budget counts it: an inode, and file contents, directories and
 * long symlinks in whole blocks.
 */
function entryCost(type, size) {
    const blocks = (bytes) => Math.ceil(bytes / BLOCK) * BLOCK;
    if (type === 'file')
        return INODE_BYTES + blocks(size);
    if (type === 'directory')
        return INODE_BYTES + BLOCK;
    if (type === 'symlink' && size > INLINE_LINK_BYTES)
        return INODE_BYTES + blocks(size);
    return INODE_BYTES;
}

;// CONCATENATED MODULE: ./src/image/unpack-stats.ts
/** What an unpacked root lacks of what its layers held, counted while unpacking and told in a line each. */
function count(n, one, many) {
    return `${n} ${n === 1 ? one : many}`;
}
/** What the unpacked root lacks of what its layers hold, a line each. */
function unpackNotes(stats) {
    const notes = [];
    if (stats.unsafe > 0)
        notes.push(`skipped ${count(stats.unsafe, 'entry', 'entries')} whose path or link led outside the image root or through a symlink`);
    if (stats.unsupported > 0)
        notes.push(`skipped ${count(stats.unsupported, 'entry', 'entries')} of a kind an image root cannot hold (sparse files, tape headers, empty links)`);
    if (stats.devices > 0)
        notes.push(`${count(stats.devices, 'device node was', 'device nodes were')} not created (that needs root)`);
    if (stats.ownership > 0 && process.getuid?.() !== 0)
        notes.push('file owners were not set (not running as root): every file belongs to the current user');
    if (stats.xattrsWithoutSetfattr > 0)
        notes.push(`${count(stats.xattrsWithoutSetfattr, 'extended attribute was', 'extended attributes were')} not set: setfattr is not installed (apt-get install attr)`);
    if (stats.xattrsNotAllowed > 0)
        notes.push(`${count(stats.xattrsNotAllowed, 'extended attribute was', 'extended attributes were')} not set: this host does not allow them (file capabilities and trusted.* need root)`);
    if (stats.xattrsRefused > 0)
        notes.push(`${count(stats.xattrsRefused, 'extended attribute was', 'extended attributes were')} left out: an image may set only user.*, trusted.* and security.* ones, never overlayfs's own or SELinux labels`);
    return notes;
}
function noStats() {
    return {
        unsafe: 0,
        devices: 0,
        ownership: 0,
        unsupported: 0,
        xattrsNotAllowed: 0,
        xattrsWithoutSetfattr: 0,
        xattrsRefused: 0
    };
}

;// CONCATENATED MODULE: ./src/image/xattrs.ts
/**
 * Sets extended attributes with the system's setfattr program (Debian's and Ubuntu's `attr`
 * package): Node has no xattr call, and native calls stay in the VM process. Many files' attributes
 * go to one process as a dump (`setfattr --restore`, the format `getfattr --dump` writes), so a
 * layer costs one process however many attributes it holds. Values travel base64-encoded (`0s…`),
 * so binary ones such as `security.capability` arrive intact; names and paths travel with every
 * byte but the plainest escaped as `\ooo`, which setfattr decodes.
 *
 * Only what an image may rightly carry is applied. Overlay's own attributes (`trusted.overlay.*`,
 * `user.overlay.*`) are refused: the root becomes an overlay lower layer in the guest, and they would
 * redirect or hide its files. `security.selinux` is refused too: labels belong to the host's policy.
 */


/** The kernel's limits: XATTR_NAME_MAX and XATTR_SIZE_MAX. */
const MAX_NAME_BYTES = 255;
const MAX_VALUE_BYTES = 64 * 1024;
/** setfattr works through a dump at well over this rate; the margin is for a busy machine. */
const BASE_RUN_MS = 60_000;
const RUN_MS_PER_ATTRIBUTE = 1;
/** Is this an attribute an image may set on its files? */
function isImageXattr(name) {
    if (Buffer.byteLength(name) > MAX_NAME_BYTES || !/^(?:user|trusted|security)\.[\x21-\x7e]+$/.test(name))
        return false;
    if (/^(?:trusted|user)\.overlay\./.test(name))
        return false;
    return name !== 'security.selinux';
}
/** A path or name as a dump line holds it: every byte outside a plain set as a backslash and three octal digits. */
function quote(text) {
    let out = '';
    for (const byte of Buffer.from(text)) {
        const plain = /[A-Za-z0-9._+,:@%/-]/.test(String.fromCharCode(byte)) && byte < 0x80;
        out += plain ? String.fromCharCode(byte) : `\\${byte.toString(8).padStart(3, '0')}`;
    }
    return out;
}
/** The dump `setfattr --restore` reads: a `# file:` line, one `name=0s<base64>` line per attribute, a blank line. */
function xattrDump(files) {
    const parts = [];
    for (const file of files) {
        parts.push(`# file: ${quote(file.path)}\n`);
        for (const [name, value] of file.attributes)
            parts.push(`${quote(name)}=0s${value.toString('base64')}\n`);
        parts.push('\n');
    }
    return parts.join('');
}
/**
 * Sets every attribute of `files` (paths relative to `dir`) with one setfattr process, never following
 * a symlink at a path's end. setfattr goes on past an attribute the host refuses (not root, a
 * filesystem without xattrs, user.* on a symlink, no room) and says so in one line each: `failed`
 * counts those lines, at most the number of attributes. Not @actions/exec: it has no time limit,
 * and this streams its input and counts the error lines as they come.
 */
async function restoreXattrs(dir, files) {
    const total = files.reduce((sum, file) => sum + file.attributes.size, 0);
    if (total === 0)
        return { failed: 0 };
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)('setfattr', ['-h', '--restore=-'], {
            cwd: dir,
            stdio: ['pipe', 'ignore', 'pipe'],
            env: process.env, // this module's view of it, which a test may change
            timeout: BASE_RUN_MS + total * RUN_MS_PER_ATTRIBUTE,
            killSignal: 'SIGKILL'
        });
        let failed = 0;
        let partial = '';
        child.stderr.setEncoding('utf8');
        child.stderr.on('data', (text) => {
            const lines = (partial + text).split('\n');
            partial = lines.pop() ?? '';
            failed += lines.filter((line) => line.startsWith('setfattr: ')).length;
        });
        child.stdin.on('error', () => undefined); // a setfattr that died early is reported by 'close'
        child.once('error', (error) => {
            if ((0,errors/* errorCode */.CA)(error) === 'ENOENT')
                resolve('no-setfattr');
            else
                reject(error);
        });
        child.once('close', (code, signal) => {
            if (partial.startsWith('setfattr: '))
                failed++;
            if (signal)
                reject(new Error(`setfattr was stopped by ${signal} while setting ${total} extended attributes`));
            else if (code !== 0 && failed === 0)
                reject(new Error(`setfattr exited with ${code} and said nothing`));
            else
                resolve({ failed: Math.min(failed, total) });
        });
        child.stdin.end(xattrDump(files));
    });
}

;// CONCATENATED MODULE: ./src/image/root-state.ts
/**
 * What a RootBuilder knows of the root it is making, and the moves every kind of entry is made
 * with: checking (and making) parents, removing what stands at a path, charging the unpack budget,
 * setting owners, queueing extended attributes.
 *
 * Every entry's path is resolved component by component against what the builder has made in the
 * root (root-index.ts), so no symlink is ever followed while writing. Every change to a path that
 * already exists goes through removeExisting(), which first lets whatever is still being made at that
 * path, or under that directory, finish (file-writes.ts): so no file is ever created through a
 * directory that a later entry replaced with a symlink.
 */









class RootState {
    root;
    options;
    stats = noStats();
    dirMeta = new Map();
    made = new RootIndex();
    writes = new FileWrites();
    isRoot = process.getuid?.() === 0;
    /** The layer being applied; set for the length of applyLayer. */
    layer;
    /** The layer being applied, as errors name it. */
    label = '';
    /** What the entries so far take on disk, as the budget counts it. */
    unpacked = 0;
    constructor(root, options = {}) {
        this.root = root;
        this.options = options;
    }
    /** Counts what an entry about to be made takes; throws once the layers together take more than the budget. */
    charge(type, size = 0) {
        this.unpacked += entryCost(type, size);
        const budget = this.options.budget;
        if (budget && this.unpacked > budget.bytes) {
            throw new errors/* ImageError */.C8(`${this.label}: the image unpacks to more than ${(0,progress/* formatBytes */.z)(budget.bytes)}, ${budget.reason}; the image cannot be used`);
        }
    }
    abs(parts) {
        return parts.length === 0 ? this.root : `${this.root}/${parts.join('/')}`; // parts are normalized (entryParts)
    }
    /**
     * Checks that every parent of `parts` is a real directory (never a symlink), creating missing ones
     * when `create` is set. Returns false when the path would go through a symlink or a file.
     */
    parentsSafe(parts, create) {
        for (let i = 1; i < parts.length; i++) {
            const rel = parts.slice(0, i).join('/');
            const kind = this.made.kind(rel);
            if (kind === 'directory')
                continue;
            if (kind === 'other' || !create)
                return false;
            this.charge('directory');
            external_node_fs_default().mkdirSync(this.abs(parts.slice(0, i)), { mode: 0o755 });
            this.made.add(rel, 'directory');
        }
        return true;
    }
    /**
     * Removes whatever stands at `parts`; a directory only unless `keepDirectory`. A removed directory's
     * recorded mode, owner and mtime go with it (and those of the directories under it): one made again
     * later, if only as a parent, must not get them back in finish().
     */
    async removeExisting(parts, keepDirectory) {
        const rel = parts.join('/');
        const kind = this.made.kind(rel);
        if (!kind)
            return 'absent';
        if (kind === 'directory') {
            if (keepDirectory)
                return 'directory';
            await this.writes.drain(); // nothing may still be being made under it
            await (0,tree/* removeTree */.d)(this.abs(parts));
        }
        else {
            await this.writes.done(this.abs(parts));
            external_node_fs_default().unlinkSync(this.abs(parts));
        }
        for (const gone of this.made.remove(rel)) {
            this.dirMeta.delete(gone);
            this.layer?.xattrs.forget(gone);
        }
        return 'removed';
    }
    /** Runs an ownership change where the user may (root); counts it as not done where not. */
    own(change) {
        if (!this.isRoot) {
            this.stats.ownership++;
            return;
        }
        try {
            change();
        }
        catch (error) {
            if ((0,errors/* errorCode */.CA)(error) !== 'EPERM' && (0,errors/* errorCode */.CA)(error) !== 'EINVAL')
                throw error;
            this.stats.ownership++;
        }
    }
    /**
     * Queues the entry's attributes for what was just made at `rel`; they are set once the layer is
     * unpacked, after every owner (chown clears file capabilities). `recordUse` hears the file's disk
     * use again then: attributes too large for the inode take a block of their own.
     */
    queueXattrs(rel, header, recordUse) {
        const fit = new Map();
        for (const [name, value] of header.xattrs) {
            if (isImageXattr(name) && value.length <= MAX_VALUE_BYTES)
                fit.set(name, value);
            else
                this.stats.xattrsRefused++;
        }
        const remeasure = recordUse && ((name) => recordUse(external_node_fs_default().lstatSync(this.abs(name.split('/'))).blocks * 512));
        this.layer.xattrs.add(rel, fit, remeasure);
    }
    /** Records that this layer wrote `rel`, and that it touched every directory above it. */
    markWritten(rel) {
        const { written, touched } = this.layer;
        written.add(rel);
        for (let end = rel.lastIndexOf('/'); end > 0; end = rel.lastIndexOf('/', end - 1)) {
            const dir = rel.slice(0, end);
            if (touched.has(dir))
                return; // and so is everything above it
            touched.add(dir);
        }
    }
}

;// CONCATENATED MODULE: ./src/image/entry-writer.ts
/**
 * Makes one tar entry in the root: a method per kind (whiteout, directory, file, symlink, hard link,
 * device node or FIFO), each checking what it needs of RootState first. An entry whose path holds
 * `..`, or whose parent is a symlink or a file, is skipped, as is a hard link to such a path, so
 * nothing lands outside the root whatever the layer says. Files are opened with O_EXCL | O_NOFOLLOW
 * after whatever stood at their path was removed; small ones are made on the thread pool
 * (file-writes.ts) while the layer is read on.
 */




/** Files up to this size are taken in one piece (one wait instead of one per chunk); larger ones stream. */
const WHOLE_FILE_BYTES = 1024 * 1024;
const { O_WRONLY: entry_writer_O_WRONLY, O_CREAT: entry_writer_O_CREAT, O_EXCL: entry_writer_O_EXCL, O_NOFOLLOW: entry_writer_O_NOFOLLOW } = (external_node_fs_default()).constants;
/**
 * Makes a FIFO or device node with the system's mknod program: Node has no mknod, and
 * native calls stay in the VM process. False when it cannot (not root, or no mknod).
 */
function makeNode(file, header) {
    const args = ['-m', (header.mode & 0o777).toString(8), '--', file];
    if (header.type === 'fifo')
        args.push('p');
    else
        args.push(header.type === 'block-device' ? 'b' : 'c', String(header.devmajor), String(header.devminor));
    try {
        (0,external_node_child_process_.execFileSync)('mknod', args, { stdio: 'ignore', timeout: 10_000 });
        return true;
    }
    catch {
        return false;
    }
}
function writeAll(fd, data) {
    for (let done = 0; done < data.length;)
        done += external_node_fs_default().writeSync(fd, data, done);
}
class EntryWriter extends RootState {
    /** Makes one entry of the layer being applied. */
    async applyEntry(entry) {
        const header = entry.header;
        const parts = entryParts(header.name);
        if (!parts) {
            this.stats.unsafe++;
            return;
        }
        if ((parts[parts.length - 1] ?? '').startsWith(WHITEOUT))
            return this.whiteout(parts);
        if (header.type === 'unsupported') {
            this.stats.unsupported++;
            return;
        }
        if (parts.length === 0) {
            if (header.type === 'directory')
                this.dirMeta.set('', this.dirMetaOf(header));
            return;
        }
        if (!this.parentsSafe(parts, true)) {
            this.stats.unsafe++;
            return;
        }
        if (header.type === 'file')
            this.charge('file', header.size);
        else if (header.type === 'symlink')
            this.charge('symlink', Buffer.byteLength(header.linkname));
        else
            this.charge(header.type === 'directory' ? 'directory' : 'other');
        switch (header.type) {
            case 'directory':
                return this.directory(parts, header);
            case 'file':
                return this.file(parts, entry);
            case 'symlink':
                return this.symlink(parts, header);
            case 'link':
                return this.hardLink(parts, header);
            case 'character-device':
            case 'block-device':
            case 'fifo':
                return this.node(parts, header);
        }
    }
    dirMetaOf(header) {
        return { mode: header.mode & 0o7777, mtime: header.mtime, uid: header.uid, gid: header.gid };
    }
    /** `.wh..wh..opq` makes its directory opaque once the layer is read; `.wh.NAME` removes NAME from lower layers. */
    async whiteout(parts) {
        const base = parts[parts.length - 1];
        const parent = parts.slice(0, -1);
        if (!this.parentsSafe(parts, false))
            return;
        if (base === OPAQUE) {
            this.layer.opaque.add(parent.join('/'));
        }
        else if (!base.startsWith(`${WHITEOUT}${WHITEOUT}`)) {
            const target = [...parent, base.slice(WHITEOUT.length)];
            if (target[target.length - 1] === '' || this.layer.written.has(target.join('/')))
                return;
            await this.removeExisting(target, false);
        }
    }
    async directory(parts, header) {
        const rel = parts.join('/');
        if ((await this.removeExisting(parts, true)) !== 'directory')
            external_node_fs_default().mkdirSync(this.abs(parts), { mode: 0o755 });
        this.dirMeta.set(rel, this.dirMetaOf(header));
        this.made.add(rel, 'directory');
        if (header.xattrs.size > 0)
            this.queueXattrs(rel, header);
        this.markWritten(rel);
    }
    async file(parts, entry) {
        const { header } = entry;
        const rel = parts.join('/');
        const file = this.abs(parts);
        const mode = header.mode & 0o777;
        if (this.made.kind(rel) !== undefined)
            await this.removeExisting(parts, false); // (most paths are new)
        const recordUse = this.made.addFile(rel);
        if (header.xattrs.size > 0)
            this.queueXattrs(rel, header, recordUse);
        // A small file is made on the thread pool (file-writes.ts); a large one streams here.
        if (header.size <= WHOLE_FILE_BYTES) {
            const content = await entry.content();
            await this.writes.create(file, mode, content, (fd) => {
                try {
                    this.finishFile(fd, header, recordUse);
                }
                finally {
                    external_node_fs_default().closeSync(fd);
                }
            });
        }
        else {
            const fd = external_node_fs_default().openSync(file, entry_writer_O_WRONLY | entry_writer_O_CREAT | entry_writer_O_EXCL | entry_writer_O_NOFOLLOW, mode);
            try {
                for await (const chunk of entry.chunks())
                    writeAll(fd, chunk);
                this.finishFile(fd, header, recordUse);
            }
            finally {
                external_node_fs_default().closeSync(fd);
            }
        }
        this.markWritten(rel);
    }
    /** Sets a regular file's owner, attributes, mode and mtime, in the order that keeps capabilities and setuid bits. */
    finishFile(fd, header, recordUse) {
        // What the file got when it was made (owner, and its mode less the umask) is asked once, and only
        // what differs is changed: most files need neither a chown nor a chmod.
        const made = external_node_fs_default().fstatSync(fd);
        const mode = header.mode & 0o7777;
        let modeWrong = (made.mode & 0o7777) !== mode;
        if (made.uid !== header.uid || made.gid !== header.gid) {
            this.own(() => external_node_fs_default().fchownSync(fd, header.uid, header.gid));
            modeWrong = true; // a new owner clears the setuid and setgid bits
        }
        if (modeWrong)
            external_node_fs_default().fchmodSync(fd, mode);
        external_node_fs_default().futimesSync(fd, header.mtime, header.mtime);
        recordUse(made.blocks * 512);
    }
    async symlink(parts, header) {
        if (header.linkname === '' || header.linkname.includes('\0')) {
            this.stats.unsupported++; // no filesystem holds a link to nothing
            return;
        }
        const rel = parts.join('/');
        const file = this.abs(parts);
        await this.removeExisting(parts, false);
        external_node_fs_default().symlinkSync(header.linkname, file);
        const recordUse = this.made.addFile(rel);
        this.own(() => external_node_fs_default().lchownSync(file, header.uid, header.gid));
        if (header.xattrs.size > 0)
            this.queueXattrs(rel, header, recordUse);
        external_node_fs_default().lutimesSync(file, header.mtime, header.mtime);
        recordUse(external_node_fs_default().lstatSync(file).blocks * 512); // a link too long to fit in its inode takes a block
        this.markWritten(rel);
    }
    async hardLink(parts, header) {
        const target = entryParts(header.linkname);
        if (!target || target.length === 0 || !this.parentsSafe(target, false)) {
            this.stats.unsafe++;
            return;
        }
        const rel = parts.join('/');
        const targetRel = target.join('/');
        if (this.made.kind(targetRel) !== 'other') {
            this.stats.unsafe++; // a directory, or nothing at all
            return;
        }
        if (targetRel === rel)
            return;
        await this.removeExisting(parts, false);
        await this.writes.done(this.abs(target));
        external_node_fs_default().linkSync(this.abs(target), this.abs(parts));
        this.made.addLink(rel, targetRel);
        this.layer.xattrs.alias(rel, targetRel);
        this.markWritten(rel);
    }
    /** A device node or FIFO; devices only as root. */
    async node(parts, header) {
        const rel = parts.join('/');
        const file = this.abs(parts);
        await this.removeExisting(parts, false);
        if (!((header.type === 'fifo' || this.isRoot) && makeNode(file, header))) {
            this.stats.devices++;
            return;
        }
        this.made.add(rel, 'other');
        this.own(() => external_node_fs_default().lchownSync(file, header.uid, header.gid));
        if (header.xattrs.size > 0)
            this.queueXattrs(rel, header);
        external_node_fs_default().chmodSync(file, header.mode & 0o7777);
        external_node_fs_default().utimesSync(file, header.mtime, header.mtime);
        this.markWritten(rel);
    }
}

// EXTERNAL MODULE: ./src/image/tar-reader.ts + 2 modules
var tar_reader = __webpack_require__(442);
;// CONCATENATED MODULE: ./src/image/xattr-batch.ts
/**
 * The extended attributes a layer has yet to set, kept until the layer is unpacked and then set by
 * one setfattr process (xattrs.ts). They are kept per file, not per path: a hard link is another
 * name of the same file, and a file still has its attributes set while any of its names is left.
 *
 * Caps bound what a layer can make the host do: a file may ask for MAX_PER_FILE attributes of
 * MAX_BYTES_PER_FILE in all (filesystems hold a few KiB per file), a layer for MAX_PER_LAYER of
 * MAX_BYTES_PER_LAYER; a layer over them is refused, not cut short.
 *
 * Paths are recorded as the builder made them, through real directories only; a name the builder
 * removes (or whose directory it removes) is forgotten at once, so no name is ever set through what
 * a later entry put in its place.
 */


const XATTR_CAPS = {
    perFile: 64,
    bytesPerFile: 64 * 1024,
    perLayer: 65_536,
    bytesPerLayer: 16 * 1024 * 1024
};
function sizeOf(name, value) {
    return Buffer.byteLength(name) + value.length;
}
class XattrBatch {
    label;
    byName = new Map();
    count = 0;
    bytes = 0;
    /** `label` names the layer in errors ('registry …: layer 2/5 sha256:…'). */
    constructor(label) {
        this.label = label;
    }
    /**
     * Records attributes (already judged fit for an image) for the file at `rel`, adding to what it
     * has already in this layer (a directory named twice). Throws an ImageError over a cap.
     */
    add(rel, attributes, afterSet) {
        if (attributes.size === 0)
            return;
        let file = this.byName.get(rel);
        if (!file) {
            file = { names: new Set([rel]), attributes: new Map(), bytes: 0, afterSet };
            this.byName.set(rel, file);
        }
        for (const [name, value] of attributes) {
            const before = file.attributes.get(name);
            const added = sizeOf(name, value) - (before ? sizeOf(name, before) : 0);
            if (!before)
                this.count++;
            file.attributes.set(name, value);
            file.bytes += added;
            this.bytes += added;
        }
        if (file.attributes.size > XATTR_CAPS.perFile || file.bytes > XATTR_CAPS.bytesPerFile) {
            throw new errors/* ImageError */.C8(`${this.label}: "${(0,errors/* excerpt */.Kb)(rel, 80)}" has ${file.attributes.size} extended attributes of ${file.bytes} bytes, ` +
                `over the ${XATTR_CAPS.perFile} and ${XATTR_CAPS.bytesPerFile / 1024} KiB one file may have; the image cannot be used`);
        }
        if (this.count > XATTR_CAPS.perLayer || this.bytes > XATTR_CAPS.bytesPerLayer) {
            throw new errors/* ImageError */.C8(`${this.label}: holds over ${XATTR_CAPS.perLayer} extended attributes or ${XATTR_CAPS.bytesPerLayer / 1024 ** 2} MiB of them, ` +
                'more than a layer may have; the image cannot be used');
        }
    }
    /** `rel` is now another name of the file at `target` (a hard link). */
    alias(rel, target) {
        const file = this.byName.get(target);
        if (!file)
            return;
        file.names.add(rel);
        this.byName.set(rel, file);
    }
    /** `rel` is gone from the root. */
    forget(rel) {
        const file = this.byName.get(rel);
        if (!file)
            return;
        this.byName.delete(rel);
        file.names.delete(rel);
        if (file.names.size === 0) {
            this.count -= file.attributes.size;
            this.bytes -= file.bytes;
        }
    }
    /** Sets everything recorded, with one setfattr process running in `root`; the batch is empty afterwards. */
    async apply(root) {
        const files = [...new Set(this.byName.values())];
        this.byName.clear();
        this.count = 0;
        this.bytes = 0;
        const work = files.map((file) => ({
            path: file.names.values().next().value,
            attributes: file.attributes,
            afterSet: file.afterSet
        }));
        const total = work.reduce((sum, file) => sum + file.attributes.size, 0);
        if (total === 0)
            return { set: 0, notAllowed: 0, withoutSetfattr: 0 };
        let outcome;
        try {
            outcome = await restoreXattrs(root, work);
        }
        catch (error) {
            throw new errors/* ImageError */.C8(`${this.label}: setting its extended attributes failed: ${error.message}`);
        }
        if (outcome === 'no-setfattr')
            return { set: 0, notAllowed: 0, withoutSetfattr: total };
        for (const file of work)
            file.afterSet?.(file.path);
        return { set: total - outcome.failed, notAllowed: outcome.failed, withoutSetfattr: 0 };
    }
}

;// CONCATENATED MODULE: ./src/image/layers.ts
/**
 * Applies image layers (tar, gzip or zstd) to a root directory with the OCI rules: whiteouts, opaque
 * directories, hard links, symlinks, modes, mtimes, extended attributes and, where the user may,
 * ownership and device nodes. RootBuilder reads a layer and finishes the root; entry-writer.ts makes
 * each entry, root-state.ts holds what is known of the root and the safety rules every entry obeys.
 */










const CHUNK_BYTES = 256 * 1024;
/** A layer file's bytes, in pieces the size the unpacker reads best. */
function layerFile(file) {
    return external_node_fs_default().createReadStream(file, { highWaterMark: CHUNK_BYTES });
}
/** Builds one image root from its layers, in order. Call finish() after the last layer. */
class RootBuilder extends EntryWriter {
    directoriesBytes;
    checkedEmpty = false;
    /** Disk use of the finished root in bytes (allocated blocks; a hard-linked file counted once). */
    get diskUsage() {
        if (this.directoriesBytes === undefined)
            throw new Error('the disk use of an image root is known once it is finished');
        return this.directoriesBytes + this.made.filesBytes;
    }
    /** Applies one layer from its bytes (tar, gzip or zstd) as they come. `label` names it in errors ('layer 2/5 sha256:…'). */
    async applyLayer(layer, label) {
        if (!this.checkedEmpty) {
            if (external_node_fs_default().readdirSync(this.root).length > 0)
                throw new Error(`an image root must start empty: ${this.root}`);
            this.checkedEmpty = true;
        }
        const source = layer[Symbol.asyncIterator]();
        try {
            await this.applyTar(source, label);
        }
        finally {
            // Closes a layer left half read (a file, or a download being followed); not awaited, as a
            // followed download answers only once more of it arrives.
            source.return?.().catch(() => undefined);
        }
    }
    /** What a failure while reading a layer means to the user, in one line. */
    failure(error, label) {
        const unreadable = (reason) => new errors/* ImageError */.C8(`${label} is not a readable layer (${reason.slice(0, 100)}); the image cannot be used`);
        const storage = this.options.storage ?? this.root;
        if (error instanceof errors/* ImageError */.C8)
            return error;
        if (error instanceof tar_reader/* TarFormatError */.Z)
            return unreadable(`it holds ${error.message}`);
        const code = (0,errors/* errorCode */.CA)(error);
        if (code === 'ENAMETOOLONG') {
            return new errors/* ImageError */.C8(`${label} holds a path too long to be made under ${storage} (ENAMETOOLONG: a name over 255 bytes, or a path over 4096); the image cannot be used`);
        }
        if (code === 'ENOSPC' || code === 'EDQUOT') {
            return new errors/* ImageError */.C8(`${label}: the disk of ${storage} is full (${code}) while unpacking it; free space there or move the image cache`);
        }
        // Any other system call's failure is the host's problem; anything else (zlib, zstd) is the layer's.
        if ((0,errors/* failedSyscall */.Vs)(error))
            return error;
        return unreadable(error?.message ?? String(error));
    }
    async applyTar(source, label) {
        this.label = label;
        const { head, all } = await (0,compression/* withHead */.V5)(source, 4);
        let unzip;
        try {
            unzip = (0,compression/* decompressor */.ni)((0,compression/* detectCompression */.IR)(head));
        }
        catch (error) {
            throw error instanceof errors/* ImageError */.C8 ? new errors/* ImageError */.C8(`${label}: ${error.message}`) : error;
        }
        let bytes = all;
        let feeding = Promise.resolve();
        let feedingError;
        if (unzip) {
            // Its error usually ends the iteration below too, but not when it comes after the tar's end.
            feeding = (0,promises_.pipeline)(external_node_stream_.Readable.from(all, { objectMode: false }), unzip).catch((error) => {
                feedingError = { error };
            });
            bytes = unzip;
        }
        const layer = (this.layer = {
            written: new Set(),
            touched: new Set(),
            opaque: new Set(),
            xattrs: new XattrBatch(label)
        });
        try {
            try {
                for await (const entry of (0,tar_reader/* readTar */.s)(bytes))
                    await this.applyEntry(entry);
                await this.writes.drain();
            }
            catch (error) {
                ;
                unzip?.destroy();
                await this.writes.settle();
                await feeding;
                throw this.failure(error, label);
            }
            await feeding;
            if (feedingError)
                throw this.failure(feedingError.error, label);
            for (const dir of [...layer.opaque].sort())
                await this.makeOpaque(dir);
            const counts = await layer.xattrs.apply(this.root);
            this.stats.xattrsNotAllowed += counts.notAllowed;
            this.stats.xattrsWithoutSetfattr += counts.withoutSetfattr;
        }
        finally {
            this.layer = undefined;
        }
    }
    /** Removes what lower layers put under `dir`, keeping what this layer wrote there. */
    async makeOpaque(dir) {
        if (dir !== '' && this.made.kind(dir) !== 'directory')
            return;
        const { written, touched } = this.layer;
        const parts = dir === '' ? [] : dir.split('/');
        for (const name of external_node_fs_default().readdirSync(this.abs(parts))) {
            const rel = dir === '' ? name : `${dir}/${name}`;
            if (!written.has(rel) && !touched.has(rel))
                await this.removeExisting([...parts, name], false);
            else if (this.made.kind(rel) === 'directory')
                await this.makeOpaque(rel);
        }
    }
    /** Sets the directories' modes, owners and mtimes, deepest first (so children do not bump them). */
    finish() {
        // Measured before modes are set: a directory locked (mode 000) would hide what is under it.
        this.directoriesBytes = external_node_fs_default().lstatSync(this.root).blocks * 512;
        for (const rel of this.made.directories())
            this.directoriesBytes += external_node_fs_default().lstatSync(this.abs(rel.split('/'))).blocks * 512;
        const dirs = [...this.dirMeta.entries()].sort((a, b) => b[0].split('/').length - a[0].split('/').length || (a[0] < b[0] ? 1 : -1));
        for (const [rel, meta] of dirs) {
            if (rel !== '' && this.made.kind(rel) !== 'directory')
                continue;
            const dir = rel === '' ? this.root : this.abs(rel.split('/'));
            this.own(() => external_node_fs_default().lchownSync(dir, meta.uid, meta.gid));
            external_node_fs_default().chmodSync(dir, meta.mode);
            external_node_fs_default().utimesSync(dir, meta.mtime, meta.mtime);
        }
        if (!this.dirMeta.has(''))
            external_node_fs_default().chmodSync(this.root, 0o755);
    }
}

;// CONCATENATED MODULE: ./src/image/download-scheduler.ts
/**
 * The downloads of a pull: the layers not already in the cache, a few at a time, each into the cache
 * through its digest check while the unpacker follows it (growing-file.ts). It owns how many run
 * at once and breaking them all off: close() aborts whatever is running or waiting, and waits until
 * every download has stopped.
 */




const DOWNLOAD_CONCURRENCY = 3;
/** At most `size` holders at once; waiters go in turn, and all are let go (with false) once `abort` fires. */
class Slots {
    abort;
    free;
    waiting = [];
    constructor(size, abort) {
        this.abort = abort;
        this.free = size;
        abort.addEventListener('abort', () => this.waiting.splice(0).forEach((wake) => wake()), { once: true });
    }
    /** Takes a slot; false (nothing taken) when aborted first. */
    async take() {
        while (this.free === 0 && !this.abort.aborted)
            await new Promise((wake) => this.waiting.push(wake));
        if (this.abort.aborted)
            return false;
        this.free--;
        return true;
    }
    give() {
        this.free++;
        this.waiting.shift()?.();
    }
}
class DownloadScheduler {
    options;
    /** Bytes downloaded so far (layers already in the cache not counted). */
    downloaded = 0;
    abandon = new AbortController();
    slots = new Slots(DOWNLOAD_CONCURRENCY, this.abandon.signal);
    progress = [];
    downloads = [];
    constructor(options) {
        this.options = options;
    }
    /** Aborted once the pull is over, failed or not: for other fetches of the pull to stop with it. */
    get signal() {
        return this.abandon.signal;
    }
    /** Starts downloading the layers not in the cache, in order, a few at a time. */
    async start(layers) {
        const { cache, log, label } = this.options;
        const inCache = await Promise.all(layers.map((layer) => cache.hasBlob(layer.digest, layer.size)));
        this.progress = layers.map((_, i) => (inCache[i] ? undefined : new GrowingFile()));
        this.downloads = layers.map((layer, i) => {
            const following = this.progress[i];
            if (following)
                return this.fetch(layer, i, following);
            log(`  ${label(i)} ${(0,progress/* formatBytes */.z)(layer.size)}, already in the cache`);
            return Promise.resolve();
        });
        // Each failure is reported where its layer is unpacked (finished()), or not at all once the pull failed.
        for (const download of this.downloads)
            download.catch(() => undefined);
    }
    async fetch(layer, i, following) {
        const { client, cache, activity, log } = this.options;
        const label = this.options.label(i);
        if (!(await this.slots.take()))
            return;
        const done = activity.start(() => `fetching ${label} (${(0,progress/* formatBytes */.z)(following.received)} of ${(0,progress/* formatBytes */.z)(layer.size)})`);
        try {
            const t0 = Date.now();
            const temp = cache.tempPath('blob');
            await downloadBlob(client, layer, temp, `fetching ${label}`, { progress: following, abandon: this.signal });
            await cache.publishBlob(temp, layer.digest);
            this.downloaded += layer.size;
            log(`  ${label} fetched, ${(0,progress/* formatBytes */.z)(layer.size)} in ${(0,progress/* formatSeconds */.X)(Date.now() - t0)}`);
        }
        finally {
            done();
            this.slots.give();
        }
    }
    /** Layer `i`'s bytes: followed as it downloads, or read from the cache. */
    bytes(i, digest) {
        return this.progress[i]?.bytes() ?? layerFile(this.options.cache.blobPath(digest));
    }
    /** Settles when layer `i` is in the cache, verified against its digest; throws its download's failure. */
    finished(i) {
        return this.downloads[i] ?? Promise.resolve();
    }
    /**
     * Whether what bytes(i) yielded is the blob with `digest`: a download that restarted after a broken
     * connection may have handed the unpacker bytes of an earlier attempt that no digest check saw.
     */
    readMatches(i, digest) {
        const following = this.progress[i];
        return !following || following.readDigest === digest;
    }
    /** Breaks off every download still running or waiting, and waits until all have stopped. */
    async close() {
        this.abandon.abort();
        this.progress.forEach((following) => following?.close());
        await Promise.allSettled(this.downloads);
    }
}

;// CONCATENATED MODULE: ./src/image/evict.ts
/** Keeping the image cache under its cap once an image is ready: least recently used entries go first. */



/** Evicts what the cap demands, keeping `current` (the root just prepared) and its layers; never fails. */
async function evict(cache, maxBytes, current, log) {
    const keep = new Set([current.manifestDigest, ...current.layers]);
    let evicted;
    try {
        evicted = await cache.evict(maxBytes, keep, image_cache/* EVICTION_GRACE_MS */.mw);
    }
    catch (error) {
        // The image is ready; a cache left over its cap is no reason to fail the run.
        log(`Image cache over ${(0,progress/* formatBytes */.z)(maxBytes)}: removing least recently used entries failed ` +
            `(${(0,errors/* describeFailure */.Ic)(error)}); it stays over its cap`);
        return;
    }
    const { removed, freedBytes } = evicted;
    if (removed.length > 0) {
        log(`Image cache over ${(0,progress/* formatBytes */.z)(maxBytes)}: removed ${removed.length} least recently used entries (${(0,progress/* formatBytes */.z)(freedBytes)})`);
    }
}

;// CONCATENATED MODULE: ./src/image/manifest.ts
/** Manifest media types (Docker v2 and OCI) and the few fields of them this module reads. */

const MEDIA = {
    dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
    dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
    ociManifest: 'application/vnd.oci.image.manifest.v1+json',
    ociIndex: 'application/vnd.oci.image.index.v1+json'
};
const MANIFEST_ACCEPT = [MEDIA.ociIndex, MEDIA.dockerList, MEDIA.ociManifest, MEDIA.dockerManifest].join(', ');
const DIGEST = /^sha256:[a-f0-9]{64}$/;
function descriptor(value, what, where) {
    const d = value;
    if (!d || typeof d !== 'object' || typeof d.digest !== 'string' || typeof d.size !== 'number') {
        throw new errors/* ImageError */.C8(`${where}: the manifest's ${what} is malformed; the image cannot be used`);
    }
    if (!DIGEST.test(d.digest)) {
        throw new errors/* ImageError */.C8(`${where}: the manifest's ${what} has digest "${(0,errors/* excerpt */.Kb)(d.digest, 80)}", only sha256 is supported`);
    }
    if (!Number.isSafeInteger(d.size) || d.size < 0) {
        throw new errors/* ImageError */.C8(`${where}: the manifest's ${what} has an invalid size`);
    }
    return { ...d, mediaType: typeof d.mediaType === 'string' ? d.mediaType : '' };
}
/** Parses manifest bytes, trusting the body's mediaType over the response's Content-Type when both are given. */
function parseManifest(bytes, contentType, where) {
    let json;
    try {
        json = JSON.parse(bytes.toString('utf8'));
    }
    catch {
        throw new errors/* ImageError */.C8(`${where}: the registry sent a manifest that is not JSON; the image cannot be used`);
    }
    if (!json || typeof json !== 'object')
        throw new errors/* ImageError */.C8(`${where}: the registry sent an empty manifest`);
    const mediaType = typeof json.mediaType === 'string' ? json.mediaType : contentType.split(';')[0].trim();
    if (mediaType === MEDIA.dockerList ||
        mediaType === MEDIA.ociIndex ||
        (!json.layers && Array.isArray(json.manifests))) {
        if (!Array.isArray(json.manifests))
            throw new errors/* ImageError */.C8(`${where}: the image index lists no manifests`);
        return {
            kind: 'index',
            mediaType,
            manifests: json.manifests.map((m, i) => descriptor(m, `entry ${i + 1}`, where))
        };
    }
    if (mediaType === MEDIA.dockerManifest ||
        mediaType === MEDIA.ociManifest ||
        (json.config && Array.isArray(json.layers))) {
        if (!Array.isArray(json.layers))
            throw new errors/* ImageError */.C8(`${where}: the manifest lists no layers`);
        return {
            kind: 'manifest',
            mediaType,
            config: descriptor(json.config, 'config', where),
            layers: json.layers.map((l, i) => descriptor(l, `layer ${i + 1}`, where))
        };
    }
    if (json.schemaVersion === 1) {
        throw new errors/* ImageError */.C8(`${where}: the image uses the retired Docker schema 1 manifest; push it again with a current Docker`);
    }
    throw new errors/* ImageError */.C8(`${where}: unsupported manifest media type "${(0,errors/* excerpt */.Kb)(String(mediaType), 80)}"`);
}
function parseImageConfig(bytes, where) {
    let json;
    try {
        json = JSON.parse(bytes.toString('utf8'));
    }
    catch {
        throw new errors/* ImageError */.C8(`${where}: the image config is not JSON; the image cannot be used`);
    }
    const config = (json.config ?? {});
    const str = (v) => (typeof v === 'string' && v !== '' ? v : undefined);
    return {
        architecture: str(json.architecture),
        os: str(json.os),
        variant: str(json.variant),
        env: Array.isArray(config.Env) ? config.Env.filter((e) => typeof e === 'string') : [],
        workingDir: str(config.WorkingDir),
        user: str(config.User)
    };
}

;// CONCATENATED MODULE: ./src/image/publish.ts
/**
 * Publishing a root made in the cache's work area: its metadata written beside it, then one rename
 * into place (cache.ts), so a root is in the cache whole or not at all; a pull of the same image that
 * finished first wins, and this one uses its copy.
 */




/** Publishes `work` (holding rootfs/) as the root of `metadata.manifestDigest` and records what the reference resolved to. */
async function publishRoot(ctx, work, metadata, record, where) {
    const { cache, log } = ctx;
    await external_node_fs_default().promises.writeFile(external_node_path_default().join(work, 'image.json'), JSON.stringify(metadata, null, 2) + '\n', {
        mode: 0o444
    });
    await external_node_fs_default().promises.writeFile(external_node_path_default().join(work, 'last-used'), '', { mode: 0o644 });
    const won = await cache.publishRoot(work, metadata.manifestDigest);
    const published = await intactRoot(cache, metadata.manifestDigest, log);
    if (!published)
        throw new errors/* ImageError */.C8(`${where}: the image root vanished from the cache right after it was made; try again`);
    await cache.writeRecord(record);
    await cache.touchRoot(metadata.manifestDigest);
    return { ...published, won };
}

;// CONCATENATED MODULE: ./src/image/pull-activity.ts
/**
 * What a pull is doing at the moment (downloads, the config, the layer being unpacked), so that a
 * pull stopped by the run's timeout or a cancellation can say everything that was still running,
 * not only whichever part happened to fail first.
 */
class PullActivity {
    running = new Map();
    nextId = 0;
    snapshot;
    constructor(stop) {
        // Taken at once: what was running ends within moments of the stop, each with its own failure.
        stop?.addEventListener('abort', () => (this.snapshot ??= [...this.running.values()].map((say) => say())), {
            once: true
        });
    }
    /** Notes that what `describe()` says is running, until the returned function is called. */
    start(describe) {
        const id = this.nextId++;
        this.running.set(id, describe);
        return () => this.running.delete(id);
    }
    /** What was running when the stop came; empty when nothing was, or no stop came. */
    get stoppedDuring() {
        return this.snapshot ?? [];
    }
}

;// CONCATENATED MODULE: ./src/image/registry-retry.ts
/** When a registry request is tried again: after 429, 5xx and broken connections, with backoff. */
/** Waits between tries: four tries in all, under 4 s of waiting. */
const RETRY_DELAYS_MS = [500, 1000, 2000];
const MAX_RETRY_AFTER_MS = 10_000;
/** How many times a request is tried again after its first try. */
const RETRIES = RETRY_DELAYS_MS.length;
/** How long to wait before try `tries + 2`: the backoff, or longer when the registry said Retry-After (capped). */
function retryDelayMs(tries, retryAfterMs) {
    return Math.min(Math.max(RETRY_DELAYS_MS[tries], retryAfterMs ?? 0), MAX_RETRY_AFTER_MS);
}
/** Waits `ms`, or less when `abandon` is aborted first. */
function sleep(ms, abandon) {
    return new Promise((resolve) => {
        const done = () => {
            clearTimeout(timer);
            abandon?.removeEventListener('abort', done);
            resolve();
        };
        const timer = setTimeout(done, ms);
        abandon?.addEventListener('abort', done, { once: true });
    });
}

;// CONCATENATED MODULE: ./src/image/request-limits.ts
const DEFAULT_REQUEST_LIMITS = {
    idleMs: 60_000,
    requestMs: 120_000,
    // 1 Mbit/s: slower than any runner's network, far faster than a registry that drips.
    minBytesPerSecond: 128 * 1024
};
/** The deadline of a request for `bytes` (0 when not known in advance), in ms from its start. */
function requestDeadlineMs(limits, bytes = 0) {
    return limits.requestMs + Math.ceil((bytes / limits.minBytesPerSecond) * 1000);
}

;// CONCATENATED MODULE: ./src/image/registry-token.ts
/** The Bearer token a registry's 401 challenge asks for, from its token service (credentials only over HTTPS). */




async function fetchToken(params, client) {
    let realm;
    try {
        realm = new URL(params.realm);
    }
    catch {
        throw new errors/* ImageError */.C8(`${client.where}: the registry's token endpoint "${(0,errors/* excerpt */.Kb)(params.realm, 80)}" is not a URL`);
    }
    if (params.service)
        realm.searchParams.set('service', params.service);
    realm.searchParams.set('scope', params.scope || `repository:${client.ref.repository}:pull`);
    const headers = { 'User-Agent': 'krun-action' };
    if (client.credentials) {
        const loopbackHttp = realm.protocol === 'http:' && client.ref.loopback && realm.host === client.ref.endpoint;
        if (realm.protocol !== 'https:' && !loopbackHttp) {
            throw new errors/* ImageError */.C8(`${client.where}: the registry's token endpoint is not HTTPS; refusing to send credentials to it`);
        }
        realm.searchParams.set('account', client.credentials.username);
        headers.Authorization = basicAuthorization(client.credentials);
    }
    const res = await client.withRetries(async () => {
        try {
            const deadline = AbortSignal.timeout(requestDeadlineMs(client.limits));
            const signal = client.stop ? AbortSignal.any([deadline, client.stop]) : deadline;
            const r = await fetch(realm, { headers, signal });
            if (isRetryableStatus(r.status)) {
                await r.body?.cancel();
                throw new TransientError(`the token endpoint answered ${r.status}`);
            }
            return r;
        }
        catch (error) {
            if (error instanceof TransientError)
                throw error;
            if (client.stop?.aborted)
                throw client.stopped('getting a token');
            throw new TransientError(networkProblem(error));
        }
    }, 'getting a token');
    if (res.status === 401 || res.status === 403) {
        await res.body?.cancel();
        throw new errors/* ImageError */.C8(client.credentials
            ? `${client.where}: the registry's token service rejected the username and password (${client.credentialOrigin}); check them`
            : `${client.where}: the registry's token service refused anonymous access; give a username and password`, { inputMistake: !client.credentials });
    }
    if (res.status !== 200) {
        await res.body?.cancel();
        throw new errors/* ImageError */.C8(`${client.where}: the registry's token service answered ${res.status}; try again later`);
    }
    let json;
    try {
        json = (await res.json());
    }
    catch {
        throw new errors/* ImageError */.C8(`${client.where}: the registry's token service sent no token`);
    }
    const token = typeof json.token === 'string' ? json.token : json.access_token;
    if (typeof token !== 'string' || token === '')
        throw new errors/* ImageError */.C8(`${client.where}: the registry's token service sent no token`);
    return token;
}

;// CONCATENATED MODULE: ./src/image/registry.ts
/**
 * A client for the OCI distribution API: HTTPS (plain HTTP only for loopback registries, as Docker),
 * Bearer-token and Basic authentication, redirects to blob storage, retries with backoff, and the
 * limits of request-limits.ts on every request.
 */










const PROBE_TIMEOUT_MS = 5000;
const MAX_REDIRECTS = 5;
const MAX_MANIFEST_BYTES = 8 * 1024 * 1024;
class RegistryClient {
    ref;
    /** 'registry 127.0.0.1:5000, repository test/app' — the prefix of every error this client raises. */
    where;
    credentials;
    credentialOrigin;
    limits;
    stop;
    base;
    authorization;
    constructor(options) {
        this.ref = options.ref;
        this.credentials = options.credentials;
        this.credentialOrigin = options.credentialOrigin ?? 'as given';
        this.where = (0,reference/* whereOf */.de)(options.ref);
        this.limits = { ...DEFAULT_REQUEST_LIMITS, ...options.limits };
        this.stop = options.stop;
    }
    /** The failure of whatever `what` was doing when the stop signal came. */
    stopped(what) {
        return new errors/* ImageError */.C8(`${this.where}: ${what} was not finished when ${stopReason(this.stop)}`);
    }
    /** HTTPS, except that a loopback registry that does not speak TLS is reached over HTTP (as Docker). */
    async baseUrl() {
        if (this.base)
            return this.base;
        const https = `https://${this.ref.endpoint}`;
        if (!this.ref.loopback)
            return (this.base = https);
        try {
            const res = await fetch(`${https}/v2/`, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS), redirect: 'manual' });
            await res.body?.cancel();
            this.base = https;
        }
        catch {
            this.base = `http://${this.ref.endpoint}`;
        }
        return this.base;
    }
    /**
     * One request with redirects followed by hand, so Authorization never goes to another host. Its
     * idle timer restarts with every chunk that arrives; its deadline (for `bytes`, when known) does not.
     */
    async sendOnce(url, { what, accept, method, abandon, bytes }) {
        const controller = new AbortController();
        let limitHit;
        let received = 0;
        const deadlineMs = requestDeadlineMs(this.limits, bytes);
        let idleTimer;
        const touch = () => {
            clearTimeout(idleTimer);
            idleTimer = setTimeout(() => {
                limitHit ??= 'idle';
                controller.abort();
            }, this.limits.idleMs);
            idleTimer.unref?.();
        };
        const deadlineTimer = setTimeout(() => {
            limitHit ??= 'deadline';
            controller.abort();
        }, deadlineMs);
        deadlineTimer.unref?.();
        const stopTimers = () => {
            clearTimeout(idleTimer);
            clearTimeout(deadlineTimer);
        };
        touch();
        const cutShort = () => {
            if (this.stop?.aborted)
                return this.stopped(what);
            if (limitHit === 'deadline')
                return tooSlow(this.where, what, deadlineMs, received);
            if (limitHit === 'idle')
                return new TransientError(`the connection stalled: nothing arrived for ${(0,progress/* formatSeconds */.X)(this.limits.idleMs)}`);
            return undefined;
        };
        const origin = new URL(url).host;
        let current = url;
        try {
            for (let hop = 0;; hop++) {
                const headers = { 'User-Agent': 'krun-action' };
                if (accept)
                    headers.Accept = accept;
                if (this.authorization && new URL(current).host === origin)
                    headers.Authorization = this.authorization;
                const signals = [controller.signal, abandon, this.stop].filter((signal) => signal !== undefined);
                const res = await fetch(current, { method, headers, redirect: 'manual', signal: AbortSignal.any(signals) });
                const location = res.headers.get('location');
                if (res.status >= 300 && res.status < 400 && location) {
                    await res.body?.cancel();
                    if (hop >= MAX_REDIRECTS)
                        throw new errors/* ImageError */.C8(`${this.where}: too many redirects; the registry is misconfigured`);
                    const next = new URL(location, current);
                    if (next.protocol !== 'https:' && !(next.protocol === 'http:' && new URL(current).protocol === 'http:')) {
                        throw new errors/* ImageError */.C8(`${this.where}: the registry redirected to a ${next.protocol} URL; refusing to follow it`);
                    }
                    current = next.toString();
                    continue;
                }
                // Every chunk restarts the idle timer on its way through (a 'data' listener would start the
                // stream flowing before the caller reads it).
                const raw = res.body ? external_node_stream_.Readable.fromWeb(res.body) : external_node_stream_.Readable.from([]);
                const body = new external_node_stream_.Transform({
                    transform(chunk, _encoding, callback) {
                        received += chunk.length;
                        touch();
                        callback(null, chunk);
                    }
                });
                (0,external_node_stream_.pipeline)(raw, body, () => undefined);
                const close = () => {
                    stopTimers();
                    body.destroy();
                };
                body.once('close', stopTimers);
                body.once('end', stopTimers);
                return { status: res.status, headers: res.headers, body, close, cutShort };
            }
        }
        catch (error) {
            stopTimers();
            if (error instanceof errors/* ImageError */.C8)
                throw error;
            throw cutShort() ?? new TransientError(networkProblem(error));
        }
    }
    /** Answers a 401's challenge; returns false when there is nothing more to try. */
    async authenticate(challengeHeader, tried) {
        const challenges = parseChallenges(challengeHeader);
        const bearer = challenges.find((c) => c.scheme === 'bearer');
        if (bearer && bearer.params.realm) {
            if (tried.has('bearer'))
                return false;
            tried.add('bearer');
            this.authorization = `Bearer ${await fetchToken(bearer.params, this)}`;
            return true;
        }
        if (challenges.some((c) => c.scheme === 'basic') && this.credentials && !tried.has('basic')) {
            tried.add('basic');
            this.authorization = basicAuthorization(this.credentials);
            return true;
        }
        return false;
    }
    /**
     * Runs `attempt` up to 1 + RETRIES times while it throws TransientError; once
     * `abandon` is aborted, the failure it caused is thrown as it is, without another try.
     */
    async withRetries(attempt, what, abandon) {
        for (let tries = 0;; tries++) {
            try {
                return await attempt();
            }
            catch (error) {
                if (this.stop?.aborted && !(error instanceof errors/* ImageError */.C8))
                    throw this.stopped(what);
                if (!(error instanceof TransientError) || abandon?.aborted)
                    throw error;
                if (tries >= RETRIES) {
                    throw new errors/* ImageError */.C8(`${this.where}: ${what} failed after ${tries + 1} tries: ${error.message}; check that the registry is reachable and try again`);
                }
                const retryAfter = error.retryAfterMs;
                await sleep(retryDelayMs(tries, retryAfter), abandon && this.stop ? AbortSignal.any([abandon, this.stop]) : (abandon ?? this.stop));
                if (this.stop?.aborted)
                    throw this.stopped(what);
                if (abandon?.aborted)
                    throw error;
            }
        }
    }
    /**
     * GETs a path under /v2/<repository>/, authenticating on 401, and hands a 2xx response to `consume`.
     * Transient failures (429, 5xx, a broken or stalled connection, also while `consume` reads the body)
     * start over with backoff; anything else becomes an ImageError naming the problem. Aborting
     * `abandon` breaks off the request (the pull it belongs to has failed).
     */
    async request(path, what, accept, consume, { method = 'GET', abandon, bytes } = {}) {
        if (this.stop?.aborted)
            throw this.stopped(what);
        const url = `${await this.baseUrl()}/v2/${this.ref.repository}/${path}`;
        const tried = new Set();
        return this.withRetries(async () => {
            for (;;) {
                const res = await this.sendOnce(url, { what, accept, method, abandon, bytes });
                if (res.status === 401 && (await this.authenticate(res.headers.get('www-authenticate'), tried))) {
                    res.close();
                    continue;
                }
                if (isRetryableStatus(res.status)) {
                    res.close();
                    const err = new TransientError(`the registry answered ${res.status}`);
                    const after = Number(res.headers.get('retry-after'));
                    if (Number.isFinite(after) && after > 0)
                        err.retryAfterMs = after * 1000;
                    throw err;
                }
                if (res.status < 200 || res.status >= 300)
                    throw await statusError(res, what, this);
                try {
                    return await consume(res);
                }
                catch (error) {
                    if (error instanceof errors/* ImageError */.C8)
                        throw error;
                    const limit = res.cutShort();
                    if (limit)
                        throw limit;
                    if (error instanceof TransientError)
                        throw error;
                    throw new TransientError(networkProblem(error));
                }
                finally {
                    res.close();
                }
            }
        }, what, abandon);
    }
    /**
     * The digest a tag names now, from a HEAD request's Docker-Content-Digest (which registries do not count
     * against pull rate limits); undefined when the registry does not say.
     */
    async headManifest(tag, accept) {
        const digest = await this.request(`manifests/${tag}`, `checking the tag ${tag}`, accept, (res) => Promise.resolve(res.headers.get('docker-content-digest')), { method: 'HEAD' });
        return digest && /^sha256:[a-f0-9]{64}$/.test(digest) ? digest : undefined;
    }
    /** Fetches a manifest (by tag or digest) with all the media types this module reads. */
    async getManifest(reference, accept) {
        const what = `fetching the manifest ${reference.length > 20 ? reference.slice(0, 19) + '…' : reference}`;
        return this.request(`manifests/${reference}`, what, accept, async (res) => ({
            bytes: await readLimited(res.body, MAX_MANIFEST_BYTES, { where: this.where, what }),
            contentType: res.headers.get('content-type') ?? ''
        }));
    }
}

;// CONCATENATED MODULE: ./src/image/request.ts
function prepared(rootfs, metadata, fromCache, digest) {
    return {
        rootfs,
        digest,
        manifestDigest: metadata.manifestDigest,
        reference: metadata.reference,
        platform: metadata.platform,
        sizeBytes: metadata.sizeBytes,
        fromCache,
        config: metadata.config
    };
}

;// CONCATENATED MODULE: ./src/image/resolve.ts
/** Resolving a reference: its manifest (through an image index for multi-platform images), checked against its digest, for one platform. */





/** Does an image whose config says `config` run on `platform`? (A config without an architecture is trusted.) */
function runsOn(config, platform) {
    return !config.architecture || platformMatches({ ...config, os: config.os ?? 'linux' }, platform);
}
function wrongPlatform(where, ref, config, platform) {
    const wanted = showPlatform(platform);
    return new errors/* ImageError */.C8(`${where}: ${ref.normalized} is built for ${showPlatform(config)}, not ${wanted}; use an image built for ${wanted}`, { inputMistake: true });
}
/** Throws when a layer is of a kind this module cannot unpack (encrypted, or not a tar). */
function checkLayerTypes(manifest, where) {
    manifest.layers.forEach((layer, i) => {
        if (!isLayerMediaType(layer.mediaType)) {
            throw new errors/* ImageError */.C8(`${where}: layer ${i + 1} has media type "${(0,errors/* excerpt */.Kb)(layer.mediaType, 80)}", which is not a filesystem layer this action can unpack`);
        }
    });
}
async function resolve(client, ref, platform) {
    const where = client.where;
    const top = await client.getManifest(ref.digest ?? ref.tag, MANIFEST_ACCEPT);
    const digest = sha256(top.bytes);
    if (ref.digest && digest !== ref.digest) {
        throw new errors/* ImageError */.C8(`${where}: the manifest the registry sent does not match the pinned digest ${shortDigest(ref.digest)}…; ` +
            'its copy is corrupt or was altered, check the registry');
    }
    const parsed = parseManifest(top.bytes, top.contentType, where);
    if (parsed.kind === 'manifest')
        return { digest, manifestDigest: digest, manifest: parsed, fromIndex: false };
    const { chosen, available } = pickManifest(parsed.manifests, platform);
    if (!chosen) {
        throw new errors/* ImageError */.C8(`${where}: ${ref.normalized} has no ${showPlatform(platform)} image; it has ${available.length > 0 ? available.join(', ') : 'no platforms listed'}; ` +
            `use an image built for ${showPlatform(platform)}`, { inputMistake: true });
    }
    const inner = await client.getManifest(chosen.digest, MANIFEST_ACCEPT);
    if (sha256(inner.bytes) !== chosen.digest) {
        throw new errors/* ImageError */.C8(`${where}: the ${showPlatform(platform)} manifest the registry sent does not match its digest ` +
            `${shortDigest(chosen.digest)}…; push the image again`);
    }
    const manifest = parseManifest(inner.bytes, inner.contentType, where);
    if (manifest.kind !== 'manifest')
        throw new errors/* ImageError */.C8(`${where}: the image index nests another index; such images are not supported`);
    return { digest, manifestDigest: chosen.digest, manifest, fromIndex: true };
}

;// CONCATENATED MODULE: ./src/image/reuse.ts






/** The root cached for the reference, without asking the registry: what it last resolved to, or the digest it pins. */
async function cachedRoot(cache, ref, platform, log) {
    const record = await cache.readRecord(ref.normalized, showPlatform(platform));
    if (record) {
        const found = await intactRoot(cache, record.manifestDigest, log);
        if (found)
            return { ...found, digest: record.digest };
    }
    if (ref.digest) {
        const found = await intactRoot(cache, ref.digest, log);
        if (found && runsOn(found.metadata.config, platform))
            return { ...found, digest: ref.digest };
    }
    return undefined;
}
/**
 * The root cached for the tag when the registry says (by a HEAD request, which registries do not count
 * against pull rate limits) that the tag still names what it named then; its record is refreshed.
 */
async function unchangedRoot(ctx, client) {
    const { ref, cache, log } = ctx;
    if (ref.digest)
        return undefined;
    const previous = await cache.readRecord(ref.normalized, ctx.platformText);
    if (!previous)
        return undefined;
    const now = await client.headManifest(ref.tag, MANIFEST_ACCEPT).catch(() => undefined);
    const found = now === previous.digest ? await intactRoot(cache, previous.manifestDigest, log) : undefined;
    if (!found)
        return undefined;
    await cache.writeRecord({ ...previous, updated: new Date().toISOString() });
    return { ...found, digest: previous.digest };
}
/** Hands out a cached root: records what the reference resolved to (when `record` is given), marks it used, says so, evicts. */
async function reuse(ctx, found, line, record) {
    if (record)
        await ctx.cache.writeRecord(record);
    await ctx.cache.touchRoot(found.metadata.manifestDigest);
    ctx.log(line);
    await evict(ctx.cache, ctx.maxBytes, found.metadata, ctx.log);
    return prepared(found.rootfs, found.metadata, true, found.digest);
}

;// CONCATENATED MODULE: ./src/image/unpack.ts


/** A layer's bytes, ending in `failure()` once `stop` is aborted. */
async function* untilStopped(bytes, stop, failure) {
    for await (const chunk of bytes) {
        if (stop?.aborted)
            throw failure();
        yield chunk;
    }
}
/** Builds the root at `rootfs` from `layers`; returns its disk use in bytes. */
async function unpackLayers(rootfs, layers, downloads, options) {
    const { where, label, activity } = options;
    const builder = new RootBuilder(rootfs, { budget: options.budget, storage: options.storage });
    for (const [i, layer] of layers.entries()) {
        const bytes = untilStopped(downloads.bytes(i, layer.digest), options.stop, () => options.stopped(`unpacking ${label(i)}`));
        const unpacked = activity.start(() => `unpacking ${label(i)}`);
        try {
            await builder.applyLayer(bytes, `${where}: ${label(i)}`);
        }
        catch (error) {
            await downloads.finished(i); // when the download failed, that is the problem to report
            throw error;
        }
        finally {
            unpacked();
        }
        await downloads.finished(i); // the file is verified against its digest; what was unpacked is checked next
        if (!downloads.readMatches(i, layer.digest)) {
            throw new errors/* ImageError */.C8(`${where}: ${label(i)}: the bytes unpacked while it downloaded do not match its digest ` +
                '(the registry sent other bytes before a connection broke); the image was not cached, try again');
        }
    }
    builder.finish();
    for (const line of unpackNotes(builder.stats))
        options.log(`  ${line}`);
    return builder.diskUsage;
}

;// CONCATENATED MODULE: ./src/image/pull.ts
/**
 * A pull, in order: reuse a cached root the registry says is current (reuse.ts), resolve the
 * reference (resolve.ts), download the missing layers (download-scheduler.ts) while unpacking and
 * verifying them (unpack.ts) into the cache's work area, publish the root (publish.ts), evict.
 */





















function registryClient(ctx) {
    const { request, ref, log } = ctx;
    const resolved = resolveCredentials(ref.registry, request.credentials, request.env ?? process.env);
    const client = new RegistryClient({
        ref,
        credentials: resolved.credentials,
        credentialOrigin: resolved.origin,
        limits: request.limits,
        stop: request.signal
    });
    if (resolved.problem)
        log(`${resolved.problem}; pulling anonymously`);
    const how = !resolved.credentials
        ? 'anonymously'
        : request.credentials?.username
            ? 'with the given credentials'
            : `with credentials ${resolved.origin}`;
    log(`Resolving ${ref.normalized} for ${ctx.platformText} at ${ref.endpoint} (${how})`);
    return client;
}
async function pull(ctx) {
    const { request, ref, platform, platformText, cache, log } = ctx;
    const started = Date.now();
    const client = registryClient(ctx);
    const unchanged = await unchangedRoot(ctx, client);
    if (unchanged) {
        const short = `${shortDigest(unchanged.digest)}…`;
        return reuse(ctx, unchanged, `${ref.normalized} is unchanged (${short}), already in the image cache; nothing to download`);
    }
    const { digest, manifestDigest, manifest, fromIndex } = await resolve(client, ref, platform);
    const record = {
        reference: ref.normalized,
        platform: platformText,
        digest,
        manifestDigest,
        updated: new Date().toISOString()
    };
    const where = client.where;
    const existing = await intactRoot(cache, manifestDigest, log);
    if (existing && !fromIndex && !runsOn(existing.metadata.config, platform))
        throw wrongPlatform(where, ref, existing.metadata.config, platform);
    if (existing) {
        const line = `${ref.normalized} is ${shortDigest(digest)}…, already in the image cache; nothing to download`;
        return reuse(ctx, { ...existing, digest }, line, record);
    }
    checkLayerTypes(manifest, where);
    const layers = manifest.layers;
    log(`Pulling ${ref.normalized} (${shortDigest(digest)}…): ${layers.length} layer${layers.length === 1 ? '' : 's'}, ` +
        (0,progress/* formatBytes */.z)(layers.reduce((s, l) => s + l.size, 0)));
    const label = (i) => `layer ${i + 1}/${layers.length} ${shortDigest(layers[i].digest)}…`;
    const activity = new PullActivity(request.signal);
    const downloads = new DownloadScheduler({ client, cache, activity, log, label });
    // The config is fetched alongside the layers; when the pull fails, whatever is still downloading is
    // broken off rather than waited for.
    const configFetch = fetchSmallBlob(client, manifest.config, 'fetching the image config', downloads.signal);
    const configDone = activity.start(() => 'fetching the image config');
    configFetch.then(configDone, configDone);
    const work = cache.tempPath('pull');
    const rootfs = external_node_path_default().join(work, 'rootfs');
    try {
        await external_node_fs_default().promises.mkdir(rootfs, { recursive: true, mode: 0o755 });
        await downloads.start(layers);
        const config = parseImageConfig(await configFetch, where);
        if (!fromIndex && !runsOn(config, platform))
            throw wrongPlatform(where, ref, config, platform);
        const compressed = layers.reduce((sum, layer) => sum + layer.size, 0);
        const sizeBytes = await unpackLayers(rootfs, layers, downloads, {
            where,
            label,
            budget: unpackBudget(compressed, ctx.maxBytes),
            storage: cache.dir,
            activity,
            stop: request.signal,
            stopped: (what) => client.stopped(what),
            log
        });
        const metadata = {
            manifestDigest,
            digest,
            reference: ref.normalized,
            platform: platformText,
            sizeBytes,
            layers: layers.map((l) => l.digest),
            config,
            created: new Date().toISOString(),
            fingerprint: rootFingerprint(rootfs)
        };
        const published = await publishRoot(ctx, work, metadata, record, where);
        log(`Pulled ${ref.normalized} (${shortDigest(digest)}…, ${platformText}): ${(0,progress/* formatBytes */.z)(downloads.downloaded)} downloaded, ` +
            `${(0,progress/* formatBytes */.z)(published.metadata.sizeBytes)} unpacked, in ${(0,progress/* formatSeconds */.X)(Date.now() - started)}` +
            (published.won ? '' : ' (another pull of the same image finished first; using its copy)'));
        await evict(cache, ctx.maxBytes, published.metadata, log);
        return prepared(published.rootfs, published.metadata, false, digest);
    }
    catch (error) {
        const running = activity.stoppedDuring;
        if (request.signal?.aborted && running.length > 0) {
            throw new errors/* ImageError */.C8(`${where}: the pull was not finished when ${stopReason(request.signal)}; still running: ${running.join(', ')}`);
        }
        throw error;
    }
    finally {
        await downloads.close();
        await (0,tree/* removeTree */.d)(work).catch(() => undefined);
    }
}

;// CONCATENATED MODULE: ./src/image/index.ts
/**
 * OCI images as microVM roots: prepareImage turns an image reference into an unpacked, cached,
 * read-only root directory. No Docker daemon or CLI is involved; the registry is spoken to directly.
 *
 *   const image = await prepareImage({ reference: 'alpine:3.20', pull: 'missing', cacheDir, log: core.info })
 *   // image.rootfs is the directory to share read-only as the guest's base filesystem
 *
 * Every failure a user can act on is an ImageError with a one-line message naming the registry and
 * repository, the problem and what to do; it never contains a credential or token.
 *
 * The cache (see cache.ts) keys unpacked roots by platform manifest digest and records which digest
 * each reference resolved to, so `pull: 'missing'` needs no network once an image is cached. It is capped
 * at `maxCacheBytes` (default DEFAULT_MAX_CACHE_BYTES, 10 GiB) by least-recently-used eviction.
 *
 * What differs when not running as root: file owners are not set (every file belongs to the user
 * running the pull), device nodes are not created, and extended attributes outside `user.*` (file
 * capabilities, `trusted.*`) are not set; FIFOs, modes (setuid/setgid/sticky included), symlinks, hard
 * links and mtimes are kept either way. Extended attributes need setfattr (see xattrs.ts).
 */












/** Prepares the root directory of an image: from the cache, or pulled, verified and unpacked into it. */
async function prepareImage(request) {
    const ref = (0,reference/* parseImageReference */.o_)(request.reference);
    if (!pull_policy/* PULL_POLICIES */.z.includes(request.pull)) {
        throw new errors/* ImageError */.C8(`${(0,reference/* whereOf */.de)(ref)}: pull must be one of ${pull_policy/* PULL_POLICIES */.z.join(', ')}, not "${(0,errors/* excerpt */.Kb)(String(request.pull), 40)}"`);
    }
    if (typeof request.cacheDir !== 'string' || request.cacheDir === '') {
        throw new errors/* ImageError */.C8(`${(0,reference/* whereOf */.de)(ref)}: no image cache directory was given; set one`);
    }
    const platform = platformFor(request.arch);
    const platformText = showPlatform(platform);
    const maxBytes = request.maxCacheBytes ?? image_cache/* DEFAULT_MAX_CACHE_BYTES */.Qi;
    const cache = new image_cache/* ImageCache */.Ss(external_node_path_default().resolve(request.cacheDir));
    const log = request.log;
    const ctx = { request, ref, platform, platformText, cache, maxBytes, log };
    try {
        await cache.init();
        if (request.pull !== 'always') {
            const cached = await cachedRoot(cache, ref, platform, log);
            if (cached) {
                const line = `Using ${ref.normalized} (${shortDigest(cached.digest)}…, ${platformText}) from the image cache; nothing to download`;
                return await reuse(ctx, cached, line);
            }
            if (request.pull === 'never') {
                throw new errors/* ImageError */.C8(`${(0,reference/* whereOf */.de)(ref)}: ${ref.normalized} for ${platformText} is not in the image cache and pull is "never"; ` +
                    'set pull to "missing" or "always" to download it', { inputMistake: true });
            }
        }
        const proxy = (0,image_proxy/* useProxyFromEnv */.b)(request.env ?? process.env, (0,reference/* whereOf */.de)(ref));
        if (proxy.description)
            log(proxy.description);
        try {
            return await pull(ctx);
        }
        finally {
            proxy.restore();
        }
    }
    catch (error) {
        if (error instanceof errors/* ImageError */.C8)
            throw error;
        const code = (0,errors/* errorCode */.CA)(error);
        if (code === 'ENOSPC' || code === 'EDQUOT') {
            throw new errors/* ImageError */.C8(`${(0,reference/* whereOf */.de)(ref)}: the disk of the image cache ${cache.dir} is full (${code}) while preparing ${ref.normalized}; ` +
                'free space there or move the image cache');
        }
        throw new errors/* ImageError */.C8(`${(0,reference/* whereOf */.de)(ref)}: preparing ${ref.normalized} in the image cache failed: ${(0,errors/* describeFailure */.Ic)(error)}`);
    }
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


/***/ })

};
