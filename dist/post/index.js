import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
import * as __WEBPACK_EXTERNAL_MODULE__no_http_client_js_1eb3bebb__ from "../no-http-client.js";
/******/ var __webpack_modules__ = ({

/***/ 718:
/***/ ((module, __webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ cleanup)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(24);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(946);
/* harmony import */ var _engine_index_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(953);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(651);
/**
 * The post step (dist/post/index.js): when the main step was killed before it could clean
 * up, stop the VM process it left, remove the run directory and what a pull left in the
 * image cache. Failures only warn.
 */




/** A pid is ours only while its command line still names our run directory (pids get reused). */
function isOurVmProcess(pid, runDir) {
    try {
        return node_fs__WEBPACK_IMPORTED_MODULE_0___default().readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(runDir);
    }
    catch {
        return false;
    }
}
/** A pull killed outright leaves its half unpacked root in the cache's tmp/, under the main step's pid, now gone. */
async function removePullLeftovers(cacheDir) {
    try {
        const { ImageCache } = await Promise.resolve(/* import() */).then(__nccwpck_require__.bind(__nccwpck_require__, 587));
        await new ImageCache(cacheDir).removeStaleTemps();
    }
    catch (error) {
        _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .warning */ .$e(`Cleanup of the image cache ${cacheDir} failed: ${error.message}`);
    }
}
async function cleanup() {
    const { runDir, vmPid, imageCache } = (0,_state_js__WEBPACK_IMPORTED_MODULE_3__/* .leftBehind */ .aU)();
    if (imageCache !== undefined)
        await removePullLeftovers(imageCache);
    if (runDir === undefined)
        return;
    try {
        if (vmPid !== undefined && isOurVmProcess(vmPid, runDir)) {
            _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq(`Stopping the microVM left running (pid ${vmPid})`);
            process.kill(vmPid, 'SIGKILL');
        }
        await (0,_engine_index_js__WEBPACK_IMPORTED_MODULE_2__/* .removeRunDir */ .Lr)(runDir, _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .warning */ .$e);
    }
    catch (error) {
        _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .warning */ .$e(`Cleanup of ${runDir} failed: ${error.message}`);
    }
}
await cleanup();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 651:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  aU: () => (/* binding */ leftBehind)
});

// UNUSED EXPORTS: clearState, saveImageCache, saveRunDir, saveVmPid

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 9 modules
var lib_core = __nccwpck_require__(946);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(24);
;// CONCATENATED MODULE: ./src/action/state-file.ts
/**
 * Writes one value to the step's state file (GITHUB_STATE) as the runner reads it, without
 * @actions/core: the entry point must save its early run directory before that loads (see index.ts).
 */


/** The state names main and post share (state.ts reads and writes them through @actions/core). */
const state_file_STATE = { runDir: 'runDir', vmPid: 'vmPid', imageCache: 'imageCache' };
function appendState(env, name, value) {
    const file = env.GITHUB_STATE;
    if (!file)
        throw new Error('GITHUB_STATE is not set: the post step could not learn what to clean up');
    const delimiter = `ghadelimiter_${randomUUID()}`;
    fs.appendFileSync(file, `${name}<<${delimiter}\n${value}\n${delimiter}\n`);
}

;// CONCATENATED MODULE: ./src/action/state.ts
/** What the main step hands to the post step, so a killed action still leaves nothing behind. */


function saveRunDir(dir) {
    core.saveState(STATE.runDir, dir);
}
function saveVmPid(pid) {
    core.saveState(STATE.vmPid, String(pid));
}
/** Saved before a pull starts: a pull killed outright leaves a half unpacked root in the cache's tmp/. */
function saveImageCache(dir) {
    core.saveState(STATE.imageCache, dir);
}
/** Called once main has cleaned up itself: the post step then has nothing to do. */
function clearState() {
    core.saveState(STATE.runDir, '');
    core.saveState(STATE.vmPid, '');
    core.saveState(STATE.imageCache, '');
}
function leftBehind() {
    const pid = Number(lib_core/* getState */.Gu(state_file_STATE.vmPid));
    return {
        runDir: lib_core/* getState */.Gu(state_file_STATE.runDir) || undefined,
        vmPid: Number.isInteger(pid) && pid > 0 ? pid : undefined,
        imageCache: lib_core/* getState */.Gu(state_file_STATE.imageCache) || undefined
    };
}


/***/ }),

/***/ 953:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Lr: () => (/* reexport */ run_dir_removeRunDir)
});

