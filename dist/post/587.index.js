export const id = 587;
export const ids = [587];
export const modules = {

/***/ 587:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ImageCache: () => (/* binding */ ImageCache),
/* harmony export */   Q: () => (/* binding */ DEFAULT_MAX_CACHE_BYTES),
/* harmony export */   m: () => (/* binding */ EVICTION_GRACE_MS)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(24);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(62);
/* harmony import */ var _tree_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(841);
/* harmony import */ var _work_area_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(643);
/**
 * The image cache. Layout under the caller's cache directory:
 *
 *   roots/sha256-<hex>/rootfs      an unpacked image root, keyed by its platform manifest's digest
 *   roots/sha256-<hex>/image.json  what it is: reference, digests, platform, size, config
 *   roots/sha256-<hex>/last-used   an empty file whose mtime is the last use (for LRU eviction)
 *   blobs/sha256-<hex>             layer blobs as fetched (verified), so a moved tag refetches only new layers
 *   refs/<sha256 of reference and platform>.json   the digest a reference resolved to last time
 *   tmp/                           work in progress; renamed into roots/ or blobs/ when complete
 *
 * The cache directory and these four are mode 0700.
 *
 * Everything appears by an atomic rename from tmp/, so a killed pull leaves no half entry, and two
 * processes pulling one image both succeed (the loser of the rename drops its copy and uses the winner's).
 * A published root is never modified; its entry directory is made read-only, and the root's
 * fingerprint (root-fingerprint.ts) is recorded so that a change made anyway is noticed on use.
 */






/** The default cap on the cache's size: 10 GiB. */
const DEFAULT_MAX_CACHE_BYTES = 10 * 1024 ** 3;
/**
 * Entries used this recently are never evicted: another job may be running on them. Six hours is a
 * job's default timeout-minutes (360) and the most a GitHub-hosted job may run.
 */
const EVICTION_GRACE_MS = 6 * 60 * 60 * 1000;
/** The cache's own directories: only its user may enter them. */
const PRIVATE_DIR_MODE = 0o700;
function hex(digest) {
    return digest.replace(/^sha256:/, '');
}
class ImageCache {
    dir;
    roots;
    blobs;
    refs;
    tmp;
    work;
    constructor(dir) {
        this.dir = dir;
        this.roots = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, 'roots');
        this.blobs = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, 'blobs');
        this.refs = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, 'refs');
        this.tmp = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, 'tmp');
        this.work = new _work_area_js__WEBPACK_IMPORTED_MODULE_5__/* .WorkArea */ .H(this.tmp);
    }
    /**
     * Makes the cache's directories, private to the user running the pull (older caches made them
     * 0755 and are tightened): roots made as root hold images' setuid binaries and device nodes, and
     * a private image's files are no one else's to read.
     */
    async init() {
        for (const dir of [this.dir, this.roots, this.blobs, this.refs, this.tmp]) {
            await node_fs__WEBPACK_IMPORTED_MODULE_1___default().promises.mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
            if (((await node_fs__WEBPACK_IMPORTED_MODULE_1___default().promises.stat(dir)).mode & 0o7777) !== PRIVATE_DIR_MODE)
                await node_fs__WEBPACK_IMPORTED_MODULE_1___default().promises.chmod(dir, PRIVATE_DIR_MODE);
        }
        await this.removeStaleTemps();
    }
    /** A new name in tmp/ that says which process (its pid and start time) of which host owns it. */
    tempPath(kind) {
        return this.work.path(kind);
    }
    /**
     * Removes the temporary entries whose process is gone (a pull killed outright leaves its half
     * unpacked root) and any a day old.
     */
    async removeStaleTemps() {
        await this.work.removeStale();
    }
    entryDir(manifestDigest) {
        return node_path__WEBPACK_IMPORTED_MODULE_2___default().join(this.roots, `sha256-${hex(manifestDigest)}`);
    }
    blobPath(digest) {
        return node_path__WEBPACK_IMPORTED_MODULE_2___default().join(this.blobs, `sha256-${hex(digest)}`);
    }
    /** The cached root for a manifest digest, if one is published and intact. */
    async findRoot(manifestDigest) {
        const entry = this.entryDir(manifestDigest);
        try {
            const metadata = JSON.parse(await node_fs__WEBPACK_IMPORTED_MODULE_1___default().promises.readFile(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(entry, 'image.json'), 'utf8'));
            const rootfs = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(entry, 'rootfs');
            if (!(await node_fs__WEBPACK_IMPORTED_MODULE_1___default().promises.lstat(rootfs)).isDirectory())
                return undefined;
            return { rootfs, metadata };
        }
        catch {
            return undefined;
        }
    }
    /** Marks a root as used now (LRU). */
    async touchRoot(manifestDigest) {
        const now = new Date();
        // The mark only orders eviction: a root that cannot be marked is at worst evicted sooner.
        await node_fs__WEBPACK_IMPORTED_MODULE_1___default().promises.utimes(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(this.entryDir(manifestDigest), 'last-used'), now, now).catch(() => undefined);
    }
    async hasBlob(digest, size) {
        try {
            const stat = await node_fs__WEBPACK_IMPORTED_MODULE_1___default().promises.stat(this.blobPath(digest));
            if (stat.size !== size)
                return false;
            const now = new Date();
            await node_fs__WEBPACK_IMPORTED_MODULE_1___default().promises.utimes(this.blobPath(digest), now, now);
            return true;
        }
        catch {
            return false;
        }
    }
    async publishBlob(tempFile, digest) {
        await node_fs__WEBPACK_IMPORTED_MODULE_1___default().promises.chmod(tempFile, 0o444);
        await node_fs__WEBPACK_IMPORTED_MODULE_1___default().promises.rename(tempFile, this.blobPath(digest));
    }
    /**
     * Moves a finished entry (a directory holding rootfs/, image.json and last-used) into roots/.
     * Returns false when another process published the same digest first; the temporary copy is then removed.
     */
    async publishRoot(tempEntry, manifestDigest) {
        const final = this.entryDir(manifestDigest);
        for (let attempt = 0;; attempt++) {
            try {
                await node_fs__WEBPACK_IMPORTED_MODULE_1___default().promises.rename(tempEntry, final);
                await node_fs__WEBPACK_IMPORTED_MODULE_1___default().promises.chmod(final, 0o555);
                return true;
            }
            catch (error) {
                if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorCode */ .CA)(error) !== 'ENOTEMPTY' && (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorCode */ .CA)(error) !== 'EEXIST')
                    throw error;
            }
            if ((await this.findRoot(manifestDigest)) || attempt > 0) {
                await (0,_tree_js__WEBPACK_IMPORTED_MODULE_4__/* .removeTree */ .d)(tempEntry);
                return false;
            }
            // Something unreadable sits there (not made by this module): set it aside and try once more.
            await this.discardEntry(final);
        }
    }
    /** Removes a published root (one found changed since it was cached). */
    async discardRoot(manifestDigest) {
        await this.discardEntry(this.entryDir(manifestDigest));
    }
    async discardEntry(entry) {
        await node_fs__WEBPACK_IMPORTED_MODULE_1___default().promises.chmod(entry, 0o755).catch(() => undefined); // the rename below reports what matters
        const aside = this.tempPath('evict');
        try {
            await node_fs__WEBPACK_IMPORTED_MODULE_1___default().promises.rename(entry, aside);
        }
        catch (error) {
            if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorCode */ .CA)(error) === 'ENOENT')
                return;
            throw error;
        }
        await (0,_tree_js__WEBPACK_IMPORTED_MODULE_4__/* .removeTree */ .d)(aside);
    }
    recordFile(reference, platform) {
        return node_path__WEBPACK_IMPORTED_MODULE_2___default().join(this.refs, `${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(`${reference}\n${platform}`).digest('hex')}.json`);
    }
    async readRecord(reference, platform) {
        try {
            const record = JSON.parse(await node_fs__WEBPACK_IMPORTED_MODULE_1___default().promises.readFile(this.recordFile(reference, platform), 'utf8'));
            return record.reference === reference && record.platform === platform ? record : undefined;
        }
        catch {
            return undefined;
        }
    }
    async writeRecord(record) {
        const temp = this.tempPath('ref');
        await node_fs__WEBPACK_IMPORTED_MODULE_1___default().promises.writeFile(temp, JSON.stringify(record, null, 2) + '\n', { mode: 0o644 });
        await node_fs__WEBPACK_IMPORTED_MODULE_1___default().promises.rename(temp, this.recordFile(record.reference, record.platform));
    }
    /** Total size of roots and blobs, as recorded (roots) and stat'ed (blobs). */
    async inventory() {
        const items = [];
        for (const name of await node_fs__WEBPACK_IMPORTED_MODULE_1___default().promises.readdir(this.roots).catch(() => [])) {
            const entry = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(this.roots, name);
            const digest = `sha256:${name.replace(/^sha256-/, '')}`;
            const found = await this.findRoot(digest);
            const used = await node_fs__WEBPACK_IMPORTED_MODULE_1___default().promises.stat(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(entry, 'last-used')).then((s) => s.mtimeMs, () => 0);
            items.push({ kind: 'root', key: digest, path: entry, size: found?.metadata.sizeBytes ?? 0, used });
        }
        for (const name of await node_fs__WEBPACK_IMPORTED_MODULE_1___default().promises.readdir(this.blobs).catch(() => [])) {
            const file = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(this.blobs, name);
            const stat = await node_fs__WEBPACK_IMPORTED_MODULE_1___default().promises.stat(file).catch(() => undefined); // undefined: evicted meanwhile by another pull
            if (stat)
                items.push({
                    kind: 'blob',
                    key: `sha256:${name.replace(/^sha256-/, '')}`,
                    path: file,
                    size: stat.size,
                    used: stat.mtimeMs
                });
        }
        return items;
    }
    /**
     * Least-recently-used eviction down to `maxBytes`: layer blobs first (a root is worth more than
     * the blobs it was made from), then roots. Never evicts what `keep` names, nor anything used
     * within `graceMs`. Returns what it removed.
     */
    async evict(maxBytes, keep, graceMs = EVICTION_GRACE_MS) {
        const removed = [];
        let freedBytes = 0;
        if (!Number.isFinite(maxBytes))
            return { removed, freedBytes };
        const items = await this.inventory();
        let total = items.reduce((sum, item) => sum + item.size, 0);
        if (total <= maxBytes)
            return { removed, freedBytes };
        const now = Date.now();
        const candidates = items
            .filter((item) => !keep.has(item.key) && now - item.used >= graceMs)
            .sort((a, b) => (a.kind === b.kind ? a.used - b.used : a.kind === 'blob' ? -1 : 1));
        for (const item of candidates) {
            if (total <= maxBytes)
                break;
            if (item.kind === 'blob')
                await node_fs__WEBPACK_IMPORTED_MODULE_1___default().promises.rm(item.path, { force: true });
            else
                await this.discardEntry(item.path);
            total -= item.size;
            freedBytes += item.size;
            removed.push(item.key);
        }
        return { removed, freedBytes };
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
