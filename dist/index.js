import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
import * as __WEBPACK_EXTERNAL_MODULE__no_http_client_js_4f3981f0__ from "./no-http-client.js";
/******/ var __webpack_modules__ = ({

/***/ 986:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  r: () => (/* binding */ findDistDir)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(24);
var external_node_fs_default = /*#__PURE__*/__nccwpck_require__.n(external_node_fs_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
;// CONCATENATED MODULE: external "node:url"
const external_node_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");
// EXTERNAL MODULE: ./src/engine/early-start.ts
var early_start = __nccwpck_require__(464);
// EXTERNAL MODULE: ./src/engine/errors.ts
var errors = __nccwpck_require__(679);
;// CONCATENATED MODULE: ./src/action/dist-dir.ts
/** Finds dist/ (the VM process's bundle and the guest init) from wherever the action runs. */





/**
 * The bundle runs as dist/index.js, so dist/ is its own directory; from the sources
 * (GitHub's local-action runs src/action/main.ts) it is the repository's dist/.
 */
function findDistDir(moduleUrl = import.meta.url) {
    const here = external_node_path_default().dirname((0,external_node_url_namespaceObject.fileURLToPath)(moduleUrl));
    const candidates = [here, external_node_path_default().resolve(here, '..', '..', 'dist')];
    const found = candidates.find((dir) => external_node_fs_default().existsSync((0,early_start/* vmEntry */.iC)(dir)));
    if (!found)
        throw new errors/* HostError */.dh(`cannot find the action's dist/ (looked in ${candidates.join(', ')}); run npm run bundle`);
    return found;
}


/***/ }),

/***/ 218:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _engine_early_start_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(464);
/* harmony import */ var _dist_dir_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(986);
/* harmony import */ var _state_file_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(590);
/**
 * The action's entry point (dist/index.js). When the step has commands and names its
 * libkrun, the VM process is started before the rest of the action loads, so that the two
 * Node starts overlap; main.ts then hands it its configuration, or discards it.
 */



function tryEarlyStart() {
    if (!process.env.INPUT_COMMANDS?.trim())
        return undefined;
    try {
        // The post step learns of the run directory before it exists: the action may be killed at any time.
        const announce = (dir) => (0,_state_file_js__WEBPACK_IMPORTED_MODULE_2__/* .appendState */ .M)(process.env, _state_file_js__WEBPACK_IMPORTED_MODULE_2__/* .STATE */ .c.runDir, dir);
        return (0,_engine_early_start_js__WEBPACK_IMPORTED_MODULE_0__/* .startEarly */ .wM)(process.env, process.cwd(), (0,_dist_dir_js__WEBPACK_IMPORTED_MODULE_1__/* .findDistDir */ .r)(), (0,_engine_early_start_js__WEBPACK_IMPORTED_MODULE_0__/* .actionTempDir */ .O4)(process.env), announce);
    }
    catch {
        // Only a head start: main.ts meets and reports the same problem in its own words.
        return undefined;
    }
}
const early = tryEarlyStart();
const { run } = await Promise.all(/* import() */[__nccwpck_require__.e(838), __nccwpck_require__.e(236)]).then(__nccwpck_require__.bind(__nccwpck_require__, 236));
await run(early);

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 590:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ appendState),
/* harmony export */   c: () => (/* binding */ STATE)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(24);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/**
 * Writes one value to the step's state file (GITHUB_STATE) as the runner reads it, without
 * @actions/core: the entry point must save its early run directory before that loads (see index.ts).
 */


/** The state names main and post share (state.ts reads and writes them through @actions/core). */
const STATE = { runDir: 'runDir', vmPid: 'vmPid', imageCache: 'imageCache' };
function appendState(env, name, value) {
    const file = env.GITHUB_STATE;
    if (!file)
        throw new Error('GITHUB_STATE is not set: the post step could not learn what to clean up');
    const delimiter = `ghadelimiter_${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)()}`;
    node_fs__WEBPACK_IMPORTED_MODULE_1___default().appendFileSync(file, `${name}<<${delimiter}\n${value}\n${delimiter}\n`);
}


/***/ }),

/***/ 665:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ actionCacheDir),
/* harmony export */   b: () => (/* binding */ userCacheDir)
/* harmony export */ });
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/**
 * Where krun-action keeps what it caches between runs (`kind`: `images`, `libkrun`). The action
 * uses the runner's tool cache, which self-hosted runners keep between jobs, else RUNNER_TEMP,
 * which lasts one job; the krun-run steps after it use the same place, so they find what the
 * action fetched. krun-run on its own uses the user's cache directory (XDG).
 */


function actionCacheDir(env, tempDir, kind) {
    return env.RUNNER_TOOL_CACHE
        ? node_path__WEBPACK_IMPORTED_MODULE_1___default().join(env.RUNNER_TOOL_CACHE, 'krun-action', kind)
        : node_path__WEBPACK_IMPORTED_MODULE_1___default().join(tempDir, `krun-action-${kind}`);
}
function userCacheDir(env, kind) {
    const cacheHome = env.XDG_CACHE_HOME?.startsWith('/') ? env.XDG_CACHE_HOME : node_path__WEBPACK_IMPORTED_MODULE_1___default().join(node_os__WEBPACK_IMPORTED_MODULE_0___default().homedir(), '.cache');
    return node_path__WEBPACK_IMPORTED_MODULE_1___default().join(cacheHome, 'krun-action', kind);
}


/***/ }),

/***/ 464:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   O4: () => (/* binding */ actionTempDir),
/* harmony export */   c2: () => (/* binding */ fitsRun),
/* harmony export */   eA: () => (/* binding */ discardEarly),
/* harmony export */   iC: () => (/* binding */ vmEntry),
/* harmony export */   wM: () => (/* binding */ startEarly)
/* harmony export */ });
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _cache_places_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(665);
/* harmony import */ var _libkrun_pinned_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(838);
/* harmony import */ var _run_dir_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(197);
/* harmony import */ var _vm_launcher_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(516);
/**
 * Starting the VM process early: before the action has loaded and read its inputs, when
 * the libkrun to use is already named (input or KRUN_LIBRARY), so that the VM process's
 * Node start overlaps the action's own. It waits until the run's files are written, and
 * is discarded when the run turns out to need another (a different libkrun, bad inputs).
 * This module loads little, since it runs before the rest of the action.
 */