// UNUSED EXPORTS: HostError, INPUTS, INPUT_NAMES, InputError, OUTPUTS, OutputFence, appliedText, buildSettings, canStart, defaultInputs, diagnose, discardEarly, enabledFileCommands, failureMessage, hostContext, libkrunSettings, parseEnv, parseEnvAssignment, parseInput, prepareLaterSteps, refusalLines, run, shownDefault, sweepLine, verdictLine, vmEntry

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(24);
var external_node_fs_default = /*#__PURE__*/__nccwpck_require__.n(external_node_fs_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/engine/guest/guest-protocol.ts
/** The directory of the guest's own files (the script, the file commands) in the merged root. */
const GUEST_RUN_DIR = '/run/krun-action';
/** Where things are inside the guest's private root: relative to it, but for init and scriptInGuest. */
const guest_protocol_GUEST = {
    /** The init's path, given to krun_set_exec. */
    init: '/krun-init',
    records: '.krun',
    plan: '.krun/plan',
    env: '.krun/env',
    script: '.krun/script',
    started: '.krun/started',
    status: '.krun/status',
    initError: '.krun/init-error',
    /**
     * Where the init mounts the image's root, a prepared layer's disk, its writable layer
     * (tmpfs or a disk: overlay upper and work) and the merged root.
     */
    lower: '.krun/lower',
    middle: '.krun/middle',
    rw: '.krun/rw',
    root: '.krun/root',
    /** Where the init places the script inside the merged root. */
    scriptInGuest: `${GUEST_RUN_DIR}/script.sh`
};
/** The directories the host makes for the init to mount on. */
const guest_protocol_GUEST_MOUNT_POINTS = [guest_protocol_GUEST.lower, guest_protocol_GUEST.middle, guest_protocol_GUEST.rw, guest_protocol_GUEST.root];
/** The virtio-fs tags: the image's root (the overlay's lower), the workspace, the file commands. */
const guest_protocol_BASE_TAG = 'krun-base';
const guest_protocol_WORKSPACE_TAG = 'krun-workspace';
const guest_protocol_FILE_COMMAND_TAG = 'krun-files';
/** Where the guest sees the file-command share (GITHUB_OUTPUT and friends). */
const guest_protocol_FILE_COMMAND_GUEST_DIR = (/* unused pure expression or super */ null && (`${GUEST_RUN_DIR}/files`));
/** The guest's PATH when the user sets none: also the init's search path for the workload. */
const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const guest_protocol_DEFAULT_HOME = '/root';
/** The guest PATH: the user's, or the usual one. */
function guest_protocol_guestPath(env) {
    const own = env.filter(([name]) => name === 'PATH').at(-1);
    return own ? own[1] : DEFAULT_PATH;
}
/** The status record's exact size: one word and a number, padded with spaces, then a newline. */
const guest_protocol_STATUS_BYTES = 32;
/** The status record's words: the workload runs, or ended with an exit code or a signal. */
const guest_protocol_STATUS_RUNNING = 'running';
const guest_protocol_STATUS_EXITED = 'exited';
const guest_protocol_STATUS_KILLED = 'killed';
/** The plan's directives, one per line with tab-separated fields (native/README.md has their fields). */
const guest_protocol_PLAN = {
    lower: 'lower',
    share: 'share',
    workdir: 'workdir',
    script: 'script',
    arg: 'arg',
    user: 'user',
    upper: 'upper',
    middle: 'middle'
};
/** A share's kind and modes in a `share` (and `lower`) directive. */
const guest_protocol_SHARE_VIRTIOFS = 'virtiofs';
const guest_protocol_SHARE_RW = 'rw';
const SHARE_RO = 'ro';
/** The guest paths the init opens: absolute, since the init runs with the private root as `/`. */
const inRoot = (relative) => `/${relative}`;
/**
 * What native/init/guest-protocol.h defines, by C macro name. Strings become C string
 * literals, numbers C integers.
 */
const INIT_FACTS = {
    KRUN_DIR: inRoot(guest_protocol_GUEST.records),
    PLAN_FILE: inRoot(guest_protocol_GUEST.plan),
    ENV_FILE: inRoot(guest_protocol_GUEST.env),
    SCRIPT_FILE: inRoot(guest_protocol_GUEST.script),
    STARTED_FILE: inRoot(guest_protocol_GUEST.started),
    STATUS_FILE: inRoot(guest_protocol_GUEST.status),
    INIT_ERROR_FILE: inRoot(guest_protocol_GUEST.initError),
    LOWER_DIR: inRoot(guest_protocol_GUEST.lower),
    MIDDLE_DIR: inRoot(guest_protocol_GUEST.middle),
    RW_DIR: inRoot(guest_protocol_GUEST.rw),
    ROOT_DIR: inRoot(guest_protocol_GUEST.root),
    DEFAULT_PATH,
    STATUS_SIZE: guest_protocol_STATUS_BYTES,
    STATUS_RUNNING: guest_protocol_STATUS_RUNNING,
    STATUS_EXITED: guest_protocol_STATUS_EXITED,
    STATUS_KILLED: guest_protocol_STATUS_KILLED,
    PLAN_LOWER: guest_protocol_PLAN.lower,
    PLAN_SHARE: guest_protocol_PLAN.share,
    PLAN_WORKDIR: guest_protocol_PLAN.workdir,
    PLAN_SCRIPT: guest_protocol_PLAN.script,
    PLAN_ARG: guest_protocol_PLAN.arg,
    PLAN_USER: guest_protocol_PLAN.user,
    PLAN_UPPER: guest_protocol_PLAN.upper,
    PLAN_MIDDLE: guest_protocol_PLAN.middle,
    SHARE_VIRTIOFS: guest_protocol_SHARE_VIRTIOFS,
    SHARE_RW: guest_protocol_SHARE_RW,
    SHARE_RO
};

// EXTERNAL MODULE: ./src/image/errors.ts
var errors = __nccwpck_require__(62);
;// CONCATENATED MODULE: ./src/engine/guest/untrusted-file.ts
/**
 * Reads a file from a directory the guest can write (its root share, the workspace, the
 * file-command share). Such a file is untrusted input: it is never reached through a
 * link, is opened only once it is known to be a regular file (opening a FIFO blocks,
 * opening a device can act), and is read only up to a cap. The guest is gone when the
 * host reads (the VM process has ended), so nothing swaps a path between these checks and
 * the open; the open still refuses a link and never blocks, and what it opened is checked again.
 */



/** The guest left something other than a small regular file where the host reads one. */
class untrusted_file_TamperedError extends Error {
    relativePath;
    constructor(relativePath) {
        super(`${relativePath} is not a regular file of the expected size`);
        this.relativePath = relativePath;
        this.name = 'TamperedError';
    }
}
const OPEN_FLAGS = (external_node_fs_default()).constants.O_RDONLY | (external_node_fs_default()).constants.O_NOFOLLOW | (external_node_fs_default()).constants.O_NONBLOCK | (external_node_fs_default()).constants.O_NOCTTY;
/** Every directory between `baseDir` (trusted) and the file must be a real directory. */
function checkDirectories(baseDir, relativePath) {
    const parts = relativePath.split('/').slice(0, -1);
    let dir = baseDir;
    for (const part of parts) {
        dir = path.join(dir, part);
        let stat;
        try {
            stat = fs.lstatSync(dir);
        }
        catch (error) {
            if (errorCode(error) === 'ENOENT')
                return false;
            throw new untrusted_file_TamperedError(relativePath);
        }
        if (!stat.isDirectory())
            throw new untrusted_file_TamperedError(relativePath);
    }
    return true;
}
/**
 * The file's bytes, or undefined when it does not exist. Throws TamperedError for a link
 * anywhere on the path, anything but a regular file, or more than `maxBytes`.
 */
function untrusted_file_readUntrustedFile(baseDir, relativePath, maxBytes) {
    if (!checkDirectories(baseDir, relativePath))
        return undefined;
    const file = path.join(baseDir, relativePath);
    let fd;
    try {
        if (!fs.lstatSync(file).isFile())
            throw new untrusted_file_TamperedError(relativePath);
        fd = fs.openSync(file, OPEN_FLAGS);
    }
    catch (error) {
        if (errorCode(error) === 'ENOENT')
            return undefined;
        throw new untrusted_file_TamperedError(relativePath);
    }
    try {
        if (!fs.fstatSync(fd).isFile())
            throw new untrusted_file_TamperedError(relativePath);
        const buffer = Buffer.alloc(maxBytes + 1);
        let length = 0;
        while (length < buffer.length) {
            const read = fs.readSync(fd, buffer, length, buffer.length - length, null);
            if (read === 0)
                break;
            length += read;
        }
        if (length > maxBytes)
            throw new untrusted_file_TamperedError(relativePath);
        return buffer.subarray(0, length);
    }
    finally {
        fs.closeSync(fd);
    }
}
/** Whether a path the guest could have made exists, without following a link at its end. */
function untrusted_file_untrustedPathExists(baseDir, relativePath) {
    try {
        if (!checkDirectories(baseDir, relativePath))
            return false;
        fs.lstatSync(path.join(baseDir, relativePath));
        return true;
    }
    catch (error) {
        if (error instanceof untrusted_file_TamperedError)
            throw error;
        return false;
    }
}

// EXTERNAL MODULE: ./src/text/visible.ts
var text_visible = __nccwpck_require__(573);
;// CONCATENATED MODULE: ./src/engine/errors.ts
/** The errors a user can act on, and how each front end words them: one line, no stack trace. */


/**
 * A mistake in what the user gave us. It carries the input's name so each front end
 * (action inputs, CLI flags) can name it in its own words; it is always shown as one
 * line, never with a stack trace.
 */
class errors_InputError extends Error {
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
function errors_showValue(value, max = 60) {
    return `"${(0,text_visible/* visibleExcerpt */.k)(value, max)}"`;
}
/** A host that cannot run the microVM: one line, with the fix. */
class errors_HostError extends Error {
    constructor(message) {
        super(message);
        this.name = 'HostError';
    }
}
/** A system error's code (ENOENT, ENOSPC…), else its message: the part of a failure worth showing. */
function errors_errorText(error) {
    const code = (0,errors/* errorCode */.CA)(error);
    if (code !== undefined)
        return code;
    return error instanceof Error ? error.message : String(error);
}
/**
 * The one line a front end shows for an error; `nameInput` words an input its own way. The
 * whole line is made visible: messages quote values with showValue, but also name paths the
 * user gave, and an unexpected error's message can hold anything.
 */
function failureMessage(error, nameInput) {
    return visible(failureText(error, nameInput));
}
function failureText(error, nameInput) {
    if (error instanceof errors_InputError)
        return `${nameInput(error.input)}: ${error.problem}`;
    if (error instanceof errors_HostError)
        return error.message;
    return `failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`;
}

;// CONCATENATED MODULE: ./src/engine/inputs/parse.ts
/**
 * Pure parsers, one per input. Each takes the raw text and returns a typed value or
 * throws an InputError that names the input, shows the value (never a secret), and says
 * what form is accepted.
 */

const LOG_LEVELS = ['off', 'error', 'warn', 'info', 'debug', 'trace'];
/** Where the script path goes in a shell template, as in GitHub's own `shell:`. */
const parse_SCRIPT_PLACEHOLDER = '{0}';
const NAMED_SHELLS = {
    sh: 'sh -e {0}',
    bash: 'bash --noprofile --norc -eo pipefail {0}'
};
function wholeNumber(input, raw, min, max, unit = '', why = '') {
    const text = raw.trim();
    const expected = `expected a whole number${unit} from ${min} to ${max}${why}`;
    if (!/^[0-9]+$/.test(text)) {
        throw new errors_InputError(input, `${errors_showValue(raw)} is not a whole number; ${expected}`);
    }
    const value = Number(text);
    if (value < min || value > max) {
        throw new errors_InputError(input, `${errors_showValue(raw)} is out of range; ${expected}`);
    }
    return value;
}
function parseCpus(raw) {
    // libkrun takes the count as a uint8_t: anything above 255 would silently wrap.
    return wholeNumber('cpus', raw, 1, 255);
}
function parseMemory(raw, hostMemoryMib) {
    return wholeNumber('memory', raw, 128, Math.max(128, hostMemoryMib), ' of MiB', " (the host's memory)");
}
function parseLogLevel(raw) {
    const text = raw.trim().toLowerCase();
    if (text === '')
        return undefined;
    if (LOG_LEVELS.includes(text))
        return text;
    throw new errors_InputError('log-level', `${errors_showValue(raw)} is not a log level; expected one of ${LOG_LEVELS.join(', ')}`);
}
/** `true` or `false`, as action.yml booleans are written. */
function parseBoolean(input, raw) {
    const text = raw.trim().toLowerCase();
    if (text === 'true')
        return true;
    if (text === 'false' || text === '')
        return false;
    throw new errors_InputError(input, `${errors_showValue(raw)} is not a boolean; expected true or false`);
}
/** Returns the shell's argv, with SCRIPT_PLACEHOLDER standing for the script's path. */
function parseShell(raw) {
    const text = raw.trim() === '' ? 'sh' : raw.trim();
    const template = NAMED_SHELLS[text] ?? text;
    if (!template.includes(parse_SCRIPT_PLACEHOLDER)) {
        throw new errors_InputError('shell', `${errors_showValue(raw)} is neither a known shell nor a template; expected sh, bash, or a command containing {0} (e.g. "bash -x {0}")`);
    }
    return template.split(/\s+/).filter((word) => word !== '');
}
/**
 * The script as bytes: a YAML input arrives as UTF-8 text, a CLI file or stdin as whatever
 * bytes it holds, and either reaches the guest unchanged.
 */
function parse_parseCommandBytes(bytes) {
    if (bytes.every((byte) => byte === 0x20 || (byte >= 0x09 && byte <= 0x0d))) {
        throw new errors_InputError('commands', 'is empty; give at least one shell command to run in the microVM');
    }
    const nul = bytes.indexOf(0);
    if (nul >= 0) {
        const line = bytes.subarray(0, nul).filter((byte) => byte === 0x0a).length + 1;
        throw new errors_InputError('commands', `line ${line} contains a NUL byte; remove it (a shell script cannot hold NUL bytes)`);
    }
    return bytes;
}
function parseCommands(raw) {
    return parse_parseCommandBytes(Buffer.from(raw, 'utf8'));
}
const UNITS = { '': 1, s: 1, m: 60, h: 3600 };
/** A duration such as 90, 90s, 10m or 1h; a plain number is seconds. */
function parseTimeout(raw) {
    const text = raw.trim();
    if (text === '' || text === 'none')
        return undefined;
    const match = /^([0-9]+)([smh]?)$/.exec(text);
    const seconds = match ? Number(match[1]) * UNITS[match[2]] : NaN;
    if (!match || !(seconds > 0) || seconds > 7 * 24 * 3600) {
        throw new errors_InputError('timeout', `${errors_showValue(raw)} is not a duration; expected a positive whole number of seconds, or one followed by s, m or h (e.g. 90, 90s, 10m, 1h), at most a week`);
    }
    return seconds;
}
/** How a duration in seconds is written back to the user ("10m", "90s"). */
function parse_formatDuration(seconds) {
    if (seconds % 3600 === 0)
        return `${seconds / 3600}h`;
    if (seconds % 60 === 0)
        return `${seconds / 60}m`;
    return `${seconds}s`;
}
/** A variable name, as the guest's environment and the runner's GITHUB_ENV take it. */
const parse_ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/**
 * Refuses a name that is not a variable name without quoting it: an env line that went
 * wrong can hold part of a secret, and the runner masks only whole secret values.
 */
function checkEnvName(name, where) {
    if (!parse_ENV_NAME.test(name)) {
        throw new errors_InputError('env', `${where}the name is not a valid variable name; expected KEY=VALUE with a KEY of letters, digits and _, not starting with a digit`);
    }
}
function checkEnvValue(name, value) {
    if (value.includes('\0')) {
        throw new errors_InputError('env', `the value of ${name} contains a NUL byte; environment values cannot hold NUL bytes`);
    }
}
/**
 * One `KEY=VALUE` assignment (a CLI --env flag); a bare `KEY` takes the value from
 * `hostEnv`, so secrets need not appear on a command line.
 */
function parseEnvAssignment(text, hostEnv) {
    const equals = text.indexOf('=');
    const name = equals < 0 ? text : text.slice(0, equals);
    checkEnvName(name, '');
    const value = equals < 0 ? hostEnv[name] : text.slice(equals + 1);
    if (value === undefined) {
        throw new InputError('env', `${name} is not set in this environment; expected KEY=VALUE, or KEY for a variable that is set`);
    }
    checkEnvValue(name, value);
    return [name, value];
}
/**
 * `KEY=VALUE` lines; a value runs to the end of its line and may hold `=`, spaces and
 * quotes. Multi-line values use the same heredoc form as GITHUB_ENV:
 * `KEY<<DELIMITER`, the lines of the value, then DELIMITER alone on a line.
 * Blank lines and lines starting with `#` are ignored. Values are never echoed back.
 */
function parseEnv(raw) {
    const lines = raw.split('\n').map((line) => line.replace(/\r$/, ''));
    const entries = [];
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        const lineNumber = i + 1;
        if (line.trim() === '' || line.trimStart().startsWith('#'))
            continue;
        // A name holds no '=': a '<<' after the first '=' is part of a KEY=VALUE value.
        const heredoc = /^([^=]*?)<<(.+)$/.exec(line);
        const equals = line.indexOf('=');
        let name;
        let value;
        if (heredoc) {
            name = heredoc[1].trim();
            checkEnvName(name, `line ${lineNumber}: `);
            const delimiter = heredoc[2];
            const end = lines.indexOf(delimiter, i + 1);
            if (end < 0) {
                throw new errors_InputError('env', `line ${lineNumber}: the multi-line value of ${name} is never closed; end it with a line holding only the delimiter given after <<`);
            }
            value = lines.slice(i + 1, end).join('\n');
            i = end;
        }
        else if (equals < 0) {
            throw new errors_InputError('env', `line ${lineNumber} has no "="; expected KEY=VALUE, or KEY<<DELIMITER for a multi-line value`);
        }
        else {
            name = line.slice(0, equals).trim();
            checkEnvName(name, `line ${lineNumber}: `);
            value = line.slice(equals + 1);
        }
        checkEnvValue(name, value);
        entries.push([name, value]);
    }
    return entries;
}
const NETWORK_MODES = ['public', 'tsi', 'none'];
/**
 * `tsi`: guest sockets are opened on the host by the VM process; `public`: the same, but only
 * to public addresses (net-guard.ts); `none`: the guest has only lo.
 */
function parseNetwork(raw) {
    const text = raw.trim().toLowerCase();
    if (NETWORK_MODES.includes(text))
        return text;
    throw new errors_InputError('network', `${errors_showValue(raw)} is not a network mode; expected public, tsi or none`);
}
const WORKSPACE_DEVICES = ['remove', 'keep'];
/** `remove`: device nodes and set-ID bits the run left in the workspace go; `keep`: they stay. */
function parseWorkspaceDevices(raw) {
    const text = raw.trim().toLowerCase();
    if (WORKSPACE_DEVICES.includes(text))
        return text;
    throw new errors_InputError('workspace-devices', `${errors_showValue(raw)} is not a choice; expected ${WORKSPACE_DEVICES.join(' or ')}`);
}
const PORT_PAIR = /^([0-9]+):([0-9]+)$/;
const PORTS_FORM = 'expected HOST:GUEST, two whole numbers from 1 to 65535 (e.g. 8080:80), one pair per line';
function validPort(digits) {
    const significant = digits.replace(/^0+(?=.)/, '');
    const value = Number(significant);
    return significant.length <= 5 && value >= 1 && value <= 65535 ? value : undefined;
}
/**
 * HOST:GUEST lines, each exposing a guest port on the host: libkrun's port map entries,
 * written back in canonical form. A line is shown in a message only when it is made of
 * digits and colons, so nothing else the user wrote is echoed.
 */
function parsePorts(raw) {
    const pairs = [];
    const hostPorts = new Set();
    const guestPorts = new Set();
    raw.split('\n').forEach((rawLine, index) => {
        const line = rawLine.trim();
        if (line === '')
            return;
        const where = /^[0-9:]+$/.test(line) ? `line ${index + 1} (${errors_showValue(line, 20)})` : `line ${index + 1}`;
        const match = PORT_PAIR.exec(line);
        if (!match)
            throw new errors_InputError('ports', `${where} is not HOST:GUEST; ${PORTS_FORM}`);
        const host = validPort(match[1]);
        const guest = validPort(match[2]);
        if (host === undefined || guest === undefined) {
            throw new errors_InputError('ports', `${where} has a port out of range; ${PORTS_FORM}`);
        }
        if (hostPorts.has(host)) {
            throw new errors_InputError('ports', `${where} exposes host port ${host} a second time; give each host port once`);
        }
        // libkrun maps each guest port to one host port and refuses a second.
        if (guestPorts.has(guest)) {
            throw new errors_InputError('ports', `${where} exposes guest port ${guest} a second time; give each guest port once`);
        }
        hostPorts.add(host);
        guestPorts.add(guest);
        pairs.push(`${host}:${guest}`);
    });
    return pairs;
}
const SIZE_UNITS = { '': 1, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30, t: 2 ** 40 };
/** A size such as 8G, 512M or 2T (binary units, an optional B or iB); a plain number is bytes. */
function byteSize(raw) {
    const match = /^([0-9]{1,15})\s*([kmgt]?)(?:i?b)?$/i.exec(raw.trim());
    return match ? Number(match[1]) * SIZE_UNITS[match[2].toLowerCase()] : undefined;
}
const MIN_CACHE_BYTES = 256 * 2 ** 20;
/** The image cache's size cap: images, their roots and prepared layers past it are evicted, least recently used first. */
function parseCacheSize(raw) {
    const bytes = byteSize(raw);
    if (bytes === undefined || bytes < MIN_CACHE_BYTES) {
        throw new errors_InputError('cache-size', `${errors_showValue(raw)} is not a cache size of at least 256M; expected a number with K, M, G or T (e.g. 10G)`);
    }
    return bytes;
}

;// CONCATENATED MODULE: ./src/engine/guest/file-commands.ts
/**
 * The guest's file commands: each one the host has (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY,
 * GITHUB_ENV, GITHUB_PATH) names a file in a private share in the guest, so a script
 * written for the runner works unchanged. After the run the host reads those files as
 * untrusted input and parses them strictly, in the runner's own format; GITHUB_ENV and
 * GITHUB_PATH only with export-env, and otherwise they are only looked at to say they
 * were dropped. Warnings never echo guest content beyond a valid name.
 */





/** What each file command is called in a step's environment. */
const file_commands_FILE_COMMANDS = {
    output: 'GITHUB_OUTPUT',
    summary: 'GITHUB_STEP_SUMMARY',
    env: 'GITHUB_ENV',
    path: 'GITHUB_PATH'
};
/** GITHUB_ENV and GITHUB_PATH change later steps on the host: read only with export-env. */
const EXPORTED = (/* unused pure expression or super */ null && (['env', 'path']));
/** The share's directory inside the private run directory (outside the guest's root). */
const FILE_COMMAND_DIR = 'files';
/** What GitHub allows a step's summary; the same cap for each file. */
const FILE_COMMAND_MAX_BYTES = (/* unused pure expression or super */ null && (1024 * 1024));
/** More warnings than this are counted, not listed. */
const MAX_WARNINGS = 10;
const file_commands_NO_FILE_COMMANDS = {
    outputs: [],
    summary: '',
    env: [],
    path: [],
    warnings: [],
    dropped: []
};
/** The file commands this host has files for: the guest gets each of them. */
function enabledFileCommands(hostEnv) {
    return Object.keys(file_commands_FILE_COMMANDS).filter((kind) => Boolean(hostEnv[file_commands_FILE_COMMANDS[kind]]));
}
/**
 * The one warning for what the guest wrote to GITHUB_ENV or GITHUB_PATH without export-env;
 * `setting` is how the front end's user turns it on, e.g. `export-env: true`.
 */
function file_commands_droppedWarning(dropped, setting) {
    if (dropped.length === 0)
        return undefined;
    const names = dropped.map((kind) => file_commands_FILE_COMMANDS[kind]).join(' and ');
    const [it, was] = dropped.length === 1 ? ['it', 'it was'] : ['them', 'they were'];
    return `the guest wrote to ${names}; ${was} dropped: set ${setting} to pass ${it} to later steps`;
}
/**
 * Makes the share (mode 0700) with one empty file per enabled command (0600). When the
 * commands run as a user other than root (`forAnyUser`), the share is 0777 and its files 0666
 * so that user can write them: the run directory around it stays 0700 on the host.
 */
function file_commands_prepareFileCommandShare(runDir, kinds, forAnyUser = false) {
    const hostDir = path.join(runDir, FILE_COMMAND_DIR);
    fs.mkdirSync(hostDir, { mode: 0o700 });
    if (forAnyUser)
        fs.chmodSync(hostDir, 0o777);
    const env = {};
    for (const kind of kinds) {
        fs.writeFileSync(path.join(hostDir, kind), '', { mode: 0o600 });
        if (forAnyUser)
            fs.chmodSync(path.join(hostDir, kind), 0o666);
        env[file_commands_FILE_COMMANDS[kind]] = `${FILE_COMMAND_GUEST_DIR}/${kind}`;
    }
    return { tag: FILE_COMMAND_TAG, hostDir, guestDir: FILE_COMMAND_GUEST_DIR, env };
}
const OUTPUT_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** The runner itself refuses NODE_OPTIONS from GITHUB_ENV. */
const REFUSED_ENV = (/* unused pure expression or super */ null && (['NODE_OPTIONS']));
/**
 * `name=value` lines and `name<<DELIMITER` blocks (the value's lines, then DELIMITER alone),
 * as the runner reads GITHUB_OUTPUT and GITHUB_ENV. Anything else is skipped with a warning.
 */
function parseKeyValues(text, variable, nameCheck) {
    const lines = text.split('\n').map((line) => line.replace(/\r$/, ''));
    if (lines.at(-1) === '')
        lines.pop();
    const entries = [];
    const warnings = [];
    const warn = (lineNumber, problem) => warnings.push(`the guest's ${variable}, line ${lineNumber}: ${problem}; skipped`);
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        const lineNumber = i + 1;
        if (line === '')
            continue;
        const equals = line.indexOf('=');
        const heredoc = line.indexOf('<<');
        let name;
        let value;
        if (equals >= 0 && (heredoc < 0 || equals < heredoc)) {
            name = line.slice(0, equals);
            value = line.slice(equals + 1);
        }
        else if (heredoc >= 0) {
            name = line.slice(0, heredoc);
            const delimiter = line.slice(heredoc + 2);
            if (delimiter === '') {
                warn(lineNumber, 'a name<<DELIMITER line with an empty delimiter');
                continue;
            }
            const end = lines.indexOf(delimiter, i + 1);
            if (end < 0) {
                warnings.push(`the guest's ${variable}, line ${lineNumber}: a name<<DELIMITER block that is never closed; skipped it and the rest of the file`);
                break;
            }
            value = lines.slice(i + 1, end).join('\n');
            i = end;
        }
        else {
            warn(lineNumber, 'neither name=value nor name<<DELIMITER');
            continue;
        }
        const problem = nameCheck(name);
        if (problem) {
            warn(lineNumber, problem);
        }
        else if (value.includes('\0')) {
            warn(lineNumber, `the value of ${name} holds a NUL byte`);
        }
        else {
            entries.push([name, value]);
        }
    }
    return { entries, warnings };
}
function parseOutputFile(text) {
    return parseKeyValues(text, file_commands_FILE_COMMANDS.output, (name) => OUTPUT_NAME.test(name)
        ? undefined
        : 'not a valid output name (letters, digits, _ and -, not starting with a digit or -)');
}
function parseEnvFile(text) {
    return parseKeyValues(text, file_commands_FILE_COMMANDS.env, (name) => {
        if (!ENV_NAME.test(name))
            return 'not a valid variable name (letters, digits and _, not starting with a digit)';
        if (REFUSED_ENV.includes(name))
            return `${name} cannot be set for later steps`;
        return undefined;
    });
}
/** One absolute directory per line; `:` is refused, as it would add more than one. */
function parsePathFile(text) {
    const entries = [];
    const warnings = [];
    text.split('\n').forEach((raw, i) => {
        const line = raw.replace(/\r$/, '');
        if (line === '')
            return;
        if (!line.startsWith('/') || /[:\0]/.test(line)) {
            warnings.push(`the guest's ${file_commands_FILE_COMMANDS.path}, line ${i + 1}: not an absolute directory without ":" or NUL; skipped`);
        }
        else {
            entries.push(line);
        }
    });
    return { entries, warnings };
}
function capWarnings(warnings) {
    if (warnings.length <= MAX_WARNINGS)
        return warnings;
    return [
        ...warnings.slice(0, MAX_WARNINGS),
        `${warnings.length - MAX_WARNINGS} more problems in the guest's file commands were skipped`
    ];
}
/** The text the guest left in one file command; '' (with a warning) when it cannot be trusted. */
function readGuestFile(runDir, kind, warnings) {
    const variable = file_commands_FILE_COMMANDS[kind];
    let bytes;
    try {
        bytes = readUntrustedFile(runDir, `${FILE_COMMAND_DIR}/${kind}`, FILE_COMMAND_MAX_BYTES);
    }
    catch (error) {
        if (!(error instanceof TamperedError))
            throw error;
        warnings.push(`the guest's ${variable} was not a regular file of at most 1 MiB; ignored`);
        return '';
    }
    if (bytes === undefined)
        return '';
    try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    }
    catch {
        warnings.push(`the guest's ${variable} is not UTF-8 text; ignored`);
        return '';
    }
}
/** Whether the guest left anything but the empty file it was given (read no further than one byte). */
function guestWroteTo(runDir, kind) {
    try {
        readUntrustedFile(runDir, `${FILE_COMMAND_DIR}/${kind}`, 0);
        return false;
    }
    catch (error) {
        if (!(error instanceof TamperedError))
            throw error;
        return true;
    }
}
/** Reads and checks what the guest wrote to each enabled file command; GITHUB_ENV and GITHUB_PATH only if exported. */
function file_commands_readGuestFileCommands(runDir, kinds, exportEnv) {
    const warnings = [];
    const result = { ...file_commands_NO_FILE_COMMANDS, dropped: [] };
    const keep = (parsed) => {
        warnings.push(...parsed.warnings);
        return parsed.entries;
    };
    for (const kind of kinds) {
        if (!exportEnv && EXPORTED.includes(kind)) {
            if (guestWroteTo(runDir, kind))
                result.dropped.push(kind);
            continue;
        }
        const text = readGuestFile(runDir, kind, warnings);
        if (kind === 'summary')
            result.summary = text;
        else if (kind === 'output')
            result.outputs = keep(parseOutputFile(text));
        else if (kind === 'env')
            result.env = keep(parseEnvFile(text));
        else
            result.path = keep(parsePathFile(text));
    }
    result.warnings = capWarnings(warnings);
    return result;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(598);
;// CONCATENATED MODULE: ./src/engine/guest/host-file-commands.ts
/**
 * Appends what the guest set (already checked by file-commands.ts) to the host's own file
 * commands. Each value goes in a block with a fresh random delimiter, as @actions/core
 * writes them, so nothing the guest wrote can close a block early and add entries.
 */



/** `name<<delimiter`, the value, the delimiter; undefined if the value holds the delimiter. */
function keyValueBlock(name, value) {
    const delimiter = `ghadelimiter_${crypto.randomUUID()}`;
    if (value.includes(delimiter))
        return undefined;
    return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
}
/**
 * Writes the guest's outputs, summary, environment and PATH entries to the files `hostEnv`
 * names. `reservedOutputs` are the front end's own outputs, which the guest cannot set.
 * Returns one warning line per entry left out.
 */
function host_file_commands_applyGuestFileCommands(guest, hostEnv, reservedOutputs = []) {
    const warnings = [];
    const appendBlocks = (variable, entries, what) => {
        const file = hostEnv[variable];
        if (!file)
            return;
        let text = '';
        for (const [name, value] of entries) {
            const block = keyValueBlock(name, value);
            if (block === undefined)
                warnings.push(`the guest's ${what} ${name} was left out: it holds the delimiter`);
            else
                text += block;
        }
        if (text)
            fs.appendFileSync(file, text);
    };
    const outputs = guest.outputs.filter(([name]) => {
        if (!reservedOutputs.includes(name))
            return true;
        warnings.push(`the guest's ${FILE_COMMANDS.output} sets ${name}, which is this step's own output; skipped`);
        return false;
    });
    appendBlocks(FILE_COMMANDS.output, outputs, 'output');
    appendBlocks(FILE_COMMANDS.env, guest.env, 'variable');
    const summaryFile = hostEnv[FILE_COMMANDS.summary];
    if (summaryFile && guest.summary) {
        fs.appendFileSync(summaryFile, guest.summary.endsWith('\n') ? guest.summary : `${guest.summary}\n`);
    }
    const pathFile = hostEnv[FILE_COMMANDS.path];
    if (pathFile && guest.path.length > 0)
        fs.appendFileSync(pathFile, guest.path.map((dir) => `${dir}\n`).join(''));
    return warnings;
}

;// CONCATENATED MODULE: ./src/engine/vm-process/refused-table.ts
/**
 * The table of refused destinations krun-netguard keeps (native/netguard/table.c, the same
 * layout): made here, zeroed, before the VM process starts; read back after it ended, like
 * any file the host did not write itself: strict form, a size cap.
 *
 * Layout, little-endian: a 32-byte header (magic, capacity u32, used u32, total u64,
 * unlisted u64), then `capacity` 32-byte entries (family u8, protocol u8, port u16, 4
 * reserved bytes, address 16 bytes, count u64).
 */



const MAGIC = 'KRNGTAB1';
const HEADER_BYTES = 32;
const ENTRY_BYTES = 32;
/** Distinct destinations itemized; refusals beyond them are only counted. */
const TABLE_CAPACITY = 256;
const TABLE_BYTES = HEADER_BYTES + TABLE_CAPACITY * ENTRY_BYTES;
/** At most this many destinations are shown, the most refused first. */
const SHOWN_REFUSALS = 20;
const FAMILIES = { 0: 'other', 1: 'unix', 4: 'ipv4', 6: 'ipv6' };
const PROTOCOLS = { 0: 'other', 6: 'tcp', 17: 'udp' };
function refused_table_createRefusedTable(file) {
    const bytes = Buffer.alloc(TABLE_BYTES);
    bytes.write(MAGIC, 0, 'latin1');
    bytes.writeUInt32LE(TABLE_CAPACITY, 8);
    fs.writeFileSync(file, bytes, { mode: 0o600, flag: 'wx' });
}
function ipv6Text(bytes) {
    if (bytes.subarray(0, 10).every((byte) => byte === 0) && bytes.readUInt16BE(10) === 0xffff) {
        return `::ffff:${[...bytes.subarray(12)].join('.')}`;
    }
    const groups = Array.from({ length: 8 }, (_, i) => bytes.readUInt16BE(i * 2).toString(16));
    // The longest run of two or more zero groups becomes "::".
    let best = { start: -1, length: 1 };
    for (let start = 0; start < 8; start++) {
        let length = 0;
        while (start + length < 8 && groups[start + length] === '0')
            length++;
        if (length > best.length)
            best = { start, length };
    }
    if (best.start < 0)
        return groups.join(':');
    const head = groups.slice(0, best.start).join(':');
    const tail = groups.slice(best.start + best.length).join(':');
    return `${head}::${tail}`;
}
function addressText(family, bytes) {
    if (family === 'ipv4')
        return [...bytes.subarray(0, 4)].join('.');
    if (family === 'ipv6')
        return ipv6Text(bytes);
    return family === 'unix' ? 'host unix socket' : 'another address family';
}
/** Thrown for a table that is not in form: the count is then unknown, and said so. */
class BadTableError extends (/* unused pure expression or super */ null && (Error)) {
}
function parseRefusedTable(bytes) {
    const bad = (what) => new BadTableError(`the refusal table ${what}`);
    if (bytes.length !== TABLE_BYTES || bytes.toString('latin1', 0, 8) !== MAGIC)
        throw bad('is not in form');
    if (bytes.readUInt32LE(8) !== TABLE_CAPACITY)
        throw bad('has another capacity');
    const used = bytes.readUInt32LE(12);
    if (used > TABLE_CAPACITY)
        throw bad('holds more entries than it has room for');
    const total = Number(bytes.readBigUInt64LE(16));
    const unlisted = Number(bytes.readBigUInt64LE(24));
    const entries = [];
    for (let i = 0; i < used; i++) {
        const at = HEADER_BYTES + i * ENTRY_BYTES;
        const family = FAMILIES[bytes[at]];
        const protocol = PROTOCOLS[bytes[at + 1]];
        const count = Number(bytes.readBigUInt64LE(at + 24));
        if (family === undefined || protocol === undefined || count < 1)
            throw bad(`entry ${i} is not in form`);
        entries.push({
            address: addressText(family, bytes.subarray(at + 8, at + 24)),
            port: bytes.readUInt16LE(at + 2),
            protocol,
            count
        });
    }
    entries.sort((a, b) => b.count - a.count);
    return { total, unlisted, entries };
}
/** What the run's guard refused; undefined when the run had no guard (no table). */
function refused_table_readRefusedTable(file) {
    const bytes = readUntrustedFile(path.dirname(file), path.basename(file), TABLE_BYTES);
    return bytes === undefined ? undefined : parseRefusedTable(bytes);
}
function destinationText(refusal) {
    if (refusal.address.includes(' '))
        return refusal.address;
    const host = refusal.address.includes(':') ? `[${refusal.address}]` : refusal.address;
    return `${host}:${refusal.port}`;
}
/** The lines the log and the summary show: the first SHOWN_REFUSALS destinations and the total. */
function refused_table_refusalLines(refusals) {
    const times = (count) => (count === 1 ? 'once' : `${count} times`);
    const lines = refusals.entries
        .slice(0, SHOWN_REFUSALS)
        .map((refusal) => `${destinationText(refusal)} (${refusal.protocol}): refused ${times(refusal.count)}`);
    const hidden = refusals.entries.length - lines.length;
    const more = hidden > 0 || refusals.unlisted > 0 ? ' (not all destinations are listed)' : '';
    return [`network public refused ${refusals.total} connection attempts or datagrams${more}`, ...lines];
}

;// CONCATENATED MODULE: ./src/engine/guest/workspace-sweep.ts
/**
 * What the guest left in the workspace that later steps on the host could use against it,
 * beyond the files it may change anyway: device nodes (a world-writable node of the host's
 * disk gives every user the disk) and set-user-ID or set-group-ID files (run as their owner,
 * root when the runner is root, by whoever starts them). After the run, such entries that the
 * run created or changed are removed (devices) or lose those bits (files).
 *
 * The VM process has ended when this runs, so no guest swaps an entry between a check and
 * what is done to it. The walk never follows a link (every entry is lstat'ed, and only real
 * directories are entered), stays on the workspace's file system, opens no entry but
 * directories (a FIFO or a device could block or act when opened), and stops after
 * MAX_ENTRIES entries, saying so.
 *
 * FIFOs and sockets stay: once the guest is gone, a FIFO connects to nothing and a socket
 * to no listener, so neither gives more than the files the guest may already change; and
 * builds make them.
 */




/** Bounds the work after each run (an lstat an entry); a checkout bigger than this is rare. */
const MAX_ENTRIES = 1_000_000;
/** How many entries that could not be dealt with are named; the rest are counted. */
const NAMED_FAILURES = 3;
const SET_ID_BITS = 0o6000;
const NS_PER_S = 1000000000n;
/**
 * The moment a run starts, as the file systems stamp it: the ctime of a file just written.
 * The kernel's coarse clock stamps ctimes, so it is the same clock the workspace's ctimes come from.
 */
function workspace_sweep_changeStamp(file) {
    return fs.lstatSync(file, { bigint: true }).ctimeNs;
}
/**
 * Whether an entry was created or changed (mode, owner, content, name, links) since `since`:
 * the kernel sets ctime on every such change, and nothing can set it back. A file system that
 * keeps whole seconds (ext4 with small inodes) stamps a change in the run's first second
 * before `since`, which its ctime's zero nanoseconds give away.
 */
function changedSince(ctimeNs, since) {
    if (ctimeNs >= since)
        return true;
    return ctimeNs % NS_PER_S === 0n && ctimeNs >= since - (since % NS_PER_S);
}
/** Walks `workspace` (absolute, real) and deals with what the run left since `since`. */
function workspace_sweep_sweepWorkspace(workspace, since, maxEntries = MAX_ENTRIES) {
    const sweep = {
        devicesRemoved: 0,
        setIdCleared: 0,
        failures: [],
        failureCount: 0,
        stoppedAfter: undefined
    };
    const failed = (relative, error) => {
        if (sweep.failureCount++ < NAMED_FAILURES)
            sweep.failures.push(`${visible(relative)} (${errorText(error)})`);
    };
    let device;
    try {
        device = fs.lstatSync(workspace, { bigint: true }).dev;
    }
    catch (error) {
        failed('.', error);
        return sweep;
    }
    const pending = [''];
    let seen = 0;
    while (pending.length > 0) {
        const directory = pending.pop();
        let entries;
        try {
            entries = fs.readdirSync(path.join(workspace, directory), { withFileTypes: true });
        }
        catch (error) {
            failed(directory || '.', error);
            continue;
        }
        for (const entry of entries) {
            if (++seen > maxEntries) {
                sweep.stoppedAfter = maxEntries;
                return sweep;
            }
            // readdir's type spares an lstat of the links, FIFOs and sockets, which stay as they are.
            if (!(entry.isDirectory() || entry.isFile() || entry.isBlockDevice() || entry.isCharacterDevice()))
                continue;
            const relative = directory === '' ? entry.name : `${directory}/${entry.name}`;
            try {
                visit(path.join(workspace, relative), relative);
            }
            catch (error) {
                failed(relative, error);
            }
        }
    }
    return sweep;
    function visit(file, relative) {
        const stat = fs.lstatSync(file, { bigint: true });
        if (stat.isDirectory()) {
            // Another file system mounted inside the workspace is the host's own doing, not the guest's.
            if (stat.dev === device)
                pending.push(relative);
        }
        else if (stat.isBlockDevice() || stat.isCharacterDevice()) {
            if (!changedSince(stat.ctimeNs, since))
                return;
            fs.unlinkSync(file);
            sweep.devicesRemoved++;
        }
        else if (stat.isFile() && (Number(stat.mode) & SET_ID_BITS) !== 0) {
            if (!changedSince(stat.ctimeNs, since))
                return;
            // lstat just said it is a regular file, and nothing has run since to make it a link.
            fs.chmodSync(file, Number(stat.mode) & 0o7777 & ~SET_ID_BITS);
            sweep.setIdCleared++;
        }
    }
}
const counted = (count, one, many) => `${count} ${count === 1 ? one : many}`;
/** The one log line saying what was removed or cleared; undefined when there was nothing. */
function workspace_sweep_sweepLine(sweep) {
    const parts = [
        sweep.devicesRemoved > 0 && `${counted(sweep.devicesRemoved, 'device node', 'device nodes')} (removed)`,
        sweep.setIdCleared > 0 &&
            `${counted(sweep.setIdCleared, 'file', 'files')} with set-user-ID or set-group-ID bits (cleared)`
    ].filter((part) => part !== false);
    return parts.length === 0 ? undefined : `the guest left ${parts.join(' and ')} in the workspace`;
}
/** What could not be checked or dealt with, one warning each. */
function workspace_sweep_sweepWarnings(sweep) {
    const warnings = [];
    if (sweep.failureCount > 0) {
        const more = sweep.failureCount - sweep.failures.length;
        const named = sweep.failures.join(', ') + (more > 0 ? ` and ${more} more` : '');
        warnings.push(`could not check or clean ${counted(sweep.failureCount, 'entry', 'entries')} of the workspace: ${named}; device nodes or set-ID files the guest left there may remain`);
    }
    if (sweep.stoppedAfter !== undefined) {
        warnings.push(`the workspace check stopped after ${sweep.stoppedAfter} entries; the rest was not checked for device nodes or set-ID files the guest left`);
    }
    return warnings;
}

;// CONCATENATED MODULE: ./src/engine/after-run.ts
/**
 * What a run hands back to the host once it has ended: the guest's file commands appended
 * to the host's own files, and the lines the front end shows about them, about what the run
 * left in the workspace and about what the network policy refused.
 */




function after_run_afterRun(result, files) {
    const warnings = [
        droppedWarning(result.fileCommands.dropped, files.exportEnvSetting),
        ...result.fileCommands.warnings,
        ...applyGuestFileCommands(result.fileCommands, files.env, files.reservedOutputs)
    ].filter((warning) => warning !== undefined);
    const notes = [];
    if (result.workspaceSweep) {
        const line = sweepLine(result.workspaceSweep);
        if (line)
            notes.push(line);
        warnings.push(...sweepWarnings(result.workspaceSweep));
    }
    if (result.refusals && result.refusals.total > 0)
        notes.push(...refusalLines(result.refusals));
    return { notes, warnings };
}

;// CONCATENATED MODULE: ./src/engine/inputs/input-spec.ts
/** A host-path input whose saved text is worked out from its own parser's value. */
function hostPathInput(spec) {
    return spec;
}

;// CONCATENATED MODULE: ./src/engine/inputs/guest-user.ts
/**
 * Who the commands run as: a user written as `docker run --user` takes it (name, uid,
 * uid:gid, name:group), resolved in the guest root's own /etc/passwd and /etc/group. Those
 * files belong to the image (or the rootfs), so they are untrusted input: read on the host
 * without following links, capped in size, parsed strictly.
 */


/**
 * The largest id accepted: what fits a signed 32-bit number, as container runtimes take it.
 * The guest init's plan parser (parse_id in native/init/krun-init.c) holds the same bound.
 */
const MAX_ID = 2 ** 31 - 1;
const MAX_ACCOUNT_FILE_BYTES = (/* unused pure expression or super */ null && (1024 * 1024));
const MAX_GROUPS = 1024;
/** A name as passwd and group hold one: no colon, comma, white space or control character. */
const ACCOUNT_NAME = /^[^:,\s\p{Cc}]+$/u;
const NUMERIC = /^[0-9]+$/;
function numericId(text) {
    if (!NUMERIC.test(text))
        return undefined;
    const id = Number(text);
    return id <= MAX_ID ? id : undefined;
}
/** Why `text` is not a user as `--user` takes it, or undefined when it is one. */
function guest_user_userSpecProblem(text) {
    const parts = text.split(':');
    if (parts.length > 2 || parts.some((part) => !ACCOUNT_NAME.test(part))) {
        return 'expected a user name or uid, optionally followed by :group or :gid (e.g. root, 1000, 1000:1000, app:staff)';
    }
    if (parts.some((part) => NUMERIC.test(part) && numericId(part) === undefined)) {
        return `ids run from 0 to ${MAX_ID}`;
    }
    return undefined;
}
function guest_user_toUserSpec(text) {
    const [user, group] = text.split(':');
    return { text, user, group };
}
/** The `user` input: empty for the image's User (or root). */
function parseUser(raw) {
    const text = raw.trim();
    if (text === '')
        return undefined;
    const problem = guest_user_userSpecProblem(text);
    if (problem)
        throw new errors_InputError('user', `${errors_showValue(text)} is not a user; ${problem}`);
    return guest_user_toUserSpec(text);
}
/** The account files' lines that hold entries: blank lines, comments and NIS markers are skipped. */
function entryLines(text) {
    return text
        .split('\n')
        .map((line, index) => [index + 1, line])
        .filter(([, line]) => line !== '' && !/^[#+-]/.test(line))
        .map(([number, line]) => [number, line.split(':')]);
}
class guest_user_AccountFileError extends (/* unused pure expression or super */ null && (Error)) {
}
function malformed(file, line, form) {
    return new guest_user_AccountFileError(`its ${file} line ${line} is not ${form}`);
}
function parsePasswd(text) {
    const form = 'name:password:uid:gid:gecos:home:shell';
    return entryLines(text).map(([line, fields]) => {
        const [name, , uidText, gidText, , home] = fields;
        const uid = numericId(uidText ?? '');
        const gid = numericId(gidText ?? '');
        if (fields.length !== 7 ||
            !ACCOUNT_NAME.test(name) ||
            uid === undefined ||
            gid === undefined ||
            home.includes('\0')) {
            throw malformed('/etc/passwd', line, form);
        }
        return { name, uid, gid, home: home === '' ? '/' : home };
    });
}
function parseGroup(text) {
    const form = 'name:password:gid:members';
    return entryLines(text).map(([line, fields]) => {
        const [name, , gidText, list] = fields;
        const gid = numericId(gidText ?? '');
        const members = list === '' || list === undefined ? [] : list.split(',');
        if (fields.length !== 4 ||
            !ACCOUNT_NAME.test(name) ||
            gid === undefined ||
            !members.every((m) => ACCOUNT_NAME.test(m))) {
            throw malformed('/etc/group', line, form);
        }
        return { name, gid, members };
    });
}
/** Reads etc/passwd and etc/group under `root`, refusing links (also on the way) and anything large. */
function guest_user_readAccountFiles(root) {
    const read = (file) => {
        try {
            return readUntrustedFile(root, `etc/${file}`, MAX_ACCOUNT_FILE_BYTES)?.toString('utf8');
        }
        catch (error) {
            if (error instanceof TamperedError) {
                throw new guest_user_AccountFileError(`its /etc/${file} is not a regular file of at most ${MAX_ACCOUNT_FILE_BYTES / 1024} KiB reached without links`);
            }
            throw error;
        }
    };
    return { passwd: read('passwd'), group: read('group') };
}
/**
 * Resolves a user as `docker run --user` does: a name must be in /etc/passwd, a uid need not
 * be (then gid 0 and HOME /); a group name must be in /etc/group, a gid need not be. Without a
 * group, the user's passwd gid is primary and the groups listing the user's name are
 * supplementary; with one, that group alone. Throws AccountFileError naming what is missing.
 */
function guest_user_resolveUser(spec, files) {
    const uid = numericId(spec.user);
    const passwd = files.passwd === undefined ? [] : parsePasswd(files.passwd);
    const entry = passwd.find((e) => e.name === spec.user || (uid !== undefined && e.uid === uid));
    if (!entry && uid === undefined) {
        throw new guest_user_AccountFileError(files.passwd === undefined ? 'it has no /etc/passwd' : `its /etc/passwd has no user ${showValue(spec.user)}`);
    }
    const groupFile = () => (files.group === undefined ? [] : parseGroup(files.group));
    let gid = entry?.gid ?? 0;
    let groups = [];
    if (spec.group !== undefined) {
        const wanted = numericId(spec.group);
        const found = groupFile().find((g) => g.name === spec.group || (wanted !== undefined && g.gid === wanted));
        if (!found && wanted === undefined) {
            throw new guest_user_AccountFileError(files.group === undefined ? 'it has no /etc/group' : `its /etc/group has no group ${showValue(spec.group)}`);
        }
        gid = found?.gid ?? wanted;
    }
    else if (entry) {
        groups = [...new Set(groupFile().flatMap((g) => (g.members.includes(entry.name) ? [g.gid] : [])))];
        if (groups.length > MAX_GROUPS) {
            throw new guest_user_AccountFileError(`its /etc/group lists ${showValue(entry.name)} in more than ${MAX_GROUPS} groups`);
        }
    }
    return { uid: entry?.uid ?? uid, gid, groups, home: entry?.home ?? '/' };
}

;// CONCATENATED MODULE: external "node:dns"
const external_node_dns_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");
;// CONCATENATED MODULE: external "node:net"
const external_node_net_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");
var external_node_net_default = /*#__PURE__*/__nccwpck_require__.n(external_node_net_namespaceObject);
;// CONCATENATED MODULE: ./src/engine/vm-process/network-policy.ts
/**
 * Network `public`: the one table of the destinations the VM process refuses, and the
 * policy file krun-netguard reads (native/netguard/policy.c): allow rules first (the
 * host's resolvers on port 53, then the `allow` input), then the refused ranges; whatever
 * matches no rule is allowed. krun-netguard has no list of its own.
 */

/** Refused with `network: public`; also in their IPv4-mapped and IPv4-compatible IPv6 forms. */
const REFUSED_RANGES = [
    { range: '0.0.0.0/8', what: '"this" network' },
    { range: '127.0.0.0/8', what: "loopback: the runner's own services" },
    { range: '10.0.0.0/8', what: 'private' },
    { range: '172.16.0.0/12', what: 'private' },
    { range: '192.168.0.0/16', what: 'private' },
    { range: '100.64.0.0/10', what: 'carrier-grade NAT' },
    { range: '169.254.0.0/16', what: 'link-local, with the cloud metadata service (169.254.169.254)' },
    { range: '224.0.0.0/4', what: 'multicast' },
    { range: '255.255.255.255/32', what: 'broadcast' },
    { range: '::1/128', what: 'loopback' },
    { range: '::/128', what: 'unspecified' },
    { range: 'fc00::/7', what: 'unique local (private)' },
    { range: 'fe80::/10', what: 'link-local' },
    { range: 'ff00::/8', what: 'multicast' }
];
const POLICY_HEADER = 'krun-netguard-policy 1';
const DNS_PORT = 53;
/** A CIDR of the range table or of a parsed input, as a rule. */
function network_policy_cidrRule(cidr, allow, port = 0) {
    const [address, prefix] = cidr.split('/');
    return { allow, address, prefix: Number(prefix ?? (net.isIPv6(address) ? 128 : 32)), port };
}
/** The resolvers /etc/resolv.conf names (a zone index, fe80::1%eth0, is dropped: the guard compares addresses). */
function network_policy_resolversOf(resolvConf) {
    const found = resolvConf
        .split('\n')
        .map((line) => /^\s*nameserver\s+(\S+)/.exec(line)?.[1]?.replace(/%.*$/, ''))
        .filter((address) => address !== undefined && net.isIP(address) !== 0);
    return [...new Set(found)];
}
/** Every rule, in the order the guard tries them. */
function network_policy_policyRules(resolvers, allowed) {
    return [
        ...resolvers.map((address) => network_policy_cidrRule(address, true, DNS_PORT)),
        ...allowed,
        ...REFUSED_RANGES.map(({ range }) => network_policy_cidrRule(range, false))
    ];
}
function network_policy_renderPolicy(rules) {
    const lines = rules.map((rule) => `${rule.allow ? 'allow' : 'deny'} ${rule.address}/${rule.prefix} ${rule.port}`);
    return [POLICY_HEADER, ...lines].map((line) => `${line}\n`).join('');
}

;// CONCATENATED MODULE: ./src/engine/inputs/allow-input.ts
/**
 * The `allow` input: exceptions to network `public`, one a line: CIDR, CIDR:PORT, HOST or
 * HOST:PORT (an IPv6 address with a port in brackets: [fd00::1]:443). Host names are
 * resolved once, when the run starts, to every address they have.
 */




const FORM = 'expected CIDR, CIDR:PORT, HOST or HOST:PORT (e.g. 10.1.2.0/24:5432, [fd00::1]:443), one per line';
const HOST_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*\.?$/i;
const allow_input_MAX_ENTRIES = 1000;
function parsePort(text, problem) {
    if (!/^[1-9][0-9]{0,4}$/.test(text) || Number(text) > 65535)
        throw problem(`port ${errors_showValue(text)} is not 1 to 65535`);
    return Number(text);
}
/** An address with an optional /PREFIX, or undefined when it is not one. */
function cidrOf(text) {
    const [address, prefix, ...rest] = text.split('/');
    const family = external_node_net_default().isIP(address);
    if (family === 0 || address.includes('%') || rest.length > 0)
        return undefined;
    if (prefix === undefined)
        return address;
    const max = family === 4 ? 32 : 128;
    if (!/^(0|[1-9][0-9]{0,2})$/.test(prefix) || Number(prefix) > max)
        return undefined;
    return `${address}/${prefix}`;
}
function parseLine(line, lineNumber) {
    const problem = (what) => new errors_InputError('allow', `line ${lineNumber}: ${what}; ${FORM}`);
    let target = line;
    let port = 0;
    const bracketed = /^\[([^\]]+)\](?::(.*))?$/.exec(line);
    if (bracketed) {
        target = bracketed[1];
        if (bracketed[2] !== undefined)
            port = parsePort(bracketed[2], problem);
    }
    else if ((line.match(/:/g) ?? []).length === 1) {
        const colon = line.indexOf(':');
        target = line.slice(0, colon);
        port = parsePort(line.slice(colon + 1), problem);
    }
    const cidr = cidrOf(target);
    if (cidr !== undefined)
        return { target: cidr, isHost: false, port };
    // A last label of digits only is an address out of form (256.1.1.1), never a host name.
    const numeric = /(^|\.)[0-9]+\.?$/.test(target);
    if (bracketed || numeric || target.includes('/') || target.includes(':') || !HOST_NAME.test(target)) {
        throw problem(`${errors_showValue(line)} is not an address, CIDR or host name`);
    }
    return { target: target.toLowerCase(), isHost: true, port };
}
/** The input's lines, checked for form; nothing is resolved here. */
function parseAllow(raw) {
    const entries = [];
    raw.split('\n').forEach((text, index) => {
        const line = text.trim();
        if (line !== '')
            entries.push(parseLine(line, index + 1));
    });
    if (entries.length > allow_input_MAX_ENTRIES)
        throw new errors_InputError('allow', `has ${entries.length} lines; at most ${allow_input_MAX_ENTRIES}`);
    return entries;
}
const lookupAll = async (host) => (await dns.promises.lookup(host, { all: true, verbatim: true })).map((found) => found.address);
/** The entries as allow rules, each host name resolved now to all its addresses. */
async function allow_input_resolveAllow(entries, lookup = lookupAll) {
    const rules = [];
    for (const entry of entries) {
        if (!entry.isHost) {
            rules.push(cidrRule(entry.target, true, entry.port));
            continue;
        }
        let addresses;
        try {
            addresses = await lookup(entry.target);
        }
        catch (error) {
            throw new InputError('allow', `the host name ${showValue(entry.target)} does not resolve (${errorText(error)}); ${FORM}`);
        }
        if (addresses.length === 0)
            throw new InputError('allow', `the host name ${showValue(entry.target)} has no address`);
        for (const address of addresses)
            rules.push(cidrRule(address, true, entry.port));
    }
    return rules;
}

// EXTERNAL MODULE: ./src/image/pull-policy.ts
var pull_policy = __nccwpck_require__(537);
// EXTERNAL MODULE: ./src/image/reference.ts
var reference = __nccwpck_require__(564);
;// CONCATENATED MODULE: ./src/engine/guest/image-base.ts
/**
 * An OCI image as the guest's base: the image inputs parsed into ImageSettings, and, at
 * run time, the image pulled (or found in the cache) and its root put where a rootfs
 * directory would be.
 */





/**
 * How an image failure reads: a mistake in what was asked for (a malformed reference, an image
 * that is not there or not for this platform, one not cached under pull "never") names the
 * `image` input; anything else (the registry, the network, the cache's disk) is shown as it is.
 */
function imageFailure(error) {
    if (error instanceof errors/* InvalidReferenceError */.x_) {
        return new errors_InputError('image', `${errors_showValue(error.reference)} is not a valid reference: ${error.problem}`);
    }
    if (error instanceof errors/* ImageError */.C8)
        return error.inputMistake ? new errors_InputError('image', error.message) : new errors_HostError(error.message);
    return error;
}
/** The `image` input: a reference checked for form, with no network. */
function parseImage(raw) {
    const text = raw.trim();
    if (text === '')
        return undefined;
    try {
        return (0,reference/* parseImageReference */.o_)(text).normalized;
    }
    catch (error) {
        throw imageFailure(error);
    }
}
function parsePull(raw) {
    const text = raw.trim().toLowerCase();
    if (pull_policy/* PULL_POLICIES */.z.includes(text))
        return text;
    throw new errors_InputError('pull', `${errors_showValue(raw)} is not a pull policy; expected ${pull_policy/* PULL_POLICIES */.z.join(', ')}`);
}
/** Registry credentials come as a pair or not at all; the password is never shown. */
function image_base_registryCredentials(username, password) {
    const user = username.trim();
    if (user === '' && password === '')
        return undefined;
    if (user === '') {
        throw new InputError('registry-password', 'is set but registry-username is not; give both, or neither');
    }
    if (password === '') {
        throw new InputError('registry-password', 'is empty but registry-username is set; give both, or neither');
    }
    return { username: user, password };
}
/**
 * What stops a pull: the run's timeout running out, or SIGINT or SIGTERM (a cancelled job),
 * which would otherwise end the process with the pull's temporary files left behind.
 */
function pullStop(timeout) {
    const controller = new AbortController();
    const timer = timeout &&
        setTimeout(() => controller.abort(`the timeout (${formatDuration(timeout.seconds)}) ran out`), Math.max(0, timeout.endsAt - Date.now()));
    const onSignal = (signal) => controller.abort(`the run was cancelled (${signal})`);
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    return {
        signal: controller.signal,
        release: () => {
            clearTimeout(timer);
            process.off('SIGINT', onSignal);
            process.off('SIGTERM', onSignal);
        }
    };
}
/**
 * Pulls the image or finds it in the cache; a failure is one line (see imageFailure). The
 * image code is loaded only here, so runs without an image never pay for it at start-up.
 */
async function image_base_prepareImageBase(image, options) {
    const { prepareImage } = await __nccwpck_require__.e(/* import() */ 657).then(__nccwpck_require__.bind(__nccwpck_require__, 657));
    const stop = pullStop(options.timeout);
    try {
        return await prepareImage({
            reference: image.reference,
            pull: image.pull,
            credentials: image.credentials,
            maxCacheBytes: image.maxCacheBytes,
            cacheDir: options.cacheDir,
            log: options.log,
            signal: stop.signal
        });
    }
    catch (error) {
        throw imageFailure(error);
    }
    finally {
        stop.release();
    }
}
/** The run's timeout, from now, as prepareImageBase takes it; undefined without one. */
function image_base_timeoutFromNow(seconds) {
    return seconds === undefined ? undefined : { seconds, endsAt: Date.now() + seconds * 1000 };
}

;// CONCATENATED MODULE: ./src/engine/inputs/elf-library.ts
/**
 * Reads just enough of an ELF file to tell whether it can be libkrun for this machine:
 * a 64-bit little-endian shared object (not a position-independent executable) for this
 * architecture, whole, whose soname is a libkrun one. Reads at offsets from an open fd,
 * never the whole file.
 */


const ELF_MAGIC = Buffer.from([0x7f, 0x45, 0x4c, 0x46]);
const ELFCLASS64 = 2;
const ELFDATA2LSB = 1;
const ET_DYN = 3;
const EHDR_SIZE = 64;
const PHDR_SIZE = 56;
const PT_LOAD = 1;
const PT_DYNAMIC = 2;
const DT_NULL = 0n;
const DT_STRTAB = 5n;
const DT_SONAME = 14n;
const DT_FLAGS_1 = 0x6ffffffbn;
const DF_1_PIE = 0x08000000n;
const MAX_SONAME = 256;
/** e_machine of the architectures the action runs on. */
const ELF_MACHINE = { x64: 62, arm64: 183 };
class ElfProblem extends Error {
}
function readAt(fd, size, offset, length) {
    if (offset < 0 || length < 0 || offset + length > size)
        throw new ElfProblem('is truncated');
    const buffer = Buffer.alloc(length);
    let done = 0;
    while (done < length) {
        const read = external_node_fs_default().readSync(fd, buffer, done, length - done, offset + done);
        if (read === 0)
            throw new ElfProblem('is truncated');
        done += read;
    }
    return buffer;
}
function segments(fd, size, header) {
    const phoff = Number(header.readBigUInt64LE(32));
    const phentsize = header.readUInt16LE(54);
    const phnum = header.readUInt16LE(56);
    if (phentsize !== PHDR_SIZE || phnum === 0)
        throw new ElfProblem('is not a shared library');
    const table = readAt(fd, size, phoff, phnum * PHDR_SIZE);
    return Array.from({ length: phnum }, (_, i) => {
        const entry = table.subarray(i * PHDR_SIZE, (i + 1) * PHDR_SIZE);
        return {
            type: entry.readUInt32LE(0),
            offset: Number(entry.readBigUInt64LE(8)),
            vaddr: Number(entry.readBigUInt64LE(16)),
            filesz: Number(entry.readBigUInt64LE(32))
        };
    });
}
/** The file offset of a virtual address, through the loadable segment that holds it. */
function fileOffset(loads, vaddr) {
    const load = loads.find((s) => vaddr >= s.vaddr && vaddr < s.vaddr + s.filesz);
    if (!load)
        throw new ElfProblem('is not a shared library (its dynamic section is malformed)');
    return vaddr - load.vaddr + load.offset;
}
function soname(fd, size, loads, dynamic) {
    const table = readAt(fd, size, dynamic.offset, dynamic.filesz - (dynamic.filesz % 16));
    let strtab;
    let sonameOffset;
    let pie = false;
    for (let at = 0; at < table.length; at += 16) {
        const tag = table.readBigInt64LE(at);
        const value = table.readBigUInt64LE(at + 8);
        if (tag === DT_NULL)
            break;
        if (tag === DT_STRTAB)
            strtab = Number(value);
        if (tag === DT_SONAME)
            sonameOffset = Number(value);
        if (tag === DT_FLAGS_1 && (value & DF_1_PIE) !== 0n)
            pie = true;
    }
    if (strtab === undefined || sonameOffset === undefined)
        return { pie };
    const start = fileOffset(loads, strtab) + sonameOffset;
    const bytes = readAt(fd, size, start, Math.min(MAX_SONAME, size - start));
    const end = bytes.indexOf(0);
    if (end < 0)
        throw new ElfProblem('is not a shared library (its soname is malformed)');
    return { soname: bytes.subarray(0, end).toString('latin1'), pie };
}
/** Why the open ELF file cannot be libkrun here, or undefined when it may be. */
function elfLibraryProblem(fd, arch = process.arch) {
    try {
        const size = external_node_fs_default().fstatSync(fd).size;
        const header = readAt(fd, size, 0, Math.min(EHDR_SIZE, size));
        if (header.length < EHDR_SIZE || !header.subarray(0, 4).equals(ELF_MAGIC))
            return 'is not a shared library';
        if (header[4] !== ELFCLASS64 || header[5] !== ELFDATA2LSB)
            return 'is not a 64-bit little-endian shared library';
        if (header.readUInt16LE(16) !== ET_DYN)
            return 'is not a shared library';
        if (header.readUInt16LE(18) !== ELF_MACHINE[arch])
            return `is built for another architecture than ${arch}`;
        const all = segments(fd, size, header);
        const loads = all.filter((s) => s.type === PT_LOAD);
        if (loads.some((s) => s.offset + s.filesz > size))
            return 'is truncated';
        const dynamic = all.find((s) => s.type === PT_DYNAMIC);
        if (!dynamic)
            return 'is not a shared library (it has no dynamic section)';
        const found = soname(fd, size, loads, dynamic);
        if (found.pie)
            return 'is an executable, not a shared library';
        if (found.soname === undefined)
            return 'is not libkrun (it has no soname)';
        if (!found.soname.startsWith('libkrun')) {
            return `is not libkrun (its soname is ${errors_showValue(found.soname)})`;
        }
        return undefined;
    }
    catch (error) {
        if (error instanceof ElfProblem)
            return error.message;
        throw error;
    }
}

// EXTERNAL MODULE: ./src/libkrun-fetch/layout.ts
var layout = __nccwpck_require__(596);
// EXTERNAL MODULE: ./src/libkrun-fetch/url-rule.ts
var url_rule = __nccwpck_require__(547);
;// CONCATENATED MODULE: ./src/engine/host/libkrun-pinned.ts
/**
 * A libkrun named by a pinned archive, `https://HOST/PATH.tar.gz#sha256=<64 hex digits>`, in
 * the `libkrun` input, `krun-run --libkrun` or KRUN_LIBRARY. The value is parsed with the other
 * inputs, before anything is downloaded. This module stays small (the early start uses it);
 * libkrun-choice.ts downloads and unpacks.
 */



const libkrun_pinned_PINNED_URL_FORM = 'https://HOST/PATH.tar.gz#sha256=<64 hex digits>';
/** Whether a `libkrun` value is meant as a URL rather than a path: it begins with a scheme and `://`. */
function libkrun_pinned_isUrlLike(text) {
    return /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(text);
}
/** The value as the user writes it, for later steps to parse again. */
function pinnedUrlText(archive) {
    return `${archive.url}#sha256=${archive.sha256}`;
}
/** Parses a pinned archive URL; a mistake is an InputError naming `source` (libkrun, KRUN_LIBRARY). */
function libkrun_pinned_parsePinnedUrl(source, text) {
    const refuse = (problem) => new errors_InputError(source, `${errors_showValue(text, 100)} ${problem}; expected ${libkrun_pinned_PINNED_URL_FORM}`);
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
    const problem = (0,url_rule/* transportProblem */.B)(url);
    if (problem)
        throw refuse(problem);
    if (url.hash === '')
        throw refuse('has no #sha256= digest to pin what it downloads');
    const digest = /^#sha256=(.*)$/.exec(url.hash)?.[1];
    if (digest === undefined)
        throw refuse(`ends in ${errors_showValue(url.hash, 30)} instead of #sha256=<digest>`);
    if (!/^[0-9a-fA-F]{64}$/.test(digest))
        throw refuse(`has a malformed digest ${errors_showValue(digest, 30)}: a sha256 digest is 64 hex digits`);
    url.hash = '';
    return { url: url.toString(), sha256: digest.toLowerCase() };
}
/** libkrun.so.1 of this archive in the cache, when it is there: no network, no writes. */
function libkrun_pinned_cachedPinnedLibrary(cacheDir, archive) {
    return publishedLibrary(cacheDir, archive.sha256);
}

;// CONCATENATED MODULE: ./src/engine/host/libkrun-symbols.ts
/**
 * The libkrun symbols krun-action knows, in one table: the release that first exports each
 * (libkrun has no version call, so its symbols tell its age) and whether the stand-in libkrun
 * exports it. __tests__/libkrun-symbols.test.ts holds vm/libkrun.ts's bindings, the stand-in
 * (native/standin/api.c), native/Makefile's EXPORTS and native/README.md to this table.
 */
const LIBKRUN_SYMBOLS = {
    krun_set_log_level: { standin: true },
    krun_create_ctx: { standin: true },
    krun_set_vm_config: { standin: true },
    krun_set_root: { standin: true },
    krun_set_workdir: { standin: true },
    krun_set_exec: { standin: true },
    krun_add_virtiofs: { standin: true },
    // Since 1.10, in builds with the block device feature; the 1.16 stand-in imitates one without.
    krun_add_disk2: { feature: 'blk', standin: true },
    krun_set_port_map: { standin: true },
    krun_start_enter: { standin: true },
    krun_check_nested_virt: { since: '1.12', standin: true },
    krun_init_log: { since: '1.13', standin: true },
    krun_add_net_unixstream: { since: '1.15', standin: false },
    krun_disable_implicit_console: { since: '1.16', standin: false },
    krun_disable_implicit_vsock: { since: '1.17', standin: true },
    krun_has_feature: { since: '1.17.3', standin: false },
    krun_add_virtiofs3: { since: '1.18', standin: true },
    krun_disable_implicit_init: { since: '1.19', standin: false }
};
/**
 * The oldest release krun-action runs: the guest's exit code reaches the host from 1.12 on.
 * Its marker is the first symbol no 1.11 release exports, and every build exports it.
 */
const libkrun_symbols_MIN_LIBKRUN_SYMBOL = 'krun_check_nested_virt';
const libkrun_symbols_MIN_LIBKRUN_VERSION = LIBKRUN_SYMBOLS[libkrun_symbols_MIN_LIBKRUN_SYMBOL].since;
/** The libkrun build feature a symbol needs, if any. */
function featureOf(symbol) {
    const row = LIBKRUN_SYMBOLS[symbol];
    return row.feature;
}
/** The first release exporting a symbol; undefined for those every supported release has. */
function libkrun_symbols_since(symbol) {
    const row = LIBKRUN_SYMBOLS[symbol];
    return row.since;
}
function compareReleases(a, b) {
    const [x, y] = [a, b].map((release) => release.split('.').map(Number));
    for (let i = 0; i < Math.max(x.length, y.length); i++) {
        const diff = (x[i] ?? 0) - (y[i] ?? 0);
        if (diff !== 0)
            return diff;
    }
    return 0;
}
/** Each symbol that marks a release, with that release, newest first. */
const libkrun_symbols_VERSION_MARKERS = Object.entries(LIBKRUN_SYMBOLS)
    .flatMap(([symbol, row]) => row.since ? [[symbol, row.since]] : [])
    .sort(([, a], [, b]) => compareReleases(b, a));
/** Whether `release` is at least `floor` (both dotted numbers). */
function releaseAtLeast(release, floor) {
    return compareReleases(release, floor) >= 0;
}

;// CONCATENATED MODULE: ./src/engine/host/host-checks.ts
/**
 * Checks of the host that need no native code: where is libkrun (kvm-access.ts opens the
 * KVM device). The KVM API version and libkrun's age need the native loader and are
 * checked by the VM process, which reports them the same way.
 */






const host_checks_DEFAULT_KVM_DEVICE = '/dev/kvm';
const LIBKRUN_SONAME = 'libkrun.so.1';
/**
 * Why the file at `file` cannot be a libkrun, or undefined when it may be one. It must be
 * a regular file (a link to one, like libkrun.so.1, is fine) before anything opens it:
 * opening a FIFO would block.
 */
function host_checks_libraryProblem(file) {
    let fd;
    try {
        if (!external_node_fs_default().statSync(file).isFile())
            return 'is not a regular file';
        fd = external_node_fs_default().openSync(file, (external_node_fs_default()).constants.O_RDONLY | (external_node_fs_default()).constants.O_NONBLOCK | (external_node_fs_default()).constants.O_NOCTTY);
    }
    catch {
        return 'does not exist or cannot be read';
    }
    try {
        if (!external_node_fs_default().fstatSync(fd).isFile())
            return 'is not a regular file';
        return elfLibraryProblem(fd);
    }
    catch {
        return 'cannot be read';
    }
    finally {
        external_node_fs_default().closeSync(fd);
    }
}
const GNU_TRIPLET = { x64: 'x86_64-linux-gnu', arm64: 'aarch64-linux-gnu' };
function usualLibraryDirs(arch = process.arch) {
    const triplet = GNU_TRIPLET[arch];
    return ['/usr/lib64', '/usr/local/lib64', ...(triplet ? [`/usr/lib/${triplet}`] : []), '/usr/local/lib', '/usr/lib'];
}
/** The path `ldconfig -p` lists for libkrun.so.1, if any. */
function parseLdconfig(output) {
    for (const line of output.split('\n')) {
        const match = /^\s*libkrun\.so\.1 \(.*\) => (\/.+)$/.exec(line);
        if (match)
            return match[1].trim();
    }
    return undefined;
}
async function fromLdconfig() {
    // Loaded here, not when the action starts: a run that names its libkrun never asks ldconfig.
    const exec = await Promise.resolve(/* import() */).then(__nccwpck_require__.bind(__nccwpck_require__, 683));
    for (const ldconfig of ['/sbin/ldconfig', 'ldconfig']) {
        try {
            const result = await exec.getExecOutput(ldconfig, ['-p'], { silent: true, ignoreReturnCode: true });
            if (result.exitCode === 0)
                return parseLdconfig(result.stdout);
        }
        catch {
            // Not installed here: try the next, then the usual directories.
        }
    }
    return undefined;
}
const systemLookup = () => ({
    loaderPath: (process.env.LD_LIBRARY_PATH ?? '').split(':').filter((dir) => dir.startsWith('/')),
    ldconfig: fromLdconfig,
    exists: (p) => fs.existsSync(p),
    dirs: usualLibraryDirs()
});
/**
 * Where the host has libkrun.so.1, as the loader would find its soname (LD_LIBRARY_PATH, its
 * cache), then in the usual directories; undefined when it has none.
 */
async function host_checks_searchLibkrun(lookup = systemLookup()) {
    const inDirs = (dirs) => dirs.map((dir) => path.join(dir, LIBKRUN_SONAME)).find((candidate) => lookup.exists(candidate));
    const onLoaderPath = inDirs(lookup.loaderPath);
    if (onLoaderPath)
        return onLoaderPath;
    const cached = await lookup.ldconfig();
    if (cached && lookup.exists(cached))
        return cached;
    return inDirs(lookup.dirs);
}
/** What a host without libkrun is told, when krun-action has no build of its own for it either. */
function host_checks_libkrunNotFound(lookup = systemLookup()) {
    const searched = [...lookup.loaderPath, ...lookup.dirs].join(', ');
    return new HostError(`libkrun was not found (looked in KRUN_LIBRARY, the ldconfig cache, and ${searched}). ` +
        `Install libkrun ${MIN_LIBKRUN_VERSION} or newer (Fedora: dnf install libkrun libkrunfw; Arch: pacman -S libkrun; Debian/Ubuntu: build it from source), ` +
        'or give its path, or a pinned archive holding libkrun.so.1 and libkrunfw.so.N side by side, as input libkrun ' +
        `(krun-run --libkrun): ${PINNED_URL_FORM}`);
}

;// CONCATENATED MODULE: ./src/engine/inputs/pseudo-fs.ts
/**
 * Whether a host directory belongs to the kernel rather than to a disk: /proc, /sys and /dev,
 * or any mount of a pseudo file system elsewhere. Sharing one with the guest shares the host's
 * processes, devices or kernel settings, never a project, and the guest cannot mount it anyway.
 */

const PSEUDO_ROOTS = ['/proc', '/sys', '/dev'];
/** statfs f_type values (linux/magic.h) of the file systems through which the kernel shows itself. */
const PSEUDO_TYPES = new Map([
    [0x9fa0, 'proc'],
    [0x62656572, 'sysfs'],
    [0x1cd1, 'devpts'],
    [0x27e0eb, 'cgroup'],
    [0x63677270, 'cgroup2'],
    [0x64626720, 'debugfs'],
    [0x74726163, 'tracefs'],
    [0x73636673, 'securityfs'],
    [0xf97cff8c, 'selinuxfs'],
    [0x43415d53, 'smackfs'],
    [0x6165676c, 'pstore'],
    [0xde5e81e4, 'efivarfs'],
    [0xcafe4a11, 'bpf'],
    [0x62656570, 'configfs'],
    [0x65735543, 'fusectl'],
    [0x19800202, 'mqueue'],
    [0x42494e4d, 'binfmt_misc'],
    [0x6e736673, 'nsfs'],
    [0x67596969, 'rpc_pipefs']
]);
/** How a message says where `dir` (absolute, real) is when it is a pseudo file system: "under /proc", "on a cgroup2 file system". */
function pseudoFileSystem(dir) {
    const root = PSEUDO_ROOTS.find((pseudo) => dir === pseudo || dir.startsWith(`${pseudo}/`));
    if (root !== undefined)
        return `under ${root}`;
    let type;
    try {
        type = external_node_fs_default().statfsSync(dir).type;
    }
    catch {
        // Whatever keeps statfs from answering keeps the share from working too, and says so there.
        return undefined;
    }
    const name = PSEUDO_TYPES.get(type);
    return name === undefined ? undefined : `on a ${name} file system`;
}

;// CONCATENATED MODULE: ./src/engine/inputs/host-paths.ts
/**
 * Parsers of the inputs that name host paths (rootfs, workspace, libkrun, which may be a
 * pinned archive's URL instead) and the guest working directory. Unlike parse.ts, these look
 * at the host's file system.
 */






/** Paths travel in a TAB-separated plan file, one per line. */
function checkPlanSafe(input, value) {
    if (/[\t\n\r\0]/.test(value)) {
        throw new errors_InputError(input, `${errors_showValue(value)} contains a tab, newline or NUL byte; use a path without them`);
    }
}
function parseHostDirectory(input, raw, cwd) {
    const text = raw.trim();
    checkPlanSafe(input, text);
    let resolved;
    let stat;
    try {
        // Judged by where it leads: a link to / is /, and the guest sees the real path.
        resolved = external_node_fs_default().realpathSync(external_node_path_default().resolve(cwd, text));
        stat = external_node_fs_default().statSync(resolved);
    }
    catch (error) {
        const problem = errors_errorText(error) === 'ENOENT' ? 'does not exist' : `cannot be reached (${errors_errorText(error)})`;
        throw new errors_InputError(input, `${errors_showValue(text)} ${problem}; expected an existing directory on the host`);
    }
    if (!stat.isDirectory()) {
        throw new errors_InputError(input, `${errors_showValue(text)} is not a directory; expected an existing directory on the host`);
    }
    checkPlanSafe(input, resolved);
    return resolved;
}
/** The workspace's host path, or null for `none`. */
function parseWorkspace(raw, context) {
    const text = raw.trim();
    if (text === 'none')
        return null;
    const workspace = parseHostDirectory('workspace', text === '' ? (context.defaultWorkspace ?? context.cwd) : text, context.cwd);
    if (workspace === '/') {
        const leads = text === '' || text === '/' ? '"/"' : `${errors_showValue(text)} leads to / and`;
        throw new errors_InputError('workspace', `${leads} would share the whole host read-write; name a project directory, or none`);
    }
    const pseudo = pseudoFileSystem(workspace);
    if (pseudo !== undefined) {
        const shown = errors_showValue(text === '' ? workspace : text);
        throw new errors_InputError('workspace', `${shown} is ${pseudo}, a pseudo file system of the host; name a project directory, or none`);
    }
    return workspace;
}
/** The guest working directory the user chose, normalized; undefined for the default. */
function parseWorkdir(raw) {
    const text = raw.trim();
    if (text === '')
        return undefined;
    checkPlanSafe('workdir', text);
    if (!text.startsWith('/')) {
        throw new errors_InputError('workdir', `${errors_showValue(text)} is relative; expected an absolute path inside the guest, e.g. /src`);
    }
    return external_node_path_default().posix.normalize(text);
}
function libraryFile(source, raw, cwd) {
    const text = raw.trim();
    checkPlanSafe(source, text);
    const resolved = external_node_path_default().resolve(cwd, text);
    const problem = host_checks_libraryProblem(resolved);
    if (problem)
        throw new errors_InputError(source, `${errors_showValue(text)} ${problem}; expected the path of libkrun.so.1`);
    return resolved;
}
/** Which input names libkrun: the input (or flag) when set, else KRUN_LIBRARY. */
function host_paths_libkrunInputName(raw) {
    return raw.trim() !== '' ? 'libkrun' : 'KRUN_LIBRARY';
}
/** The libkrun the user named (input, flag or KRUN_LIBRARY); undefined to search for it. */
function parseLibkrun(raw, context) {
    const named = (raw.trim() !== '' ? raw : (context.libraryFromEnv ?? '')).trim();
    if (named === '')
        return undefined;
    const source = host_paths_libkrunInputName(raw);
    if (libkrun_pinned_isUrlLike(named))
        return { archive: libkrun_pinned_parsePinnedUrl(source, named) };
    return { path: libraryFile(source, named, context.cwd) };
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(161);
;// CONCATENATED MODULE: ./src/engine/host/kvm-access.ts
/**
 * Read-write access to the KVM device (input kvm-access). The device is opened, as libkrun
 * will open it: mode bits alone do not tell. On a GitHub-hosted runner, where /dev/kvm is
 * root:kvm 0660 and the runner's user is not in kvm, `auto` installs the usual udev rule
 * with passwordless sudo; elsewhere the action never runs sudo and only says what to do.
 */




const KVM_ACCESS_POLICIES = ['auto', 'check'];
function parseKvmAccess(raw) {
    const text = raw.trim().toLowerCase();
    if (text === '')
        return 'auto';
    if (KVM_ACCESS_POLICIES.includes(text))
        return text;
    throw new errors_InputError('kvm-access', `${errors_showValue(raw)} is not a policy; expected auto or check`);
}
const UDEV_RULE = 'KERNEL=="kvm", GROUP="kvm", MODE="0666", OPTIONS+="static_node=kvm"';
const UDEV_RULE_FILE = '/etc/udev/rules.d/99-kvm.rules';
const UDEV_FIX = `echo '${UDEV_RULE}' | sudo tee ${UDEV_RULE_FILE}` +
    ' && sudo udevadm control --reload-rules && sudo udevadm trigger --name-match=kvm';
/** Opens the device read-write and closes it again. */
function kvm_access_openKvm(device, open = (p) => fs.openSync(p, 'r+')) {
    let fd;
    try {
        fd = open(device);
    }
    catch (error) {
        const code = errorCode(error) ?? String(error);
        const kind = ['ENOENT', 'ENXIO', 'ENODEV'].includes(code)
            ? 'missing'
            : ['EACCES', 'EPERM'].includes(code)
                ? 'denied'
                : 'other';
        return { ok: false, kind, code };
    }
    fs.closeSync(fd);
    return { ok: true };
}
/** Whether the action may change the host to get access: only GitHub's own throwaway runners. */
function mayInstallUdevRule(context) {
    return context.policy === 'auto' && context.githubHosted;
}
/** How the user gets access where the action does not (or could not) get it itself. */
function kvm_access_kvmAccessFix(context) {
    if (!context.githubHosted)
        return `as root, run once on this machine: ${UDEV_FIX}`;
    if (context.policy === 'check') {
        return `set kvm-access: auto to let the action install the udev rule with sudo, or add a step before this one that runs: ${UDEV_FIX}`;
    }
    return `add a step before this one that runs: ${UDEV_FIX}`;
}
const user = () => os.userInfo().username;
/** The one line for a device that does not open; `why` says what a fix already tried. */
function kvmProblem(context, open, why) {
    const { device } = context;
    switch (open.kind) {
        case 'missing':
            return `${device} does not exist: this machine cannot run virtual machines. Use a runner with KVM (bare metal, or a VM with nested virtualization enabled).`;
        case 'denied':
            return `${device} exists but user ${user()} cannot open it read-write (${open.code})${why ? `, ${why}` : ''}; ${kvm_access_kvmAccessFix(context)}`;
        case 'other':
            return `cannot open ${device} read-write (${open.code}); check that KVM works on this machine`;
    }
}
/** Checks access without changing anything: right before the VM process starts, and in the doctor. */
function kvm_access_checkKvmAccess(context, open) {
    const result = kvm_access_openKvm(context.device, open);
    if (!result.ok)
        throw new HostError(kvmProblem(context, result));
}
/** Loaded only when a fix is attempted: most runs never need them. */
async function actionPrograms() {
    const [exec, io] = await Promise.all([Promise.resolve(/* import() */).then(__nccwpck_require__.bind(__nccwpck_require__, 683)), Promise.resolve(/* import() */).then(__nccwpck_require__.bind(__nccwpck_require__, 366))]);
    return {
        which: (name) => io.which(name, false),
        run: async (file, args, input) => {
            const options = {
                silent: true,
                ignoreReturnCode: true,
                input: input === undefined ? undefined : Buffer.from(input)
            };
            const { exitCode, stderr } = await exec.getExecOutput(file, args, options);
            return { exitCode, stderr };
        }
    };
}
/** Installs the udev rule with `sudo -n`; undefined when done, else why it was not. */
async function installUdevRule(programs) {
    const found = {};
    for (const name of ['sudo', 'tee', 'udevadm']) {
        found[name] = await programs.which(name);
        if (!found[name])
            return `but ${name} is not on PATH`;
    }
    const steps = [
        ['true', ['true']],
        ['tee', [found.tee, UDEV_RULE_FILE], `${UDEV_RULE}\n`],
        ['udevadm', [found.udevadm, 'control', '--reload-rules']],
        ['udevadm', [found.udevadm, 'trigger', '--name-match=kvm']],
        ['udevadm', [found.udevadm, 'settle']]
    ];
    for (const [name, args, input] of steps) {
        const shown = `sudo -n ${[name, ...args.slice(1)].join(' ')}`;
        const result = await programs.run(found.sudo, ['-n', ...args], input).catch((error) => error);
        if (result instanceof Error)
            return `and ${shown} could not run (${result.message})`;
        if (result.exitCode !== 0) {
            const said = result.stderr.trim().split('\n')[0];
            return name === 'true'
                ? 'and sudo needs a password here (sudo -n true failed), so the action could not install the udev rule'
                : `and installing the udev rule failed (${shown} exited with code ${result.exitCode}${said ? `: ${said}` : ''})`;
        }
    }
    return undefined;
}
/**
 * Makes sure the device opens read-write: on a GitHub-hosted runner with kvm-access auto,
 * by installing the udev rule, then opening it again. Throws a HostError with the fix.
 */
async function kvm_access_ensureKvmAccess(context, deps) {
    const first = kvm_access_openKvm(context.device, deps.open);
    if (first.ok)
        return;
    if (first.kind !== 'denied' || !mayInstallUdevRule(context))
        throw new HostError(kvmProblem(context, first));
    const why = await installUdevRule(deps.programs ?? (await actionPrograms()));
    if (why !== undefined)
        throw new HostError(kvmProblem(context, first, why));
    const again = kvm_access_openKvm(context.device, deps.open);
    if (!again.ok) {
        throw new HostError(kvmProblem(context, again, `even after the udev rule ${UDEV_RULE_FILE} was installed`));
    }
    deps.log(`kvm-access: ${context.device} did not open read-write for user ${user()} (${first.code}); installed the udev rule ${UDEV_RULE_FILE} with sudo, and it opens now`);
}

;// CONCATENATED MODULE: ./src/engine/inputs/persist-inputs.ts
/**
 * The parsers of the inputs about lasting state: `persist` (where the guest's writable layer
 * lives), `persist-size` (the size of its disk) and `prepare` (a setup script whose layer is
 * cached). Pure.
 */


const PERSIST_MODES = ['step', 'job'];
function parsePersist(raw) {
    const text = raw.trim().toLowerCase();
    if (text === '')
        return 'step';
    if (PERSIST_MODES.includes(text))
        return text;
    throw new errors_InputError('persist', `${errors_showValue(raw)} is not a persist mode; expected step (each step starts from the base) or job (what a step changes lasts for the job's later steps)`);
}
/** Smaller than this, ext4 has no room for its journal and a layer worth having. */
const MIN_DISK_BYTES = 64 * 2 ** 20;
const MAX_DISK_BYTES = 16 * 2 ** 40;
/** A size such as 8G, 512M or 2T (binary units); a plain number is bytes. */
function parseDiskSize(raw) {
    const bytes = byteSize(raw) ?? NaN;
    if (!(bytes >= MIN_DISK_BYTES && bytes <= MAX_DISK_BYTES)) {
        throw new errors_InputError('persist-size', `${errors_showValue(raw)} is not a disk size from 64M to 16T; expected a number with K, M, G or T (e.g. 8G)`);
    }
    // ext4 and the disk are made in whole 4 KiB blocks.
    return Math.floor(bytes / 4096) * 4096;
}
/** The prepare script's bytes, or undefined for none. */
function parsePrepare(raw) {
    if (raw.trim() === '')
        return undefined;
    const bytes = Buffer.from(raw, 'utf8');
    const nul = bytes.indexOf(0);
    if (nul >= 0) {
        throw new errors_InputError('prepare', 'contains a NUL byte; remove it (a shell script cannot hold NUL bytes)');
    }
    return bytes;
}

;// CONCATENATED MODULE: ./src/engine/inputs/outputs.ts
/** The action's outputs: action.yml and the README's table are checked against these words. */
const OUTPUTS = {
    'exit-code': "The commands' exit code: 128+N when signal N killed them, 124 on timeout. Unset when they never ran (bad input, host problem, boot failure).",
    'timed-out': '`true` when the timeout stopped the microVM, else `false`.',
    'image-digest': "The digest of the image that ran (an image index's for multi-platform images), when `image` was given."
};

;// CONCATENATED MODULE: ./src/engine/inputs/table.ts
/**
 * The one table of inputs and outputs. action.yml, the README's tables and `krun-run
 * --help` are checked against it (__tests__/metadata.test.ts); the action reads its
 * inputs by these names, the CLI maps its flags through it, and settings.ts parses each
 * value with the parser named here.
 */









const table_INPUTS = {
    commands: {
        default: '',
        required: false,
        defaultText: '(none)',
        flags: ['-c', '--commands'],
        valueName: 'TEXT',
        help: 'the commands to run',
        parse: parseCommands,
        reachesVm: true,
        stepOwn: true
    },
    shell: {
        default: 'sh',
        required: false,
        flags: ['--shell'],
        valueName: 'SHELL',
        help: 'sh, bash, or a command template containing {0}',
        parse: parseShell,
        reachesVm: true,
        stepOwn: true
    },
    rootfs: hostPathInput({
        default: '/',
        required: false,
        flags: ['--rootfs', '--root'],
        valueName: 'DIR',
        help: 'base filesystem, read-only under a throwaway overlay',
        parse: (raw, context) => parseHostDirectory('rootfs', raw, context.cwd),
        reachesVm: true,
        hostPath: (dir) => dir
    }),
    image: {
        default: '',
        required: false,
        flags: ['--image'],
        valueName: 'REF',
        help: 'an OCI image as the base instead of rootfs: alpine, ubuntu:24.04, ghcr.io/owner/name:tag, name@sha256:...',
        parse: parseImage,
        reachesVm: true
    },
    pull: {
        default: 'missing',
        required: false,
        flags: ['--pull'],
        valueName: 'POLICY',
        help: 'missing (use the cached image if there is one), always (ask the registry again) or never (cache only)',
        parse: parsePull,
        reachesVm: false
    },
    'cache-size': {
        default: '10G',
        required: false,
        flags: ['--cache-size'],
        valueName: 'SIZE',
        help: "the image cache's size cap (images, their roots, prepared layers; least recently used go first), at least 256M",
        parse: parseCacheSize,
        reachesVm: false
    },
    'registry-username': {
        default: '',
        required: false,
        flags: ['--registry-username'],
        valueName: 'NAME',
        help: "the registry's user name (password: KRUN_REGISTRY_PASSWORD; else the Docker config; else anonymous)",
        parse: (raw) => raw.trim(),
        reachesVm: false,
        // Its password is never saved, and a user name alone would fail every later step.
        stepOwn: true
    },
    'registry-password': {
        default: '',
        required: false,
        flags: [],
        valueName: 'PASSWORD',
        help: "the registry's password or token, masked in the log",
        parse: (raw) => raw,
        reachesVm: false,
        secretVariable: 'KRUN_REGISTRY_PASSWORD'
    },
    workspace: hostPathInput({
        default: '',
        required: false,
        defaultText: '`GITHUB_WORKSPACE`',
        flags: ['--workspace'],
        valueName: 'DIR',
        help: 'shared read-write at the same path ("none" shares nothing; default: GITHUB_WORKSPACE, else the current directory)',
        parse: parseWorkspace,
        reachesVm: true,
        hostPath: (workspace) => workspace ?? 'none'
    }),
    'workspace-devices': {
        default: 'remove',
        required: false,
        flags: ['--workspace-devices'],
        valueName: 'remove|keep',
        help: 'remove the device nodes and clear the set-user/group-ID bits the run left in the workspace, or keep them',
        parse: parseWorkspaceDevices,
        reachesVm: false
    },
    workdir: {
        default: '',
        required: false,
        defaultText: 'the workspace',
        flags: ['--workdir'],
        valueName: 'PATH',
        help: 'guest working directory (default: the workspace, or / with no workspace)',
        parse: parseWorkdir,
        reachesVm: true
    },
    user: {
        default: '',
        required: false,
        defaultText: "the image's User, else root",
        flags: ['--user'],
        valueName: 'USER[:GROUP]',
        help: "who the commands run as: a name or uid, optionally :group or :gid, looked up in the base's /etc/passwd and /etc/group (default: the image's User, else root)",
        parse: parseUser,
        reachesVm: true
    },
    env: {
        default: '',
        required: false,
        flags: ['--env'],
        valueName: 'KEY=VALUE',
        help: 'guest environment entry (repeatable); --env KEY copies KEY from this environment, off the command line',
        parse: parseEnv,
        reachesVm: true,
        repeatable: true
    },
    persist: {
        default: 'step',
        required: false,
        flags: ['--persist'],
        valueName: 'step|job',
        help: "step (each step starts from the base) or job (the guest's changes live on a disk in the job's temporary directory, which later krun-run steps use again)",
        parse: parsePersist,
        reachesVm: true
    },
    'persist-size': {
        default: '8G',
        required: false,
        flags: ['--persist-size'],
        valueName: 'SIZE',
        help: 'the size of the disk that holds the changes of persist: job or prepare (sparse: only what is written takes space), e.g. 8G',
        parse: parseDiskSize,
        reachesVm: false
    },
    prepare: {
        default: '',
        required: false,
        defaultText: '(none)',
        flags: ['--prepare'],
        valueName: 'TEXT',
        help: "a setup script run once on the image: what it leaves is cached (keyed by the image, the script, shell, env and the guest's architecture) and later runs start on it",
        parse: parsePrepare,
        reachesVm: true
    },
    cpus: {
        default: '2',
        required: false,
        flags: ['--cpus'],
        valueName: 'N',
        help: 'virtual CPUs, 1 to 255',
        parse: parseCpus,
        reachesVm: true
    },
    memory: {
        default: '2048',
        required: false,
        flags: ['--memory', '--mem'],
        valueName: 'MIB',
        help: "guest memory in MiB, from 128 to the host's memory",
        parse: (raw, context) => parseMemory(raw, context.hostMemoryMib),
        reachesVm: true
    },
    network: {
        default: 'public',
        required: false,
        flags: ['--network'],
        valueName: 'MODE',
        help: "public (guest sockets open on the host, to public addresses and the host's resolvers only), tsi (to anything the host reaches, its loopback included) or none (only lo)",
        parse: parseNetwork,
        reachesVm: true
    },
    allow: {
        default: '',
        required: false,
        flags: ['--allow'],
        valueName: 'DEST',
        help: 'with network public, a destination it lets through: CIDR, CIDR:PORT, HOST or HOST:PORT (repeatable; one per line)',
        parse: parseAllow,
        reachesVm: true,
        repeatable: true
    },
    ports: {
        default: '',
        required: false,
        flags: ['--port'],
        valueName: 'HOST:GUEST',
        help: 'expose a guest port on the host (repeatable; none is exposed otherwise; needs network public or tsi)',
        parse: parsePorts,
        reachesVm: true,
        repeatable: true
    },
    libkrun: hostPathInput({
        default: '',
        required: false,
        flags: ['--libkrun'],
        valueName: 'PATH|URL',
        help: "libkrun.so.1, or a pinned archive URL#sha256=<hex> (default: KRUN_LIBRARY, the usual places, krun-action's build)",
        parse: parseLibkrun,
        reachesVm: true,
        hostPath: (choice) => (!choice ? '' : 'archive' in choice ? pinnedUrlText(choice.archive) : choice.path)
    }),
    'kvm-access': {
        default: 'auto',
        required: false,
        flags: ['--kvm-access'],
        valueName: 'POLICY',
        help: 'auto (on a GitHub-hosted runner, install the udev rule with sudo when the KVM device does not open) or check (never change the host)',
        parse: parseKvmAccess,
        reachesVm: false
    },
    'log-level': {
        default: '',
        required: false,
        flags: ['--log-level'],
        valueName: 'LEVEL',
        help: "libkrun's log level, shown live: off, error, warn, info, debug, trace",
        parse: parseLogLevel,
        reachesVm: true
    },
    timeout: {
        default: '',
        required: false,
        defaultText: 'none',
        flags: ['--timeout'],
        valueName: 'DURATION',
        help: 'stop after 90, 90s, 10m, 1h ..., the pull included (exit code 124)',
        parse: parseTimeout,
        reachesVm: false
    },
    'export-env': {
        default: 'false',
        required: false,
        flags: ['--export-env'],
        valueName: 'true|false',
        help: "let the guest's GITHUB_ENV and GITHUB_PATH change later steps on the host",
        parse: (raw) => parseBoolean('export-env', raw),
        reachesVm: false
    },
    'guest-workflow-commands': {
        default: 'false',
        required: false,
        flags: ['--guest-workflow-commands'],
        valueName: 'true|false',
        help: "let the runner act on workflow commands (::error::, ::add-mask:: ...) in the guest's output",
        parse: (raw) => parseBoolean('guest-workflow-commands', raw),
        reachesVm: false
    }
};
const table_INPUT_NAMES = Object.keys(table_INPUTS);


;// CONCATENATED MODULE: ./src/engine/inputs/raw-inputs.ts

/** Parses one input; an empty value stands for the input's default, as on a runner. */
function raw_inputs_parseInput(name, raw, context) {
    const spec = INPUTS[name];
    return spec.parse(raw[name] === '' ? spec.default : raw[name], context);
}
/** The raw inputs as action.yml's defaults give them. */
function raw_inputs_defaultInputs() {
    return Object.fromEntries(INPUT_NAMES.map((name) => [name, INPUTS[name].default]));
}
/** How an input's default reads to a person. */
function shownDefault(name) {
    const spec = INPUTS[name];
    return spec.defaultText ?? (spec.default === '' ? '' : `\`${spec.default}\``);
}
/** A reader of these raw inputs that parses each input at most once (some parsers look at the host). */
function raw_inputs_parseOnce(raw, context) {
    const parsed = new Map();
    return (name) => {
        if (!parsed.has(name))
            parsed.set(name, raw_inputs_parseInput(name, raw, context));
        return parsed.get(name);
    };
}

;// CONCATENATED MODULE: ./src/later-steps/saved-settings.ts
/**
 * The action's settings, saved as the defaults of later `shell: krun-run {0}` steps of the
 * same job. The file holds env values, which are secrets: it is written 0600 and read back
 * only when it is still a small regular file of this user that nobody else can read.
 */




/** The launcher names the settings file in this variable. */
const saved_settings_SETTINGS_VARIABLE = 'KRUN_SETTINGS';
const MAX_SETTINGS_BYTES = (/* unused pure expression or super */ null && (16 * 1024 * 1024));
/** Each step's own inputs and secrets are never saved (the input table says which). Later steps find the image in the action's cache. */
const SAVED_NAMES = table_INPUT_NAMES.filter((name) => {
    const spec = table_INPUTS[name];
    return !spec.stepOwn && spec.secretVariable === undefined;
});
/**
 * The raw inputs later steps inherit. Host paths are saved as this step resolved them, since
 * a later step may start in another directory (libkrun as given: input or KRUN_LIBRARY).
 */
function saved_settings_savedInputs(raw, settings) {
    return { ...Object.fromEntries(SAVED_NAMES.map((name) => [name, raw[name]])), ...settings.resolvedHostPaths };
}
/** Written beside and renamed into place, so a reader never sees half a file. */
function saved_settings_writeSettingsFile(file, saved) {
    const partial = `${file}.${process.pid}.partial`;
    fs.writeFileSync(partial, JSON.stringify(saved), { mode: 0o600 });
    fs.renameSync(partial, file);
}
const EXPECTED = 'expected the settings file krun-action saved for this job (mode 0600, owned by this user)';
function readOwnPrivateFile(file) {
    const problem = (what) => new InputError(saved_settings_SETTINGS_VARIABLE, `"${file}" ${what}; ${EXPECTED}`);
    let fd;
    try {
        fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
    }
    catch {
        throw problem('cannot be opened (missing, or a link)');
    }
    try {
        const stat = fs.fstatSync(fd);
        if (!stat.isFile() || stat.size > MAX_SETTINGS_BYTES)
            throw problem('is not a regular file of a sensible size');
        if (stat.uid !== process.getuid?.() || (stat.mode & 0o077) !== 0) {
            throw problem('belongs to another user or others can read or write it');
        }
        return fs.readFileSync(fd, 'utf8');
    }
    finally {
        fs.closeSync(fd);
    }
}
function readSettingsFile(file) {
    const text = readOwnPrivateFile(file);
    let data;
    try {
        data = JSON.parse(text);
    }
    catch {
        data = undefined;
    }
    const entries = data !== null && typeof data === 'object' && !Array.isArray(data) ? Object.entries(data) : undefined;
    const valid = entries?.every(([name, value]) => SAVED_NAMES.includes(name) && typeof value === 'string');
    if (!entries || !valid) {
        throw new InputError(saved_settings_SETTINGS_VARIABLE, `"${file}" does not hold saved inputs of this krun-run; ${EXPECTED}`);
    }
    return Object.fromEntries(entries);
}
/** Whether krun-run runs from the launcher the action installed: it names the saved settings. */
function startedByAction(env) {
    return Boolean(env[saved_settings_SETTINGS_VARIABLE]);
}
/**
 * krun-run's defaults: the table's, then the saved settings when the launcher named a file.
 * Flags override these later; KRUN_LIBRARY in the step's environment overrides a saved libkrun.
 */
function cliDefaults(env) {
    const saved = startedByAction(env) ? readSettingsFile(env[saved_settings_SETTINGS_VARIABLE]) : {};
    const raw = { ...defaultInputs(), ...saved };
    if (env.KRUN_LIBRARY?.trim())
        raw.libkrun = '';
    return raw;
}

;// CONCATENATED MODULE: ./src/later-steps/launcher.ts
/**
 * The `krun-run` launcher for later steps (`shell: krun-run {0}`): a small sh script in a
 * private directory under RUNNER_TEMP that runs dist/cli/index.js with the Node the action
 * itself runs on (the runner's Node is not on PATH), naming the saved settings. The runner
 * empties RUNNER_TEMP when the job ends, so nothing here is removed by the post step.
 */





/** Not starting with the run directories' prefix: this one stays for the rest of the job. */
const LAUNCHER_DIR = 'krun-run-shell';
const LAUNCHER_NAME = 'krun-run';
const SETTINGS_FILE = 'settings.json';
function shellQuote(text) {
    return `'${text.replace(/'/g, `'\\''`)}'`;
}
function launcherScript(nodePath, cliEntry, settingsFile) {
    return [
        '#!/bin/sh',
        '# krun-run for the later steps of this job (shell: krun-run {0}), made by krun-action.',
        `${SETTINGS_VARIABLE}=${shellQuote(settingsFile)}`,
        `export ${SETTINGS_VARIABLE}`,
        `exec ${shellQuote(nodePath)} ${shellQuote(cliEntry)} "$@"`,
        ''
    ].join('\n');
}
/** A directory of ours, mode 0700: made, or one an earlier run of the action made. */
function privateDirectory(dir) {
    try {
        fs.mkdirSync(dir, { mode: 0o700 });
    }
    catch (error) {
        if (errorCode(error) !== 'EEXIST')
            throw error;
        const stat = fs.lstatSync(dir);
        if (!stat.isDirectory() || stat.uid !== process.getuid?.()) {
            throw new HostError(`${dir} exists and is not a directory of this user; remove it, or use a fresh RUNNER_TEMP`);
        }
    }
    fs.chmodSync(dir, 0o700);
}
/** Writes the settings (0600) and the launcher (0755); returns the directory to put on PATH. */
function launcher_installLauncher(options) {
    const dir = path.join(options.tempDir, LAUNCHER_DIR);
    privateDirectory(dir);
    const settingsFile = path.join(dir, SETTINGS_FILE);
    writeSettingsFile(settingsFile, options.saved);
    const launcher = path.join(dir, LAUNCHER_NAME);
    const partial = `${launcher}.${process.pid}.partial`;
    fs.writeFileSync(partial, launcherScript(options.nodePath, path.join(options.distDir, 'cli', 'index.js'), settingsFile), { mode: 0o755 });
    fs.renameSync(partial, launcher);
    return dir;
}

;// CONCATENATED MODULE: ./src/engine/guest/guest-init.ts
/** Which guest init a run ships into the guest: the one built for this host's architecture. */



/** The guest's architecture name for each Node architecture krun-action runs on. */
const guest_init_GUEST_ARCH = { x64: 'x86_64', arm64: 'aarch64' };
function guest_init_guestInitBinary(distDir, arch = process.arch) {
    const guestArch = guest_init_GUEST_ARCH[arch];
    const binary = guestArch && path.join(distDir, 'native', guestArch, 'krun-init');
    if (!binary || !fs.existsSync(binary)) {
        throw new HostError(`this action has no guest init for the ${arch} architecture; it runs on x86_64 and aarch64 Linux`);
    }
    return binary;
}

;// CONCATENATED MODULE: ./src/engine/host/doctor/verdict.ts
/** One check's verdict, how a report reads, and whether it lets a microVM start. */
const TAGS = { ok: 'ok', fail: 'FAIL', warn: 'warn', info: 'info', skip: 'skip' };
/** A microVM can start exactly when every required check passed. */
function canStart(checks) {
    return checks.every((check) => !check.required || check.verdict === 'ok');
}
/** `FAIL KVM access: ...; fix: ...`, one line. */
function verdictLine(check) {
    const fix = check.fix && (check.verdict === 'fail' || check.verdict === 'warn') ? `; fix: ${check.fix}` : '';
    return `${TAGS[check.verdict].padEnd(4)} ${check.name}: ${check.detail}${fix}`;
}
/** The first required check that did not pass, as the one line a failed step shows. */
function verdict_firstFailure(checks) {
    const failing = checks.find((check) => check.required && check.verdict !== 'ok');
    return failing && `this host cannot start a microVM: ${verdictLine({ ...failing, verdict: 'fail' }).slice(5)}`;
}
const verdict_pass = (name, detail, required = true) => ({
    name,
    verdict: 'ok',
    detail,
    required
});
const verdict_fail = (name, detail, fix, required = true) => ({
    name,
    verdict: 'fail',
    detail,
    fix,
    required
});
const verdict_skip = (name, why) => ({
    name,
    verdict: 'skip',
    detail: `not checked: ${why}`,
    required: true
});

;// CONCATENATED MODULE: ./src/engine/host/doctor/host.ts
/** The machine itself: its architecture (the guest init is built for two) and the kind of runner. */

const host_GUEST_ARCH = { x64: 'x86_64', arm64: 'aarch64' };
/** `initBinary` gives the guest init for an architecture, or throws when the action has none. */
function host_architectureCheck(arch, initBinary) {
    const name = 'architecture';
    const guestArch = host_GUEST_ARCH[arch];
    if (!guestArch) {
        return fail(name, `${arch} is not supported`, 'use an x86_64 or aarch64 Linux machine');
    }
    try {
        return pass(name, `${guestArch}, guest init ${initBinary()}`);
    }
    catch (error) {
        return fail(name, `${guestArch}: ${error.message}`, 'use a complete copy of the action (its dist/ directory)');
    }
}
function host_runnerCheck(env) {
    const kind = env.RUNNER_ENVIRONMENT;
    const detail = kind === 'github-hosted'
        ? 'GitHub-hosted (RUNNER_ENVIRONMENT=github-hosted): kvm-access auto may install the udev rule for /dev/kvm with sudo'
        : kind
            ? `${kind} (RUNNER_ENVIRONMENT): the action never runs sudo here`
            : 'not a GitHub Actions runner (RUNNER_ENVIRONMENT is unset): the action never runs sudo here';
    return { name: 'runner', verdict: 'info', detail, required: false };
}

;// CONCATENATED MODULE: ./src/engine/host/doctor/kvm.ts
/** The KVM device: there, opening read-write for this user, and answering as KVM does. */





/** The KVM API version every Linux since 2.6.22 reports, and libkrun requires. */
const KVM_API_VERSION = 12;
const NO_KVM_FIX = 'use a machine with KVM: bare metal, or a VM with nested virtualization (GitHub-hosted x86_64 Linux runners have it)';
function kvm_kvmDeviceCheck(device, stat = fs.statSync) {
    const name = 'KVM device';
    let stats;
    try {
        stats = stat(device);
    }
    catch (error) {
        const code = errorCode(error);
        return fail(name, `${device} does not exist${code && code !== 'ENOENT' ? ` (${code})` : ''}`, NO_KVM_FIX);
    }
    const what = stats.isCharacterDevice() ? `a character device` : 'present, but not a character device';
    return pass(name, `${device} is ${what}`);
}
function kvm_kvmAccessCheck(context, open) {
    const name = 'KVM access';
    const result = openKvm(context.device, open);
    const user = os.userInfo().username;
    if (result.ok)
        return pass(name, `${context.device} opens read-write for user ${user}`);
    if (result.kind === 'missing')
        return skip(name, `${context.device} does not exist`);
    if (result.kind === 'denied') {
        return fail(name, `${context.device} does not open read-write for user ${user} (${result.code})`, kvmAccessFix(context));
    }
    return fail(name, `${context.device} does not open read-write (${result.code})`, 'check that KVM works on this machine');
}
/** From the VM process's probe; `kvm` is unset when the device was not asked (it does not open). */
function kvm_kvmApiCheck(device, kvm) {
    const name = 'KVM API';
    if (kvm === undefined)
        return skip(name, `${device} does not open`);
    if (kvm instanceof Error)
        return fail(name, kvm.message, 'reinstall the action; its dist/vm/index.js could not run');
    if ('error' in kvm) {
        return fail(name, `${device} did not answer KVM_GET_API_VERSION (${kvm.error}): it is not a working KVM device`, NO_KVM_FIX);
    }
    if (kvm.apiVersion !== KVM_API_VERSION) {
        return fail(name, `${device} reports version ${kvm.apiVersion}, libkrun needs ${KVM_API_VERSION}`, 'use a host with a standard Linux KVM');
    }
    return pass(name, `version ${KVM_API_VERSION}`);
}

;// CONCATENATED MODULE: ./src/engine/host/doctor/libkrun.ts
/**
 * libkrun and libkrunfw: where libkrun is, which release it is (libkrun has no version call:
 * its file name may say, the symbols it exports always tell a lower bound), what its build
 * contains, and whether the libkrunfw it loads at start can be loaded.
 */



/** krun_has_feature's numbers (KRUN_FEATURE_* in include/libkrun.h). */
const libkrun_FEATURES = {
    net: 0,
    blk: 1,
    gpu: 2,
    input: 4,
    tee: 6,
    'amd-sev': 7,
    'intel-tdx': 8,
    'aws-nitro': 9,
    'virgl-resource-map2': 10,
    'init-blob': 11
};
/** The release in an installed file's name, such as libkrun.so.1.17.3. */
function versionFromFileName(file) {
    return /^libkrun\.so\.(\d+\.\d+\.\d+)$/.exec(path.basename(file))?.[1];
}
/** The newest release whose marker the library exports; undefined when older than MIN_LIBKRUN_VERSION. */
function versionFromSymbols(symbols) {
    return VERSION_MARKERS.find(([symbol]) => symbols.includes(symbol))?.[1];
}
/** The libkrunfw sonames a library's bytes name (a dlopen argument or a DT_NEEDED entry). */
function libkrun_namedFirmware(libraryBytes) {
    const named = libraryBytes?.toString('latin1').match(/libkrunfw(?:-sev|-tdx)?\.so\.\d+/g) ?? [];
    return [...new Set(named)].sort((a, b) => a.length - b.length);
}
/**
 * The libkrunfw sonames this libkrun loads: those its bytes name; else by release,
 * libkrunfw.so.5 from 1.17 on, libkrunfw.so.4 before.
 */
function libkrun_firmwareSonames(libraryBytes, symbols) {
    const named = libkrun_namedFirmware(libraryBytes);
    if (named.length > 0)
        return named;
    return [symbols.includes('krun_disable_implicit_vsock') ? 'libkrunfw.so.5' : 'libkrunfw.so.4'];
}
const INSTALL = (/* unused pure expression or super */ null && (`install libkrun ${MIN_LIBKRUN_VERSION} or newer with its libkrunfw (Fedora: dnf install libkrun libkrunfw; Arch: pacman -S libkrun; Debian and Ubuntu: build it from source)`));
function libkrun_libkrunCheck(found, answer) {
    const name = 'libkrun';
    if ('error' in found)
        return fail(name, found.error, '');
    if (answer === undefined || answer instanceof Error) {
        return fail(name, `${found.path}: ${answer?.message ?? 'not probed'}`, 'reinstall the action');
    }
    if ('error' in answer) {
        return fail(name, `${found.path} does not load: ${answer.error}`, INSTALL);
    }
    const bySymbols = versionFromSymbols(answer.symbols);
    if (bySymbols === undefined) {
        return fail(name, `${found.path} is older than libkrun ${MIN_LIBKRUN_VERSION} (it lacks ${MIN_LIBKRUN_SYMBOL}), which does not report the guest's exit code`, INSTALL);
    }
    const where = found.realPath === found.path ? found.path : `${found.path} (${found.realPath})`;
    const fromName = versionFromFileName(found.realPath);
    const version = fromName ? `version ${fromName}` : `${bySymbols} or newer by the symbols it exports`;
    const features = answer.features
        ? `features: ${answer.features.length > 0 ? answer.features.join(', ') : 'none of net, blk, gpu and the rest'}`
        : `features: not reported (no krun_has_feature, which came in ${since('krun_has_feature')})`;
    return pass(name, `${where}, ${version}; ${features}`);
}
function libkrun_firmwareCheck(libkrun, sonames, answer) {
    const name = 'libkrunfw';
    if (libkrun === undefined || answer === undefined)
        return skip(name, 'libkrun was not found or probed');
    for (const soname of sonames) {
        const loaded = answer[soname];
        if (!loaded || 'error' in loaded)
            continue;
        const file = loaded.path ?? soname;
        const where = path.dirname(file) === path.dirname(libkrun) ? 'beside libkrun' : "through the loader's search path";
        const abi = loaded.version === undefined ? '' : `, ABI version ${loaded.version}`;
        return pass(name, `${soname} loads from ${file} (${where})${abi}`);
    }
    const errors = sonames.map((soname) => {
        const loaded = answer[soname];
        return loaded && 'error' in loaded ? loaded.error : `${soname} was not tried`;
    });
    return fail(name, `${sonames.join(' or ')} does not load: ${errors.join('; ')}`, `install libkrunfw, or put ${sonames[0]} beside ${libkrun}`);
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __nccwpck_require__(421);
;// CONCATENATED MODULE: ./src/engine/host/cache-places.ts
/**
 * Where krun-action keeps what it caches between runs (`kind`: `images`, `libkrun`). The action
 * uses the runner's tool cache, which self-hosted runners keep between jobs, else RUNNER_TEMP,
 * which lasts one job; the krun-run steps after it use the same place, so they find what the
 * action fetched. krun-run on its own uses the user's cache directory (XDG).
 */


function cache_places_actionCacheDir(env, tempDir, kind) {
    return env.RUNNER_TOOL_CACHE
        ? path.join(env.RUNNER_TOOL_CACHE, 'krun-action', kind)
        : path.join(tempDir, `krun-action-${kind}`);
}
function cache_places_userCacheDir(env, kind) {
    const cacheHome = env.XDG_CACHE_HOME?.startsWith('/') ? env.XDG_CACHE_HOME : path.join(os.homedir(), '.cache');
    return path.join(cacheHome, 'krun-action', kind);
}

;// CONCATENATED MODULE: ./src/engine/vm-process/net-guard.ts
/**
 * Network public's enforcement: the VM process starts under krun-netguard
 * (native/netguard/), which installs the seccomp filter and forks the supervisor, then
 * becomes the VM process (same pid). Made here: its refusal table, before it starts; its
 * policy, before the guest may start (the supervisor reads it at the first call it checks).
 */






const GUARD_ARCH = { x64: 'x86_64', arm64: 'aarch64' };
function net_guard_netguardBinary(distDir, arch = process.arch) {
    const binary = GUARD_ARCH[arch] && path.join(distDir, 'native', GUARD_ARCH[arch], 'krun-netguard');
    if (!binary || !fs.existsSync(binary)) {
        throw new HostError(`this action has no krun-netguard for the ${arch} architecture, which network public needs`);
    }
    return binary;
}
/** The guard of a run in `layout`: its table is made now, empty. */
function net_guard_prepareGuard(distDir, layout) {
    const guard = {
        binary: net_guard_netguardBinary(distDir),
        policyFile: layout.netPolicyFile,
        tableFile: layout.refusedTableFile
    };
    createRefusedTable(guard.tableFile);
    return guard;
}
function net_guard_guardedCommand(guard, command) {
    return [guard.binary, guard.policyFile, guard.tableFile, '--', ...command];
}
/** Whether a network input's raw text asks for the guard: the default, public, does. */
function net_guard_wantsGuard(rawNetwork) {
    const mode = rawNetwork?.trim().toLowerCase() ?? '';
    return mode === '' || mode === 'public';
}
/** Writes the run's policy: the host's resolvers, the `allow` input's rules (host names resolved now), the refused ranges. */
async function net_guard_writePolicy(file, allow, sources = {}) {
    const allowed = await resolveAllow(allow, sources.lookup);
    let resolvConf = sources.resolvConf;
    if (resolvConf === undefined) {
        try {
            resolvConf = fs.readFileSync('/etc/resolv.conf', 'utf8');
        }
        catch {
            resolvConf = '';
        }
    }
    fs.writeFileSync(file, renderPolicy(policyRules(resolversOf(resolvConf), allowed)), { mode: 0o600 });
}

// EXTERNAL MODULE: ./src/image/tree.ts
var tree = __nccwpck_require__(841);
;// CONCATENATED MODULE: ./src/engine/guest/run-dir.ts
/** The private per-run directory: made with mode 0700, filled, read back, removed. */









const RUN_DIR_PREFIX = 'krun-action-';
function runLayout(dir) {
    return {
        dir,
        root: path.join(dir, 'root'),
        vmConfigFile: path.join(dir, 'vm.json'),
        logFile: path.join(dir, 'libkrun.log'),
        netPolicyFile: path.join(dir, 'net-policy'),
        refusedTableFile: path.join(dir, 'net-refused')
    };
}
/**
 * Makes a new run directory in `tempDir`. `announce`, when given, hears its path before it is made,
 * so that whoever must remove it if this process is killed knows it before it exists.
 */
function run_dir_createRunDir(tempDir, announce) {
    if (!announce) {
        const layout = runLayout(fs.mkdtempSync(path.join(tempDir, RUN_DIR_PREFIX)));
        fs.chmodSync(layout.dir, 0o700);
        return layout;
    }
    for (;;) {
        const dir = path.join(tempDir, `${RUN_DIR_PREFIX}${randomBytes(6).toString('base64url')}`);
        announce(dir);
        try {
            fs.mkdirSync(dir, { mode: 0o700 });
        }
        catch (error) {
            if (errorCode(error) === 'EEXIST')
                continue;
            throw error;
        }
        fs.chmodSync(dir, 0o700);
        return runLayout(dir);
    }
}
function run_dir_writeRunFiles(layout, files, initBinary, vm) {
    const records = path.join(layout.root, GUEST.records);
    fs.mkdirSync(records, { recursive: true, mode: 0o700 });
    for (const dir of ['proc', 'sys', 'dev', 'tmp', ...GUEST_MOUNT_POINTS]) {
        fs.mkdirSync(path.join(layout.root, dir), { recursive: true, mode: 0o755 });
    }
    fs.copyFileSync(initBinary, path.join(layout.root, GUEST.init));
    fs.chmodSync(path.join(layout.root, GUEST.init), 0o755);
    fs.writeFileSync(path.join(layout.root, GUEST.plan), files.plan, { mode: 0o600 });
    fs.writeFileSync(path.join(layout.root, GUEST.env), files.env, { mode: 0o600 });
    fs.writeFileSync(path.join(layout.root, GUEST.script), files.script, { mode: 0o600 });
    fs.writeFileSync(layout.vmConfigFile, JSON.stringify(vm), { mode: 0o600 });
}
/** libkrun logs only warnings to its file: far less than this. */
const LOG_MAX_BYTES = (/* unused pure expression or super */ null && (1024 * 1024));
/** The last lines of libkrun's log, for a failure message; read like any file the guest could reach. */
function run_dir_logTail(layout, lines = 20) {
    let bytes;
    try {
        bytes = readUntrustedFile(layout.dir, path.basename(layout.logFile), LOG_MAX_BYTES);
    }
    catch (error) {
        return error instanceof TamperedError ? `(not shown: ${error.message})` : '';
    }
    const text = bytes?.toString('utf8').trimEnd() ?? '';
    return text.split('\n').slice(-lines).join('\n');
}
/**
 * Removes the run directory, also where the guest left a directory it may not enter (chmod 000).
 * A failure is only said, through `warn`: whatever the run came to stands, and cleaning up must
 * never replace it.
 */
async function run_dir_removeRunDir(dir, warn) {
    await (0,tree/* removeTree */.d)(dir).catch((error) => {
        // The entry's name is the guest's choice when it lies in the root share.
        const cause = error instanceof tree/* TreeRemovalError */.R ? `${error.code} on ${(0,text_visible/* visible */.R)(error.entry)}` : errors_errorText(error);
        warn(`cannot remove the run directory ${dir} (${cause}); it holds the run's environment values: remove it`);
    });
}

;// CONCATENATED MODULE: ./src/engine/vm-process/vm-launcher.ts
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
function vm_launcher_vmProcessEnv(libkrun, env = process.env, kernelRelease = os.release()) {
    const kept = Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('INPUT_')));
    Object.assign(kept, kernelWorkaround(kernelRelease, env)?.env);
    // libkrun finds libkrunfw with the dynamic loader, whose path is fixed when a process starts.
    const libraryDir = path.dirname(libkrun);
    kept.LD_LIBRARY_PATH = kept.LD_LIBRARY_PATH ? `${libraryDir}:${kept.LD_LIBRARY_PATH}` : libraryDir;
    return kept;
}
/** A started VM process, waiting for GO_LINE; `run` it once, or `discard` it. */
class vm_launcher_VmProcess {
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
        const vmArgs = [process.execPath, start.vmEntry, start.configFile];
        const [program, ...args] = start.guard ? guardedCommand(start.guard, vmArgs) : vmArgs;
        this.child = spawn(program, args, {
            stdio,
            env: vm_launcher_vmProcessEnv(start.libkrun, start.env)
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
            this.messages.push({ kind: 'error', message: `the guest was not started: ${errorText(error)}` });
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

;// CONCATENATED MODULE: ./src/engine/vm-process/early-start.ts
/**
 * Starting the VM process early: before the action has loaded and read its inputs, when
 * the libkrun to use is already named (input or KRUN_LIBRARY), so that the VM process's
 * Node start overlaps the action's own. It waits until the run's files are written, and
 * is discarded when the run turns out to need another (a different libkrun, bad inputs).
 * This module loads little, since it runs before the rest of the action.
 */







/**
 * Where a run makes its run directory, the action's and krun-run's alike: RUNNER_TEMP (the
 * runner empties it after the job), else the system's temporary directory.
 */
function early_start_runTempDir(env) {
    return env.RUNNER_TEMP || os.tmpdir();
}
function early_start_vmEntry(distDir) {
    return path.join(distDir, 'vm', 'index.js');
}
/**
 * The libkrun the action's environment names, if any, as the input parser resolves it: a path,
 * or a pinned archive's URL when the cache already has it (a download waits for the inputs).
 */
function namedLibkrun(env, cwd, tempDir) {
    const named = env.INPUT_LIBKRUN?.trim() || env.KRUN_LIBRARY?.trim();
    if (!named)
        return undefined;
    if (!isUrlLike(named))
        return path.resolve(cwd, named);
    try {
        return cachedPinnedLibrary(actionCacheDir(env, tempDir, 'libkrun'), parsePinnedUrl('libkrun', named));
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
    const guarded = wantsGuard(env.INPUT_NETWORK);
    if (guarded) {
        try {
            netguardBinary(distDir);
        }
        catch {
            return undefined;
        }
    }
    const layout = createRunDir(tempDir, announce);
    const vm = new VmProcess({
        vmEntry: early_start_vmEntry(distDir),
        configFile: layout.vmConfigFile,
        libkrun,
        interactive: false,
        // As a run with the default guest-workflow-commands (false) wants it: fenced.
        stderrToStdout: true,
        env,
        guard: guarded ? prepareGuard(distDir, layout) : undefined
    });
    return { layout, vm };
}
/** Whether an early start fits a run: the loader's path, the process's stdio and its guard are fixed at start. */
function early_start_fitsRun(early, libkrun, interactive, stderrToStdout, guarded) {
    return (!interactive &&
        (early.vm.start.guard !== undefined) === guarded &&
        early.vm.start.stderrToStdout === stderrToStdout &&
        path.dirname(early.vm.start.libkrun) === path.dirname(libkrun));
}
/** Stops an early VM process and removes its run directory; a removal that fails is only said, through `warn`. */
async function early_start_discardEarly(early, warn) {
    await early.vm.discard();
    await removeRunDir(early.layout.dir, warn);
}

;// CONCATENATED MODULE: ./src/engine/host/doctor/probe.ts
/** Runs the VM process in its probe mode (probe-protocol.ts) and reads its answer. */




/** Loading libkrun takes well under a second; a probe that hangs this long never answers. */
const PROBE_TIMEOUT_MS = 30_000;
/** The VM process's own environment; with no libkrun to load, just without the action's inputs. */
function probeEnv(request, env) {
    if (request.libkrun !== undefined)
        return vmProcessEnv(request.libkrun, env);
    return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('INPUT_')));
}
function probe_vmProcessProbe(distDir, env = process.env) {
    return (request) => new Promise((resolve, reject) => {
        const args = [vmEntry(distDir), PROBE_FLAG, JSON.stringify(request)];
        const options = { env: probeEnv(request, env), timeout: PROBE_TIMEOUT_MS, encoding: 'utf8' };
        execFile(process.execPath, args, options, (error, stdout, stderr) => {
            const last = stdout.trim().split('\n').at(-1) ?? '';
            try {
                resolve(JSON.parse(last));
            }
            catch {
                const why = error?.killed ? `no answer within ${PROBE_TIMEOUT_MS / 1000} s` : stderr.trim().split('\n').at(-1);
                reject(new Error(`the VM process's probe failed (${why || `exit code ${error?.code}`})`));
            }
        });
    });
}

;// CONCATENATED MODULE: ./src/engine/host/doctor/space.ts
/** Free space where a run writes: the run directory's temporary directory, and the image cache. */



const MIB = 2 ** 20;
const GIB = 2 ** 30;
/** A run directory holds the guest init (about 1 MiB) and a few small files. */
const RUN_DIR_MIN_BYTES = 16 * MIB;
/** Below this an image of ordinary size may not unpack. */
const IMAGE_CACHE_LOW_BYTES = 2 * GIB;
function space_formatBytes(bytes) {
    return bytes >= GIB ? `${(bytes / GIB).toFixed(1)} GiB` : `${(bytes / MIB).toFixed(1)} MiB`;
}
/** The directory itself, or the nearest one above it that exists (a cache not made yet). */
function existingDir(dir, exists) {
    let current = path.resolve(dir);
    while (!exists(current) && current !== path.dirname(current))
        current = path.dirname(current);
    return current;
}
function space_runDirSpaceCheck(dir, named, statfs = fs.statfsSync, writable = (p) => canWrite(p)) {
    const name = 'run directory';
    const fix = `set ${named === 'RUNNER_TEMP' ? 'RUNNER_TEMP' : 'TMPDIR'} to a writable directory with free space`;
    if (!writable(dir))
        return fail(name, `${named} (${dir}) is missing or not writable`, fix);
    const free = freeBytes(dir, statfs);
    const detail = `${space_formatBytes(free)} free in ${named} (${dir})`;
    return free < RUN_DIR_MIN_BYTES ? fail(name, `only ${detail}`, fix) : pass(name, detail);
}
function space_imageCacheSpaceCheck(dir, statfs = fs.statfsSync, exists = fs.existsSync) {
    const name = 'image cache';
    const measured = existingDir(dir, exists);
    const free = freeBytes(measured, statfs);
    const where = measured === path.resolve(dir) ? dir : `${dir}, not made yet; measured at ${measured}`;
    const detail = `${space_formatBytes(free)} free for the image cache (${where})`;
    if (free < IMAGE_CACHE_LOW_BYTES) {
        return {
            name,
            verdict: 'warn',
            detail: `only ${detail}; needed only with an image`,
            fix: 'free space there, or set RUNNER_TOOL_CACHE (krun-run by hand: XDG_CACHE_HOME) to a roomier disk',
            required: false
        };
    }
    return pass(name, detail, false);
}
function freeBytes(dir, statfs) {
    try {
        const stats = statfs(dir);
        return stats.bavail * stats.bsize;
    }
    catch {
        return 0;
    }
}
function canWrite(dir) {
    try {
        fs.accessSync(dir, fs.constants.W_OK);
        return fs.statSync(dir).isDirectory();
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ./src/engine/host/doctor/virtualization.ts
/**
 * Whether this host is itself a virtual machine. Then its KVM is nested: guests run slower,
 * and a nested KVM can open and answer and still not boot libkrun's kernel, which only a
 * boot shows.
 */

/** Products and vendors whose DMI names a virtual machine. */
const VM_DMI = (/* unused pure expression or super */ null && ([
    /\bQEMU\b/i,
    /\bKVM\b/,
    /VMware/i,
    /VirtualBox|innotek/i,
    /^Virtual Machine$/,
    /Amazon EC2/i,
    /Google Compute Engine/i,
    /\bXen\b/i,
    /Parallels/i,
    /OpenStack/i,
    /Cloud Hypervisor/i,
    /Firecracker/i
]));
/** What shows that this host is a VM; empty when nothing does. */
function vmEvidence(facts) {
    const evidence = [];
    if (/^flags\s*:.*\bhypervisor\b/m.test(facts.cpuinfo))
        evidence.push('the CPU flag hypervisor');
    const dmi = [facts.vendor, facts.product].map((text) => text.trim()).filter(Boolean);
    if (dmi.some((text) => VM_DMI.some((pattern) => pattern.test(text))))
        evidence.push(`DMI: ${dmi.join(' ')}`);
    if (facts.hypervisorType.trim())
        evidence.push(`/sys/hypervisor/type: ${facts.hypervisorType.trim()}`);
    return evidence;
}
function virtualization_insideVmCheck(facts) {
    const evidence = vmEvidence(facts);
    const detail = evidence.length > 0
        ? `yes (${evidence.join('; ')}): KVM here is nested, so guests run slower, and a nested KVM may open yet fail to boot them`
        : 'no sign of it (bare metal, as far as the CPU flags and DMI tell)';
    return { name: 'inside a VM', verdict: 'info', detail, required: false };
}
function readOr(file, read) {
    try {
        return read(file);
    }
    catch {
        return '';
    }
}
function virtualization_readVmFacts(read = (p) => fs.readFileSync(p, 'utf8')) {
    return {
        cpuinfo: readOr('/proc/cpuinfo', read),
        vendor: readOr('/sys/class/dmi/id/sys_vendor', read),
        product: readOr('/sys/class/dmi/id/product_name', read),
        hypervisorType: readOr('/sys/hypervisor/type', read)
    };
}

;// CONCATENATED MODULE: ./src/engine/host/doctor/index.ts
/**
 * The host doctor: one verdict per fact of the host that decides whether a microVM can
 * start here, each with its fix where it fails. It changes nothing; the facts that need the
 * native loader (the KVM API version, libkrun's symbols and features, libkrunfw) come from
 * the VM process's probe mode.
 */













function systemLookups(options) {
    return {
        arch: process.arch,
        kernelRelease: os.release(),
        vmFacts: () => readVmFacts(),
        probe: vmProcessProbe(options.distDir, options.env),
        readLibrary: (file) => {
            try {
                return fs.readFileSync(file);
            }
            catch {
                return undefined;
            }
        }
    };
}
async function findLibrary(options) {
    try {
        const found = await options.findLibkrun();
        return { path: found, realPath: fs.realpathSync(found) };
    }
    catch (error) {
        return { error: error.message };
    }
}
/** Both sonames when the file names neither: which one applies depends on the symbols the probe finds. */
const ANY_FIRMWARE = (/* unused pure expression or super */ null && (['libkrunfw.so.5', 'libkrunfw.so.4']));
async function doctor_runDoctor(options, lookups = systemLookups(options)) {
    const { device } = options.kvm;
    const deviceCheck = kvmDeviceCheck(device);
    const accessCheck = deviceCheck.verdict === 'ok' ? kvmAccessCheck(options.kvm) : skip('KVM access', `${device} does not exist`);
    const found = await findLibrary(options);
    const bytes = 'path' in found ? lookups.readLibrary(found.realPath) : undefined;
    const named = namedFirmware(bytes);
    let answer;
    try {
        answer = await lookups.probe({
            libkrun: 'path' in found ? found.path : undefined,
            kvmDevice: accessCheck.verdict === 'ok' ? device : undefined,
            symbols: VERSION_MARKERS.map(([symbol]) => symbol),
            features: { ...FEATURES },
            firmware: named.length > 0 ? named : ANY_FIRMWARE
        });
    }
    catch (error) {
        answer = error;
    }
    const probed = answer instanceof Error ? undefined : answer;
    const symbols = probed?.libkrun && 'symbols' in probed.libkrun ? probed.libkrun.symbols : [];
    const libkrun = 'path' in found ? found.path : undefined;
    return [
        architectureCheck(lookups.arch, () => guestInitBinary(options.distDir, lookups.arch)),
        runnerCheck(options.env),
        insideVmCheck(lookups.vmFacts()),
        kernelCheck(lookups.kernelRelease, options.env),
        deviceCheck,
        accessCheck,
        kvmApiCheck(device, accessCheck.verdict !== 'ok' ? undefined : answer instanceof Error ? answer : answer.kvm),
        libkrunCheck(found, answer instanceof Error ? answer : answer.libkrun),
        firmwareCheck(libkrun, firmwareSonames(bytes, symbols), probed?.firmware),
        runDirSpaceCheck(options.tempDir, options.tempDirName),
        imageCacheSpaceCheck(options.imageCacheDir)
    ];
}

;// CONCATENATED MODULE: ./src/engine/host/libkrun-choice.ts
/**
 * Which libkrun a run loads: the one the user named (a path, or a pinned archive fetched into
 * the cache); else the host's; else krun-action's own build for this architecture
 * (libkrun-builds.ts), fetched the same way; else a host error saying what to install or give.
 */




/**
 * libkrun.so.1 from a pinned archive: from the cache, or downloaded, checked and unpacked into
 * it. A failure is one line: it names `source` (the input) when the fix is in the URL, the
 * digest or the archive, and is shown as it is when it is the network's, the server's or the
 * cache disk's, or when no input named the archive (krun-action's own build).
 */
async function preparePinned(archive, source, options) {
    const { ArchiveError, fetchLibkrun } = await __nccwpck_require__.e(/* import() */ 679).then(__nccwpck_require__.bind(__nccwpck_require__, 679));
    try {
        return await fetchLibkrun({
            url: archive.url,
            sha256: archive.sha256,
            cacheDir: options.cacheDir,
            check: libraryProblem,
            env: options.env,
            log: options.log
        });
    }
    catch (error) {
        if (!(error instanceof ArchiveError))
            throw error;
        if (source === undefined)
            throw new HostError(`krun-action's libkrun build: ${error.message}`);
        throw error.inputMistake ? new InputError(source, error.message) : new HostError(error.message);
    }
}
async function libkrun_choice_resolveLibkrun(settings, options) {
    if (settings.libkrunArchive) {
        const archive = settings.libkrunArchive;
        const prepared = await preparePinned(archive, settings.libkrunFrom ?? 'libkrun', options);
        if (prepared.downloaded !== undefined)
            options.log(`Downloaded libkrun from ${new URL(archive.url).host} (${formatBytes(prepared.downloaded)}, sha256 checked) into ${prepared.library}`);
        return prepared.library;
    }
    if (settings.libkrun)
        return settings.libkrun;
    const found = await searchLibkrun(options.lookup);
    if (found)
        return found;
    const build = builtInLibkrun(options.arch, options.builds ?? LIBKRUN_BUILDS);
    if (!build)
        throw libkrunNotFound(options.lookup);
    const prepared = await preparePinned(build, undefined, options);
    const how = prepared.downloaded === undefined
        ? 'from the cache'
        : `downloaded once (${formatBytes(prepared.downloaded)}, sha256 checked)`;
    options.log(`No libkrun on this host: using krun-action's build of libkrun ${build.version} for ${build.arch}, ${how}: ${prepared.library}`);
    return prepared.library;
}

;// CONCATENATED MODULE: ./src/engine/host/diagnose.ts
/**
 * The host doctor as a front end asks for it: kvm-access may fix the device first (as a run
 * would), then one verdict per host fact. Shared by the action's step without commands and
 * `krun-run --doctor`.
 */




async function diagnose_diagnose(options) {
    const { host } = options;
    const kvm = { device: host.kvmDevice, policy: options.kvmAccess, githubHosted: host.githubHosted };
    if (options.fixKvm) {
        try {
            await ensureKvmAccess(kvm, { log: options.log });
        }
        catch (error) {
            // The doctor's verdict on KVM access follows; this says what kvm-access tried.
            if (!(error instanceof HostError))
                throw error;
            options.log(`kvm-access: ${error.message}`);
        }
    }
    return runDoctor({
        distDir: options.distDir,
        kvm,
        findLibkrun: async () => {
            try {
                return await resolveLibkrun(options.libkrun(), { cacheDir: host.libkrunCacheDir, log: options.log });
            }
            catch (error) {
                if (!options.libkrunFailure)
                    throw error;
                throw new Error(options.libkrunFailure(error), { cause: error });
            }
        },
        tempDir: host.tempDir,
        tempDirName: host.tempDirName,
        imageCacheDir: host.imageCacheDir,
        env: options.env
    });
}

;// CONCATENATED MODULE: ./src/engine/inputs/image-config.ts
/**
 * The image config's Env, WorkingDir and User, applied as `docker run` applies them: Env
 * under the `env` input, WorkingDir when neither `workdir` nor a workspace sets the working
 * directory, User unless the `user` input is given. The config is the image author's, so
 * every value is checked before it reaches the guest's files.
 */




function configProblem(reference, what, fix) {
    return new InputError('image', `${reference}: its config's ${what}; ${fix}`);
}
/** Env entries as NAME=VALUE with a variable name; a value is never shown. */
function imageEnvEntries(env, reference) {
    const entries = env.map((text, index) => {
        const equals = text.indexOf('=');
        const name = text.slice(0, equals);
        const value = text.slice(equals + 1);
        if (equals < 0 || !ENV_NAME.test(name) || value.includes('\0')) {
            throw configProblem(reference, `Env entry ${index + 1} is not NAME=VALUE with a variable name and no NUL byte`, 'fix the image, or use another');
        }
        return [name, value];
    });
    return [...new Map(entries.map((entry) => [entry[0], entry])).values()];
}
function imageWorkingDir(workingDir, reference) {
    if (!workingDir.startsWith('/') || /[\t\n\r\0]/.test(workingDir)) {
        throw configProblem(reference, `WorkingDir ${showValue(workingDir)} is not an absolute path without tabs, newlines or NUL bytes`, 'set workdir');
    }
    return path.posix.normalize(workingDir).replace(/(?<=.)\/+$/, '');
}
/**
 * Resolves the run's user in `root`: the `user` input when given, else the image config's
 * User (`imageUser`); undefined when neither names one (the commands run as root, as before).
 */
function image_config_resolveGuestUser(settings, root, base, imageUser) {
    let spec = settings.user;
    if (spec === undefined && imageUser !== undefined) {
        const problem = userSpecProblem(imageUser);
        if (problem)
            throw configProblem(base.name, `User ${showValue(imageUser)} is not a user`, `${problem}; or set user`);
        spec = toUserSpec(imageUser);
    }
    if (spec === undefined)
        return undefined;
    try {
        return resolveUser(spec, readAccountFiles(root));
    }
    catch (error) {
        if (!(error instanceof AccountFileError))
            throw error;
        if (settings.user !== undefined) {
            throw new InputError('user', `${showValue(spec.text)} cannot be used in ${base.input} ${base.name}: ${error.message}; expected a user of its /etc/passwd, or a uid`);
        }
        throw configProblem(base.name, `User ${showValue(spec.text)} cannot be used: ${error.message}`, 'set user (e.g. user: root)');
    }
}
/** The settings with the image's config applied in `root`, the image's unpacked root. */
function image_config_applyImageConfig(settings, image) {
    const { config, reference } = image;
    const imageEnv = imageEnvEntries(config.env, reference);
    const workingDir = settings.workdirDefaulted && config.workingDir !== undefined
        ? imageWorkingDir(config.workingDir, reference)
        : undefined;
    const guestUser = image_config_resolveGuestUser(settings, image.root, { input: 'image', name: reference }, config.user);
    return {
        ...settings,
        imageEnv,
        workdir: workingDir ?? settings.workdir,
        guestUser,
        imageConfig: {
            env: imageEnv.map(([name]) => name).filter((name) => !settings.env.some(([own]) => own === name)),
            workingDir,
            user: settings.user === undefined && guestUser !== undefined ? config.user : undefined
        }
    };
}
/** How the summary names what was applied. */
function appliedText(applied) {
    const parts = [
        applied.env.length > 0 ? `Env (${applied.env.join(', ')})` : '',
        applied.workingDir !== undefined ? `WorkingDir ${applied.workingDir}` : '',
        applied.user !== undefined ? `User ${applied.user}` : ''
    ].filter((part) => part !== '');
    return parts.length > 0 ? parts.join(', ') : 'nothing';
}

;// CONCATENATED MODULE: ./src/engine/inputs/workspace-guard.ts
/** The host's own files kept out of the workspace, which the guest can write. */



/** Whether `file` is `dir` or lies under it (both absolute and normalized). */
function workspace_guard_isWithin(file, dir) {
    return file === dir || file.startsWith(`${dir}/`);
}
/** The path itself and, when it exists, where it leads: either may lie in the workspace. */
function reachedBy(file) {
    const resolved = path.resolve(file);
    try {
        return [resolved, fs.realpathSync(resolved)];
    }
    catch {
        return [resolved];
    }
}
/**
 * The guest could change what the host runs or reads later if the share it writes held the
 * host's own files: the temporary directory (run directories, the krun-run launcher and its
 * saved settings), libkrun, the action's code, the image cache.
 */
function workspace_guard_checkWorkspaceHoldsNoHostFiles(workspace, hostFiles) {
    if (workspace === null)
        return;
    for (const { what, file } of hostFiles) {
        const inside = reachedBy(file).find((reached) => workspace_guard_isWithin(reached, workspace));
        if (inside === undefined)
            continue;
        throw new InputError('workspace', `${showValue(workspace)} contains ${what} ${inside}, which the guest could then change, and with it what the host runs later; name a directory that does not contain it, or none`);
    }
}

;// CONCATENATED MODULE: ./src/engine/inputs/guest-view.ts
/**
 * Looks at a guest path before the guest exists: the guest's `/` is the rootfs, with the
 * workspace shared at its own path. Symlinks are followed as the guest will follow them
 * (an absolute target starts again at the guest's `/`), never as the host would.
 */


const MAX_LINKS = 40;
/** Where a normalized absolute guest path lies on the host. */
function hostPathOf(view, guestPath) {
    const { workspace } = view;
    if (workspace !== null && (guestPath === workspace || guestPath.startsWith(`${workspace}/`)))
        return guestPath;
    return path.join(view.rootfs, guestPath);
}
/** Whether `guestPath` (absolute) is a directory in the guest's view. */
function guest_view_isGuestDirectory(view, guestPath) {
    let pending = guestPath.split('/').filter((part) => part !== '');
    let current = '/';
    let links = 0;
    while (pending.length > 0) {
        const part = pending.shift();
        if (part === '.')
            continue;
        if (part === '..') {
            current = path.posix.dirname(current);
            continue;
        }
        const next = path.posix.join(current, part);
        let stat;
        try {
            stat = fs.lstatSync(hostPathOf(view, next));
        }
        catch {
            // The init makes the directories leading to the workspace's mount point.
            if (view.workspace === null || !view.workspace.startsWith(`${next}/`))
                return false;
            current = next;
            continue;
        }
        if (stat.isSymbolicLink()) {
            if (++links > MAX_LINKS)
                return false;
            const target = fs.readlinkSync(hostPathOf(view, next));
            pending = [...target.split('/').filter((p) => p !== ''), ...pending];
            if (target.startsWith('/'))
                current = '/';
            continue;
        }
        if (!stat.isDirectory())
            return false;
        current = next;
    }
    return true;
}

;// CONCATENATED MODULE: ./src/engine/inputs/base-checks.ts
/** The base's checks a run makes before any guest exists: the shell is there, the base and the workspace keep apart, the workdir exists. */






/**
 * The guest paths where the shell's program would be looked up with this PATH: in the guest's
 * root, which @actions/io's `which` (a lookup on the host's PATH) cannot do.
 */
function base_checks_shellCandidates(program, searchPath) {
    if (program.includes('/'))
        return [program];
    return searchPath
        .split(':')
        .filter((dir) => dir.startsWith('/'))
        .map((dir) => path.posix.join(dir, program));
}
function base_checks_anyInRootfs(candidates, rootfs) {
    // lstat, not stat: inside a rootfs other than /, absolute symlinks point into the
    // rootfs, not the host, so the link itself is what can be checked here.
    return candidates.some((candidate) => {
        try {
            return !fs.lstatSync(path.join(rootfs, candidate)).isDirectory();
        }
        catch {
            return false;
        }
    });
}
/**
 * Names the input the user actually got wrong: a PATH from env that misses the shell, a
 * rootfs without the default shell, or else the shell itself.
 */
function base_checks_checkShellInRootfs(shell, rootfs, env, shellIsDefault) {
    const program = shell[0];
    const candidates = base_checks_shellCandidates(program, guestPath(env));
    if (base_checks_anyInRootfs(candidates, rootfs))
        return;
    const looked = `looked in ${candidates.join(', ')}`;
    const pathFromEnv = env.some(([name]) => name === 'PATH');
    if (pathFromEnv && !program.includes('/') && base_checks_anyInRootfs(base_checks_shellCandidates(program, guestPath([])), rootfs)) {
        throw new InputError('env', `its PATH does not lead to the shell ${showValue(program)} in rootfs ${rootfs} (${looked}); add the shell's directory to PATH`);
    }
    if (shellIsDefault && rootfs !== '/') {
        throw new InputError('rootfs', `${showValue(rootfs)} has no ${program} (${looked}); expected a root filesystem with a shell, or set shell`);
    }
    throw new InputError('shell', `${showValue(program)} was not found in rootfs ${rootfs} (${looked}); install it there or choose another shell`);
}
/**
 * The guest could change its own base, and so what later runs start from, if the base lay
 * in the share it writes: a rootfs directory, or an image's cached root.
 */
function base_checks_checkBaseOutsideWorkspace(input, base, workspace) {
    if (workspace !== null && isWithin(base, workspace)) {
        const [what, fix] = input === 'rootfs'
            ? [showValue(base), 'use a directory outside the workspace']
            : [`its cached root ${base}`, 'keep the image cache (RUNNER_TOOL_CACHE, XDG_CACHE_HOME) outside the workspace'];
        throw new InputError(input, `${what} is inside the workspace ${workspace}, which the guest can write, so the guest could change its own base; ${fix}, or use workspace: none`);
    }
}
function base_checks_checkWorkdirExists(workdir, view) {
    if (isGuestDirectory(view, workdir))
        return;
    const where = view.workspace !== null ? `rootfs ${view.rootfs} or the workspace` : `rootfs ${view.rootfs}`;
    throw new InputError('workdir', `${showValue(workdir)} is not a directory in the guest (looked in ${where}); expected an existing directory`);
}

;// CONCATENATED MODULE: ./src/engine/inputs/settings.ts
/**
 * Turns the raw inputs (from action.yml inputs or CLI flags) into one typed, validated
 * RunSettings. Every input is checked here, before a run's files are written; only what
 * needs the host or the image (the libkrun found, the image's root) is checked later, in
 * run.ts, still before the guest starts.
 */












/** The image a run's base names, if any. */
function settings_imageOf(settings) {
    return settings.base.kind === 'image' ? settings.base.image : undefined;
}
/** The settings of a run whose base is a rootfs directory: known from the inputs. */
function settings_withRootfs(settings) {
    if (settings.base.kind !== 'rootfs')
        throw new Error('an image base is resolved by withImageRoot, after the pull');
    return { ...settings, rootfs: settings.base.rootfs };
}
function resolveHostPaths(input) {
    return Object.fromEntries(INPUT_NAMES.flatMap((name) => {
        const spec = INPUTS[name];
        return spec.hostPath ? [[name, spec.hostPath(input(name))]] : [];
    }));
}
function imageSettings(raw, context) {
    const reference = parseInput('image', raw, context);
    const pull = parseInput('pull', raw, context);
    const credentials = registryCredentials(parseInput('registry-username', raw, context), parseInput('registry-password', raw, context));
    if (reference === undefined)
        return undefined;
    if (![INPUTS.rootfs.default, ''].includes(raw.rootfs.trim())) {
        throw new InputError('image', 'and rootfs are both set; the base is either an image or a rootfs directory, not both');
    }
    return { reference, pull, credentials, maxCacheBytes: parseInput('cache-size', raw, context) };
}
/** The settings once the image's root is unpacked: its config applied, the checks a rootfs gets up front. */
function settings_withImageRoot(settings, image) {
    const root = image.rootfs;
    const reference = settings_imageOf(settings)?.reference ?? root;
    const applied = applyImageConfig(settings, { root, reference, config: image.config });
    const program = settings.shell[0];
    const candidates = shellCandidates(program, guestPath([...applied.imageEnv, ...settings.env]));
    if (!anyInRootfs(candidates, root)) {
        throw new InputError('image', `${reference} has no ${program} (looked in ${candidates.join(', ')}); use an image with that shell, or set shell`);
    }
    checkBaseOutsideWorkspace('image', fs.realpathSync(root), settings.workspace);
    const withRoot = { ...applied, rootfs: root };
    // A WorkingDir the image lacks is made by the guest init, as docker makes it.
    if (applied.imageConfig?.workingDir === undefined)
        checkWorkdirExists(withRoot.workdir, withRoot);
    return withRoot;
}
/** A name given more than once keeps its last value, in the place it was first given. */
function lastOfEach(entries) {
    return [...new Map(entries.map((entry) => [entry[0], entry])).values()];
}
/** What the user named as libkrun, if anything (the doctor needs this part alone). */
function libkrunSettings(raw, context, input = parseOnce(raw, context)) {
    const named = input('libkrun');
    return {
        libkrun: named && 'path' in named ? named.path : undefined,
        libkrunArchive: named && 'archive' in named ? named.archive : undefined,
        libkrunFrom: named === undefined ? undefined : libkrunInputName(raw.libkrun)
    };
}
/**
 * `envEntries`, when given, replaces the `env` text (the CLI's --env flags arrive parsed);
 * `commandBytes` replaces the `commands` text (a CLI file or stdin, kept as bytes).
 */
function buildSettings(raw, context, envEntries, commandBytes) {
    // The host-path inputs are read again for the later steps' saved settings: parsed once.
    const input = parseOnce(raw, context);
    const commands = commandBytes ? parseCommandBytes(commandBytes) : parseInput('commands', raw, context);
    const shell = parseInput('shell', raw, context);
    const env = lastOfEach(envEntries ?? parseInput('env', raw, context));
    const cpus = parseInput('cpus', raw, context);
    const memoryMib = parseInput('memory', raw, context);
    const logLevel = parseInput('log-level', raw, context);
    const timeoutSeconds = parseInput('timeout', raw, context);
    const image = imageSettings(raw, context);
    const rootfs = image ? '' : input('rootfs');
    const base = image ? { kind: 'image', image } : { kind: 'rootfs', rootfs };
    const workspace = input('workspace');
    const workspaceDevices = parseInput('workspace-devices', raw, context);
    const workdirInput = parseInput('workdir', raw, context);
    const workdir = workdirInput ?? workspace ?? '/';
    const user = parseInput('user', raw, context);
    checkWorkspaceHoldsNoHostFiles(workspace, [{ what: 'the temporary directory', file: context.tempDir }]);
    if (!image) {
        checkBaseOutsideWorkspace('rootfs', rootfs, workspace);
        checkShellInRootfs(shell, rootfs, env, [INPUTS.shell.default, ''].includes(raw.shell.trim()));
        checkWorkdirExists(workdir, { rootfs, workspace });
    }
    const guestUser = image ? undefined : resolveGuestUser({ user }, rootfs, { input: 'rootfs', name: rootfs });
    const network = parseInput('network', raw, context);
    const ports = parseInput('ports', raw, context);
    if (network === 'none' && ports.length > 0) {
        throw new InputError('ports', 'cannot expose a port with network none, which gives the guest no network; use network public or tsi, or no ports');
    }
    const allow = parseInput('allow', raw, context);
    if (network !== 'public' && allow.length > 0) {
        throw new InputError('allow', `applies only to network public, and network is ${network}; remove allow or use network public`);
    }
    const persist = parseInput('persist', raw, context);
    const persistSizeBytes = parseInput('persist-size', raw, context);
    const prepare = parseInput('prepare', raw, context);
    if (prepare && !image) {
        throw new InputError('prepare', 'needs image: its layer is cached per image digest; set image, or drop prepare');
    }
    const { libkrun, libkrunArchive, libkrunFrom } = libkrunSettings(raw, context, input);
    if (libkrun !== undefined)
        checkWorkspaceHoldsNoHostFiles(workspace, [{ what: 'libkrun', file: libkrun }]);
    const kvmAccess = parseInput('kvm-access', raw, context);
    const exportEnv = parseInput('export-env', raw, context);
    const guestWorkflowCommands = parseInput('guest-workflow-commands', raw, context);
    return {
        commands,
        shell,
        base,
        workspace,
        workspaceDevices,
        workdir,
        workdirDefaulted: workdirInput === undefined && workspace === null,
        env,
        imageEnv: [],
        user,
        guestUser,
        imageConfig: undefined,
        cpus,
        memoryMib,
        network,
        persist,
        persistSizeBytes,
        prepare,
        allow,
        ports,
        libkrun,
        libkrunArchive,
        libkrunFrom,
        kvmAccess,
        logLevel,
        timeoutSeconds,
        exportEnv,
        guestWorkflowCommands,
        resolvedHostPaths: resolveHostPaths(input)
    };
}

;// CONCATENATED MODULE: ./src/engine/prepare.ts






async function prepareLaterSteps(options) {
    const { settings, host } = options;
    const checks = await diagnose({
        kvmAccess: settings.kvmAccess,
        libkrun: () => settings,
        host,
        distDir: options.distDir,
        log: options.log,
        env: process.env,
        fixKvm: true
    });
    const failure = firstFailure(checks);
    if (failure)
        return { checks, failure, image: undefined, launcherDir: undefined };
    let image;
    const imageSettings = imageOf(settings);
    if (imageSettings) {
        options.onPull?.start();
        // Pulled now, with this step's credentials (never saved for later steps): the krun-run
        // installed below runs it from this same cache.
        image = await prepareImageBase(imageSettings, {
            cacheDir: host.imageCacheDir,
            log: options.log,
            timeout: timeoutFromNow(settings.timeoutSeconds)
        });
        options.onPull?.end();
    }
    return { checks, failure, image, launcherDir: prepare_installLaterSteps(options) };
}
/** Puts krun-run in a directory for the later steps' PATH, with this step's settings as its defaults. */
function prepare_installLaterSteps(options) {
    return installLauncher({
        tempDir: options.host.tempDir,
        distDir: options.distDir,
        nodePath: process.execPath,
        saved: savedInputs(options.raw, options.settings)
    });
}

;// CONCATENATED MODULE: ./src/engine/guest/outcome.ts
/**
 * What a run came to, decided only from evidence: the VM process's messages, the records
 * the guest init wrote, and why we stopped it. libkrun can exit 0 after a guest kernel
 * panic, so the VM process's own exit code never counts as the guest's.
 */


const TIMEOUT_EXIT_CODE = 124;
function signalName(signal) {
    return Object.entries(os.constants.signals).find(([, value]) => value === signal)?.[0] ?? `signal ${signal}`;
}
function describeVmExit(run) {
    return run.signal ? `killed by ${run.signal}` : `exit code ${run.exitCode}`;
}
const failed = (failure, showLog = false, exitCode) => ({
    exitCode,
    timedOut: false,
    failure,
    showLog
});
const TAMPERED = 'the guest tampered with its run records';
function outcome_decideOutcome(run, records, host = {}) {
    const ready = run.messages.some((message) => message.kind === 'ready');
    const error = run.messages.find((message) => message.kind === 'error');
    // Never the record's contents: the guest chose them, and they could hold anything.
    if (records.tampered !== undefined)
        return failed(`${TAMPERED} (${records.tampered})`);
    if (run.timedOutAfter !== undefined) {
        return {
            exitCode: TIMEOUT_EXIT_CODE,
            timedOut: true,
            failure: `timed out after ${formatDuration(run.timedOutAfter)}`,
            showLog: false
        };
    }
    if (run.cancelledBy !== undefined) {
        return failed(`cancelled (${run.cancelledBy}); the microVM was stopped`);
    }
    if (!ready) {
        if (error?.kind === 'error')
            return failed(error.message);
        return failed(`the VM process ended before it configured libkrun (${describeVmExit(run)})`);
    }
    const { status } = records;
    if (status) {
        if (status.signal !== undefined) {
            return failed(`commands were killed by ${signalName(status.signal)} (exit code ${status.exitCode})`, false, status.exitCode);
        }
        if (status.exitCode !== 0)
            return failed(`commands exited with code ${status.exitCode}`, false, status.exitCode);
        return { exitCode: 0, timedOut: false, failure: undefined, showLog: false };
    }
    if (error?.kind === 'error')
        return failed(`libkrun could not start the microVM: ${error.message}`, true);
    if (!records.started) {
        return failed(`the microVM did not boot (the VM process ended with ${describeVmExit(run)} before the guest init ran)`, true);
    }
    if (host.fullDisk !== undefined) {
        // libkrun ends the VM process with the guest init's exit code, which is the workload's.
        const known = run.exitCode !== null && run.signal === null ? run.exitCode : undefined;
        const code = known === undefined ? '' : `; the VM process exited with code ${known}`;
        return failed(`the disk holding ${host.fullDisk} is full: the guest's status could not be recorded${code}`, false, known);
    }
    if (records.initError)
        return failed(`the guest init failed: ${records.initError}`, true);
    return failed(`the microVM stopped before the commands finished (the VM process ended with ${describeVmExit(run)})`, true);
}

;// CONCATENATED MODULE: ./src/engine/host/disk-space.ts
/** Whether a file system has room left for the guest init's small records. */

/** Less free space than this cannot be relied on to hold a record (one block or so). */
const MIN_FREE_BYTES = (/* unused pure expression or super */ null && (64 * 1024));
function disk_space_isDiskFull(dir) {
    try {
        const stats = fs.statfsSync(dir);
        return stats.bavail * stats.bsize < MIN_FREE_BYTES || stats.ffree === 0;
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ./src/engine/guest/plan.ts


/** The disks in the order they are attached, which is the order the guest names them: vda, vdb ... */
function layerDiskList(layers) {
    const list = [];
    if (layers.middle)
        list.push({ role: PLAN.middle, disk: { blockId: 'krun-prepared', hostPath: layers.middle, readOnly: true } });
    if (layers.upper)
        list.push({ role: PLAN.upper, disk: { blockId: 'krun-upper', hostPath: layers.upper, readOnly: false } });
    return list;
}
/** The shell's argv with the script's guest path in place of `{0}`; argv only when interactive. */
function workloadArgv(settings, interactive = false) {
    if (interactive)
        return [settings.shell[0]];
    return settings.shell.map((word) => word.split(SCRIPT_PLACEHOLDER).join(GUEST.scriptInGuest));
}
/** `user UID GID GROUPS`: the ids the commands run as; GROUPS the supplementary gids, comma-separated, or `-`. */
function userDirective(user) {
    return [PLAN.user, String(user.uid), String(user.gid), user.groups.length > 0 ? user.groups.join(',') : '-'];
}
function renderPlan(settings, interactive = false, fileShare, layers = {}) {
    const lines = [[PLAN.lower, SHARE_VIRTIOFS, BASE_TAG]];
    layerDiskList(layers).forEach(({ role }, index) => lines.push([role, `/dev/vd${String.fromCharCode(0x61 + index)}`]));
    if (settings.workspace !== null) {
        lines.push([PLAN.share, SHARE_VIRTIOFS, WORKSPACE_TAG, settings.workspace, SHARE_RW]);
    }
    if (fileShare)
        lines.push([PLAN.share, SHARE_VIRTIOFS, fileShare.tag, fileShare.guestDir, SHARE_RW]);
    lines.push([PLAN.workdir, settings.workdir]);
    if (settings.guestUser)
        lines.push(userDirective(settings.guestUser));
    lines.push([PLAN.script, GUEST.scriptInGuest]);
    for (const arg of workloadArgv(settings, interactive))
        lines.push([PLAN.arg, arg]);
    return lines.map((fields) => fields.join('\t') + '\n').join('');
}
/**
 * The guest's environment in layers, each replacing the names of those before it: PATH and
 * HOME (the user's home when the run has a user), the image config's Env, the user's
 * entries, then `forced` (the file commands), which nothing replaces.
 */
function plan_renderEnv(settings, extra = {}, forced = {}) {
    const defaults = [
        ['PATH', guestPath([])],
        ['HOME', settings.guestUser?.home ?? DEFAULT_HOME],
        ...Object.entries(extra)
    ];
    const layers = [defaults, settings.imageEnv ?? [], settings.env, Object.entries(forced)];
    const entries = layers.flatMap((layer, index) => {
        const later = new Set(layers.slice(index + 1).flatMap((entries) => entries.map(([name]) => name)));
        return layer.filter(([name]) => !later.has(name));
    });
    return Buffer.from(entries.map(([name, value]) => `${name}=${value}\0`).join(''), 'utf8');
}
function plan_guestFiles(settings, interactive = false, extraEnv = {}, fileShare, layers = {}) {
    return {
        plan: renderPlan(settings, interactive, fileShare, layers),
        env: plan_renderEnv(settings, extraEnv, fileShare?.env),
        script: settings.commands
    };
}
function plan_vmConfig(settings, 
/** The run directory's places (run-dir.ts's RunLayout). */
layout, libkrun, kvmDevice, fileShare, layers = {}) {
    const base = { tag: BASE_TAG, hostPath: settings.rootfs, readOnly: true };
    const shares = [settings.base.kind === 'image' ? { ...base, imageCache: true } : base];
    if (settings.workspace !== null) {
        shares.push({ tag: WORKSPACE_TAG, hostPath: settings.workspace, readOnly: false });
    }
    if (fileShare)
        shares.push({ tag: fileShare.tag, hostPath: fileShare.hostDir, readOnly: false });
    return {
        libkrun,
        root: layout.root,
        cpus: settings.cpus,
        memoryMib: settings.memoryMib,
        shares,
        disks: layerDiskList(layers).map(({ disk }) => disk),
        execPath: GUEST.init,
        network: settings.network,
        portMap: settings.ports,
        logLevel: settings.logLevel,
        logFile: layout.logFile,
        kvmDevice
    };
}

// EXTERNAL MODULE: ./src/image/cache.ts
var cache = __nccwpck_require__(587);
;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
;// CONCATENATED MODULE: ./src/engine/guest/layer-disk.ts
/**
 * Layer disks: the ext4 disk images that hold a guest's writable layer when it must outlive the
 * run (persist: job) or be kept (prepare). Made on the host by mke2fs, which needs no privileges
 * on a regular file; sparse, so only what the guest writes takes space. Used by one run at a
 * time: a run holds the disk's lock for as long as it runs.
 */







/** The job's writable layer (persist: job), in the job's temporary directory. */
const layer_disk_JOB_DISK_NAME = 'krun-action-job-layer.img';
/** mke2fs is often in the sbin directories, which an unprivileged user's PATH may lack. */
const SBIN_DIRS = (/* unused pure expression or super */ null && (['/usr/local/sbin', '/usr/sbin', '/sbin']));
function findMke2fs(env = process.env) {
    const dirs = [...(env.PATH ?? '').split(':').filter((dir) => dir.startsWith('/')), ...SBIN_DIRS];
    for (const dir of dirs) {
        const file = path.join(dir, 'mke2fs');
        try {
            fs.accessSync(file, fs.constants.X_OK);
            return file;
        }
        catch {
            // not here
        }
    }
    throw new HostError('persist: job and prepare need mke2fs to make their layer disk, and it is not on PATH; install e2fsprogs');
}
/**
 * Makes an empty ext4 disk image at `file` unless one is there: made beside it and linked into
 * place, so a run that finds the file finds a whole filesystem, and two runs making it at once
 * end with one. Returns whether it was made.
 */
async function layer_disk_ensureLayerDisk(file, sizeBytes) {
    if (fs.existsSync(file))
        return false;
    const partial = `${file}.${process.pid}.partial`;
    try {
        fs.writeFileSync(partial, '', { mode: 0o600 });
        fs.truncateSync(partial, sizeBytes);
        // root_owner: the guest's root owns the filesystem's root whoever made it on the host.
        const options = 'root_owner=0:0,lazy_itable_init=1,lazy_journal_init=1';
        await promisify(execFile)(findMke2fs(), ['-q', '-F', '-t', 'ext4', '-m', '0', '-E', options, partial], {
            timeout: 120_000
        }).catch((error) => {
            if (error instanceof HostError)
                throw error;
            const output = error.stderr;
            const stderr = (typeof output === 'string' || Buffer.isBuffer(output) ? output.toString() : '').trim();
            throw new HostError(`mke2fs could not make the layer disk ${file}: ${stderr || errorText(error)}`);
        });
        try {
            fs.linkSync(partial, file);
            return true;
        }
        catch (error) {
            if (errorCode(error) === 'EEXIST')
                return false;
            throw error;
        }
    }
    finally {
        fs.rmSync(partial, { force: true });
    }
}
/**
 * Takes a disk for this run, or fails at once when another run holds it. The lock is an abstract
 * socket named after the disk's device and inode: the kernel frees it when this process ends,
 * however it ends, so a killed step never leaves the disk locked. Runs that share a disk share a
 * network namespace (the runner's), where abstract socket names live.
 */
async function layer_disk_lockDisk(file, inUse) {
    const stat = fs.statSync(file, { bigint: true });
    const name = `\0krun-action-disk-${stat.dev}-${stat.ino}`;
    const server = net.createServer();
    await new Promise((resolve, reject) => {
        server.once('error', (error) => reject(errorCode(error) === 'EADDRINUSE' ? inUse() : error));
        server.listen({ path: name }, resolve);
    });
    server.unref();
    return { release: () => new Promise((resolve) => server.close(() => resolve())) };
}

;// CONCATENATED MODULE: ./src/engine/guest/prepared-layer.ts
/**
 * The prepare script's layer: its key, and its place in the image cache. The key is a hash over
 * everything that made the layer; no part of it is kept in clear.
 */






/** Raised when what a layer holds, or how the guest init lays it out, changes. */
const LAYER_FORMAT = '1';
/** Each part's name and length go into the hash before its bytes, so no two lists of parts collide. */
function prepared_layer_preparedLayerKey(parts) {
    const hash = createHash('sha256');
    for (const { name, value } of parts) {
        const bytes = Buffer.from(value);
        hash.update(`${name}\0${bytes.length}\0`);
        hash.update(bytes);
    }
    return hash.digest('hex');
}
/** Who the script ran as: root, or the ids the image's User or the user input resolved to. */
function userPart(user) {
    return user ? `${user.uid}:${user.gid}:${user.groups.join(',')}` : 'root';
}
/**
 * What made a prepared layer: the image (its platform manifest's digest), the script's bytes, the
 * shell that ran it, the environment it saw (names and values, as the guest got them), the user
 * it ran as and the guest's architecture.
 */
function prepared_layer_preparedKeyParts(settings, imageDigest, guestArch) {
    return [
        { name: 'format', value: LAYER_FORMAT },
        { name: 'image', value: imageDigest },
        { name: 'script', value: settings.prepare ?? Buffer.alloc(0) },
        { name: 'shell', value: settings.shell.join('\0') },
        { name: 'env', value: renderEnv(settings) },
        { name: 'user', value: userPart(settings.guestUser) },
        { name: 'arch', value: guestArch }
    ];
}
/**
 * Moves a finished layer disk into the cache under its key, read-only. Returns false when another
 * run published the same key first: this copy is then removed, and the one published is used.
 */
async function prepared_layer_publishPreparedLayer(cache, tempFile, key) {
    await fs.promises.chmod(tempFile, 0o444);
    const entry = cache.tempPath('prepared');
    await fs.promises.mkdir(entry, { mode: 0o700 });
    await fs.promises.rename(tempFile, path.join(entry, path.basename(cache.preparedLayerPath(key))));
    try {
        await fs.promises.rename(entry, path.dirname(cache.preparedLayerPath(key)));
        return true;
    }
    catch (error) {
        if (errorCode(error) !== 'ENOTEMPTY' && errorCode(error) !== 'EEXIST')
            throw error;
        await removeTree(entry);
        return false;
    }
}
/** The published layer for a key, marked as used now (for eviction); undefined when there is none. */
async function prepared_layer_findPreparedLayer(cache, key) {
    const file = cache.preparedLayerPath(key);
    try {
        if (!(await fs.promises.lstat(file)).isFile())
            return undefined;
        const now = new Date();
        await fs.promises.utimes(file, now, now);
        return file;
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/engine/guest/run-layers.ts
/**
 * The layer disks a run's overlay uses: the prepared layer (from the cache, or made now by
 * running the prepare script once) and the job's writable layer (persist: job), held for the run.
 */







/**
 * The prepare script runs on the bare image, without the workspace (whose content is not part
 * of the key), in /; its writable layer is a fresh disk that becomes the cached layer.
 */
function prepareSettings(settings) {
    return {
        ...settings,
        commands: settings.prepare ?? Buffer.alloc(0),
        workspace: null,
        workdir: '/',
        ports: [],
        persist: 'step'
    };
}
/** The cached prepared layer, made first when the cache has none; undefined when the script failed. */
async function preparedLayer(context, runPrepare) {
    const { settings, image } = context;
    const imageSettings = imageOf(settings);
    if (!settings.prepare || !image || !imageSettings)
        return { layers: {}, prepared: undefined, release: () => Promise.resolve() };
    const script = prepareSettings(settings);
    const key = preparedLayerKey(preparedKeyParts(script, image.manifestDigest, context.guestArch));
    const cache = new ImageCache(context.imageCacheDir);
    await cache.init();
    const found = await findPreparedLayer(cache, key);
    if (found) {
        context.log('prepared layer from cache: the prepare script does not run again');
        return { layers: { middle: found }, prepared: 'cache', release: () => Promise.resolve() };
    }
    const disk = cache.tempPath('prepare');
    try {
        await ensureLayerDisk(disk, settings.persistSizeBytes);
        context.log('Running the prepare script; its layer is cached for later runs');
        if (!(await runPrepare(script, { upper: disk }))) {
            context.log('The prepare script failed: nothing was cached, and the commands do not run');
            return undefined;
        }
        await publishPreparedLayer(cache, disk, key);
        await cache.evict(imageSettings.maxCacheBytes, new Set([key]));
    }
    finally {
        await fs.promises.rm(disk, { force: true });
    }
    const published = await findPreparedLayer(cache, key);
    if (!published)
        throw new HostError(`the prepared layer vanished from the image cache ${context.imageCacheDir}`);
    return { layers: { middle: published }, prepared: 'made', release: () => Promise.resolve() };
}
/** The job's writable layer, made on first use, held by this run alone. */
async function jobDisk(context) {
    const file = path.join(context.tempDir, JOB_DISK_NAME);
    await ensureLayerDisk(file, context.settings.persistSizeBytes);
    const lock = await lockDisk(file, () => new HostError(`persist: job: the job's layer disk ${file} is in use by another step running now; steps that share it must run one at a time`));
    return { upper: file, lock };
}
/** Sets up the run's layer disks; undefined when the prepare script failed (the step fails, nothing is cached). */
async function run_layers_setUpLayers(context, runPrepare) {
    // The job's disk first: a step refused for it runs no prepare script.
    const job = context.settings.persist === 'job' ? await jobDisk(context) : undefined;
    try {
        const prepared = await preparedLayer(context, runPrepare);
        if (!prepared) {
            await job?.lock.release();
            return undefined;
        }
        if (!job)
            return prepared;
        return { ...prepared, layers: { ...prepared.layers, upper: job.upper }, release: () => job.lock.release() };
    }
    catch (error) {
        await job?.lock.release();
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/engine/guest/guest-records.ts
/**
 * Reads back what the guest init recorded in the run directory's root (native/README.md).
 * That root is the guest's own root share, so the guest can write anything there: every
 * record is read as untrusted input (untrusted-file.ts) and parsed strictly. The host reads
 * only after the VM process has ended.
 */



const INIT_ERROR_MAX_BYTES = 4096;
/** How much of the init's error line is shown. */
const INIT_ERROR_SHOWN_CHARS = 200;
/** A final status: its word, a space, a number with no leading zero. */
const STATUS_END = new RegExp(`^(${guest_protocol_STATUS_EXITED}|${guest_protocol_STATUS_KILLED}) (0|[1-9][0-9]{0,2})$`);
/** Thrown for a record whose content is not in the init's format. */
class MalformedRecord extends (/* unused pure expression or super */ null && (Error)) {
}
/**
 * Parses the status record: exactly STATUS_BYTES, the record padded with spaces and ended
 * by a newline. "running" means the init started but recorded no end.
 */
function parseStatusRecord(bytes) {
    const text = bytes.toString('latin1');
    if (bytes.length !== STATUS_BYTES || !text.endsWith('\n'))
        throw new MalformedRecord();
    const trimmed = text.slice(0, -1).replace(/ +$/, '');
    if (trimmed === STATUS_RUNNING)
        return undefined;
    const match = STATUS_END.exec(trimmed);
    const value = match ? Number(match[2]) : NaN;
    if (!match || value > 255 || (match[1] === STATUS_KILLED && value === 0))
        throw new MalformedRecord();
    return match[1] === STATUS_EXITED ? { exitCode: value } : { exitCode: 128 + value, signal: value };
}
/** The init's error line as it may be shown: its first line, made visible, capped. */
function sanitizeInitError(bytes) {
    const firstLine = bytes.toString('utf8').split('\n')[0].trim();
    if (firstLine === '')
        return undefined;
    return visibleExcerpt(firstLine, INIT_ERROR_SHOWN_CHARS);
}
/** Reads the records under `root` (the guest's root share). */
function guest_records_readGuestRecords(root) {
    let current = GUEST.started;
    try {
        const started = untrustedPathExists(root, GUEST.started);
        current = GUEST.status;
        const statusBytes = readUntrustedFile(root, GUEST.status, STATUS_BYTES);
        const status = statusBytes === undefined ? undefined : parseStatusRecord(statusBytes);
        current = GUEST.initError;
        const initErrorBytes = readUntrustedFile(root, GUEST.initError, INIT_ERROR_MAX_BYTES);
        const initError = initErrorBytes === undefined ? undefined : sanitizeInitError(initErrorBytes);
        return { started, status, initError };
    }
    catch (error) {
        if (error instanceof TamperedError || error instanceof MalformedRecord)
            return { tampered: current };
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/engine/run.ts
/**
 * One run in a microVM, as both front ends (the action and krun-run) do it: host checks,
 * the private run directory, the VM process, the outcome, and cleanup of every file it made.
 */




















/**
 * An input this libkrun cannot honour is the user's to fix, named like any bad input. The
 * VM process says `libkrun` for a library that does not load or is too old: the user's
 * mistake when they named it, a host problem when it was found on the system.
 */
function checkInputsHonoured(run, settings) {
    for (const message of run.messages) {
        if (message.kind !== 'error' || message.input === undefined)
            continue;
        if (message.input !== 'libkrun')
            throw new InputError(message.input, message.message);
        if (settings.libkrunFrom !== undefined)
            throw new InputError(settings.libkrunFrom, message.message);
        throw new HostError(message.message);
    }
}
function kvmAccessContext(options) {
    return {
        device: options.host.kvmDevice,
        policy: options.settings.kvmAccess,
        githubHosted: options.host.githubHosted
    };
}
/**
 * The checks a run makes before it starts a VM process: KVM access, libkrun (fetched into
 * its cache when the run names an archive, or needs krun-action's own build) and the guest init.
 */
async function checkHost(options) {
    await ensureKvmAccess(kvmAccessContext(options), { log: options.log });
    const initBinary = guestInitBinary(options.distDir);
    const libkrun = await resolveLibkrun(options.settings, { cacheDir: options.host.libkrunCacheDir, log: options.log });
    return { libkrun, initBinary };
}
async function run_runInMicroVm(options) {
    let early = options.early;
    try {
        // Before anything is fetched into a cache the guest could then change.
        checkWorkspaceHoldsNoHostFiles(options.settings.workspace, [
            { what: "krun-action's own code", file: options.distDir },
            { what: 'the image cache', file: options.host.imageCacheDir },
            { what: 'the libkrun cache', file: options.host.libkrunCacheDir }
        ]);
        const { libkrun, initBinary } = await checkHost(options);
        checkWorkspaceHoldsNoHostFiles(options.settings.workspace, [{ what: 'libkrun', file: libkrun }]);
        // One timeout for the whole run: the pull spends part of it, the VM gets the rest.
        const timeout = timeoutFromNow(options.settings.timeoutSeconds);
        const imageSettings = imageOf(options.settings);
        const image = imageSettings
            ? await prepareImageBase(imageSettings, {
                cacheDir: options.host.imageCacheDir,
                log: options.log,
                timeout
            })
            : undefined;
        const settings = image ? withImageRoot(options.settings, image) : withRootfs(options.settings);
        const interactive = options.interactive ?? false;
        const run = { settings, libkrun, initBinary, image, interactive, timeout, layers: {} };
        let prepareRun;
        const layers = await setUpLayers({ ...options.host, settings, image, guestArch: GUEST_ARCH[process.arch], log: options.log }, async (script, scriptLayers) => {
            // The early VM process was made for the commands' run.
            if (early)
                await discardEarly(early, warnOf(options));
            early = undefined;
            const scriptOptions = { ...options, fileCommands: undefined };
            const scriptRun = { ...run, settings: script, interactive: false, layers: scriptLayers };
            prepareRun = await runPrepared(scriptOptions, scriptRun, undefined);
            return prepareRun.outcome.exitCode === 0 && prepareRun.outcome.failure === undefined;
        });
        if (!layers) {
            const { outcome } = prepareRun;
            const failure = `prepare: ${outcome.failure ?? `exited with code ${outcome.exitCode}`}; nothing was cached`;
            return { ...prepareRun, outcome: { ...outcome, failure } };
        }
        try {
            const guarded = settings.network === 'public';
            const fitting = early && fitsRun(early, libkrun, interactive, options.fence !== undefined, guarded) ? early : undefined;
            if (early && !fitting)
                await discardEarly(early, warnOf(options));
            early = undefined;
            const result = await runPrepared(options, { ...run, layers: layers.layers }, fitting);
            return { ...result, prepared: layers.prepared };
        }
        finally {
            await layers.release();
        }
    }
    finally {
        if (early)
            await discardEarly(early, warnOf(options));
    }
}
/** A warning is the front end's own line: never inside the fence, where the runner would not read it. */
const warnOf = (options) => (message) => {
    const say = () => options.onWarning?.(message);
    if (options.fence)
        options.fence.outside(say);
    else
        say();
};
/** A run directory that cannot be made or written (a missing temp directory, a full disk) is named by its setting. */
function inTempDir(options, doing, step) {
    try {
        return step();
    }
    catch (error) {
        throw new HostError(`cannot ${doing} in ${options.host.tempDirName} (${options.host.tempDir}): ${errorText(error)}; set it to a writable directory with free space`);
    }
}
/** What the guard refused; a table out of form is said, and the run's outcome stands. */
function readRefusals(layout, warn) {
    try {
        return readRefusedTable(layout.refusedTableFile);
    }
    catch (error) {
        warn(`what network public refused is unknown: ${errorText(error)}`);
        return undefined;
    }
}
/** Runs once the VM process has ended: no guest is left to race the walk. */
function sweepAfterRun(settings, since) {
    if (settings.workspace === null || settings.workspaceDevices === 'keep')
        return undefined;
    return sweepWorkspace(settings.workspace, since);
}
async function runPrepared(options, prepared, early) {
    const { settings, libkrun, image, interactive } = prepared;
    const started = Date.now();
    const layout = early?.layout ?? inTempDir(options, 'make the run directory', () => createRunDir(options.host.tempDir));
    let vmProcess = early?.vm;
    try {
        options.onRunDir?.(layout.dir);
        const fileKinds = options.fileCommands ?? [];
        const fileShare = fileKinds.length > 0
            ? inTempDir(options, "write the run's files", () => prepareFileCommandShare(layout.dir, fileKinds, (settings.guestUser?.uid ?? 0) !== 0))
            : undefined;
        const vm = vmConfig(settings, layout, libkrun, options.host.kvmDevice, fileShare, prepared.layers);
        const files = guestFiles(settings, interactive, options.extraEnv, fileShare, prepared.layers);
        inTempDir(options, "write the run's files", () => writeRunFiles(layout, files, prepared.initBinary, vm));
        // Again right before the VM starts: an image pull may have taken minutes since the first check.
        checkKvmAccess(kvmAccessContext(options));
        const guarded = settings.network === 'public';
        // Before the go-ahead: host names of `allow` are resolved now, once.
        if (guarded)
            await writePolicy(layout.netPolicyFile, settings.allow);
        vmProcess ??= new VmProcess({
            vmEntry: vmEntry(options.distDir),
            configFile: layout.vmConfigFile,
            libkrun,
            interactive,
            stderrToStdout: options.fence !== undefined,
            guard: guarded ? prepareGuard(options.distDir, layout) : undefined
        });
        const running = vmProcess;
        vmProcess = undefined;
        const since = changeStamp(layout.vmConfigFile);
        const run = await running.run({
            timeoutSeconds: settings.timeoutSeconds,
            timeLeftMs: prepared.timeout && Math.max(0, prepared.timeout.endsAt - Date.now()),
            onStart: options.onVmStart,
            onMessage: (message) => {
                if (message.kind === 'warning')
                    warnOf(options)(message.message);
            },
            beforeGuest: () => options.fence?.open()
        });
        // The VM process has ended, and with it everything that could print for the guest.
        options.fence?.close();
        checkInputsHonoured(run, settings);
        const workspaceSweep = sweepAfterRun(settings, since);
        const records = readGuestRecords(layout.root);
        const fullDisk = isDiskFull(layout.dir) ? `${options.host.tempDirName} (${options.host.tempDir})` : undefined;
        const outcome = decideOutcome(run, records, { fullDisk });
        const fileCommands = fileShare ? readGuestFileCommands(layout.dir, fileKinds, settings.exportEnv) : NO_FILE_COMMANDS;
        const log = outcome.showLog ? logTail(layout) : '';
        const kernelNote = kernelWorkaround(os.release(), process.env)?.note;
        const refusals = guarded ? readRefusals(layout, warnOf(options)) : undefined;
        const wallMs = Date.now() - started;
        return { outcome, log, libkrun, wallMs, fileCommands, image, workspaceSweep, kernelNote, refusals, ran: settings };
    }
    finally {
        options.fence?.close();
        // A VM process that never got its go-ahead (writing the run's files failed) is stopped.
        await vmProcess?.discard();
        await removeRunDir(layout.dir, warnOf(options));
    }
}

;// CONCATENATED MODULE: ./src/engine/host/host-context.ts
/** What both front ends learn from the host before a run: the parse context, temp dir, KVM device and caches. */




function hostContext(env, cwd, caches) {
    const tempDir = runTempDir(env);
    const cacheDir = (kind) => caches === 'action' ? actionCacheDir(env, tempDir, kind) : userCacheDir(env, kind);
    return {
        parse: {
            cwd,
            defaultWorkspace: env.GITHUB_WORKSPACE || undefined,
            libraryFromEnv: env.KRUN_LIBRARY || undefined,
            hostMemoryMib: Math.floor(os.totalmem() / (1024 * 1024)),
            tempDir
        },
        tempDir,
        tempDirName: env.RUNNER_TEMP ? 'RUNNER_TEMP' : 'the temporary directory',
        kvmDevice: env.KRUN_KVM_DEVICE || DEFAULT_KVM_DEVICE,
        githubHosted: env.RUNNER_ENVIRONMENT === 'github-hosted',
        imageCacheDir: cacheDir('images'),
        libkrunCacheDir: cacheDir('libkrun')
    };
}

;// CONCATENATED MODULE: ./src/engine/vm-process/output-fence.ts
/**
 * The fence around the guest's output. The runner acts on workflow commands (`::error::`,
 * `::add-mask::`, `::stop-commands::` ...) in whatever a step prints, and the guest's output
 * is printed as the step's own: so it is printed between `::stop-commands::TOKEN` and
 * `::TOKEN::`, GitHub's way to have the runner ignore commands until TOKEN comes back.
 *
 * The token is drawn when the fence opens, after everything the guest could read was
 * written, and lives only in this process and the step's log, where it is masked first:
 * with `rootfs: /` the guest can read the runner's own files, its log pages included.
 * The runner keeps one stop state for the whole job and both of a step's streams, so a
 * fence left open would silence every later step: closing never depends on the guest.
 */

/** 128 random bits in hex: no workflow command's name, and nothing the guest can guess. */
function newFenceToken() {
    return crypto.randomBytes(16).toString('hex');
}
class OutputFence {
    write;
    drawToken;
    token;
    /** `write` must have put the text in the runner's pipe when it returns, as process.stdout does for pipes and files. */
    constructor(write, drawToken = newFenceToken) {
        this.write = write;
        this.drawToken = drawToken;
    }
    get isOpen() {
        return this.token !== undefined;
    }
    open() {
        if (this.token !== undefined)
            return;
        const token = this.drawToken();
        this.write(`::add-mask::${token}\n::stop-commands::${token}\n`);
        this.token = token;
    }
    /**
     * The newline first ends whatever line the guest left unfinished: the runner reads a
     * command only at the start of a line, so `::TOKEN::` glued to the guest's last bytes
     * would leave the fence open.
     */
    close() {
        if (this.token === undefined)
            return;
        const token = this.token;
        this.token = undefined;
        this.write(`\n::${token}::\n`);
    }
    /**
     * Prints the front end's own lines where the runner reads them: the fence is closed
     * first and opened again, with a new token, after. While the guest runs it could slip a
     * line in between, which is why the engine says nothing then.
     */
    outside(say) {
        if (this.token === undefined) {
            say();
            return;
        }
        this.close();
        try {
            say();
        }
        finally {
            this.open();
        }
    }
}

;// CONCATENATED MODULE: ./src/engine/index.ts
/**
 * The engine's front door: everything the front ends (action/, cli/) use of it. The
 * pipeline is `prepareLaterSteps` (a step without commands: doctor, image, later steps) and
 * `run` (host checks, image, the microVM, the outcome, what goes back to the host);
 * `diagnose` is the doctor alone. The rest is the vocabulary both front ends speak: the
 * input table, settings, errors, the output fence.
 */



async function run(options) {
    const { laterSteps } = options;
    const result = await runInMicroVm({
        ...options,
        onVmStart: (pid) => {
            options.onVmStart?.(pid);
            // Now, while the microVM starts: the host checks passed, and the step waits anyway.
            if (laterSteps)
                laterSteps.ready(installLaterSteps({ ...options, raw: laterSteps.raw }));
        }
    });
    return { ...result, ...afterRun(result, options.hostFiles) };
}


















/***/ }),

/***/ 587:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   ImageCache: () => (/* binding */ ImageCache),
/* harmony export */   Q: () => (/* binding */ DEFAULT_MAX_CACHE_BYTES),
/* harmony export */   m: () => (/* binding */ EVICTION_GRACE_MS)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(24);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(62);
/* harmony import */ var _tree_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(841);
/* harmony import */ var _work_area_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(643);
/**
 * The image cache. Layout under the caller's cache directory:
 *
 *   roots/sha256-<hex>/rootfs      an unpacked image root, keyed by its platform manifest's digest
 *   roots/sha256-<hex>/image.json  what it is: reference, digests, platform, size, config
 *   roots/sha256-<hex>/last-used   an empty file whose mtime is the last use (for LRU eviction)
 *   blobs/sha256-<hex>             layer blobs as fetched (verified), so a moved tag refetches only new layers
 *   refs/<sha256 of reference and platform>.json   the digest a reference resolved to last time
 *   prepared/<key>/layer.img       a prepare script's layer: a read-only ext4 disk image, keyed by a
 *                                  hash of what made it (engine/prepared-layer.ts); its mtime is its last use
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
const EVICTION_ORDER = { blob: 0, prepared: 1, root: 2 };
function hex(digest) {
    return digest.replace(/^sha256:/, '');
}
class ImageCache {
    dir;
    roots;
    blobs;
    refs;
    tmp;
    prepared;
    work;
    constructor(dir) {
        this.dir = dir;
        this.roots = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, 'roots');
        this.blobs = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, 'blobs');
        this.refs = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, 'refs');
        this.tmp = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, 'tmp');
        this.prepared = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, 'prepared');
        this.work = new _work_area_js__WEBPACK_IMPORTED_MODULE_5__/* .WorkArea */ .H(this.tmp);
    }
    /**
     * Makes the cache's directories, private to the user running the pull (older caches made them
     * 0755 and are tightened): roots made as root hold images' setuid binaries and device nodes, and
     * a private image's files are no one else's to read.
     */
    async init() {
        for (const dir of [this.dir, this.roots, this.blobs, this.refs, this.tmp, this.prepared]) {
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
    /** A prepared layer's disk image (engine/prepared-layer.ts stores and finds them). */
    preparedLayerPath(key) {
        return node_path__WEBPACK_IMPORTED_MODULE_2___default().join(this.prepared, key, 'layer.img');
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
        for (const name of await node_fs__WEBPACK_IMPORTED_MODULE_1___default().promises.readdir(this.prepared).catch(() => [])) {
            // The space a sparse disk image takes, not its size.
            const stat = await node_fs__WEBPACK_IMPORTED_MODULE_1___default().promises.stat(this.preparedLayerPath(name)).catch(() => undefined);
            const entry = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(this.prepared, name);
            items.push({
                kind: 'prepared',
                key: name,
                path: entry,
                size: (stat?.blocks ?? 0) * 512,
                used: stat?.mtimeMs ?? 0
            });
        }
        return items;
    }
    /**
     * Least-recently-used eviction down to `maxBytes`: layer blobs first (a root is worth more than
     * the blobs it was made from), then prepared layers (made again by one run), then roots. Never evicts what `keep` names, nor anything used
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
            .sort((a, b) => (a.kind === b.kind ? a.used - b.used : EVICTION_ORDER[a.kind] - EVICTION_ORDER[b.kind]));
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

/***/ 62:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   C8: () => (/* binding */ ImageError),
/* harmony export */   CA: () => (/* binding */ errorCode),
/* harmony export */   Ic: () => (/* binding */ describeFailure),
/* harmony export */   Kb: () => (/* binding */ excerpt),
/* harmony export */   Vs: () => (/* binding */ failedSyscall),
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
/** The errno name of a failed system call (ENOENT, EACCES…), if it is one: the one reader of it. */
function errorCode(error) {
    const code = error?.code;
    return typeof code === 'string' ? code : undefined;
}
/** The system call that failed, if the error is a system call's (so the host's, not the data's). */
function failedSyscall(error) {
    const syscall = error?.syscall;
    return typeof syscall === 'string' ? syscall : undefined;
}
/** A failure that is not an ImageError, in a few words: its errno name, if any, and its message. */
function describeFailure(error, max = 160) {
    const code = errorCode(error);
    return `${code ? `${code} ` : ''}${excerpt(error instanceof Error ? error.message : String(error), max)}`;
}


/***/ }),

/***/ 537:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ PULL_POLICIES)
/* harmony export */ });
const PULL_POLICIES = ['missing', 'always', 'never'];


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
 * directory next. (@actions/io's rmRF is that rm alone: it would leave such trees and not say where.)
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
        // A directory this process may not chmod can still be one it may empty: readdir and rmdir report otherwise.
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

/***/ 643:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ WorkArea)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(24);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(62);
/* harmony import */ var _tree_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(841);
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

/***/ 547:
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

/***/ 928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 946:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Gu: () => (/* binding */ getState),
  pq: () => (/* binding */ info),
  $e: () => (/* binding */ warning)
});

// UNUSED EXPORTS: ExitCode, addPath, debug, endGroup, error, exportVariable, getBooleanInput, getIDToken, getInput, getMultilineInput, group, isDebug, markdownSummary, notice, platform, saveState, setCommandEcho, setFailed, setOutput, setSecret, startGroup, summary, toPlatformPath, toPosixPath, toWin32Path

// EXTERNAL MODULE: external "os"
var external_os_ = __nccwpck_require__(857);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/utils.js
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function utils_toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function utils_toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}
//# sourceMappingURL=utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/command.js


/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function command_issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + external_os_.EOL);
}
function command_issue(name, message = '') {
    command_issueCommand(name, {}, message);
}
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return utils_toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return utils_toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}
//# sourceMappingURL=command.js.map
;// CONCATENATED MODULE: external "crypto"
const external_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");
// EXTERNAL MODULE: external "fs"
var external_fs_ = __nccwpck_require__(896);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/file-command.js
// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */




function file_command_issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!fs.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    fs.appendFileSync(filePath, `${toCommandValue(message)}${os.EOL}`, {
        encoding: 'utf8'
    });
}
function file_command_prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${crypto.randomUUID()}`;
    const convertedValue = toCommandValue(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${os.EOL}${convertedValue}${os.EOL}${delimiter}`;
}
//# sourceMappingURL=file-command.js.map
// EXTERNAL MODULE: external "path"
var external_path_ = __nccwpck_require__(928);
;// CONCATENATED MODULE: external "../no-http-client.js"
var x = (y) => {
	var x = {}; __nccwpck_require__.d(x, y); return x
} 
var y = (x) => (() => (x))
const external_no_http_client_js_namespaceObject = x({  });
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/oidc-utils.js
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



class oidc_utils_OidcClient {
    static createHttpClient(allowRetry = true, maxRetry = 10) {
        const requestOptions = {
            allowRetries: allowRetry,
            maxRetries: maxRetry
        };
        return new HttpClient('actions/oidc-client', [new BearerCredentialHandler(oidc_utils_OidcClient.getRequestToken())], requestOptions);
    }
    static getRequestToken() {
        const token = process.env['ACTIONS_ID_TOKEN_REQUEST_TOKEN'];
        if (!token) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_TOKEN env variable');
        }
        return token;
    }
    static getIDTokenUrl() {
        const runtimeUrl = process.env['ACTIONS_ID_TOKEN_REQUEST_URL'];
        if (!runtimeUrl) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable');
        }
        return runtimeUrl;
    }
    static getCall(id_token_url) {
        return __awaiter(this, void 0, void 0, function* () {
            var _a;
            const httpclient = oidc_utils_OidcClient.createHttpClient();
            const res = yield httpclient
                .getJson(id_token_url)
                .catch(error => {
                throw new Error(`Failed to get ID Token. \n 
        Error Code : ${error.statusCode}\n 
        Error Message: ${error.message}`);
            });
            const id_token = (_a = res.result) === null || _a === void 0 ? void 0 : _a.value;
            if (!id_token) {
                throw new Error('Response json body do not have ID Token field');
            }
            return id_token;
        });
    }
    static getIDToken(audience) {
        return __awaiter(this, void 0, void 0, function* () {
            try {
                // New ID Token is requested from action service
                let id_token_url = oidc_utils_OidcClient.getIDTokenUrl();
                if (audience) {
                    const encodedAudience = encodeURIComponent(audience);
                    id_token_url = `${id_token_url}&audience=${encodedAudience}`;
                }
                debug(`ID token url is ${id_token_url}`);
                const id_token = yield oidc_utils_OidcClient.getCall(id_token_url);
                setSecret(id_token);
                return id_token;
            }
            catch (error) {
                throw new Error(`Error message: ${error.message}`);
            }
        });
    }
}
//# sourceMappingURL=oidc-utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/summary.js
var summary_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { access, appendFile, writeFile } = external_fs_.promises;
const SUMMARY_ENV_VAR = 'GITHUB_STEP_SUMMARY';
const SUMMARY_DOCS_URL = 'https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#adding-a-job-summary';
class Summary {
    constructor() {
        this._buffer = '';
    }
    /**
     * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
     * Also checks r/w permissions.
     *
     * @returns step summary file path
     */
    filePath() {
        return summary_awaiter(this, void 0, void 0, function* () {
            if (this._filePath) {
                return this._filePath;
            }
            const pathFromEnv = process.env[SUMMARY_ENV_VAR];
            if (!pathFromEnv) {
                throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            }
            try {
                yield access(pathFromEnv, external_fs_.constants.R_OK | external_fs_.constants.W_OK);
            }
            catch (_a) {
                throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
            }
            this._filePath = pathFromEnv;
            return this._filePath;
        });
    }
    /**
     * Wraps content in an HTML tag, adding any HTML attributes
     *
     * @param {string} tag HTML tag to wrap
     * @param {string | null} content content within the tag
     * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
     *
     * @returns {string} content wrapped in HTML element
     */
    wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs)
            .map(([key, value]) => ` ${key}="${value}"`)
            .join('');
        if (!content) {
            return `<${tag}${htmlAttrs}>`;
        }
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
    }
    /**
     * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
     *
     * @param {SummaryWriteOptions} [options] (optional) options for write operation
     *
     * @returns {Promise<Summary>} summary instance
     */
    write(options) {
        return summary_awaiter(this, void 0, void 0, function* () {
            const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
            const filePath = yield this.filePath();
            const writeFunc = overwrite ? writeFile : appendFile;
            yield writeFunc(filePath, this._buffer, { encoding: 'utf8' });
            return this.emptyBuffer();
        });
    }
    /**
     * Clears the summary buffer and wipes the summary file
     *
     * @returns {Summary} summary instance
     */
    clear() {
        return summary_awaiter(this, void 0, void 0, function* () {
            return this.emptyBuffer().write({ overwrite: true });
        });
    }
    /**
     * Returns the current summary buffer as a string
     *
     * @returns {string} string of summary buffer
     */
    stringify() {
        return this._buffer;
    }
    /**
     * If the summary buffer is empty
     *
     * @returns {boolen} true if the buffer is empty
     */
    isEmptyBuffer() {
        return this._buffer.length === 0;
    }
    /**
     * Resets the summary buffer without writing to summary file
     *
     * @returns {Summary} summary instance
     */
    emptyBuffer() {
        this._buffer = '';
        return this;
    }
    /**
     * Adds raw text to the summary buffer
     *
     * @param {string} text content to add
     * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
     *
     * @returns {Summary} summary instance
     */
    addRaw(text, addEOL = false) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
    }
    /**
     * Adds the operating system-specific end-of-line marker to the buffer
     *
     * @returns {Summary} summary instance
     */
    addEOL() {
        return this.addRaw(external_os_.EOL);
    }
    /**
     * Adds an HTML codeblock to the summary buffer
     *
     * @param {string} code content to render within fenced code block
     * @param {string} lang (optional) language to syntax highlight code
     *
     * @returns {Summary} summary instance
     */
    addCodeBlock(code, lang) {
        const attrs = Object.assign({}, (lang && { lang }));
        const element = this.wrap('pre', this.wrap('code', code), attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML list to the summary buffer
     *
     * @param {string[]} items list of items to render
     * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
     *
     * @returns {Summary} summary instance
     */
    addList(items, ordered = false) {
        const tag = ordered ? 'ol' : 'ul';
        const listItems = items.map(item => this.wrap('li', item)).join('');
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML table to the summary buffer
     *
     * @param {SummaryTableCell[]} rows table rows
     *
     * @returns {Summary} summary instance
     */
    addTable(rows) {
        const tableBody = rows
            .map(row => {
            const cells = row
                .map(cell => {
                if (typeof cell === 'string') {
                    return this.wrap('td', cell);
                }
                const { header, data, colspan, rowspan } = cell;
                const tag = header ? 'th' : 'td';
                const attrs = Object.assign(Object.assign({}, (colspan && { colspan })), (rowspan && { rowspan }));
                return this.wrap(tag, data, attrs);
            })
                .join('');
            return this.wrap('tr', cells);
        })
            .join('');
        const element = this.wrap('table', tableBody);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds a collapsable HTML details element to the summary buffer
     *
     * @param {string} label text for the closed state
     * @param {string} content collapsable content
     *
     * @returns {Summary} summary instance
     */
    addDetails(label, content) {
        const element = this.wrap('details', this.wrap('summary', label) + content);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML image tag to the summary buffer
     *
     * @param {string} src path to the image you to embed
     * @param {string} alt text description of the image
     * @param {SummaryImageOptions} options (optional) addition image attributes
     *
     * @returns {Summary} summary instance
     */
    addImage(src, alt, options) {
        const { width, height } = options || {};
        const attrs = Object.assign(Object.assign({}, (width && { width })), (height && { height }));
        const element = this.wrap('img', null, Object.assign({ src, alt }, attrs));
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML section heading element
     *
     * @param {string} text heading text
     * @param {number | string} [level=1] (optional) the heading level, default: 1
     *
     * @returns {Summary} summary instance
     */
    addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag)
            ? tag
            : 'h1';
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML thematic break (<hr>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addSeparator() {
        const element = this.wrap('hr', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML line break (<br>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addBreak() {
        const element = this.wrap('br', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML blockquote to the summary buffer
     *
     * @param {string} text quote text
     * @param {string} cite (optional) citation url
     *
     * @returns {Summary} summary instance
     */
    addQuote(text, cite) {
        const attrs = Object.assign({}, (cite && { cite }));
        const element = this.wrap('blockquote', text, attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML anchor tag to the summary buffer
     *
     * @param {string} text link text/content
     * @param {string} href hyperlink
     *
     * @returns {Summary} summary instance
     */
    addLink(text, href) {
        const element = this.wrap('a', text, { href });
        return this.addRaw(element).addEOL();
    }
}
const _summary = new Summary();
/**
 * @deprecated use `core.summary`
 */
const markdownSummary = (/* unused pure expression or super */ null && (_summary));
const summary = (/* unused pure expression or super */ null && (_summary));
//# sourceMappingURL=summary.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/path-utils.js

/**
 * toPosixPath converts the given path to the posix form. On Windows, \\ will be
 * replaced with /.
 *
 * @param pth. Path to transform.
 * @return string Posix path.
 */
function toPosixPath(pth) {
    return pth.replace(/[\\]/g, '/');
}
/**
 * toWin32Path converts the given path to the win32 form. On Linux, / will be
 * replaced with \\.
 *
 * @param pth. Path to transform.
 * @return string Win32 path.
 */
function toWin32Path(pth) {
    return pth.replace(/[/]/g, '\\');
}
/**
 * toPlatformPath converts the given path to a platform-specific path. It does
 * this by replacing instances of / and \ with the platform-specific path
 * separator.
 *
 * @param pth The path to platformize.
 * @return string The platform-specific path.
 */
function toPlatformPath(pth) {
    return pth.replace(/[/\\]/g, path.sep);
}
//# sourceMappingURL=path-utils.js.map
// EXTERNAL MODULE: ./node_modules/@actions/exec/lib/exec.js + 5 modules
var lib_exec = __nccwpck_require__(683);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/platform.js
var platform_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const getWindowsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout: version } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Version"', undefined, {
        silent: true
    });
    const { stdout: name } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Caption"', undefined, {
        silent: true
    });
    return {
        name: name.trim(),
        version: version.trim()
    };
});
const getMacOsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    var _a, _b, _c, _d;
    const { stdout } = yield exec.getExecOutput('sw_vers', undefined, {
        silent: true
    });
    const version = (_b = (_a = stdout.match(/ProductVersion:\s*(.+)/)) === null || _a === void 0 ? void 0 : _a[1]) !== null && _b !== void 0 ? _b : '';
    const name = (_d = (_c = stdout.match(/ProductName:\s*(.+)/)) === null || _c === void 0 ? void 0 : _c[1]) !== null && _d !== void 0 ? _d : '';
    return {
        name,
        version
    };
});
const getLinuxInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout } = yield exec.getExecOutput('lsb_release', ['-i', '-r', '-s'], {
        silent: true
    });
    const [name, version] = stdout.trim().split('\n');
    return {
        name,
        version
    };
});
const platform = external_os_.platform();
const arch = external_os_.arch();
const isWindows = platform === 'win32';
const isMacOS = platform === 'darwin';
const isLinux = platform === 'linux';
function getDetails() {
    return platform_awaiter(this, void 0, void 0, function* () {
        return Object.assign(Object.assign({}, (yield (isWindows
            ? getWindowsInfo()
            : isMacOS
                ? getMacOsInfo()
                : getLinuxInfo()))), { platform,
            arch,
            isWindows,
            isMacOS,
            isLinux });
    });
}
//# sourceMappingURL=platform.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/core.js
var core_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};