/** Where the action makes its run directories: RUNNER_TEMP, which the runner empties after the job. */
function actionTempDir(env) {
    return env.RUNNER_TEMP || node_os__WEBPACK_IMPORTED_MODULE_0___default().tmpdir();
}
function vmEntry(distDir) {
    return node_path__WEBPACK_IMPORTED_MODULE_1___default().join(distDir, 'vm', 'index.js');
}
/**
 * The libkrun the action's environment names, if any, as the input parser resolves it: a path,
 * or a pinned archive's URL when the cache already has it (a download waits for the inputs).
 */
function namedLibkrun(env, cwd, tempDir) {
    const named = env.INPUT_LIBKRUN?.trim() || env.KRUN_LIBRARY?.trim();
    if (!named)
        return undefined;
    if (!(0,_libkrun_pinned_js__WEBPACK_IMPORTED_MODULE_3__/* .isUrlLike */ .lw)(named))
        return node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(cwd, named);
    try {
        return (0,_libkrun_pinned_js__WEBPACK_IMPORTED_MODULE_3__/* .cachedPinnedLibrary */ .IH)((0,_cache_places_js__WEBPACK_IMPORTED_MODULE_2__/* .actionCacheDir */ .A)(env, tempDir, 'libkrun'), (0,_libkrun_pinned_js__WEBPACK_IMPORTED_MODULE_3__/* .parsePinnedUrl */ .V9)('libkrun', named));
    }
    catch {
        return undefined;
    }
}
/**
 * Starts the VM process early when the environment names libkrun. `announce` hears the run
 * directory's path before it is made (see createRunDir): the action saves it for its post step.
 */
function startEarly(env, cwd, distDir, tempDir, announce) {
    const libkrun = namedLibkrun(env, cwd, tempDir);
    if (libkrun === undefined)
        return undefined;
    const layout = (0,_run_dir_js__WEBPACK_IMPORTED_MODULE_4__/* .createRunDir */ .dK)(tempDir, announce);
    const vm = new _vm_launcher_js__WEBPACK_IMPORTED_MODULE_5__/* .VmProcess */ .b({
        vmEntry: vmEntry(distDir),
        configFile: layout.vmConfigFile,
        libkrun,
        interactive: false,
        // As a run with the default guest-workflow-commands (false) wants it: fenced.
        stderrToStdout: true,
        env
    });
    return { layout, vm };
}
/** Whether an early start fits a run: the loader's path and the process's stdio are fixed at start. */
function fitsRun(early, libkrun, interactive, stderrToStdout) {
    return (!interactive &&
        early.vm.start.stderrToStdout === stderrToStdout &&
        node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(early.vm.start.libkrun) === node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(libkrun));
}
/** Stops an early VM process and removes its run directory; a removal that fails is only said, through `warn`. */
async function discardEarly(early, warn) {
    await early.vm.discard();
    await (0,_run_dir_js__WEBPACK_IMPORTED_MODULE_4__/* .removeRunDir */ .Lr)(early.layout.dir, warn);
}


/***/ }),

/***/ 679:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   dh: () => (/* binding */ HostError),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   kc: () => (/* binding */ errorText),
/* harmony export */   oh: () => (/* binding */ failureMessage),
/* harmony export */   vp: () => (/* binding */ showValue)
/* harmony export */ });
/* harmony import */ var _text_visible_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(573);
/** The errors a user can act on, and how each front end words them: one line, no stack trace. */

/**
 * A mistake in what the user gave us. It carries the input's name so each front end
 * (action inputs, CLI flags) can name it in its own words; it is always shown as one
 * line, never with a stack trace.
 */
class InputError extends Error {
    input;
    problem;
    constructor(input, problem) {
        super(`${input}: ${problem}`);
        this.input = input;
        this.problem = problem;
        this.name = 'InputError';
    }
}
/** Quotes a value for an error message, shortening long ones and escaping what is not plainly visible. */
function showValue(value, max = 60) {
    return `"${(0,_text_visible_js__WEBPACK_IMPORTED_MODULE_0__/* .visibleExcerpt */ .k)(value, max)}"`;
}
/** A host that cannot run the microVM: one line, with the fix. */
class HostError extends Error {
    constructor(message) {
        super(message);
        this.name = 'HostError';
    }
}
/** A system error's code (ENOENT, ENOSPC…), else its message: the part of a failure worth showing. */
function errorText(error) {
    const code = error?.code;
    if (typeof code === 'string')
        return code;
    return error instanceof Error ? error.message : String(error);
}
/**
 * The one line a front end shows for an error; `nameInput` words an input its own way. The
 * whole line is made visible: messages quote values with showValue, but also name paths the
 * user gave, and an unexpected error's message can hold anything.
 */
function failureMessage(error, nameInput) {
    return (0,_text_visible_js__WEBPACK_IMPORTED_MODULE_0__/* .visible */ .R)(failureText(error, nameInput));
}
function failureText(error, nameInput) {
    if (error instanceof InputError)
        return `${nameInput(error.input)}: ${error.problem}`;
    if (error instanceof HostError)
        return error.message;
    return `failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`;
}


/***/ }),

/***/ 46:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   qM: () => (/* binding */ kernelWorkaround)
/* harmony export */ });
/* unused harmony exports ENOMEM_WORKAROUND_VARIABLE, enomemProneKernel */
/**
 * Host kernels with known trouble for libkrun, judged from the kernel release string alone
 * (`uname -r`, os.release()).
 */
/** libkrun reads this from the VM process's environment (libkrun 1.15 and newer). */
const ENOMEM_WORKAROUND_VARIABLE = 'KRUN_ENOMEM_WORKAROUND';
/**
 * KVM_RUN fails with ENOMEM on some 6.11 to 6.13 kernels (libkrun issue 314: Fedora's
 * 6.12.15 on, and Azure's 6.11, which GitHub-hosted runners have run); 6.14 has the fix.
 * Distributions backport, so the whole range is treated alike.
 */