/**
 * The code to exit an action
 */
var ExitCode;
(function (ExitCode) {
    /**
     * A code indicating that the action was successful
     */
    ExitCode[ExitCode["Success"] = 0] = "Success";
    /**
     * A code indicating that the action was a failure
     */
    ExitCode[ExitCode["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
//-----------------------------------------------------------------------
// Variables
//-----------------------------------------------------------------------
/**
 * Sets env variable for this action and future actions in the job
 * @param name the name of the variable to set
 * @param val the value of the variable. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function exportVariable(name, val) {
    const convertedVal = toCommandValue(val);
    process.env[name] = convertedVal;
    const filePath = process.env['GITHUB_ENV'] || '';
    if (filePath) {
        return issueFileCommand('ENV', prepareKeyValueMessage(name, val));
    }
    issueCommand('set-env', { name }, convertedVal);
}
/**
 * Registers a secret which will get masked from logs
 *
 * @param secret - Value of the secret to be masked
 * @remarks
 * This function instructs the Actions runner to mask the specified value in any
 * logs produced during the workflow run. Once registered, the secret value will
 * be replaced with asterisks (***) whenever it appears in console output, logs,
 * or error messages.
 *
 * This is useful for protecting sensitive information such as:
 * - API keys
 * - Access tokens
 * - Authentication credentials
 * - URL parameters containing signatures (SAS tokens)
 *
 * Note that masking only affects future logs; any previous appearances of the
 * secret in logs before calling this function will remain unmasked.
 *
 * @example
 * ```typescript
 * // Register an API token as a secret
 * const apiToken = "abc123xyz456";
 * setSecret(apiToken);
 *
 * // Now any logs containing this value will show *** instead
 * console.log(`Using token: ${apiToken}`); // Outputs: "Using token: ***"
 * ```
 */
function core_setSecret(secret) {
    issueCommand('add-mask', {}, secret);
}
/**
 * Prepends inputPath to the PATH (for this action and future actions)
 * @param inputPath
 */
function addPath(inputPath) {
    const filePath = process.env['GITHUB_PATH'] || '';
    if (filePath) {
        issueFileCommand('PATH', inputPath);
    }
    else {
        issueCommand('add-path', {}, inputPath);
    }
    process.env['PATH'] = `${inputPath}${path.delimiter}${process.env['PATH']}`;
}
/**
 * Gets the value of an input.
 * Unless trimWhitespace is set to false in InputOptions, the value is also trimmed.
 * Returns an empty string if the value is not defined.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string
 */
function getInput(name, options) {
    const val = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
    if (options && options.required && !val) {
        throw new Error(`Input required and not supplied: ${name}`);
    }
    if (options && options.trimWhitespace === false) {
        return val;
    }
    return val.trim();
}
/**
 * Gets the values of an multiline input.  Each value is also trimmed.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string[]
 *
 */
function getMultilineInput(name, options) {
    const inputs = getInput(name, options)
        .split('\n')
        .filter(x => x !== '');
    if (options && options.trimWhitespace === false) {
        return inputs;
    }
    return inputs.map(input => input.trim());
}
/**
 * Gets the input value of the boolean type in the YAML 1.2 "core schema" specification.
 * Support boolean input list: `true | True | TRUE | false | False | FALSE` .
 * The return value is also in boolean type.
 * ref: https://yaml.org/spec/1.2/spec.html#id2804923
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   boolean
 */
function getBooleanInput(name, options) {
    const trueValue = ['true', 'True', 'TRUE'];
    const falseValue = ['false', 'False', 'FALSE'];
    const val = getInput(name, options);
    if (trueValue.includes(val))
        return true;
    if (falseValue.includes(val))
        return false;
    throw new TypeError(`Input does not meet YAML 1.2 "Core Schema" specification: ${name}\n` +
        `Support boolean input list: \`true | True | TRUE | false | False | FALSE\``);
}
/**
 * Sets the value of an output.
 *
 * @param     name     name of the output to set
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function setOutput(name, value) {
    const filePath = process.env['GITHUB_OUTPUT'] || '';
    if (filePath) {
        return issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value));
    }
    process.stdout.write(os.EOL);
    issueCommand('set-output', { name }, toCommandValue(value));
}
/**
 * Enables or disables the echoing of commands into stdout for the rest of the step.
 * Echoing is disabled by default if ACTIONS_STEP_DEBUG is not set.
 *
 */
function setCommandEcho(enabled) {
    issue('echo', enabled ? 'on' : 'off');
}
//-----------------------------------------------------------------------
// Results
//-----------------------------------------------------------------------
/**
 * Sets the action status to failed.
 * When the action exits it will be with an exit code of 1
 * @param message add error issue message
 */
function setFailed(message) {
    process.exitCode = ExitCode.Failure;
    error(message);
}
//-----------------------------------------------------------------------
// Logging Commands
//-----------------------------------------------------------------------
/**
 * Gets whether Actions Step Debug is on or not
 */
function isDebug() {
    return process.env['RUNNER_DEBUG'] === '1';
}
/**
 * Writes debug message to user log
 * @param message debug message
 */
function core_debug(message) {
    issueCommand('debug', {}, message);
}
/**
 * Adds an error issue
 * @param message error issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function error(message, properties = {}) {
    issueCommand('error', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a warning issue
 * @param message warning issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function warning(message, properties = {}) {
    command_issueCommand('warning', utils_toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a notice issue
 * @param message notice issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function notice(message, properties = {}) {
    issueCommand('notice', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Writes info to log with console.log.
 * @param message info message
 */
function info(message) {
    process.stdout.write(message + external_os_.EOL);
}
/**
 * Begin an output group.
 *
 * Output until the next `groupEnd` will be foldable in this group
 *
 * @param name The name of the output group
 */
function startGroup(name) {
    issue('group', name);
}
/**
 * End an output group.
 */
function endGroup() {
    issue('endgroup');
}
/**
 * Wrap an asynchronous function call in a group.
 *
 * Returns the same type as the function itself.
 *
 * @param name The name of the group
 * @param fn The function to wrap in the group
 */
function group(name, fn) {
    return core_awaiter(this, void 0, void 0, function* () {
        startGroup(name);
        let result;
        try {
            result = yield fn();
        }
        finally {
            endGroup();
        }
        return result;
    });
}
//-----------------------------------------------------------------------
// Wrapper action state
//-----------------------------------------------------------------------
/**
 * Saves state for current action, the state can only be retrieved by this action's post job execution.
 *
 * @param     name     name of the state to store
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function saveState(name, value) {
    const filePath = process.env['GITHUB_STATE'] || '';
    if (filePath) {
        return issueFileCommand('STATE', prepareKeyValueMessage(name, value));
    }
    issueCommand('save-state', { name }, toCommandValue(value));
}
/**
 * Gets the value of an state set by this action's main execution.
 *
 * @param     name     name of the state to get
 * @returns   string
 */
function getState(name) {
    return process.env[`STATE_${name}`] || '';
}
function getIDToken(aud) {
    return core_awaiter(this, void 0, void 0, function* () {
        return yield OidcClient.getIDToken(aud);
    });
}
/**
 * Summary exports
 */

/**
 * @deprecated use core.summary
 */

/**
 * Path exports
 */

/**
 * Platform utilities exports
 */

//# sourceMappingURL=core.js.map

/***/ }),

/***/ 683:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

// ESM COMPAT FLAG
__nccwpck_require__.r(__webpack_exports__);

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  exec: () => (/* binding */ exec),
  getExecOutput: () => (/* binding */ getExecOutput)
});