function enomemProneKernel(release) {
    const match = /^(\d+)\.(\d+)(?:\D|$)/.exec(release.trim());
    if (!match)
        return false;
    const [major, minor] = [Number(match[1]), Number(match[2])];
    return major === 6 && minor >= 11 && minor <= 13;
}
/** What the VM process needs on this kernel, given the environment it would inherit. */
function kernelWorkaround(release, env) {
    if (!enomemProneKernel(release))
        return undefined;
    const trouble = `host kernel ${release} is one on which KVM_RUN can fail with ENOMEM (libkrun issue 314)`;
    if (env[ENOMEM_WORKAROUND_VARIABLE] !== undefined) {
        return { env: {}, note: `${trouble}; ${ENOMEM_WORKAROUND_VARIABLE} is left as set in the environment` };
    }
    return {
        env: { [ENOMEM_WORKAROUND_VARIABLE]: '1' },
        note: `${trouble}; the VM process runs with ${ENOMEM_WORKAROUND_VARIABLE}=1`
    };
}


/***/ }),

/***/ 838:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   IH: () => (/* binding */ cachedPinnedLibrary),
/* harmony export */   Mf: () => (/* binding */ PINNED_URL_FORM),
/* harmony export */   V9: () => (/* binding */ parsePinnedUrl),
/* harmony export */   lw: () => (/* binding */ isUrlLike),
/* harmony export */   rQ: () => (/* binding */ pinnedUrlText)
/* harmony export */ });
/* harmony import */ var _libkrun_fetch_layout_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(596);
/* harmony import */ var _libkrun_fetch_url_rule_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(928);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(679);
/**
 * A libkrun named by a pinned archive, `https://HOST/PATH.tar.gz#sha256=<64 hex digits>`, in
 * the `libkrun` input, `krun-run --libkrun` or KRUN_LIBRARY. The value is parsed with the other
 * inputs, before anything is downloaded. This module stays small (the early start uses it);
 * libkrun-choice.ts downloads and unpacks.
 */



const PINNED_URL_FORM = 'https://HOST/PATH.tar.gz#sha256=<64 hex digits>';
/** Whether a `libkrun` value is meant as a URL rather than a path: it begins with a scheme and `://`. */
function isUrlLike(text) {
    return /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(text);
}
/** The value as the user writes it, for later steps to parse again. */
function pinnedUrlText(archive) {
    return `${archive.url}#sha256=${archive.sha256}`;
}
/** Parses a pinned archive URL; a mistake is an InputError naming `source` (libkrun, KRUN_LIBRARY). */
function parsePinnedUrl(source, text) {
    const refuse = (problem) => new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(source, `${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .showValue */ .vp)(text, 100)} ${problem}; expected ${PINNED_URL_FORM}`);
    // The URL parser would drop tabs and newlines silently, and a space is never part of a URL.
    if (/[\u0000-\u0020\u007f]/.test(text))
        throw refuse('contains a space or control character');
    let url;
    try {
        url = new URL(text);
    }
    catch {
        throw refuse('is not a valid URL');
    }
    const problem = (0,_libkrun_fetch_url_rule_js__WEBPACK_IMPORTED_MODULE_1__/* .transportProblem */ .B)(url);
    if (problem)
        throw refuse(problem);
    if (url.hash === '')
        throw refuse('has no #sha256= digest to pin what it downloads');
    const digest = /^#sha256=(.*)$/.exec(url.hash)?.[1];
    if (digest === undefined)
        throw refuse(`ends in ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .showValue */ .vp)(url.hash, 30)} instead of #sha256=<digest>`);
    if (!/^[0-9a-fA-F]{64}$/.test(digest))
        throw refuse(`has a malformed digest ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .showValue */ .vp)(digest, 30)}: a sha256 digest is 64 hex digits`);
    url.hash = '';
    return { url: url.toString(), sha256: digest.toLowerCase() };
}
/** libkrun.so.1 of this archive in the cache, when it is there: no network, no writes. */
function cachedPinnedLibrary(cacheDir, archive) {
    return (0,_libkrun_fetch_layout_js__WEBPACK_IMPORTED_MODULE_0__/* .publishedLibrary */ .Al)(cacheDir, archive.sha256);
}


/***/ }),

/***/ 197:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Lr: () => (/* binding */ removeRunDir),
/* harmony export */   RB: () => (/* binding */ logTail),
/* harmony export */   ak: () => (/* binding */ writeRunFiles),
/* harmony export */   dK: () => (/* binding */ createRunDir),
/* harmony export */   hR: () => (/* binding */ GUEST)
/* harmony export */ });
/* unused harmony exports RUN_DIR_PREFIX, runLayout */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(24);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _image_tree_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(841);
/* harmony import */ var _text_visible_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(573);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(679);
/* harmony import */ var _untrusted_file_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(427);
/** The private per-run directory: made with mode 0700, filled, read back, removed. */







const RUN_DIR_PREFIX = 'krun-action-';
/** Where things are inside the guest's private root (see native/README.md). */
const GUEST = {
    init: '/krun-init',
    records: '.krun',
    plan: '.krun/plan',
    env: '.krun/env',
    script: '.krun/script',
    started: '.krun/started',
    status: '.krun/status',
    initError: '.krun/init-error',
    mountPoints: ['.krun/lower', '.krun/rw', '.krun/root'],
    /** Where the init places the script inside the merged root. */
    scriptInGuest: '/run/krun-action/script.sh'
};
function runLayout(dir) {
    return {
        dir,
        root: node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, 'root'),
        vmConfigFile: node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, 'vm.json'),
        logFile: node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, 'libkrun.log')
    };
}
/**
 * Makes a new run directory in `tempDir`. `announce`, when given, hears its path before it is made,
 * so that whoever must remove it if this process is killed knows it before it exists.
 */
function createRunDir(tempDir, announce) {
    if (!announce) {
        const layout = runLayout(node_fs__WEBPACK_IMPORTED_MODULE_1___default().mkdtempSync(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(tempDir, RUN_DIR_PREFIX)));
        node_fs__WEBPACK_IMPORTED_MODULE_1___default().chmodSync(layout.dir, 0o700);
        return layout;
    }
    for (;;) {
        const dir = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(tempDir, `${RUN_DIR_PREFIX}${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('base64url')}`);
        announce(dir);
        try {
            node_fs__WEBPACK_IMPORTED_MODULE_1___default().mkdirSync(dir, { mode: 0o700 });
        }
        catch (error) {
            if (error.code === 'EEXIST')
                continue;
            throw error;
        }
        node_fs__WEBPACK_IMPORTED_MODULE_1___default().chmodSync(dir, 0o700);
        return runLayout(dir);
    }
}
function writeRunFiles(layout, files, initBinary, vm) {
    const records = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(layout.root, GUEST.records);
    node_fs__WEBPACK_IMPORTED_MODULE_1___default().mkdirSync(records, { recursive: true, mode: 0o700 });
    for (const dir of ['proc', 'sys', 'dev', 'tmp', ...GUEST.mountPoints]) {
        node_fs__WEBPACK_IMPORTED_MODULE_1___default().mkdirSync(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(layout.root, dir), { recursive: true, mode: 0o755 });
    }
    node_fs__WEBPACK_IMPORTED_MODULE_1___default().copyFileSync(initBinary, node_path__WEBPACK_IMPORTED_MODULE_2___default().join(layout.root, GUEST.init));
    node_fs__WEBPACK_IMPORTED_MODULE_1___default().chmodSync(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(layout.root, GUEST.init), 0o755);
    node_fs__WEBPACK_IMPORTED_MODULE_1___default().writeFileSync(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(layout.root, GUEST.plan), files.plan, { mode: 0o600 });
    node_fs__WEBPACK_IMPORTED_MODULE_1___default().writeFileSync(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(layout.root, GUEST.env), files.env, { mode: 0o600 });
    node_fs__WEBPACK_IMPORTED_MODULE_1___default().writeFileSync(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(layout.root, GUEST.script), files.script, { mode: 0o600 });
    node_fs__WEBPACK_IMPORTED_MODULE_1___default().writeFileSync(layout.vmConfigFile, JSON.stringify(vm), { mode: 0o600 });
}
/** libkrun logs only warnings to its file: far less than this. */
const LOG_MAX_BYTES = 1024 * 1024;
/** The last lines of libkrun's log, for a failure message; read like any file the guest could reach. */
function logTail(layout, lines = 20) {
    let bytes;
    try {
        bytes = (0,_untrusted_file_js__WEBPACK_IMPORTED_MODULE_6__/* .readUntrustedFile */ .HA)(layout.dir, node_path__WEBPACK_IMPORTED_MODULE_2___default().basename(layout.logFile), LOG_MAX_BYTES);
    }
    catch (error) {
        return error instanceof _untrusted_file_js__WEBPACK_IMPORTED_MODULE_6__/* .TamperedError */ .bn ? `(not shown: ${error.message})` : '';
    }
    const text = bytes?.toString('utf8').trimEnd() ?? '';
    return text.split('\n').slice(-lines).join('\n');
}
/**
 * Removes the run directory, also where the guest left a directory it may not enter (chmod 000).
 * A failure is only said, through `warn`: whatever the run came to stands, and cleaning up must
 * never replace it.
 */
async function removeRunDir(dir, warn) {
    await (0,_image_tree_js__WEBPACK_IMPORTED_MODULE_3__/* .removeTree */ .d)(dir).catch((error) => {
        // The entry's name is the guest's choice when it lies in the root share.
        const cause = error instanceof _image_tree_js__WEBPACK_IMPORTED_MODULE_3__/* .TreeRemovalError */ .R ? `${error.code} on ${(0,_text_visible_js__WEBPACK_IMPORTED_MODULE_4__/* .visible */ .R)(error.entry)}` : (0,_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .errorText */ .kc)(error);
        warn(`cannot remove the run directory ${dir} (${cause}); it holds the run's environment values: remove it`);
    });
}


/***/ }),

/***/ 427:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   HA: () => (/* binding */ readUntrustedFile),
/* harmony export */   bn: () => (/* binding */ TamperedError),
/* harmony export */   sA: () => (/* binding */ untrustedPathExists)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(24);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/**
 * Reads a file from a directory the guest can write (its root share, the workspace, the
 * file-command share). Such a file is untrusted input: it is never reached through a
 * link, is opened only once it is known to be a regular file (opening a FIFO blocks,
 * opening a device can act), and is read only up to a cap. The guest is gone when the
 * host reads (the VM process has ended), so nothing swaps a path between these checks and
 * the open; the open still refuses a link and never blocks, and what it opened is checked again.
 */


/** The guest left something other than a small regular file where the host reads one. */
class TamperedError extends Error {
    relativePath;
    constructor(relativePath) {
        super(`${relativePath} is not a regular file of the expected size`);
        this.relativePath = relativePath;
        this.name = 'TamperedError';
    }
}
const OPEN_FLAGS = (node_fs__WEBPACK_IMPORTED_MODULE_0___default().constants).O_RDONLY | (node_fs__WEBPACK_IMPORTED_MODULE_0___default().constants).O_NOFOLLOW | (node_fs__WEBPACK_IMPORTED_MODULE_0___default().constants).O_NONBLOCK | (node_fs__WEBPACK_IMPORTED_MODULE_0___default().constants).O_NOCTTY;
/** Every directory between `baseDir` (trusted) and the file must be a real directory. */
function checkDirectories(baseDir, relativePath) {
    const parts = relativePath.split('/').slice(0, -1);
    let dir = baseDir;
    for (const part of parts) {
        dir = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, part);
        let stat;
        try {
            stat = node_fs__WEBPACK_IMPORTED_MODULE_0___default().lstatSync(dir);
        }
        catch (error) {
            if (error.code === 'ENOENT')
                return false;
            throw new TamperedError(relativePath);
        }
        if (!stat.isDirectory())
            throw new TamperedError(relativePath);
    }
    return true;
}
/**
 * The file's bytes, or undefined when it does not exist. Throws TamperedError for a link
 * anywhere on the path, anything but a regular file, or more than `maxBytes`.
 */