;// CONCATENATED MODULE: external "string_decoder"
const external_string_decoder_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");
// EXTERNAL MODULE: external "os"
var external_os_ = __nccwpck_require__(857);
;// CONCATENATED MODULE: external "events"
const external_events_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");
;// CONCATENATED MODULE: external "child_process"
const external_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");
// EXTERNAL MODULE: external "path"
var external_path_ = __nccwpck_require__(928);
// EXTERNAL MODULE: ./node_modules/@actions/io/lib/io.js + 1 modules
var io = __nccwpck_require__(366);
// EXTERNAL MODULE: ./node_modules/@actions/io/lib/io-util.js
var io_util = __nccwpck_require__(90);
;// CONCATENATED MODULE: external "timers"
const external_timers_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/toolrunner.js
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};







/* eslint-disable @typescript-eslint/unbound-method */
const IS_WINDOWS = process.platform === 'win32';
/*
 * Class for running command line tools. Handles quoting and arg parsing in a platform agnostic way.
 */
class ToolRunner extends external_events_namespaceObject.EventEmitter {
    constructor(toolPath, args, options) {
        super();
        if (!toolPath) {
            throw new Error("Parameter 'toolPath' cannot be null or empty.");
        }
        this.toolPath = toolPath;
        this.args = args || [];
        this.options = options || {};
    }
    _debug(message) {
        if (this.options.listeners && this.options.listeners.debug) {
            this.options.listeners.debug(message);
        }
    }
    _getCommandString(options, noPrefix) {
        const toolPath = this._getSpawnFileName();
        const args = this._getSpawnArgs(options);
        let cmd = noPrefix ? '' : '[command]'; // omit prefix when piped to a second tool
        if (IS_WINDOWS) {
            // Windows + cmd file
            if (this._isCmdFile()) {
                cmd += toolPath;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows + verbatim
            else if (options.windowsVerbatimArguments) {
                cmd += `"${toolPath}"`;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows (regular)
            else {
                cmd += this._windowsQuoteCmdArg(toolPath);
                for (const a of args) {
                    cmd += ` ${this._windowsQuoteCmdArg(a)}`;
                }
            }
        }
        else {
            // OSX/Linux - this can likely be improved with some form of quoting.
            // creating processes on Unix is fundamentally different than Windows.
            // on Unix, execvp() takes an arg array.
            cmd += toolPath;
            for (const a of args) {
                cmd += ` ${a}`;
            }
        }
        return cmd;
    }
    _processLineBuffer(data, strBuffer, onLine) {
        try {
            let s = strBuffer + data.toString();
            let n = s.indexOf(external_os_.EOL);
            while (n > -1) {
                const line = s.substring(0, n);
                onLine(line);
                // the rest of the string ...
                s = s.substring(n + external_os_.EOL.length);
                n = s.indexOf(external_os_.EOL);
            }
            return s;
        }
        catch (err) {
            // streaming lines to console is best effort.  Don't fail a build.
            this._debug(`error processing line. Failed with error ${err}`);
            return '';
        }
    }
    _getSpawnFileName() {
        if (IS_WINDOWS) {
            if (this._isCmdFile()) {
                return process.env['COMSPEC'] || 'cmd.exe';
            }
        }
        return this.toolPath;
    }
    _getSpawnArgs(options) {
        if (IS_WINDOWS) {
            if (this._isCmdFile()) {
                let argline = `/D /S /C "${this._windowsQuoteCmdArg(this.toolPath)}`;
                for (const a of this.args) {
                    argline += ' ';
                    argline += options.windowsVerbatimArguments
                        ? a
                        : this._windowsQuoteCmdArg(a);
                }
                argline += '"';
                return [argline];
            }
        }
        return this.args;
    }
    _endsWith(str, end) {
        return str.endsWith(end);
    }
    _isCmdFile() {
        const upperToolPath = this.toolPath.toUpperCase();
        return (this._endsWith(upperToolPath, '.CMD') ||
            this._endsWith(upperToolPath, '.BAT'));
    }
    _windowsQuoteCmdArg(arg) {
        // for .exe, apply the normal quoting rules that libuv applies
        if (!this._isCmdFile()) {
            return this._uvQuoteCmdArg(arg);
        }
        // otherwise apply quoting rules specific to the cmd.exe command line parser.
        // the libuv rules are generic and are not designed specifically for cmd.exe
        // command line parser.
        //
        // for a detailed description of the cmd.exe command line parser, refer to
        // http://stackoverflow.com/questions/4094699/how-does-the-windows-command-interpreter-cmd-exe-parse-scripts/7970912#7970912
        // need quotes for empty arg
        if (!arg) {
            return '""';
        }
        // determine whether the arg needs to be quoted
        const cmdSpecialChars = [
            ' ',
            '\t',
            '&',
            '(',
            ')',
            '[',
            ']',
            '{',
            '}',
            '^',
            '=',
            ';',
            '!',
            "'",
            '+',
            ',',
            '`',
            '~',
            '|',
            '<',
            '>',
            '"'
        ];
        let needsQuotes = false;
        for (const char of arg) {
            if (cmdSpecialChars.some(x => x === char)) {
                needsQuotes = true;
                break;
            }
        }
        // short-circuit if quotes not needed
        if (!needsQuotes) {
            return arg;
        }
        // the following quoting rules are very similar to the rules that by libuv applies.
        //
        // 1) wrap the string in quotes
        //
        // 2) double-up quotes - i.e. " => ""
        //
        //    this is different from the libuv quoting rules. libuv replaces " with \", which unfortunately
        //    doesn't work well with a cmd.exe command line.
        //
        //    note, replacing " with "" also works well if the arg is passed to a downstream .NET console app.
        //    for example, the command line:
        //          foo.exe "myarg:""my val"""
        //    is parsed by a .NET console app into an arg array:
        //          [ "myarg:\"my val\"" ]
        //    which is the same end result when applying libuv quoting rules. although the actual
        //    command line from libuv quoting rules would look like:
        //          foo.exe "myarg:\"my val\""
        //
        // 3) double-up slashes that precede a quote,
        //    e.g.  hello \world    => "hello \world"
        //          hello\"world    => "hello\\""world"
        //          hello\\"world   => "hello\\\\""world"
        //          hello world\    => "hello world\\"
        //
        //    technically this is not required for a cmd.exe command line, or the batch argument parser.
        //    the reasons for including this as a .cmd quoting rule are:
        //
        //    a) this is optimized for the scenario where the argument is passed from the .cmd file to an
        //       external program. many programs (e.g. .NET console apps) rely on the slash-doubling rule.
        //
        //    b) it's what we've been doing previously (by deferring to node default behavior) and we
        //       haven't heard any complaints about that aspect.
        //
        // note, a weakness of the quoting rules chosen here, is that % is not escaped. in fact, % cannot be
        // escaped when used on the command line directly - even though within a .cmd file % can be escaped
        // by using %%.
        //
        // the saving grace is, on the command line, %var% is left as-is if var is not defined. this contrasts
        // the line parsing rules within a .cmd file, where if var is not defined it is replaced with nothing.
        //
        // one option that was explored was replacing % with ^% - i.e. %var% => ^%var^%. this hack would
        // often work, since it is unlikely that var^ would exist, and the ^ character is removed when the
        // variable is used. the problem, however, is that ^ is not removed when %* is used to pass the args
        // to an external program.
        //
        // an unexplored potential solution for the % escaping problem, is to create a wrapper .cmd file.
        // % can be escaped within a .cmd file.
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\'; // double the slash
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '"'; // double the quote
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _uvQuoteCmdArg(arg) {
        // Tool runner wraps child_process.spawn() and needs to apply the same quoting as
        // Node in certain cases where the undocumented spawn option windowsVerbatimArguments
        // is used.
        //
        // Since this function is a port of quote_cmd_arg from Node 4.x (technically, lib UV,
        // see https://github.com/nodejs/node/blob/v4.x/deps/uv/src/win/process.c for details),
        // pasting copyright notice from Node within this function:
        //
        //      Copyright Joyent, Inc. and other Node contributors. All rights reserved.
        //
        //      Permission is hereby granted, free of charge, to any person obtaining a copy
        //      of this software and associated documentation files (the "Software"), to
        //      deal in the Software without restriction, including without limitation the
        //      rights to use, copy, modify, merge, publish, distribute, sublicense, and/or
        //      sell copies of the Software, and to permit persons to whom the Software is
        //      furnished to do so, subject to the following conditions:
        //
        //      The above copyright notice and this permission notice shall be included in
        //      all copies or substantial portions of the Software.
        //
        //      THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
        //      IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
        //      FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
        //      AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
        //      LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
        //      FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS
        //      IN THE SOFTWARE.
        if (!arg) {
            // Need double quotation for empty argument
            return '""';
        }
        if (!arg.includes(' ') && !arg.includes('\t') && !arg.includes('"')) {
            // No quotation needed
            return arg;
        }
        if (!arg.includes('"') && !arg.includes('\\')) {
            // No embedded double quotes or backslashes, so I can just wrap
            // quote marks around the whole thing.
            return `"${arg}"`;
        }
        // Expected input/output:
        //   input : hello"world
        //   output: "hello\"world"
        //   input : hello""world
        //   output: "hello\"\"world"
        //   input : hello\world
        //   output: hello\world
        //   input : hello\\world
        //   output: hello\\world
        //   input : hello\"world
        //   output: "hello\\\"world"
        //   input : hello\\"world
        //   output: "hello\\\\\"world"
        //   input : hello world\
        //   output: "hello world\\" - note the comment in libuv actually reads "hello world\"
        //                             but it appears the comment is wrong, it should be "hello world\\"
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\';
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '\\';
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _cloneExecOptions(options) {
        options = options || {};
        const result = {
            cwd: options.cwd || process.cwd(),
            env: options.env || process.env,
            silent: options.silent || false,
            windowsVerbatimArguments: options.windowsVerbatimArguments || false,
            failOnStdErr: options.failOnStdErr || false,
            ignoreReturnCode: options.ignoreReturnCode || false,
            delay: options.delay || 10000
        };
        result.outStream = options.outStream || process.stdout;
        result.errStream = options.errStream || process.stderr;
        return result;
    }
    _getSpawnOptions(options, toolPath) {
        options = options || {};
        const result = {};
        result.cwd = options.cwd;
        result.env = options.env;
        result['windowsVerbatimArguments'] =
            options.windowsVerbatimArguments || this._isCmdFile();
        if (options.windowsVerbatimArguments) {
            result.argv0 = `"${toolPath}"`;
        }
        return result;
    }
    /**
     * Exec a tool.
     * Output will be streamed to the live console.
     * Returns promise with return code
     *
     * @param     tool     path to tool to exec
     * @param     options  optional exec options.  See ExecOptions
     * @returns   number
     */
    exec() {
        return __awaiter(this, void 0, void 0, function* () {
            // root the tool path if it is unrooted and contains relative pathing
            if (!io_util/* isRooted */.Qh(this.toolPath) &&
                (this.toolPath.includes('/') ||
                    (IS_WINDOWS && this.toolPath.includes('\\')))) {
                // prefer options.cwd if it is specified, however options.cwd may also need to be rooted
                this.toolPath = external_path_.resolve(process.cwd(), this.options.cwd || process.cwd(), this.toolPath);
            }
            // if the tool is only a file name, then resolve it from the PATH
            // otherwise verify it exists (add extension on Windows if necessary)
            this.toolPath = yield io.which(this.toolPath, true);
            return new Promise((resolve, reject) => __awaiter(this, void 0, void 0, function* () {
                this._debug(`exec tool: ${this.toolPath}`);
                this._debug('arguments:');
                for (const arg of this.args) {
                    this._debug(`   ${arg}`);
                }
                const optionsNonNull = this._cloneExecOptions(this.options);
                if (!optionsNonNull.silent && optionsNonNull.outStream) {
                    optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + external_os_.EOL);
                }
                const state = new ExecState(optionsNonNull, this.toolPath);
                state.on('debug', (message) => {
                    this._debug(message);
                });
                if (this.options.cwd && !(yield io_util/* exists */.t2(this.options.cwd))) {
                    return reject(new Error(`The cwd: ${this.options.cwd} does not exist!`));
                }
                const fileName = this._getSpawnFileName();
                const cp = external_child_process_namespaceObject.spawn(fileName, this._getSpawnArgs(optionsNonNull), this._getSpawnOptions(this.options, fileName));
                let stdbuffer = '';
                if (cp.stdout) {
                    cp.stdout.on('data', (data) => {
                        if (this.options.listeners && this.options.listeners.stdout) {
                            this.options.listeners.stdout(data);
                        }
                        if (!optionsNonNull.silent && optionsNonNull.outStream) {
                            optionsNonNull.outStream.write(data);
                        }
                        stdbuffer = this._processLineBuffer(data, stdbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.stdline) {
                                this.options.listeners.stdline(line);
                            }
                        });
                    });
                }
                let errbuffer = '';
                if (cp.stderr) {
                    cp.stderr.on('data', (data) => {
                        state.processStderr = true;
                        if (this.options.listeners && this.options.listeners.stderr) {
                            this.options.listeners.stderr(data);
                        }
                        if (!optionsNonNull.silent &&
                            optionsNonNull.errStream &&
                            optionsNonNull.outStream) {
                            const s = optionsNonNull.failOnStdErr
                                ? optionsNonNull.errStream
                                : optionsNonNull.outStream;
                            s.write(data);
                        }
                        errbuffer = this._processLineBuffer(data, errbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.errline) {
                                this.options.listeners.errline(line);
                            }
                        });
                    });
                }
                cp.on('error', (err) => {
                    state.processError = err.message;
                    state.processExited = true;
                    state.processClosed = true;
                    state.CheckComplete();
                });
                cp.on('exit', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    this._debug(`Exit code ${code} received from tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                cp.on('close', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    state.processClosed = true;
                    this._debug(`STDIO streams have closed for tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                state.on('done', (error, exitCode) => {
                    if (stdbuffer.length > 0) {
                        this.emit('stdline', stdbuffer);
                    }
                    if (errbuffer.length > 0) {
                        this.emit('errline', errbuffer);
                    }
                    cp.removeAllListeners();
                    if (error) {
                        reject(error);
                    }
                    else {
                        resolve(exitCode);
                    }
                });
                if (this.options.input) {
                    if (!cp.stdin) {
                        throw new Error('child process missing stdin');
                    }
                    cp.stdin.end(this.options.input);
                }
            }));
        });
    }
}
/**
 * Convert an arg string to an array of args. Handles escaping
 *
 * @param    argString   string of arguments
 * @returns  string[]    array of arguments
 */
function argStringToArray(argString) {
    const args = [];
    let inQuotes = false;
    let escaped = false;
    let arg = '';
    function append(c) {
        // we only escape double quotes.
        if (escaped && c !== '"') {
            arg += '\\';
        }
        arg += c;
        escaped = false;
    }
    for (let i = 0; i < argString.length; i++) {
        const c = argString.charAt(i);
        if (c === '"') {
            if (!escaped) {
                inQuotes = !inQuotes;
            }
            else {
                append(c);
            }
            continue;
        }
        if (c === '\\' && escaped) {
            append(c);
            continue;
        }
        if (c === '\\' && inQuotes) {
            escaped = true;
            continue;
        }
        if (c === ' ' && !inQuotes) {
            if (arg.length > 0) {
                args.push(arg);
                arg = '';
            }
            continue;
        }
        append(c);
    }
    if (arg.length > 0) {
        args.push(arg.trim());
    }
    return args;
}
class ExecState extends external_events_namespaceObject.EventEmitter {
    constructor(options, toolPath) {
        super();
        this.processClosed = false; // tracks whether the process has exited and stdio is closed
        this.processError = '';
        this.processExitCode = 0;
        this.processExited = false; // tracks whether the process has exited
        this.processStderr = false; // tracks whether stderr was written to
        this.delay = 10000; // 10 seconds
        this.done = false;
        this.timeout = null;
        if (!toolPath) {
            throw new Error('toolPath must not be empty');
        }
        this.options = options;
        this.toolPath = toolPath;
        if (options.delay) {
            this.delay = options.delay;
        }
    }
    CheckComplete() {
        if (this.done) {
            return;
        }
        if (this.processClosed) {
            this._setResult();
        }
        else if (this.processExited) {
            this.timeout = (0,external_timers_namespaceObject.setTimeout)(ExecState.HandleTimeout, this.delay, this);
        }
    }
    _debug(message) {
        this.emit('debug', message);
    }
    _setResult() {
        // determine whether there is an error
        let error;
        if (this.processExited) {
            if (this.processError) {
                error = new Error(`There was an error when attempting to execute the process '${this.toolPath}'. This may indicate the process failed to start. Error: ${this.processError}`);
            }
            else if (this.processExitCode !== 0 && !this.options.ignoreReturnCode) {
                error = new Error(`The process '${this.toolPath}' failed with exit code ${this.processExitCode}`);
            }
            else if (this.processStderr && this.options.failOnStdErr) {
                error = new Error(`The process '${this.toolPath}' failed because one or more lines were written to the STDERR stream`);
            }
        }
        // clear the timeout
        if (this.timeout) {
            clearTimeout(this.timeout);
            this.timeout = null;
        }
        this.done = true;
        this.emit('done', error, this.processExitCode);
    }
    static HandleTimeout(state) {
        if (state.done) {
            return;
        }
        if (!state.processClosed && state.processExited) {
            const message = `The STDIO streams did not close within ${state.delay / 1000} seconds of the exit event from process '${state.toolPath}'. This may indicate a child process inherited the STDIO streams and has not yet exited.`;
            state._debug(message);
        }
        state._setResult();
    }
}
//# sourceMappingURL=toolrunner.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/exec.js
var exec_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


/**
 * Exec a command.
 * Output will be streamed to the live console.
 * Returns promise with return code
 *
 * @param     commandLine        command to execute (can include additional args). Must be correctly escaped.
 * @param     args               optional arguments for tool. Escaping is handled by the lib.
 * @param     options            optional exec options.  See ExecOptions
 * @returns   Promise<number>    exit code
 */
function exec(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        const commandArgs = argStringToArray(commandLine);
        if (commandArgs.length === 0) {
            throw new Error(`Parameter 'commandLine' cannot be null or empty.`);
        }
        // Path to tool to execute should be first arg
        const toolPath = commandArgs[0];
        args = commandArgs.slice(1).concat(args || []);
        const runner = new ToolRunner(toolPath, args, options);
        return runner.exec();
    });
}
/**
 * Exec a command and get the output.
 * Output will be streamed to the live console.
 * Returns promise with the exit code and collected stdout and stderr
 *
 * @param     commandLine           command to execute (can include additional args). Must be correctly escaped.
 * @param     args                  optional arguments for tool. Escaping is handled by the lib.
 * @param     options               optional exec options.  See ExecOptions
 * @returns   Promise<ExecOutput>   exit code, stdout, and stderr
 */