function readUntrustedFile(baseDir, relativePath, maxBytes) {
    if (!checkDirectories(baseDir, relativePath))
        return undefined;
    const file = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(baseDir, relativePath);
    let fd;
    try {
        if (!node_fs__WEBPACK_IMPORTED_MODULE_0___default().lstatSync(file).isFile())
            throw new TamperedError(relativePath);
        fd = node_fs__WEBPACK_IMPORTED_MODULE_0___default().openSync(file, OPEN_FLAGS);
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return undefined;
        throw new TamperedError(relativePath);
    }
    try {
        if (!node_fs__WEBPACK_IMPORTED_MODULE_0___default().fstatSync(fd).isFile())
            throw new TamperedError(relativePath);
        const buffer = Buffer.alloc(maxBytes + 1);
        let length = 0;
        while (length < buffer.length) {
            const read = node_fs__WEBPACK_IMPORTED_MODULE_0___default().readSync(fd, buffer, length, buffer.length - length, null);
            if (read === 0)
                break;
            length += read;
        }
        if (length > maxBytes)
            throw new TamperedError(relativePath);
        return buffer.subarray(0, length);
    }
    finally {
        node_fs__WEBPACK_IMPORTED_MODULE_0___default().closeSync(fd);
    }
}
/** Whether a path the guest could have made exists, without following a link at its end. */
function untrustedPathExists(baseDir, relativePath) {
    try {
        if (!checkDirectories(baseDir, relativePath))
            return false;
        node_fs__WEBPACK_IMPORTED_MODULE_0___default().lstatSync(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(baseDir, relativePath));
        return true;
    }
    catch (error) {
        if (error instanceof TamperedError)
            throw error;
        return false;
    }
}


/***/ }),

/***/ 516:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  b: () => (/* binding */ VmProcess),
  S: () => (/* binding */ vmProcessEnv)
});

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __nccwpck_require__(421);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(161);
var external_node_os_default = /*#__PURE__*/__nccwpck_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/engine/errors.ts
var errors = __nccwpck_require__(679);
// EXTERNAL MODULE: ./src/engine/kernel-quirks.ts
var kernel_quirks = __nccwpck_require__(46);
;// CONCATENATED MODULE: ./src/engine/vm-protocol.ts
/**
 * The private channel between the action process and the VM process, on fd 3: GO_LINE one
 * way, when the VM process may read its configuration; JSON lines the other way.
 * The VM process says `ready` once libkrun is configured, then waits for START_LINE before
 * krun_start_enter, so a failure to configure is always a message and never mistaken for
 * a guest exit code, and the action has printed all it had to say (and fenced the guest's
 * output, output-fence.ts) before the guest can print anything.
 */
const CHANNEL_FD = 3;
/** What the action writes on the channel when the configuration is in place. */
const GO_LINE = 'go\n';
/** What the action writes on the channel after `ready`: the guest may start. */
const START_LINE = 'start\n';
function encodeMessage(message) {
    return JSON.stringify(message) + '\n';
}
function decodeMessages(text) {
    return text
        .split('\n')
        .filter((line) => line.trim() !== '')
        .flatMap((line) => {
        try {
            return [JSON.parse(line)];
        }
        catch {
            return [];
        }
    });
}

;// CONCATENATED MODULE: ./src/engine/vm-launcher.ts
/**
 * Starts the VM process and watches it: its stdout and stderr are ours (the guest's output
 * goes to the runner as it is written, never re-buffered here), its messages arrive on a
 * private channel, and it is stopped on timeout or cancellation.
 *
 * Starting and running are two steps: the process may be started before the run's files
 * are written (its Node start then overlaps the action's own work), and waits on the
 * channel for GO_LINE before it reads its configuration, and for START_LINE after it said
 * `ready`, before the guest starts.
 */






/** How long the guest has to react to Ctrl-C before the VM process is killed. */
const TIMEOUT_GRACE_MS = 3000;
/** Shorter on cancellation: the runner kills the whole step soon after. */
const CANCEL_GRACE_MS = 1000;
/**
 * The VM process's environment: ours without the action's inputs (they hold env values),
 * plus what libkrun needs on this host's kernel.
 */
function vmProcessEnv(libkrun, env = process.env, kernelRelease = external_node_os_default().release()) {
    const kept = Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('INPUT_')));
    Object.assign(kept, (0,kernel_quirks/* kernelWorkaround */.qM)(kernelRelease, env)?.env);
    // libkrun finds libkrunfw with the dynamic loader, whose path is fixed when a process starts.
    const libraryDir = external_node_path_default().dirname(libkrun);
    kept.LD_LIBRARY_PATH = kept.LD_LIBRARY_PATH ? `${libraryDir}:${kept.LD_LIBRARY_PATH}` : libraryDir;
    return kept;
}
/** A started VM process, waiting for GO_LINE; `run` it once, or `discard` it. */
class VmProcess {
    start;
    child;
    /** What arrived on the channel after its last complete line. */
    partialLine = '';
    messages = [];
    onMessage;
    beforeGuest;
    ended;
    constructor(start) {
        this.start = start;
        const stdio = [
            start.interactive ? 'inherit' : 'ignore',
            'inherit',
            start.stderrToStdout ? 1 : 'inherit'
        ];
        while (stdio.length < CHANNEL_FD)
            stdio.push('ignore');
        stdio[CHANNEL_FD] = 'pipe';
        this.child = (0,external_node_child_process_.spawn)(process.execPath, [start.vmEntry, start.configFile], {
            stdio,
            env: vmProcessEnv(start.libkrun, start.env)
        });
        const channel = this.child.stdio[CHANNEL_FD];
        channel.setEncoding('utf8');
        channel.on('data', (chunk) => this.received(chunk));
        // The process may be gone before GO_LINE reaches it (discarded, or it failed to start).
        channel.on('error', () => undefined);
        this.ended = new Promise((resolve) => {
            this.child.on('error', (error) => {
                this.received(JSON.stringify({ kind: 'error', message: `cannot start the VM process: ${error.message}` }) + '\n');
                resolve([null, null]);
            });
            this.child.on('close', (code, signal) => resolve([code, signal]));
        });
    }
    received(chunk) {
        const text = this.partialLine + chunk;
        const complete = text.lastIndexOf('\n') + 1;
        this.partialLine = text.slice(complete);
        this.deliver(text.slice(0, complete));
    }
    deliver(lines) {
        for (const message of decodeMessages(lines)) {
            this.messages.push(message);
            this.onMessage?.(message);
            if (message.kind === 'ready')
                this.letGuestStart();
        }
    }
    /** What must come before the guest's first byte is done here, before START_LINE. */
    letGuestStart() {
        try {
            this.beforeGuest?.();
        }
        catch (error) {
            this.child.kill('SIGKILL');
            this.messages.push({ kind: 'error', message: `the guest was not started: ${(0,errors/* errorText */.kc)(error)}` });
            return;
        }
        ;
        this.child.stdio[CHANNEL_FD].write(START_LINE);
    }
    /** Lets the process read its configuration and start the guest; resolves when it has ended. */
    async run(options) {
        this.onMessage = options.onMessage;
        this.beforeGuest = options.beforeGuest;
        this.child.stdio[CHANNEL_FD].write(GO_LINE);
        // After the go-ahead: what onStart does overlaps the VM process's own work.
        try {
            if (this.child.pid !== undefined)
                options.onStart?.(this.child.pid);
        }
        catch (error) {
            await this.discard();
            throw error;
        }
        let timedOutAfter;
        let cancelledBy;
        let killTimer;
        // libkrun turns SIGINT into Ctrl-C on the guest console; SIGKILL is the only sure stop.
        const stop = (graceMs) => {
            this.child.kill('SIGINT');
            killTimer ??= setTimeout(() => this.child.kill('SIGKILL'), graceMs);
        };
        const timeoutTimer = options.timeoutSeconds === undefined
            ? undefined
            : setTimeout(() => {
                timedOutAfter = options.timeoutSeconds;
                stop(TIMEOUT_GRACE_MS);
            }, options.timeLeftMs ?? options.timeoutSeconds * 1000);
        const onSignal = (signal) => {
            cancelledBy ??= signal;
            stop(CANCEL_GRACE_MS);
        };
        process.on('SIGINT', onSignal);
        process.on('SIGTERM', onSignal);
        try {
            const [exitCode, signal] = await this.ended;
            // A last message without its newline still counts.
            this.deliver(this.partialLine);
            this.partialLine = '';
            return { messages: this.messages, exitCode, signal, timedOutAfter, cancelledBy };
        }
        finally {
            clearTimeout(timeoutTimer);
            clearTimeout(killTimer);
            process.off('SIGINT', onSignal);
            process.off('SIGTERM', onSignal);
        }
    }
    /** Stops a process that will not be run; resolves once it is gone. */
    async discard() {
        this.child.kill('SIGKILL');
        await this.ended;
    }
}


/***/ }),

/***/ 62:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   C8: () => (/* binding */ ImageError),
/* harmony export */   CA: () => (/* binding */ errorCode),
/* harmony export */   Ic: () => (/* binding */ describeFailure),
/* harmony export */   Kb: () => (/* binding */ excerpt),
/* harmony export */   x_: () => (/* binding */ InvalidReferenceError)
/* harmony export */ });
/* unused harmony export oneLine */
/* harmony import */ var _text_visible_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(573);
/**
 * ImageError: every failure a user can act on, shown as one line. Messages name the registry and
 * repository, the problem and what to do; they never carry a credential, a token or part of one.
 */

class ImageError extends Error {
    /**
     * True when the fix is in what was asked for, not in the registry, the network or the host: the
     * reference is malformed (InvalidReferenceError), or names no image there, none for this
     * platform, or none in the cache under pull "never".
     */
    inputMistake;
    constructor(message, options = {}) {
        // Made visible whole: a message may quote what a registry or a user wrote.
        super((0,_text_visible_js__WEBPACK_IMPORTED_MODULE_0__/* .visible */ .R)(oneLine(message)));
        this.name = 'ImageError';
        this.inputMistake = options.inputMistake ?? false;
    }
}
/** A reference Docker would reject, with its parts kept for a caller that words it its own way. */
class InvalidReferenceError extends ImageError {
    reference;
    problem;
    constructor(
    /** The reference as given. */
    reference, 
    /** What is wrong with it and how to write it. */
    problem) {
        super(`image "${excerpt(reference, 80)}": invalid reference: ${problem}`, { inputMistake: true });
        this.reference = reference;
        this.problem = problem;
        this.name = 'InvalidReferenceError';
    }
}
/** Collapses whitespace (newlines from servers included) so a message stays on one line. */
function oneLine(text) {
    return text.replace(/\s+/g, ' ').trim();
}
/** A short, visible excerpt of untrusted text (a server's error body, a user's input) on one line. */
function excerpt(text, max = 120) {
    return (0,_text_visible_js__WEBPACK_IMPORTED_MODULE_0__/* .visibleExcerpt */ .k)(oneLine(text), max);
}
/** The errno name of a failed system call (ENOENT, EACCES…), if it is one. */
function errorCode(error) {
    return error?.code;
}
/** A failure that is not an ImageError, in a few words: its errno name, if any, and its message. */
function describeFailure(error, max = 160) {
    const e = error;
    return `${e?.code ? `${e.code} ` : ''}${excerpt(e?.message ?? String(error), max)}`;
}


/***/ }),

/***/ 564:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Xb: () => (/* binding */ DOCKER_HUB),
/* harmony export */   cW: () => (/* binding */ isLoopbackHost),
/* harmony export */   de: () => (/* binding */ whereOf),
/* harmony export */   o_: () => (/* binding */ parseImageReference)
/* harmony export */ });
/* unused harmony export DOCKER_HUB_ENDPOINT */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(62);
/** Image references, parsed and normalized the way Docker does it. */