function getExecOutput(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        var _a, _b;
        let stdout = '';
        let stderr = '';
        //Using string decoder covers the case where a mult-byte character is split
        const stdoutDecoder = new external_string_decoder_namespaceObject.StringDecoder('utf8');
        const stderrDecoder = new external_string_decoder_namespaceObject.StringDecoder('utf8');
        const originalStdoutListener = (_a = options === null || options === void 0 ? void 0 : options.listeners) === null || _a === void 0 ? void 0 : _a.stdout;
        const originalStdErrListener = (_b = options === null || options === void 0 ? void 0 : options.listeners) === null || _b === void 0 ? void 0 : _b.stderr;
        const stdErrListener = (data) => {
            stderr += stderrDecoder.write(data);
            if (originalStdErrListener) {
                originalStdErrListener(data);
            }
        };
        const stdOutListener = (data) => {
            stdout += stdoutDecoder.write(data);
            if (originalStdoutListener) {
                originalStdoutListener(data);
            }
        };
        const listeners = Object.assign(Object.assign({}, options === null || options === void 0 ? void 0 : options.listeners), { stdout: stdOutListener, stderr: stdErrListener });
        const exitCode = yield exec(commandLine, args, Object.assign(Object.assign({}, options), { listeners }));
        //flush any remaining characters
        stdout += stdoutDecoder.end();
        stderr += stderrDecoder.end();
        return {
            exitCode,
            stdout,
            stderr
        };
    });
}
//# sourceMappingURL=exec.js.map