const DOCKER_HUB = 'docker.io';
/** Where Docker Hub's registry API actually lives. */
const DOCKER_HUB_ENDPOINT = 'registry-1.docker.io';
/** 'registry 127.0.0.1:5000, repository test/app': how every image error says where it happened. */
function whereOf(ref) {
    return `registry ${ref.registry}, repository ${ref.repository}`;
}
const ALNUM = '[a-z0-9]+';
const SEPARATOR = '(?:[._]|__|-+)';
const PATH_COMPONENT = new RegExp(`^${ALNUM}(?:${SEPARATOR}${ALNUM})*$`);
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = new RegExp(`^(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?$`);
const TAG = /^[\w][\w.-]{0,127}$/;
const SHA256_DIGEST = /^sha256:[a-f0-9]{64}$/;
const ANY_DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
const MAX_NAME = 255;
const EXAMPLES = 'write it like alpine, ubuntu:24.04, ghcr.io/owner/name:tag or name@sha256:<64 hex digits>';
function invalid(text, problem) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InvalidReferenceError */ .x_(text, `${problem}; ${EXAMPLES}`);
}
/** True for the hosts Docker lets speak plain HTTP without configuration. */
function isLoopbackHost(hostPort) {
    const host = hostPort.startsWith('[') ? hostPort.slice(0, hostPort.indexOf(']') + 1) : hostPort.split(':')[0];
    if (host.toLowerCase() === 'localhost')
        return true;
    if (host === '[::1]')
        return true;
    const octets = host.split('.');
    return octets.length === 4 && octets[0] === '127' && octets.every((o) => /^\d{1,3}$/.test(o) && Number(o) <= 255);
}
/**
 * Parses an image reference as the user typed it. Throws an InvalidReferenceError for anything Docker would
 * reject, with no network access, so callers can validate their input early.
 */
function parseImageReference(text) {
    const input = text.trim();
    if (input === '')
        throw invalid(text, 'it is empty');
    if (/\s/.test(input))
        throw invalid(text, 'it contains whitespace');
    if (input.includes('://'))
        throw invalid(text, 'leave out the scheme (https://)');
    let rest = input;
    let digest;
    const at = rest.indexOf('@');
    if (at !== -1) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        if (!ANY_DIGEST.test(digest))
            throw invalid(text, 'the digest after @ is malformed');
        if (!SHA256_DIGEST.test(digest))
            throw invalid(text, 'only sha256 digests (64 lowercase hex digits) are supported');
    }
    let tag;
    const colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
        tag = rest.slice(colon + 1);
        rest = rest.slice(0, colon);
        if (!TAG.test(tag))
            throw invalid(text, `the tag "${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .excerpt */ .Kb)(tag, 40)}" is malformed`);
    }
    if (rest === '')
        throw invalid(text, 'it names no repository');
    let registry = DOCKER_HUB;
    let path = rest;
    const slash = rest.indexOf('/');
    if (slash !== -1) {
        const first = rest.slice(0, slash);
        if (/[.:]/.test(first) || first === 'localhost' || first.toLowerCase() !== first) {
            registry = first;
            path = rest.slice(slash + 1);
            if (!DOMAIN.test(registry))
                throw invalid(text, `the registry "${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .excerpt */ .Kb)(registry, 60)}" is not a host name`);
        }
    }
    if (registry === 'index.docker.io' || registry === DOCKER_HUB_ENDPOINT)
        registry = DOCKER_HUB;
    if (registry === DOCKER_HUB && !path.includes('/'))
        path = `library/${path}`;
    const components = path.split('/');
    for (const component of components) {
        if (component !== component.toLowerCase())
            throw invalid(text, 'repository name must be lowercase');
        if (!PATH_COMPONENT.test(component)) {
            throw invalid(text, 'the repository may hold only lowercase letters, digits and separators (. _ __ -) between them');
        }
    }
    const name = `${registry}/${path}`;
    if (name.length > MAX_NAME)
        throw invalid(text, `the repository name is longer than ${MAX_NAME} characters`);
    if (!tag && !digest)
        tag = 'latest';
    const normalized = `${name}${tag ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`;
    return {
        registry,
        repository: path,
        tag,
        digest,
        normalized,
        endpoint: registry === DOCKER_HUB ? DOCKER_HUB_ENDPOINT : registry,
        loopback: isLoopbackHost(registry)
    };
}


/***/ }),

/***/ 841:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ TreeRemovalError),
/* harmony export */   d: () => (/* binding */ removeTree)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(24);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _text_visible_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(573);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(62);
/** Removing a whole tree (an image root, a run directory), and saying what stopped it. */




/** The first entry of a tree that could not be removed, and the errno that said why. */
class TreeRemovalError extends Error {
    code;
    entry;
    constructor(
    /** The errno name (EPERM, EBUSY...). */
    code, 
    /** Relative to the tree ('.' for the tree itself); it may be a name someone else chose. */
    entry) {
        super(`cannot remove ${(0,_text_visible_js__WEBPACK_IMPORTED_MODULE_2__/* .visible */ .R)(entry)} (${code})`);
        this.code = code;
        this.entry = entry;
        this.name = 'TreeRemovalError';
    }
}
/**
 * Removes a tree even where its directories lack write permission (images may ship such, a
 * guest may leave such). When Node's rm fails, the tree is removed again entry by entry, so
 * that all that can go goes and the failure names the first entry that could not: Node's
 * rm reports a file it could not unlink (an immutable one) as ENOTDIR, from trying it as a
 * directory next.
 */
async function removeTree(target) {
    try {
        await node_fs__WEBPACK_IMPORTED_MODULE_0___default().promises.rm(target, { recursive: true, force: true });
        return;
    }
    catch {
        // The entry-by-entry removal below says what went wrong.
    }
    const stuck = await removeEntry(target, '.');
    if (stuck)
        throw stuck;
}
const stuckAt = (error, entry) => new TreeRemovalError((0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorCode */ .CA)(error) ?? (error instanceof Error ? error.message : String(error)), entry);
/** Removes one entry, a directory with all it holds; returns the first failure, having gone on past it. */
async function removeEntry(file, entry) {
    let stat;
    try {
        stat = await node_fs__WEBPACK_IMPORTED_MODULE_0___default().promises.lstat(file);
    }
    catch (error) {
        return (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorCode */ .CA)(error) === 'ENOENT' ? undefined : stuckAt(error, entry);
    }
    try {
        if (!stat.isDirectory()) {
            await node_fs__WEBPACK_IMPORTED_MODULE_0___default().promises.unlink(file);
            return undefined;
        }
        await node_fs__WEBPACK_IMPORTED_MODULE_0___default().promises.chmod(file, 0o700).catch(() => undefined);
        let first;
        for (const name of await node_fs__WEBPACK_IMPORTED_MODULE_0___default().promises.readdir(file)) {
            const failed = await removeEntry(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(file, name), entry === '.' ? name : `${entry}/${name}`);
            first ??= failed;
        }
        if (first)
            return first;
        await node_fs__WEBPACK_IMPORTED_MODULE_0___default().promises.rmdir(file);
        return undefined;
    }
    catch (error) {
        return (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorCode */ .CA)(error) === 'ENOENT' ? undefined : stuckAt(error, entry);
    }
}


/***/ }),

/***/ 596:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Al: () => (/* binding */ publishedLibrary),
/* harmony export */   NG: () => (/* binding */ LIBRARY_DIRS),
/* harmony export */   Tq: () => (/* binding */ libraryIn),
/* harmony export */   mT: () => (/* binding */ LIBRARY_NAME),
/* harmony export */   us: () => (/* binding */ krunfwNames)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(24);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/**
 * Where an unpacked libkrun archive holds its library: libkrun.so.1 at its top, or under lib/
 * or lib64/, with the libkrunfw.so.N it loads in the same directory.
 */


const LIBRARY_NAME = 'libkrun.so.1';
const LIBRARY_DIRS = ['', 'lib', 'lib64'];
const KRUNFW_NAME = /^libkrunfw\.so\.\d+$/;
/** libkrun.so.1 in an unpacked archive, the first of its places that has one; undefined when none does. */
function libraryIn(root) {
    for (const dir of LIBRARY_DIRS) {
        const candidate = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(root, dir, LIBRARY_NAME);
        try {
            const stat = node_fs__WEBPACK_IMPORTED_MODULE_0___default().lstatSync(candidate);
            if (stat.isFile() || stat.isSymbolicLink())
                return candidate;
        }
        catch {
            // Not in this place; try the next.
        }
    }
    return undefined;
}
/** The libkrunfw.so.N names in a directory, sorted. */
function krunfwNames(dir) {
    try {
        return node_fs__WEBPACK_IMPORTED_MODULE_0___default().readdirSync(dir)
            .filter((name) => KRUNFW_NAME.test(name))
            .sort();
    }
    catch {
        return [];
    }
}
/** libkrun.so.1 in the cache entry for this digest, when one is published (a directory, never a link). */
function publishedLibrary(cacheDir, sha256) {
    const entry = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(cacheDir, sha256);
    try {
        if (!node_fs__WEBPACK_IMPORTED_MODULE_0___default().lstatSync(entry).isDirectory())
            return undefined;
    }
    catch {
        return undefined;
    }
    return libraryIn(entry);
}


/***/ }),

/***/ 928:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ transportProblem),
/* harmony export */   z: () => (/* binding */ shownUrl)
/* harmony export */ });
/* harmony import */ var _image_reference_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(564);
/**
 * Which URLs an archive may come from, and how a message shows one. The same rule holds for the
 * URL the user gives and for every redirect: HTTPS, or plain HTTP to a loopback host (as for
 * image registries), and never a user name or password in the URL.
 */

/** Why nothing may be fetched from `url`, or undefined when it may. */
function transportProblem(url) {
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
        return `uses ${url.protocol.slice(0, -1)}:, which is not supported (https, or plain http to this machine's loopback)`;
    if (url.protocol === 'http:' && !(0,_image_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .isLoopbackHost */ .cW)(url.host))
        return 'is plain HTTP to another machine (plain http only to localhost, 127.0.0.0/8 or [::1])';
    if (url.username !== '' || url.password !== '')
        return 'carries a user name or password';
    return undefined;
}
/** The URL without its query and fragment (which may carry a signed token), shortened: for messages. */
function shownUrl(url) {
    const parsed = typeof url === 'string' ? new URL(url) : url;
    const text = `${parsed.protocol}//${parsed.host}${parsed.pathname}`.replace(/[\u0000-\u001f\u007f]/g, '?');
    return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}


/***/ }),

/***/ 573:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ visible),
/* harmony export */   k: () => (/* binding */ visibleExcerpt)
/* harmony export */ });
/**
 * Text someone else chose (an input value, a registry's answer, a name the guest gave a file),
 * made safe to echo in a message or a log line: every character that is not plainly visible
 * is written as an escape, so what is shown is what is there. Control characters could end or
 * rewrite the line; bidi controls (U+202E reverses what follows), zero-width and other
 * format or ignorable characters could hide or reorder text; spaces other than U+0020 pass
 * for one.
 */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]|(?! )\p{Zs}/u;
const NAMED = { '\n': '\\n', '\t': '\\t', '\r': '\\r' };
function hex(code, digits) {
    return code.toString(16).padStart(digits, '0');
}
function escapeCharacter(character) {
    const named = NAMED[character];
    if (named !== undefined)
        return named;
    const code = character.codePointAt(0);
    if (code < 0x100)
        return `\\x${hex(code, 2)}`;
    return code < 0x10000 ? `\\u${hex(code, 4)}` : `\\u{${hex(code, 1)}}`;
}
/** How one character is shown; `keepLines` keeps newlines and tabs (a block of lines, not one line). */
function shownCharacter(character, keepLines) {
    if (keepLines && (character === '\n' || character === '\t'))
        return character;
    return HIDDEN.test(character) ? escapeCharacter(character) : character;
}
/** The text with every hidden character escaped (`\n`, `\x1b`, `\u202e`, `\u{e0041}`). */
function visible(text, options = {}) {
    let shown = '';
    // By code point: a lone surrogate is escaped, a pair is one character.
    for (const character of text)
        shown += shownCharacter(character, options.keepLines ?? false);
    return shown;
}
/** As visible, cut to at most `max` characters shown, then `…`; an escape or a character is never split. */
function visibleExcerpt(text, max) {
    let shown = '';
    for (const character of text) {
        const piece = shownCharacter(character, false);
        if (shown.length + piece.length > max)
            return `${shown}…`;
        shown += piece;
    }
    return shown;
}


/***/ }),

/***/ 836:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

var x = (y) => {
	var x = {}; __nccwpck_require__.d(x, y); return x
} 
var y = (x) => (() => (x))
module.exports = x({  });

/***/ }),

/***/ 613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 24:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 67:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 75:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 466:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");

/***/ }),

/***/ 522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 547:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(218);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