/***/ }),

/***/ 90:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $1: () => (/* binding */ lstat),
/* harmony export */   $w: () => (/* binding */ rename),
/* harmony export */   Ck: () => (/* binding */ mkdir),
/* harmony export */   Cy: () => (/* binding */ readdir),
/* harmony export */   H8: () => (/* binding */ IS_WINDOWS),
/* harmony export */   Qh: () => (/* binding */ isRooted),
/* harmony export */   YN: () => (/* binding */ symlink),
/* harmony export */   dJ: () => (/* binding */ stat),
/* harmony export */   h_: () => (/* binding */ readlink),
/* harmony export */   k6: () => (/* binding */ chmod),
/* harmony export */   m3: () => (/* binding */ copyFile),
/* harmony export */   rm: () => (/* binding */ rm),
/* harmony export */   t2: () => (/* binding */ exists),
/* harmony export */   vr: () => (/* binding */ tryGetExecutablePath),
/* harmony export */   wd: () => (/* binding */ isDirectory),
/* harmony export */   y1: () => (/* binding */ unlink)
/* harmony export */ });
/* unused harmony exports open, rmdir, UV_FS_O_EXLOCK, READONLY, getCmdPath */
/* harmony import */ var fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(896);
/* harmony import */ var path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(928);
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { chmod, copyFile, lstat, mkdir, open, readdir, rename, rm, rmdir, stat, symlink, unlink } = fs__WEBPACK_IMPORTED_MODULE_0__.promises;
// export const {open} = 'fs'
const IS_WINDOWS = process.platform === 'win32';
/**
 * Custom implementation of readlink to ensure Windows junctions
 * maintain trailing backslash for backward compatibility with Node.js < 24
 *
 * In Node.js 20, Windows junctions (directory symlinks) always returned paths
 * with trailing backslashes. Node.js 24 removed this behavior, which breaks
 * code that relied on this format for path operations.
 *
 * This implementation restores the Node 20 behavior by adding a trailing
 * backslash to all junction results on Windows.
 */
function readlink(fsPath) {
    return __awaiter(this, void 0, void 0, function* () {
        const result = yield fs__WEBPACK_IMPORTED_MODULE_0__.promises.readlink(fsPath);
        // On Windows, restore Node 20 behavior: add trailing backslash to all results
        // since junctions on Windows are always directory links
        if (IS_WINDOWS && !result.endsWith('\\')) {
            return `${result}\\`;
        }
        return result;
    });
}
// See https://github.com/nodejs/node/blob/d0153aee367422d0858105abec186da4dff0a0c5/deps/uv/include/uv/win.h#L691
const UV_FS_O_EXLOCK = 0x10000000;
const READONLY = fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY;
function exists(fsPath) {
    return __awaiter(this, void 0, void 0, function* () {
        try {
            yield stat(fsPath);
        }
        catch (err) {
            if (err.code === 'ENOENT') {
                return false;
            }
            throw err;
        }
        return true;
    });
}
function isDirectory(fsPath_1) {
    return __awaiter(this, arguments, void 0, function* (fsPath, useStat = false) {
        const stats = useStat ? yield stat(fsPath) : yield lstat(fsPath);
        return stats.isDirectory();
    });
}
/**
 * On OSX/Linux, true if path starts with '/'. On Windows, true for paths like:
 * \, \hello, \\hello\share, C:, and C:\hello (and corresponding alternate separator cases).
 */
function isRooted(p) {
    p = normalizeSeparators(p);
    if (!p) {
        throw new Error('isRooted() parameter "p" cannot be empty');
    }
    if (IS_WINDOWS) {
        return (p.startsWith('\\') || /^[A-Z]:/i.test(p) // e.g. \ or \hello or \\hello
        ); // e.g. C: or C:\hello
    }
    return p.startsWith('/');
}
/**
 * Best effort attempt to determine whether a file exists and is executable.
 * @param filePath    file path to check
 * @param extensions  additional file extensions to try
 * @return if file exists and is executable, returns the file path. otherwise empty string.
 */
function tryGetExecutablePath(filePath, extensions) {
    return __awaiter(this, void 0, void 0, function* () {
        let stats = undefined;
        try {
            // test file exists
            stats = yield stat(filePath);
        }
        catch (err) {
            if (err.code !== 'ENOENT') {
                // eslint-disable-next-line no-console
                console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
            }
        }
        if (stats && stats.isFile()) {
            if (IS_WINDOWS) {
                // on Windows, test for valid extension
                const upperExt = path__WEBPACK_IMPORTED_MODULE_1__.extname(filePath).toUpperCase();
                if (extensions.some(validExt => validExt.toUpperCase() === upperExt)) {
                    return filePath;
                }
            }
            else {
                if (isUnixExecutable(stats)) {
                    return filePath;
                }
            }
        }
        // try each extension
        const originalFilePath = filePath;
        for (const extension of extensions) {
            filePath = originalFilePath + extension;
            stats = undefined;
            try {
                stats = yield stat(filePath);
            }
            catch (err) {
                if (err.code !== 'ENOENT') {
                    // eslint-disable-next-line no-console
                    console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
                }
            }
            if (stats && stats.isFile()) {
                if (IS_WINDOWS) {
                    // preserve the case of the actual file (since an extension was appended)
                    try {
                        const directory = path__WEBPACK_IMPORTED_MODULE_1__.dirname(filePath);
                        const upperName = path__WEBPACK_IMPORTED_MODULE_1__.basename(filePath).toUpperCase();
                        for (const actualName of yield readdir(directory)) {
                            if (upperName === actualName.toUpperCase()) {
                                filePath = path__WEBPACK_IMPORTED_MODULE_1__.join(directory, actualName);
                                break;
                            }
                        }
                    }
                    catch (err) {
                        // eslint-disable-next-line no-console
                        console.log(`Unexpected error attempting to determine the actual case of the file '${filePath}': ${err}`);
                    }
                    return filePath;
                }
                else {
                    if (isUnixExecutable(stats)) {
                        return filePath;
                    }
                }
            }
        }
        return '';
    });
}
function normalizeSeparators(p) {
    p = p || '';
    if (IS_WINDOWS) {
        // convert slashes on Windows
        p = p.replace(/\//g, '\\');
        // remove redundant slashes
        return p.replace(/\\\\+/g, '\\');
    }
    // remove redundant slashes
    return p.replace(/\/\/+/g, '/');
}
// on Mac/Linux, test the execute bit
//     R   W  X  R  W X R W X
//   256 128 64 32 16 8 4 2 1
function isUnixExecutable(stats) {
    return ((stats.mode & 1) > 0 ||
        ((stats.mode & 8) > 0 &&
            process.getgid !== undefined &&
            stats.gid === process.getgid()) ||
        ((stats.mode & 64) > 0 &&
            process.getuid !== undefined &&
            stats.uid === process.getuid()));
}
// Get the path of cmd.exe in windows
function getCmdPath() {
    var _a;
    return (_a = process.env['COMSPEC']) !== null && _a !== void 0 ? _a : `cmd.exe`;
}
//# sourceMappingURL=io-util.js.map

/***/ }),

/***/ 366:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

// ESM COMPAT FLAG
__nccwpck_require__.r(__webpack_exports__);

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  cp: () => (/* binding */ cp),
  findInPath: () => (/* binding */ findInPath),
  mkdirP: () => (/* binding */ mkdirP),
  mv: () => (/* binding */ mv),
  rmRF: () => (/* binding */ rmRF),
  which: () => (/* binding */ which)
});

;// CONCATENATED MODULE: external "assert"
const external_assert_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");
// EXTERNAL MODULE: external "path"
var external_path_ = __nccwpck_require__(928);
// EXTERNAL MODULE: ./node_modules/@actions/io/lib/io-util.js
var io_util = __nccwpck_require__(90);
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io.js
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



/**
 * Copies a file or folder.
 * Based off of shelljs - https://github.com/shelljs/shelljs/blob/9237f66c52e5daa40458f94f9565e18e8132f5a6/src/cp.js
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See CopyOptions.
 */
function cp(source_1, dest_1) {
    return __awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        const { force, recursive, copySourceDirectory } = readCopyOptions(options);
        const destStat = (yield io_util/* exists */.t2(dest)) ? yield io_util/* stat */.dJ(dest) : null;
        // Dest is an existing file, but not forcing
        if (destStat && destStat.isFile() && !force) {
            return;
        }
        // If dest is an existing directory, should copy inside.
        const newDest = destStat && destStat.isDirectory() && copySourceDirectory
            ? external_path_.join(dest, external_path_.basename(source))
            : dest;
        if (!(yield io_util/* exists */.t2(source))) {
            throw new Error(`no such file or directory: ${source}`);
        }
        const sourceStat = yield io_util/* stat */.dJ(source);
        if (sourceStat.isDirectory()) {
            if (!recursive) {
                throw new Error(`Failed to copy. ${source} is a directory, but tried to copy without recursive flag.`);
            }
            else {
                yield cpDirRecursive(source, newDest, 0, force);
            }
        }
        else {
            if (external_path_.relative(source, newDest) === '') {
                // a file cannot be copied to itself
                throw new Error(`'${newDest}' and '${source}' are the same file`);
            }
            yield copyFile(source, newDest, force);
        }
    });
}
/**
 * Moves a path.
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See MoveOptions.
 */
function mv(source_1, dest_1) {
    return __awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        if (yield io_util/* exists */.t2(dest)) {
            let destExists = true;
            if (yield io_util/* isDirectory */.wd(dest)) {
                // If dest is directory copy src into dest
                dest = external_path_.join(dest, external_path_.basename(source));
                destExists = yield io_util/* exists */.t2(dest);
            }
            if (destExists) {
                if (options.force == null || options.force) {
                    yield rmRF(dest);
                }
                else {
                    throw new Error('Destination already exists');
                }
            }
        }
        yield mkdirP(external_path_.dirname(dest));
        yield io_util/* rename */.$w(source, dest);
    });
}
/**
 * Remove a path recursively with force
 *
 * @param inputPath path to remove
 */
function rmRF(inputPath) {
    return __awaiter(this, void 0, void 0, function* () {
        if (io_util/* IS_WINDOWS */.H8) {
            // Check for invalid characters
            // https://docs.microsoft.com/en-us/windows/win32/fileio/naming-a-file
            if (/[*"<>|]/.test(inputPath)) {
                throw new Error('File path must not contain `*`, `"`, `<`, `>` or `|` on Windows');
            }
        }
        try {
            // note if path does not exist, error is silent
            yield io_util.rm(inputPath, {
                force: true,
                maxRetries: 3,
                recursive: true,
                retryDelay: 300
            });
        }
        catch (err) {
            throw new Error(`File was unable to be removed ${err}`);
        }
    });
}
/**
 * Make a directory.  Creates the full path with folders in between
 * Will throw if it fails
 *
 * @param   fsPath        path to create
 * @returns Promise<void>
 */
function mkdirP(fsPath) {
    return __awaiter(this, void 0, void 0, function* () {
        (0,external_assert_namespaceObject.ok)(fsPath, 'a path argument must be provided');
        yield io_util/* mkdir */.Ck(fsPath, { recursive: true });
    });
}
/**
 * Returns path of a tool had the tool actually been invoked.  Resolves via paths.
 * If you check and the tool does not exist, it will throw.
 *
 * @param     tool              name of the tool
 * @param     check             whether to check if tool exists
 * @returns   Promise<string>   path to tool
 */
function which(tool, check) {
    return __awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // recursive when check=true
        if (check) {
            const result = yield which(tool, false);
            if (!result) {
                if (io_util/* IS_WINDOWS */.H8) {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also verify the file has a valid extension for an executable file.`);
                }
                else {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also check the file mode to verify the file is executable.`);
                }
            }
            return result;
        }
        const matches = yield findInPath(tool);
        if (matches && matches.length > 0) {
            return matches[0];
        }
        return '';
    });
}
/**
 * Returns a list of all occurrences of the given tool on the system path.
 *
 * @returns   Promise<string[]>  the paths of the tool
 */
function findInPath(tool) {
    return __awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // build the list of extensions to try
        const extensions = [];
        if (io_util/* IS_WINDOWS */.H8 && process.env['PATHEXT']) {
            for (const extension of process.env['PATHEXT'].split(external_path_.delimiter)) {
                if (extension) {
                    extensions.push(extension);
                }
            }
        }
        // if it's rooted, return it if exists. otherwise return empty.
        if (io_util/* isRooted */.Qh(tool)) {
            const filePath = yield io_util/* tryGetExecutablePath */.vr(tool, extensions);
            if (filePath) {
                return [filePath];
            }
            return [];
        }
        // if any path separators, return empty
        if (tool.includes(external_path_.sep)) {
            return [];
        }
        // build the list of directories
        //
        // Note, technically "where" checks the current directory on Windows. From a toolkit perspective,
        // it feels like we should not do this. Checking the current directory seems like more of a use
        // case of a shell, and the which() function exposed by the toolkit should strive for consistency
        // across platforms.
        const directories = [];
        if (process.env.PATH) {
            for (const p of process.env.PATH.split(external_path_.delimiter)) {
                if (p) {
                    directories.push(p);
                }
            }
        }
        // find all matches
        const matches = [];
        for (const directory of directories) {
            const filePath = yield io_util/* tryGetExecutablePath */.vr(external_path_.join(directory, tool), extensions);
            if (filePath) {
                matches.push(filePath);
            }
        }
        return matches;
    });
}
function readCopyOptions(options) {
    const force = options.force == null ? true : options.force;
    const recursive = Boolean(options.recursive);
    const copySourceDirectory = options.copySourceDirectory == null
        ? true
        : Boolean(options.copySourceDirectory);
    return { force, recursive, copySourceDirectory };
}
function cpDirRecursive(sourceDir, destDir, currentDepth, force) {
    return __awaiter(this, void 0, void 0, function* () {
        // Ensure there is not a run away recursive copy
        if (currentDepth >= 255)
            return;
        currentDepth++;
        yield mkdirP(destDir);
        const files = yield io_util/* readdir */.Cy(sourceDir);
        for (const fileName of files) {
            const srcFile = `${sourceDir}/${fileName}`;
            const destFile = `${destDir}/${fileName}`;
            const srcFileStat = yield io_util/* lstat */.$1(srcFile);
            if (srcFileStat.isDirectory()) {
                // Recurse
                yield cpDirRecursive(srcFile, destFile, currentDepth, force);
            }
            else {
                yield copyFile(srcFile, destFile, force);
            }
        }
        // Change the mode for the newly created directory
        yield io_util/* chmod */.k6(destDir, (yield io_util/* stat */.dJ(sourceDir)).mode);
    });
}
// Buffered file copy
function copyFile(srcFile, destFile, force) {
    return __awaiter(this, void 0, void 0, function* () {
        if ((yield io_util/* lstat */.$1(srcFile)).isSymbolicLink()) {
            // unlink/re-link it
            try {
                yield io_util/* lstat */.$1(destFile);
                yield io_util/* unlink */.y1(destFile);
            }
            catch (e) {
                // Try to override file permission
                if (e.code === 'EPERM') {
                    yield io_util/* chmod */.k6(destFile, '0666');
                    yield io_util/* unlink */.y1(destFile);
                }
                // other errors = it doesn't exist, no work to do
            }
            // Copy over symlink
            const symlinkFull = yield io_util/* readlink */.h_(srcFile);
            yield io_util/* symlink */.YN(symlinkFull, destFile, io_util/* IS_WINDOWS */.H8 ? 'junction' : null);
        }
        else if (!(yield io_util/* exists */.t2(destFile)) || force) {
            yield io_util/* copyFile */.m3(srcFile, destFile);
        }
    });
}
//# sourceMappingURL=io.js.map

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
/******/ var __webpack_exports__ = __nccwpck_require__(718);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ var __webpack_exports__cleanup = __webpack_exports__.t;
/******/ export { __webpack_exports__cleanup as cleanup };
/******/ 
