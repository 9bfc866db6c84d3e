#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 486:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(24);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_url__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _run_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(936);
/** krun-run's entry point (dist/cli/index.js). */




const distDir = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname((0,node_url__WEBPACK_IMPORTED_MODULE_2__.fileURLToPath)(import.meta.url)), '..');
process.exitCode = await (0,_run_js__WEBPACK_IMPORTED_MODULE_3__/* .runCli */ .a)({
    argv: process.argv.slice(2),
    env: process.env,
    cwd: process.cwd(),
    stdinIsTerminal: process.stdin.isTTY === true,
    readStdin: () => node_fs__WEBPACK_IMPORTED_MODULE_0___default().readFileSync(0),
    writeOut: (text) => process.stdout.write(text),
    writeErr: (text) => process.stderr.write(text)
}, distDir);

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 936:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  a: () => (/* binding */ runCli)
});

// UNUSED EXPORTS: CLI_ERROR_EXIT

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
const GUEST = {
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
const GUEST_MOUNT_POINTS = [GUEST.lower, GUEST.middle, GUEST.rw, GUEST.root];
/** The virtio-fs tags: the image's root (the overlay's lower), the workspace, the file commands. */
const BASE_TAG = 'krun-base';
const WORKSPACE_TAG = 'krun-workspace';
const FILE_COMMAND_TAG = 'krun-files';
/** Where the guest sees the file-command share (GITHUB_OUTPUT and friends). */
const FILE_COMMAND_GUEST_DIR = `${GUEST_RUN_DIR}/files`;
/** The guest's PATH when the user sets none: also the init's search path for the workload. */
const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const DEFAULT_HOME = '/root';
/** The guest PATH: the user's, or the usual one. */
function guestPath(env) {
    const own = env.filter(([name]) => name === 'PATH').at(-1);
    return own ? own[1] : DEFAULT_PATH;
}
/** The status record's exact size: one word and a number, padded with spaces, then a newline. */
const STATUS_BYTES = 32;
/** The status record's words: the workload runs, or ended with an exit code or a signal. */
const STATUS_RUNNING = 'running';
const STATUS_EXITED = 'exited';
const STATUS_KILLED = 'killed';
/** The plan's directives, one per line with tab-separated fields (native/README.md has their fields). */
const PLAN = {
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
const SHARE_VIRTIOFS = 'virtiofs';
const SHARE_RW = 'rw';
const SHARE_RO = 'ro';
/** The guest paths the init opens: absolute, since the init runs with the private root as `/`. */
const inRoot = (relative) => `/${relative}`;
/**
 * What native/init/guest-protocol.h defines, by C macro name. Strings become C string
 * literals, numbers C integers.
 */
const INIT_FACTS = {
    KRUN_DIR: inRoot(GUEST.records),
    PLAN_FILE: inRoot(GUEST.plan),
    ENV_FILE: inRoot(GUEST.env),
    SCRIPT_FILE: inRoot(GUEST.script),
    STARTED_FILE: inRoot(GUEST.started),
    STATUS_FILE: inRoot(GUEST.status),
    INIT_ERROR_FILE: inRoot(GUEST.initError),
    LOWER_DIR: inRoot(GUEST.lower),
    MIDDLE_DIR: inRoot(GUEST.middle),
    RW_DIR: inRoot(GUEST.rw),
    ROOT_DIR: inRoot(GUEST.root),
    DEFAULT_PATH,
    STATUS_SIZE: STATUS_BYTES,
    STATUS_RUNNING,
    STATUS_EXITED,
    STATUS_KILLED,
    PLAN_LOWER: PLAN.lower,
    PLAN_SHARE: PLAN.share,
    PLAN_WORKDIR: PLAN.workdir,
    PLAN_SCRIPT: PLAN.script,
    PLAN_ARG: PLAN.arg,
    PLAN_USER: PLAN.user,
    PLAN_UPPER: PLAN.upper,
    PLAN_MIDDLE: PLAN.middle,
    SHARE_VIRTIOFS,
    SHARE_RW,
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
class TamperedError extends Error {
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
        dir = external_node_path_default().join(dir, part);
        let stat;
        try {
            stat = external_node_fs_default().lstatSync(dir);
        }
        catch (error) {
            if ((0,errors/* errorCode */.CA)(error) === 'ENOENT')
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
    const file = external_node_path_default().join(baseDir, relativePath);
    let fd;
    try {
        if (!external_node_fs_default().lstatSync(file).isFile())
            throw new TamperedError(relativePath);
        fd = external_node_fs_default().openSync(file, OPEN_FLAGS);
    }
    catch (error) {
        if ((0,errors/* errorCode */.CA)(error) === 'ENOENT')
            return undefined;
        throw new TamperedError(relativePath);
    }
    try {
        if (!external_node_fs_default().fstatSync(fd).isFile())
            throw new TamperedError(relativePath);
        const buffer = Buffer.alloc(maxBytes + 1);
        let length = 0;
        while (length < buffer.length) {
            const read = external_node_fs_default().readSync(fd, buffer, length, buffer.length - length, null);
            if (read === 0)
                break;
            length += read;
        }
        if (length > maxBytes)
            throw new TamperedError(relativePath);
        return buffer.subarray(0, length);
    }
    finally {
        external_node_fs_default().closeSync(fd);
    }
}
/** Whether a path the guest could have made exists, without following a link at its end. */
function untrustedPathExists(baseDir, relativePath) {
    try {
        if (!checkDirectories(baseDir, relativePath))
            return false;
        external_node_fs_default().lstatSync(external_node_path_default().join(baseDir, relativePath));
        return true;
    }
    catch (error) {
        if (error instanceof TamperedError)
            throw error;
        return false;
    }
}

// EXTERNAL MODULE: ./src/text/visible.ts
var visible = __nccwpck_require__(573);
;// CONCATENATED MODULE: ./src/engine/errors.ts
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
    return `"${(0,visible/* visibleExcerpt */.k)(value, max)}"`;
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
    return (0,visible/* visible */.R)(failureText(error, nameInput));
}
function failureText(error, nameInput) {
    if (error instanceof InputError)
        return `${nameInput(error.input)}: ${error.problem}`;
    if (error instanceof HostError)
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
const SCRIPT_PLACEHOLDER = '{0}';
const NAMED_SHELLS = {
    sh: 'sh -e {0}',
    bash: 'bash --noprofile --norc -eo pipefail {0}'
};
function wholeNumber(input, raw, min, max, unit = '', why = '') {
    const text = raw.trim();
    const expected = `expected a whole number${unit} from ${min} to ${max}${why}`;
    if (!/^[0-9]+$/.test(text)) {
        throw new InputError(input, `${showValue(raw)} is not a whole number; ${expected}`);
    }
    const value = Number(text);
    if (value < min || value > max) {
        throw new InputError(input, `${showValue(raw)} is out of range; ${expected}`);
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
    throw new InputError('log-level', `${showValue(raw)} is not a log level; expected one of ${LOG_LEVELS.join(', ')}`);
}
/** `true` or `false`, as action.yml booleans are written. */
function parseBoolean(input, raw) {
    const text = raw.trim().toLowerCase();
    if (text === 'true')
        return true;
    if (text === 'false' || text === '')
        return false;
    throw new InputError(input, `${showValue(raw)} is not a boolean; expected true or false`);
}
/** Returns the shell's argv, with SCRIPT_PLACEHOLDER standing for the script's path. */
function parseShell(raw) {
    const text = raw.trim() === '' ? 'sh' : raw.trim();
    const template = NAMED_SHELLS[text] ?? text;
    if (!template.includes(SCRIPT_PLACEHOLDER)) {
        throw new InputError('shell', `${showValue(raw)} is neither a known shell nor a template; expected sh, bash, or a command containing {0} (e.g. "bash -x {0}")`);
    }
    return template.split(/\s+/).filter((word) => word !== '');
}
/**
 * The script as bytes: a YAML input arrives as UTF-8 text, a CLI file or stdin as whatever
 * bytes it holds, and either reaches the guest unchanged.
 */
function parseCommandBytes(bytes) {
    if (bytes.every((byte) => byte === 0x20 || (byte >= 0x09 && byte <= 0x0d))) {
        throw new InputError('commands', 'is empty; give at least one shell command to run in the microVM');
    }
    const nul = bytes.indexOf(0);
    if (nul >= 0) {
        const line = bytes.subarray(0, nul).filter((byte) => byte === 0x0a).length + 1;
        throw new InputError('commands', `line ${line} contains a NUL byte; remove it (a shell script cannot hold NUL bytes)`);
    }
    return bytes;
}
function parseCommands(raw) {
    return parseCommandBytes(Buffer.from(raw, 'utf8'));
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
        throw new InputError('timeout', `${showValue(raw)} is not a duration; expected a positive whole number of seconds, or one followed by s, m or h (e.g. 90, 90s, 10m, 1h), at most a week`);
    }
    return seconds;
}
/** How a duration in seconds is written back to the user ("10m", "90s"). */
function formatDuration(seconds) {
    if (seconds % 3600 === 0)
        return `${seconds / 3600}h`;
    if (seconds % 60 === 0)
        return `${seconds / 60}m`;
    return `${seconds}s`;
}
/** A variable name, as the guest's environment and the runner's GITHUB_ENV take it. */
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/**
 * Refuses a name that is not a variable name without quoting it: an env line that went
 * wrong can hold part of a secret, and the runner masks only whole secret values.
 */
function checkEnvName(name, where) {
    if (!ENV_NAME.test(name)) {
        throw new InputError('env', `${where}the name is not a valid variable name; expected KEY=VALUE with a KEY of letters, digits and _, not starting with a digit`);
    }
}
function checkEnvValue(name, value) {
    if (value.includes('\0')) {
        throw new InputError('env', `the value of ${name} contains a NUL byte; environment values cannot hold NUL bytes`);
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
                throw new InputError('env', `line ${lineNumber}: the multi-line value of ${name} is never closed; end it with a line holding only the delimiter given after <<`);
            }
            value = lines.slice(i + 1, end).join('\n');
            i = end;
        }
        else if (equals < 0) {
            throw new InputError('env', `line ${lineNumber} has no "="; expected KEY=VALUE, or KEY<<DELIMITER for a multi-line value`);
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
    throw new InputError('network', `${showValue(raw)} is not a network mode; expected public, tsi or none`);
}
const WORKSPACE_DEVICES = ['remove', 'keep'];
/** `remove`: device nodes and set-ID bits the run left in the workspace go; `keep`: they stay. */
function parseWorkspaceDevices(raw) {
    const text = raw.trim().toLowerCase();
    if (WORKSPACE_DEVICES.includes(text))
        return text;
    throw new InputError('workspace-devices', `${showValue(raw)} is not a choice; expected ${WORKSPACE_DEVICES.join(' or ')}`);
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
        const where = /^[0-9:]+$/.test(line) ? `line ${index + 1} (${showValue(line, 20)})` : `line ${index + 1}`;
        const match = PORT_PAIR.exec(line);
        if (!match)
            throw new InputError('ports', `${where} is not HOST:GUEST; ${PORTS_FORM}`);
        const host = validPort(match[1]);
        const guest = validPort(match[2]);
        if (host === undefined || guest === undefined) {
            throw new InputError('ports', `${where} has a port out of range; ${PORTS_FORM}`);
        }
        if (hostPorts.has(host)) {
            throw new InputError('ports', `${where} exposes host port ${host} a second time; give each host port once`);
        }
        // libkrun maps each guest port to one host port and refuses a second.
        if (guestPorts.has(guest)) {
            throw new InputError('ports', `${where} exposes guest port ${guest} a second time; give each guest port once`);
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
        throw new InputError('cache-size', `${showValue(raw)} is not a cache size of at least 256M; expected a number with K, M, G or T (e.g. 10G)`);
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
const FILE_COMMANDS = {
    output: 'GITHUB_OUTPUT',
    summary: 'GITHUB_STEP_SUMMARY',
    env: 'GITHUB_ENV',
    path: 'GITHUB_PATH'
};
/** GITHUB_ENV and GITHUB_PATH change later steps on the host: read only with export-env. */
const EXPORTED = ['env', 'path'];
/** The share's directory inside the private run directory (outside the guest's root). */
const FILE_COMMAND_DIR = 'files';
/** What GitHub allows a step's summary; the same cap for each file. */
const FILE_COMMAND_MAX_BYTES = 1024 * 1024;
/** More warnings than this are counted, not listed. */
const MAX_WARNINGS = 10;
const NO_FILE_COMMANDS = {
    outputs: [],
    summary: '',
    env: [],
    path: [],
    warnings: [],
    dropped: []
};
/** The file commands this host has files for: the guest gets each of them. */
function enabledFileCommands(hostEnv) {
    return Object.keys(FILE_COMMANDS).filter((kind) => Boolean(hostEnv[FILE_COMMANDS[kind]]));
}
/**
 * The one warning for what the guest wrote to GITHUB_ENV or GITHUB_PATH without export-env;
 * `setting` is how the front end's user turns it on, e.g. `export-env: true`.
 */
function droppedWarning(dropped, setting) {
    if (dropped.length === 0)
        return undefined;
    const names = dropped.map((kind) => FILE_COMMANDS[kind]).join(' and ');
    const [it, was] = dropped.length === 1 ? ['it', 'it was'] : ['them', 'they were'];
    return `the guest wrote to ${names}; ${was} dropped: set ${setting} to pass ${it} to later steps`;
}
/**
 * Makes the share (mode 0700) with one empty file per enabled command (0600). When the
 * commands run as a user other than root (`forAnyUser`), the share is 0777 and its files 0666
 * so that user can write them: the run directory around it stays 0700 on the host.
 */
function prepareFileCommandShare(runDir, kinds, forAnyUser = false) {
    const hostDir = external_node_path_default().join(runDir, FILE_COMMAND_DIR);
    external_node_fs_default().mkdirSync(hostDir, { mode: 0o700 });
    if (forAnyUser)
        external_node_fs_default().chmodSync(hostDir, 0o777);
    const env = {};
    for (const kind of kinds) {
        external_node_fs_default().writeFileSync(external_node_path_default().join(hostDir, kind), '', { mode: 0o600 });
        if (forAnyUser)
            external_node_fs_default().chmodSync(external_node_path_default().join(hostDir, kind), 0o666);
        env[FILE_COMMANDS[kind]] = `${FILE_COMMAND_GUEST_DIR}/${kind}`;
    }
    return { tag: FILE_COMMAND_TAG, hostDir, guestDir: FILE_COMMAND_GUEST_DIR, env };
}
const OUTPUT_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** The runner itself refuses NODE_OPTIONS from GITHUB_ENV. */
const REFUSED_ENV = ['NODE_OPTIONS'];
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
    return parseKeyValues(text, FILE_COMMANDS.output, (name) => OUTPUT_NAME.test(name)
        ? undefined
        : 'not a valid output name (letters, digits, _ and -, not starting with a digit or -)');
}
function parseEnvFile(text) {
    return parseKeyValues(text, FILE_COMMANDS.env, (name) => {
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
            warnings.push(`the guest's ${FILE_COMMANDS.path}, line ${i + 1}: not an absolute directory without ":" or NUL; skipped`);
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
    const variable = FILE_COMMANDS[kind];
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
function readGuestFileCommands(runDir, kinds, exportEnv) {
    const warnings = [];
    const result = { ...NO_FILE_COMMANDS, dropped: [] };
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
var external_node_crypto_default = /*#__PURE__*/__nccwpck_require__.n(external_node_crypto_);
;// CONCATENATED MODULE: ./src/engine/guest/host-file-commands.ts
/**
 * Appends what the guest set (already checked by file-commands.ts) to the host's own file
 * commands. Each value goes in a block with a fresh random delimiter, as @actions/core
 * writes them, so nothing the guest wrote can close a block early and add entries.
 */



/** `name<<delimiter`, the value, the delimiter; undefined if the value holds the delimiter. */
function keyValueBlock(name, value) {
    const delimiter = `ghadelimiter_${external_node_crypto_default().randomUUID()}`;
    if (value.includes(delimiter))
        return undefined;
    return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
}
/**
 * Writes the guest's outputs, summary, environment and PATH entries to the files `hostEnv`
 * names. `reservedOutputs` are the front end's own outputs, which the guest cannot set.
 * Returns one warning line per entry left out.
 */
function applyGuestFileCommands(guest, hostEnv, reservedOutputs = []) {
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
            external_node_fs_default().appendFileSync(file, text);
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
        external_node_fs_default().appendFileSync(summaryFile, guest.summary.endsWith('\n') ? guest.summary : `${guest.summary}\n`);
    }
    const pathFile = hostEnv[FILE_COMMANDS.path];
    if (pathFile && guest.path.length > 0)
        external_node_fs_default().appendFileSync(pathFile, guest.path.map((dir) => `${dir}\n`).join(''));
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
function createRefusedTable(file) {
    const bytes = Buffer.alloc(TABLE_BYTES);
    bytes.write(MAGIC, 0, 'latin1');
    bytes.writeUInt32LE(TABLE_CAPACITY, 8);
    external_node_fs_default().writeFileSync(file, bytes, { mode: 0o600, flag: 'wx' });
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
class BadTableError extends Error {
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
function readRefusedTable(file) {
    const bytes = readUntrustedFile(external_node_path_default().dirname(file), external_node_path_default().basename(file), TABLE_BYTES);
    return bytes === undefined ? undefined : parseRefusedTable(bytes);
}
function destinationText(refusal) {
    if (refusal.address.includes(' '))
        return refusal.address;
    const host = refusal.address.includes(':') ? `[${refusal.address}]` : refusal.address;
    return `${host}:${refusal.port}`;
}
/** The lines the log and the summary show: the first SHOWN_REFUSALS destinations and the total. */
function refusalLines(refusals) {
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
function changeStamp(file) {
    return external_node_fs_default().lstatSync(file, { bigint: true }).ctimeNs;
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
function sweepWorkspace(workspace, since, maxEntries = MAX_ENTRIES) {
    const sweep = {
        devicesRemoved: 0,
        setIdCleared: 0,
        failures: [],
        failureCount: 0,
        stoppedAfter: undefined
    };
    const failed = (relative, error) => {
        if (sweep.failureCount++ < NAMED_FAILURES)
            sweep.failures.push(`${(0,visible/* visible */.R)(relative)} (${errorText(error)})`);
    };
    let device;
    try {
        device = external_node_fs_default().lstatSync(workspace, { bigint: true }).dev;
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
            entries = external_node_fs_default().readdirSync(external_node_path_default().join(workspace, directory), { withFileTypes: true });
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
                visit(external_node_path_default().join(workspace, relative), relative);
            }
            catch (error) {
                failed(relative, error);
            }
        }
    }
    return sweep;
    function visit(file, relative) {
        const stat = external_node_fs_default().lstatSync(file, { bigint: true });
        if (stat.isDirectory()) {
            // Another file system mounted inside the workspace is the host's own doing, not the guest's.
            if (stat.dev === device)
                pending.push(relative);
        }
        else if (stat.isBlockDevice() || stat.isCharacterDevice()) {
            if (!changedSince(stat.ctimeNs, since))
                return;
            external_node_fs_default().unlinkSync(file);
            sweep.devicesRemoved++;
        }
        else if (stat.isFile() && (Number(stat.mode) & SET_ID_BITS) !== 0) {
            if (!changedSince(stat.ctimeNs, since))
                return;
            // lstat just said it is a regular file, and nothing has run since to make it a link.
            external_node_fs_default().chmodSync(file, Number(stat.mode) & 0o7777 & ~SET_ID_BITS);
            sweep.setIdCleared++;
        }
    }
}
const counted = (count, one, many) => `${count} ${count === 1 ? one : many}`;
/** The one log line saying what was removed or cleared; undefined when there was nothing. */
function sweepLine(sweep) {
    const parts = [
        sweep.devicesRemoved > 0 && `${counted(sweep.devicesRemoved, 'device node', 'device nodes')} (removed)`,
        sweep.setIdCleared > 0 &&
            `${counted(sweep.setIdCleared, 'file', 'files')} with set-user-ID or set-group-ID bits (cleared)`
    ].filter((part) => part !== false);
    return parts.length === 0 ? undefined : `the guest left ${parts.join(' and ')} in the workspace`;
}
/** What could not be checked or dealt with, one warning each. */
function sweepWarnings(sweep) {
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




function afterRun(result, files) {
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
const MAX_ACCOUNT_FILE_BYTES = 1024 * 1024;
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
function userSpecProblem(text) {
    const parts = text.split(':');
    if (parts.length > 2 || parts.some((part) => !ACCOUNT_NAME.test(part))) {
        return 'expected a user name or uid, optionally followed by :group or :gid (e.g. root, 1000, 1000:1000, app:staff)';
    }
    if (parts.some((part) => NUMERIC.test(part) && numericId(part) === undefined)) {
        return `ids run from 0 to ${MAX_ID}`;
    }
    return undefined;
}
function toUserSpec(text) {
    const [user, group] = text.split(':');
    return { text, user, group };
}
/** The `user` input: empty for the image's User (or root). */
function parseUser(raw) {
    const text = raw.trim();
    if (text === '')
        return undefined;
    const problem = userSpecProblem(text);
    if (problem)
        throw new InputError('user', `${showValue(text)} is not a user; ${problem}`);
    return toUserSpec(text);
}
/** The account files' lines that hold entries: blank lines, comments and NIS markers are skipped. */
function entryLines(text) {
    return text
        .split('\n')
        .map((line, index) => [index + 1, line])
        .filter(([, line]) => line !== '' && !/^[#+-]/.test(line))
        .map(([number, line]) => [number, line.split(':')]);
}
class AccountFileError extends Error {
}
function malformed(file, line, form) {
    return new AccountFileError(`its ${file} line ${line} is not ${form}`);
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
function readAccountFiles(root) {
    const read = (file) => {
        try {
            return readUntrustedFile(root, `etc/${file}`, MAX_ACCOUNT_FILE_BYTES)?.toString('utf8');
        }
        catch (error) {
            if (error instanceof TamperedError) {
                throw new AccountFileError(`its /etc/${file} is not a regular file of at most ${MAX_ACCOUNT_FILE_BYTES / 1024} KiB reached without links`);
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
function resolveUser(spec, files) {
    const uid = numericId(spec.user);
    const passwd = files.passwd === undefined ? [] : parsePasswd(files.passwd);
    const entry = passwd.find((e) => e.name === spec.user || (uid !== undefined && e.uid === uid));
    if (!entry && uid === undefined) {
        throw new AccountFileError(files.passwd === undefined ? 'it has no /etc/passwd' : `its /etc/passwd has no user ${showValue(spec.user)}`);
    }
    const groupFile = () => (files.group === undefined ? [] : parseGroup(files.group));
    let gid = entry?.gid ?? 0;
    let groups = [];
    if (spec.group !== undefined) {
        const wanted = numericId(spec.group);
        const found = groupFile().find((g) => g.name === spec.group || (wanted !== undefined && g.gid === wanted));
        if (!found && wanted === undefined) {
            throw new AccountFileError(files.group === undefined ? 'it has no /etc/group' : `its /etc/group has no group ${showValue(spec.group)}`);
        }
        gid = found?.gid ?? wanted;
    }
    else if (entry) {
        groups = [...new Set(groupFile().flatMap((g) => (g.members.includes(entry.name) ? [g.gid] : [])))];
        if (groups.length > MAX_GROUPS) {
            throw new AccountFileError(`its /etc/group lists ${showValue(entry.name)} in more than ${MAX_GROUPS} groups`);
        }
    }
    return { uid: entry?.uid ?? uid, gid, groups, home: entry?.home ?? '/' };
}

;// CONCATENATED MODULE: external "node:dns"
const external_node_dns_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");
var external_node_dns_default = /*#__PURE__*/__nccwpck_require__.n(external_node_dns_namespaceObject);
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
function cidrRule(cidr, allow, port = 0) {
    const [address, prefix] = cidr.split('/');
    return { allow, address, prefix: Number(prefix ?? (external_node_net_default().isIPv6(address) ? 128 : 32)), port };
}
/** The resolvers /etc/resolv.conf names (a zone index, fe80::1%eth0, is dropped: the guard compares addresses). */
function resolversOf(resolvConf) {
    const found = resolvConf
        .split('\n')
        .map((line) => /^\s*nameserver\s+(\S+)/.exec(line)?.[1]?.replace(/%.*$/, ''))
        .filter((address) => address !== undefined && external_node_net_default().isIP(address) !== 0);
    return [...new Set(found)];
}
/** Every rule, in the order the guard tries them. */
function policyRules(resolvers, allowed) {
    return [
        ...resolvers.map((address) => cidrRule(address, true, DNS_PORT)),
        ...allowed,
        ...REFUSED_RANGES.map(({ range }) => cidrRule(range, false))
    ];
}
function renderPolicy(rules) {
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
        throw problem(`port ${showValue(text)} is not 1 to 65535`);
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
    const problem = (what) => new InputError('allow', `line ${lineNumber}: ${what}; ${FORM}`);
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
        throw problem(`${showValue(line)} is not an address, CIDR or host name`);
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
        throw new InputError('allow', `has ${entries.length} lines; at most ${allow_input_MAX_ENTRIES}`);
    return entries;
}
const lookupAll = async (host) => (await external_node_dns_default().promises.lookup(host, { all: true, verbatim: true })).map((found) => found.address);
/** The entries as allow rules, each host name resolved now to all its addresses. */
async function resolveAllow(entries, lookup = lookupAll) {
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
        return new InputError('image', `${showValue(error.reference)} is not a valid reference: ${error.problem}`);
    }
    if (error instanceof errors/* ImageError */.C8)
        return error.inputMistake ? new InputError('image', error.message) : new HostError(error.message);
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
    throw new InputError('pull', `${showValue(raw)} is not a pull policy; expected ${pull_policy/* PULL_POLICIES */.z.join(', ')}`);
}
/** Registry credentials come as a pair or not at all; the password is never shown. */
function registryCredentials(username, password) {
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
            return `is not libkrun (its soname is ${showValue(found.soname)})`;
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
var url_rule = __nccwpck_require__(928);
;// CONCATENATED MODULE: ./src/engine/host/libkrun-pinned.ts
/**
 * A libkrun named by a pinned archive, `https://HOST/PATH.tar.gz#sha256=<64 hex digits>`, in
 * the `libkrun` input, `krun-run --libkrun` or KRUN_LIBRARY. The value is parsed with the other
 * inputs, before anything is downloaded. This module stays small (the early start uses it);
 * libkrun-choice.ts downloads and unpacks.
 */



const PINNED_URL_FORM = 'https://HOST/PATH.tar.gz#sha256=<64 hex digits>';
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
    const refuse = (problem) => new InputError(source, `${showValue(text, 100)} ${problem}; expected ${PINNED_URL_FORM}`);
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
        throw refuse(`ends in ${showValue(url.hash, 30)} instead of #sha256=<digest>`);
    if (!/^[0-9a-fA-F]{64}$/.test(digest))
        throw refuse(`has a malformed digest ${showValue(digest, 30)}: a sha256 digest is 64 hex digits`);
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
const MIN_LIBKRUN_SYMBOL = 'krun_check_nested_virt';
const MIN_LIBKRUN_VERSION = LIBKRUN_SYMBOLS[MIN_LIBKRUN_SYMBOL].since;
/** The libkrun build feature a symbol needs, if any. */
function featureOf(symbol) {
    const row = LIBKRUN_SYMBOLS[symbol];
    return row.feature;
}
/** The first release exporting a symbol; undefined for those every supported release has. */
function since(symbol) {
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
const VERSION_MARKERS = Object.entries(LIBKRUN_SYMBOLS)
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






const DEFAULT_KVM_DEVICE = '/dev/kvm';
const LIBKRUN_SONAME = 'libkrun.so.1';
/**
 * Why the file at `file` cannot be a libkrun, or undefined when it may be one. It must be
 * a regular file (a link to one, like libkrun.so.1, is fine) before anything opens it:
 * opening a FIFO would block.
 */
function libraryProblem(file) {
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
    const exec = await __nccwpck_require__.e(/* import() */ 955).then(__nccwpck_require__.bind(__nccwpck_require__, 955));
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
    exists: (p) => external_node_fs_default().existsSync(p),
    dirs: usualLibraryDirs()
});
/**
 * Where the host has libkrun.so.1, as the loader would find its soname (LD_LIBRARY_PATH, its
 * cache), then in the usual directories; undefined when it has none.
 */
async function searchLibkrun(lookup = systemLookup()) {
    const inDirs = (dirs) => dirs.map((dir) => external_node_path_default().join(dir, LIBKRUN_SONAME)).find((candidate) => lookup.exists(candidate));
    const onLoaderPath = inDirs(lookup.loaderPath);
    if (onLoaderPath)
        return onLoaderPath;
    const cached = await lookup.ldconfig();
    if (cached && lookup.exists(cached))
        return cached;
    return inDirs(lookup.dirs);
}
/** What a host without libkrun is told, when krun-action has no build of its own for it either. */
function libkrunNotFound(lookup = systemLookup()) {
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
        throw new InputError(input, `${showValue(value)} contains a tab, newline or NUL byte; use a path without them`);
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
        const problem = errorText(error) === 'ENOENT' ? 'does not exist' : `cannot be reached (${errorText(error)})`;
        throw new InputError(input, `${showValue(text)} ${problem}; expected an existing directory on the host`);
    }
    if (!stat.isDirectory()) {
        throw new InputError(input, `${showValue(text)} is not a directory; expected an existing directory on the host`);
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
        const leads = text === '' || text === '/' ? '"/"' : `${showValue(text)} leads to / and`;
        throw new InputError('workspace', `${leads} would share the whole host read-write; name a project directory, or none`);
    }
    const pseudo = pseudoFileSystem(workspace);
    if (pseudo !== undefined) {
        const shown = showValue(text === '' ? workspace : text);
        throw new InputError('workspace', `${shown} is ${pseudo}, a pseudo file system of the host; name a project directory, or none`);
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
        throw new InputError('workdir', `${showValue(text)} is relative; expected an absolute path inside the guest, e.g. /src`);
    }
    return external_node_path_default().posix.normalize(text);
}
function libraryFile(source, raw, cwd) {
    const text = raw.trim();
    checkPlanSafe(source, text);
    const resolved = external_node_path_default().resolve(cwd, text);
    const problem = libraryProblem(resolved);
    if (problem)
        throw new InputError(source, `${showValue(text)} ${problem}; expected the path of libkrun.so.1`);
    return resolved;
}
/** Which input names libkrun: the input (or flag) when set, else KRUN_LIBRARY. */
function libkrunInputName(raw) {
    return raw.trim() !== '' ? 'libkrun' : 'KRUN_LIBRARY';
}
/** The libkrun the user named (input, flag or KRUN_LIBRARY); undefined to search for it. */
function parseLibkrun(raw, context) {
    const named = (raw.trim() !== '' ? raw : (context.libraryFromEnv ?? '')).trim();
    if (named === '')
        return undefined;
    const source = libkrunInputName(raw);
    if (libkrun_pinned_isUrlLike(named))
        return { archive: libkrun_pinned_parsePinnedUrl(source, named) };
    return { path: libraryFile(source, named, context.cwd) };
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(161);
var external_node_os_default = /*#__PURE__*/__nccwpck_require__.n(external_node_os_);
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
    throw new InputError('kvm-access', `${showValue(raw)} is not a policy; expected auto or check`);
}
const UDEV_RULE = 'KERNEL=="kvm", GROUP="kvm", MODE="0666", OPTIONS+="static_node=kvm"';
const UDEV_RULE_FILE = '/etc/udev/rules.d/99-kvm.rules';
const UDEV_FIX = `echo '${UDEV_RULE}' | sudo tee ${UDEV_RULE_FILE}` +
    ' && sudo udevadm control --reload-rules && sudo udevadm trigger --name-match=kvm';
/** Opens the device read-write and closes it again. */
function openKvm(device, open = (p) => external_node_fs_default().openSync(p, 'r+')) {
    let fd;
    try {
        fd = open(device);
    }
    catch (error) {
        const code = (0,errors/* errorCode */.CA)(error) ?? String(error);
        const kind = ['ENOENT', 'ENXIO', 'ENODEV'].includes(code)
            ? 'missing'
            : ['EACCES', 'EPERM'].includes(code)
                ? 'denied'
                : 'other';
        return { ok: false, kind, code };
    }
    external_node_fs_default().closeSync(fd);
    return { ok: true };
}
/** Whether the action may change the host to get access: only GitHub's own throwaway runners. */
function mayInstallUdevRule(context) {
    return context.policy === 'auto' && context.githubHosted;
}
/** How the user gets access where the action does not (or could not) get it itself. */
function kvmAccessFix(context) {
    if (!context.githubHosted)
        return `as root, run once on this machine: ${UDEV_FIX}`;
    if (context.policy === 'check') {
        return `set kvm-access: auto to let the action install the udev rule with sudo, or add a step before this one that runs: ${UDEV_FIX}`;
    }
    return `add a step before this one that runs: ${UDEV_FIX}`;
}
const user = () => external_node_os_default().userInfo().username;
/** The one line for a device that does not open; `why` says what a fix already tried. */
function kvmProblem(context, open, why) {
    const { device } = context;
    switch (open.kind) {
        case 'missing':
            return `${device} does not exist: this machine cannot run virtual machines. Use a runner with KVM (bare metal, or a VM with nested virtualization enabled).`;
        case 'denied':
            return `${device} exists but user ${user()} cannot open it read-write (${open.code})${why ? `, ${why}` : ''}; ${kvmAccessFix(context)}`;
        case 'other':
            return `cannot open ${device} read-write (${open.code}); check that KVM works on this machine`;
    }
}
/** Checks access without changing anything: right before the VM process starts, and in the doctor. */
function checkKvmAccess(context, open) {
    const result = openKvm(context.device, open);
    if (!result.ok)
        throw new HostError(kvmProblem(context, result));
}
/** Loaded only when a fix is attempted: most runs never need them. */
async function actionPrograms() {
    const [exec, io] = await Promise.all([__nccwpck_require__.e(/* import() */ 955).then(__nccwpck_require__.bind(__nccwpck_require__, 955)), __nccwpck_require__.e(/* import() */ 701).then(__nccwpck_require__.bind(__nccwpck_require__, 701))]);
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
async function ensureKvmAccess(context, deps) {
    const first = openKvm(context.device, deps.open);
    if (first.ok)
        return;
    if (first.kind !== 'denied' || !mayInstallUdevRule(context))
        throw new HostError(kvmProblem(context, first));
    const why = await installUdevRule(deps.programs ?? (await actionPrograms()));
    if (why !== undefined)
        throw new HostError(kvmProblem(context, first, why));
    const again = openKvm(context.device, deps.open);
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
    throw new InputError('persist', `${showValue(raw)} is not a persist mode; expected step (each step starts from the base) or job (what a step changes lasts for the job's later steps)`);
}
/** Smaller than this, ext4 has no room for its journal and a layer worth having. */
const MIN_DISK_BYTES = 64 * 2 ** 20;
const MAX_DISK_BYTES = 16 * 2 ** 40;
/** A size such as 8G, 512M or 2T (binary units); a plain number is bytes. */
function parseDiskSize(raw) {
    const bytes = byteSize(raw) ?? NaN;
    if (!(bytes >= MIN_DISK_BYTES && bytes <= MAX_DISK_BYTES)) {
        throw new InputError('persist-size', `${showValue(raw)} is not a disk size from 64M to 16T; expected a number with K, M, G or T (e.g. 8G)`);
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
        throw new InputError('prepare', 'contains a NUL byte; remove it (a shell script cannot hold NUL bytes)');
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









const INPUTS = {
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
const INPUT_NAMES = Object.keys(INPUTS);


;// CONCATENATED MODULE: ./src/engine/inputs/raw-inputs.ts

/** Parses one input; an empty value stands for the input's default, as on a runner. */
function parseInput(name, raw, context) {
    const spec = INPUTS[name];
    return spec.parse(raw[name] === '' ? spec.default : raw[name], context);
}
/** The raw inputs as action.yml's defaults give them. */
function defaultInputs() {
    return Object.fromEntries(INPUT_NAMES.map((name) => [name, INPUTS[name].default]));
}
/** How an input's default reads to a person. */
function shownDefault(name) {
    const spec = INPUTS[name];
    return spec.defaultText ?? (spec.default === '' ? '' : `\`${spec.default}\``);
}
/** A reader of these raw inputs that parses each input at most once (some parsers look at the host). */
function parseOnce(raw, context) {
    const parsed = new Map();
    return (name) => {
        if (!parsed.has(name))
            parsed.set(name, parseInput(name, raw, context));
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
const SETTINGS_VARIABLE = 'KRUN_SETTINGS';
const MAX_SETTINGS_BYTES = 16 * 1024 * 1024;
/** Each step's own inputs and secrets are never saved (the input table says which). Later steps find the image in the action's cache. */
const SAVED_NAMES = INPUT_NAMES.filter((name) => {
    const spec = INPUTS[name];
    return !spec.stepOwn && spec.secretVariable === undefined;
});
/**
 * The raw inputs later steps inherit. Host paths are saved as this step resolved them, since
 * a later step may start in another directory (libkrun as given: input or KRUN_LIBRARY).
 */
function savedInputs(raw, settings) {
    return { ...Object.fromEntries(SAVED_NAMES.map((name) => [name, raw[name]])), ...settings.resolvedHostPaths };
}
/** Written beside and renamed into place, so a reader never sees half a file. */
function writeSettingsFile(file, saved) {
    const partial = `${file}.${process.pid}.partial`;
    external_node_fs_default().writeFileSync(partial, JSON.stringify(saved), { mode: 0o600 });
    external_node_fs_default().renameSync(partial, file);
}
const EXPECTED = 'expected the settings file krun-action saved for this job (mode 0600, owned by this user)';
function readOwnPrivateFile(file) {
    const problem = (what) => new InputError(SETTINGS_VARIABLE, `"${file}" ${what}; ${EXPECTED}`);
    let fd;
    try {
        fd = external_node_fs_default().openSync(file, (external_node_fs_default()).constants.O_RDONLY | (external_node_fs_default()).constants.O_NOFOLLOW | (external_node_fs_default()).constants.O_NONBLOCK);
    }
    catch {
        throw problem('cannot be opened (missing, or a link)');
    }
    try {
        const stat = external_node_fs_default().fstatSync(fd);
        if (!stat.isFile() || stat.size > MAX_SETTINGS_BYTES)
            throw problem('is not a regular file of a sensible size');
        if (stat.uid !== process.getuid?.() || (stat.mode & 0o077) !== 0) {
            throw problem('belongs to another user or others can read or write it');
        }
        return external_node_fs_default().readFileSync(fd, 'utf8');
    }
    finally {
        external_node_fs_default().closeSync(fd);
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
        throw new InputError(SETTINGS_VARIABLE, `"${file}" does not hold saved inputs of this krun-run; ${EXPECTED}`);
    }
    return Object.fromEntries(entries);
}
/** Whether krun-run runs from the launcher the action installed: it names the saved settings. */
function startedByAction(env) {
    return Boolean(env[SETTINGS_VARIABLE]);
}
/**
 * krun-run's defaults: the table's, then the saved settings when the launcher named a file.
 * Flags override these later; KRUN_LIBRARY in the step's environment overrides a saved libkrun.
 */
function cliDefaults(env) {
    const saved = startedByAction(env) ? readSettingsFile(env[SETTINGS_VARIABLE]) : {};
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
        external_node_fs_default().mkdirSync(dir, { mode: 0o700 });
    }
    catch (error) {
        if ((0,errors/* errorCode */.CA)(error) !== 'EEXIST')
            throw error;
        const stat = external_node_fs_default().lstatSync(dir);
        if (!stat.isDirectory() || stat.uid !== process.getuid?.()) {
            throw new HostError(`${dir} exists and is not a directory of this user; remove it, or use a fresh RUNNER_TEMP`);
        }
    }
    external_node_fs_default().chmodSync(dir, 0o700);
}
/** Writes the settings (0600) and the launcher (0755); returns the directory to put on PATH. */
function installLauncher(options) {
    const dir = external_node_path_default().join(options.tempDir, LAUNCHER_DIR);
    privateDirectory(dir);
    const settingsFile = external_node_path_default().join(dir, SETTINGS_FILE);
    writeSettingsFile(settingsFile, options.saved);
    const launcher = external_node_path_default().join(dir, LAUNCHER_NAME);
    const partial = `${launcher}.${process.pid}.partial`;
    external_node_fs_default().writeFileSync(partial, launcherScript(options.nodePath, external_node_path_default().join(options.distDir, 'cli', 'index.js'), settingsFile), { mode: 0o755 });
    external_node_fs_default().renameSync(partial, launcher);
    return dir;
}

;// CONCATENATED MODULE: ./src/engine/guest/guest-init.ts
/** Which guest init a run ships into the guest: the one built for this host's architecture. */



/** The guest's architecture name for each Node architecture krun-action runs on. */
const GUEST_ARCH = { x64: 'x86_64', arm64: 'aarch64' };
function guestInitBinary(distDir, arch = process.arch) {
    const guestArch = GUEST_ARCH[arch];
    const binary = guestArch && external_node_path_default().join(distDir, 'native', guestArch, 'krun-init');
    if (!binary || !external_node_fs_default().existsSync(binary)) {
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
const pass = (name, detail, required = true) => ({
    name,
    verdict: 'ok',
    detail,
    required
});
const fail = (name, detail, fix, required = true) => ({
    name,
    verdict: 'fail',
    detail,
    fix,
    required
});
const skip = (name, why) => ({
    name,
    verdict: 'skip',
    detail: `not checked: ${why}`,
    required: true
});

;// CONCATENATED MODULE: ./src/engine/host/doctor/host.ts
/** The machine itself: its architecture (the guest init is built for two) and the kind of runner. */

const host_GUEST_ARCH = { x64: 'x86_64', arm64: 'aarch64' };
/** `initBinary` gives the guest init for an architecture, or throws when the action has none. */
function architectureCheck(arch, initBinary) {
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
function runnerCheck(env) {
    const kind = env.RUNNER_ENVIRONMENT;
    const detail = kind === 'github-hosted'
        ? 'GitHub-hosted (RUNNER_ENVIRONMENT=github-hosted): kvm-access auto may install the udev rule for /dev/kvm with sudo'
        : kind
            ? `${kind} (RUNNER_ENVIRONMENT): the action never runs sudo here`
            : 'not a GitHub Actions runner (RUNNER_ENVIRONMENT is unset): the action never runs sudo here';
    return { name: 'runner', verdict: 'info', detail, required: false };
}

;// CONCATENATED MODULE: ./src/engine/host/kernel-quirks.ts
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

;// CONCATENATED MODULE: ./src/engine/host/doctor/kernel.ts
/** The host kernel, against the kernels with known trouble for libkrun (kernel-quirks.ts). */

function kernelCheck(release, env) {
    const workaround = kernelWorkaround(release, env);
    if (!workaround)
        return { name: 'host kernel', verdict: 'ok', detail: `${release}: no known trouble`, required: false };
    return {
        name: 'host kernel',
        verdict: 'warn',
        detail: workaround.note,
        fix: 'a 6.14 or newer kernel has the fix; the workaround needs libkrun 1.15 or newer',
        required: false
    };
}

;// CONCATENATED MODULE: ./src/engine/host/doctor/kvm.ts
/** The KVM device: there, opening read-write for this user, and answering as KVM does. */





/** The KVM API version every Linux since 2.6.22 reports, and libkrun requires. */
const KVM_API_VERSION = 12;
const NO_KVM_FIX = 'use a machine with KVM: bare metal, or a VM with nested virtualization (GitHub-hosted x86_64 Linux runners have it)';
function kvmDeviceCheck(device, stat = (external_node_fs_default()).statSync) {
    const name = 'KVM device';
    let stats;
    try {
        stats = stat(device);
    }
    catch (error) {
        const code = (0,errors/* errorCode */.CA)(error);
        return fail(name, `${device} does not exist${code && code !== 'ENOENT' ? ` (${code})` : ''}`, NO_KVM_FIX);
    }
    const what = stats.isCharacterDevice() ? `a character device` : 'present, but not a character device';
    return pass(name, `${device} is ${what}`);
}
function kvmAccessCheck(context, open) {
    const name = 'KVM access';
    const result = openKvm(context.device, open);
    const user = external_node_os_default().userInfo().username;
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
function kvmApiCheck(device, kvm) {
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
const FEATURES = {
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
    return /^libkrun\.so\.(\d+\.\d+\.\d+)$/.exec(external_node_path_default().basename(file))?.[1];
}
/** The newest release whose marker the library exports; undefined when older than MIN_LIBKRUN_VERSION. */
function versionFromSymbols(symbols) {
    return VERSION_MARKERS.find(([symbol]) => symbols.includes(symbol))?.[1];
}
/** The libkrunfw sonames a library's bytes name (a dlopen argument or a DT_NEEDED entry). */
function namedFirmware(libraryBytes) {
    const named = libraryBytes?.toString('latin1').match(/libkrunfw(?:-sev|-tdx)?\.so\.\d+/g) ?? [];
    return [...new Set(named)].sort((a, b) => a.length - b.length);
}
/**
 * The libkrunfw sonames this libkrun loads: those its bytes name; else by release,
 * libkrunfw.so.5 from 1.17 on, libkrunfw.so.4 before.
 */
function firmwareSonames(libraryBytes, symbols) {
    const named = namedFirmware(libraryBytes);
    if (named.length > 0)
        return named;
    return [symbols.includes('krun_disable_implicit_vsock') ? 'libkrunfw.so.5' : 'libkrunfw.so.4'];
}
const INSTALL = `install libkrun ${MIN_LIBKRUN_VERSION} or newer with its libkrunfw (Fedora: dnf install libkrun libkrunfw; Arch: pacman -S libkrun; Debian and Ubuntu: build it from source)`;
function libkrunCheck(found, answer) {
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
function firmwareCheck(libkrun, sonames, answer) {
    const name = 'libkrunfw';
    if (libkrun === undefined || answer === undefined)
        return skip(name, 'libkrun was not found or probed');
    for (const soname of sonames) {
        const loaded = answer[soname];
        if (!loaded || 'error' in loaded)
            continue;
        const file = loaded.path ?? soname;
        const where = external_node_path_default().dirname(file) === external_node_path_default().dirname(libkrun) ? 'beside libkrun' : "through the loader's search path";
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
        ? external_node_path_default().join(env.RUNNER_TOOL_CACHE, 'krun-action', kind)
        : external_node_path_default().join(tempDir, `krun-action-${kind}`);
}
function userCacheDir(env, kind) {
    const cacheHome = env.XDG_CACHE_HOME?.startsWith('/') ? env.XDG_CACHE_HOME : external_node_path_default().join(external_node_os_default().homedir(), '.cache');
    return external_node_path_default().join(cacheHome, 'krun-action', kind);
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
    const binary = GUARD_ARCH[arch] && external_node_path_default().join(distDir, 'native', GUARD_ARCH[arch], 'krun-netguard');
    if (!binary || !external_node_fs_default().existsSync(binary)) {
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
function guardedCommand(guard, command) {
    return [guard.binary, guard.policyFile, guard.tableFile, '--', ...command];
}
/** Whether a network input's raw text asks for the guard: the default, public, does. */
function net_guard_wantsGuard(rawNetwork) {
    const mode = rawNetwork?.trim().toLowerCase() ?? '';
    return mode === '' || mode === 'public';
}
/** Writes the run's policy: the host's resolvers, the `allow` input's rules (host names resolved now), the refused ranges. */
async function writePolicy(file, allow, sources = {}) {
    const allowed = await resolveAllow(allow, sources.lookup);
    let resolvConf = sources.resolvConf;
    if (resolvConf === undefined) {
        try {
            resolvConf = external_node_fs_default().readFileSync('/etc/resolv.conf', 'utf8');
        }
        catch {
            resolvConf = '';
        }
    }
    external_node_fs_default().writeFileSync(file, renderPolicy(policyRules(resolversOf(resolvConf), allowed)), { mode: 0o600 });
}

// EXTERNAL MODULE: ./src/image/tree.ts
var tree = __nccwpck_require__(841);
;// CONCATENATED MODULE: ./src/engine/guest/run-dir.ts
/** The private per-run directory: made with mode 0700, filled, read back, removed. */









const RUN_DIR_PREFIX = 'krun-action-';
function runLayout(dir) {
    return {
        dir,
        root: external_node_path_default().join(dir, 'root'),
        vmConfigFile: external_node_path_default().join(dir, 'vm.json'),
        logFile: external_node_path_default().join(dir, 'libkrun.log'),
        netPolicyFile: external_node_path_default().join(dir, 'net-policy'),
        refusedTableFile: external_node_path_default().join(dir, 'net-refused')
    };
}
/**
 * Makes a new run directory in `tempDir`. `announce`, when given, hears its path before it is made,
 * so that whoever must remove it if this process is killed knows it before it exists.
 */
function run_dir_createRunDir(tempDir, announce) {
    if (!announce) {
        const layout = runLayout(external_node_fs_default().mkdtempSync(external_node_path_default().join(tempDir, RUN_DIR_PREFIX)));
        external_node_fs_default().chmodSync(layout.dir, 0o700);
        return layout;
    }
    for (;;) {
        const dir = external_node_path_default().join(tempDir, `${RUN_DIR_PREFIX}${(0,external_node_crypto_.randomBytes)(6).toString('base64url')}`);
        announce(dir);
        try {
            external_node_fs_default().mkdirSync(dir, { mode: 0o700 });
        }
        catch (error) {
            if ((0,errors/* errorCode */.CA)(error) === 'EEXIST')
                continue;
            throw error;
        }
        external_node_fs_default().chmodSync(dir, 0o700);
        return runLayout(dir);
    }
}
function writeRunFiles(layout, files, initBinary, vm) {
    const records = external_node_path_default().join(layout.root, GUEST.records);
    external_node_fs_default().mkdirSync(records, { recursive: true, mode: 0o700 });
    for (const dir of ['proc', 'sys', 'dev', 'tmp', ...GUEST_MOUNT_POINTS]) {
        external_node_fs_default().mkdirSync(external_node_path_default().join(layout.root, dir), { recursive: true, mode: 0o755 });
    }
    external_node_fs_default().copyFileSync(initBinary, external_node_path_default().join(layout.root, GUEST.init));
    external_node_fs_default().chmodSync(external_node_path_default().join(layout.root, GUEST.init), 0o755);
    external_node_fs_default().writeFileSync(external_node_path_default().join(layout.root, GUEST.plan), files.plan, { mode: 0o600 });
    external_node_fs_default().writeFileSync(external_node_path_default().join(layout.root, GUEST.env), files.env, { mode: 0o600 });
    external_node_fs_default().writeFileSync(external_node_path_default().join(layout.root, GUEST.script), files.script, { mode: 0o600 });
    external_node_fs_default().writeFileSync(layout.vmConfigFile, JSON.stringify(vm), { mode: 0o600 });
}
/** libkrun logs only warnings to its file: far less than this. */
const LOG_MAX_BYTES = 1024 * 1024;
/** The last lines of libkrun's log, for a failure message; read like any file the guest could reach. */
function logTail(layout, lines = 20) {
    let bytes;
    try {
        bytes = readUntrustedFile(layout.dir, external_node_path_default().basename(layout.logFile), LOG_MAX_BYTES);
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
async function removeRunDir(dir, warn) {
    await (0,tree/* removeTree */.d)(dir).catch((error) => {
        // The entry's name is the guest's choice when it lies in the root share.
        const cause = error instanceof tree/* TreeRemovalError */.R ? `${error.code} on ${(0,visible/* visible */.R)(error.entry)}` : errorText(error);
        warn(`cannot remove the run directory ${dir} (${cause}); it holds the run's environment values: remove it`);
    });
}

;// CONCATENATED MODULE: ./src/engine/vm-process/vm-protocol.ts
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
function vmProcessEnv(libkrun, env = process.env, kernelRelease = external_node_os_default().release()) {
    const kept = Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('INPUT_')));
    Object.assign(kept, kernelWorkaround(kernelRelease, env)?.env);
    // libkrun finds libkrunfw with the dynamic loader, whose path is fixed when a process starts.
    const libraryDir = external_node_path_default().dirname(libkrun);
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
        this.child = (0,external_node_child_process_.spawn)(program, args, {
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
function runTempDir(env) {
    return env.RUNNER_TEMP || external_node_os_default().tmpdir();
}
function vmEntry(distDir) {
    return external_node_path_default().join(distDir, 'vm', 'index.js');
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
        vmEntry: vmEntry(distDir),
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
function fitsRun(early, libkrun, interactive, stderrToStdout, guarded) {
    return (!interactive &&
        (early.vm.start.guard !== undefined) === guarded &&
        early.vm.start.stderrToStdout === stderrToStdout &&
        external_node_path_default().dirname(early.vm.start.libkrun) === external_node_path_default().dirname(libkrun));
}
/** Stops an early VM process and removes its run directory; a removal that fails is only said, through `warn`. */
async function discardEarly(early, warn) {
    await early.vm.discard();
    await removeRunDir(early.layout.dir, warn);
}

;// CONCATENATED MODULE: ./src/engine/host/doctor/probe-protocol.ts
/**
 * What the doctor asks the VM process in its probe mode (`node dist/vm/index.js --probe
 * REQUEST`), and what it answers on stdout as one JSON line. The facts need the native
 * loader, which only the VM process has; what they mean is judged on the engine's side.
 */
const PROBE_FLAG = '--probe';
function failed(value) {
    return value !== undefined && 'error' in value;
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
function vmProcessProbe(distDir, env = process.env) {
    return (request) => new Promise((resolve, reject) => {
        const args = [vmEntry(distDir), PROBE_FLAG, JSON.stringify(request)];
        const options = { env: probeEnv(request, env), timeout: PROBE_TIMEOUT_MS, encoding: 'utf8' };
        (0,external_node_child_process_.execFile)(process.execPath, args, options, (error, stdout, stderr) => {
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
function formatBytes(bytes) {
    return bytes >= GIB ? `${(bytes / GIB).toFixed(1)} GiB` : `${(bytes / MIB).toFixed(1)} MiB`;
}
/** The directory itself, or the nearest one above it that exists (a cache not made yet). */
function existingDir(dir, exists) {
    let current = external_node_path_default().resolve(dir);
    while (!exists(current) && current !== external_node_path_default().dirname(current))
        current = external_node_path_default().dirname(current);
    return current;
}
function runDirSpaceCheck(dir, named, statfs = (external_node_fs_default()).statfsSync, writable = (p) => canWrite(p)) {
    const name = 'run directory';
    const fix = `set ${named === 'RUNNER_TEMP' ? 'RUNNER_TEMP' : 'TMPDIR'} to a writable directory with free space`;
    if (!writable(dir))
        return fail(name, `${named} (${dir}) is missing or not writable`, fix);
    const free = freeBytes(dir, statfs);
    const detail = `${formatBytes(free)} free in ${named} (${dir})`;
    return free < RUN_DIR_MIN_BYTES ? fail(name, `only ${detail}`, fix) : pass(name, detail);
}
function imageCacheSpaceCheck(dir, statfs = (external_node_fs_default()).statfsSync, exists = (external_node_fs_default()).existsSync) {
    const name = 'image cache';
    const measured = existingDir(dir, exists);
    const free = freeBytes(measured, statfs);
    const where = measured === external_node_path_default().resolve(dir) ? dir : `${dir}, not made yet; measured at ${measured}`;
    const detail = `${formatBytes(free)} free for the image cache (${where})`;
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
        external_node_fs_default().accessSync(dir, (external_node_fs_default()).constants.W_OK);
        return external_node_fs_default().statSync(dir).isDirectory();
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
const VM_DMI = [
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
];
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
function insideVmCheck(facts) {
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
function readVmFacts(read = (p) => external_node_fs_default().readFileSync(p, 'utf8')) {
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
        kernelRelease: external_node_os_default().release(),
        vmFacts: () => readVmFacts(),
        probe: vmProcessProbe(options.distDir, options.env),
        readLibrary: (file) => {
            try {
                return external_node_fs_default().readFileSync(file);
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
        return { path: found, realPath: external_node_fs_default().realpathSync(found) };
    }
    catch (error) {
        return { error: error.message };
    }
}
/** Both sonames when the file names neither: which one applies depends on the symbols the probe finds. */
const ANY_FIRMWARE = ['libkrunfw.so.5', 'libkrunfw.so.4'];
async function runDoctor(options, lookups = systemLookups(options)) {
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

// EXTERNAL MODULE: ./src/image/progress.ts
var progress = __nccwpck_require__(170);
;// CONCATENATED MODULE: ./src/engine/host/libkrun-builds.ts
/**
 * krun-action's own builds of libkrun, used when the `libkrun` input is empty and the host has
 * none. .github/workflows/libkrun.yml makes them, one tarball per architecture holding
 * libkrun.so.1 beside the libkrunfw it loads, and publishes each with its .sha256 file;
 * scripts/libkrun-table writes the rows below from those files. No row for an architecture:
 * the action asks for a libkrun instead.
 */
const LIBKRUN_BUILDS = [
// BEGIN rows written by scripts/libkrun-table
// END rows written by scripts/libkrun-table
];
function builtInLibkrun(arch = process.arch, builds = LIBKRUN_BUILDS) {
    return builds.find((build) => build.arch === arch);
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
async function resolveLibkrun(settings, options) {
    if (settings.libkrunArchive) {
        const archive = settings.libkrunArchive;
        const prepared = await preparePinned(archive, settings.libkrunFrom ?? 'libkrun', options);
        if (prepared.downloaded !== undefined)
            options.log(`Downloaded libkrun from ${new URL(archive.url).host} (${(0,progress/* formatBytes */.z)(prepared.downloaded)}, sha256 checked) into ${prepared.library}`);
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
        : `downloaded once (${(0,progress/* formatBytes */.z)(prepared.downloaded)}, sha256 checked)`;
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
    return external_node_path_default().posix.normalize(workingDir).replace(/(?<=.)\/+$/, '');
}
/**
 * Resolves the run's user in `root`: the `user` input when given, else the image config's
 * User (`imageUser`); undefined when neither names one (the commands run as root, as before).
 */
function resolveGuestUser(settings, root, base, imageUser) {
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
function applyImageConfig(settings, image) {
    const { config, reference } = image;
    const imageEnv = imageEnvEntries(config.env, reference);
    const workingDir = settings.workdirDefaulted && config.workingDir !== undefined
        ? imageWorkingDir(config.workingDir, reference)
        : undefined;
    const guestUser = resolveGuestUser(settings, image.root, { input: 'image', name: reference }, config.user);
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
function isWithin(file, dir) {
    return file === dir || file.startsWith(`${dir}/`);
}
/** The path itself and, when it exists, where it leads: either may lie in the workspace. */
function reachedBy(file) {
    const resolved = external_node_path_default().resolve(file);
    try {
        return [resolved, external_node_fs_default().realpathSync(resolved)];
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
function checkWorkspaceHoldsNoHostFiles(workspace, hostFiles) {
    if (workspace === null)
        return;
    for (const { what, file } of hostFiles) {
        const inside = reachedBy(file).find((reached) => isWithin(reached, workspace));
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
    return external_node_path_default().join(view.rootfs, guestPath);
}
/** Whether `guestPath` (absolute) is a directory in the guest's view. */
function isGuestDirectory(view, guestPath) {
    let pending = guestPath.split('/').filter((part) => part !== '');
    let current = '/';
    let links = 0;
    while (pending.length > 0) {
        const part = pending.shift();
        if (part === '.')
            continue;
        if (part === '..') {
            current = external_node_path_default().posix.dirname(current);
            continue;
        }
        const next = external_node_path_default().posix.join(current, part);
        let stat;
        try {
            stat = external_node_fs_default().lstatSync(hostPathOf(view, next));
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
            const target = external_node_fs_default().readlinkSync(hostPathOf(view, next));
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
function shellCandidates(program, searchPath) {
    if (program.includes('/'))
        return [program];
    return searchPath
        .split(':')
        .filter((dir) => dir.startsWith('/'))
        .map((dir) => external_node_path_default().posix.join(dir, program));
}
function anyInRootfs(candidates, rootfs) {
    // lstat, not stat: inside a rootfs other than /, absolute symlinks point into the
    // rootfs, not the host, so the link itself is what can be checked here.
    return candidates.some((candidate) => {
        try {
            return !external_node_fs_default().lstatSync(external_node_path_default().join(rootfs, candidate)).isDirectory();
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
function checkShellInRootfs(shell, rootfs, env, shellIsDefault) {
    const program = shell[0];
    const candidates = shellCandidates(program, guestPath(env));
    if (anyInRootfs(candidates, rootfs))
        return;
    const looked = `looked in ${candidates.join(', ')}`;
    const pathFromEnv = env.some(([name]) => name === 'PATH');
    if (pathFromEnv && !program.includes('/') && anyInRootfs(shellCandidates(program, guestPath([])), rootfs)) {
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
function checkBaseOutsideWorkspace(input, base, workspace) {
    if (workspace !== null && isWithin(base, workspace)) {
        const [what, fix] = input === 'rootfs'
            ? [showValue(base), 'use a directory outside the workspace']
            : [`its cached root ${base}`, 'keep the image cache (RUNNER_TOOL_CACHE, XDG_CACHE_HOME) outside the workspace'];
        throw new InputError(input, `${what} is inside the workspace ${workspace}, which the guest can write, so the guest could change its own base; ${fix}, or use workspace: none`);
    }
}
function checkWorkdirExists(workdir, view) {
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
function withRootfs(settings) {
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
function withImageRoot(settings, image) {
    const root = image.rootfs;
    const reference = settings_imageOf(settings)?.reference ?? root;
    const applied = applyImageConfig(settings, { root, reference, config: image.config });
    const program = settings.shell[0];
    const candidates = shellCandidates(program, guestPath([...applied.imageEnv, ...settings.env]));
    if (!anyInRootfs(candidates, root)) {
        throw new InputError('image', `${reference} has no ${program} (looked in ${candidates.join(', ')}); use an image with that shell, or set shell`);
    }
    checkBaseOutsideWorkspace('image', external_node_fs_default().realpathSync(root), settings.workspace);
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
    return { checks, failure, image, launcherDir: installLaterSteps(options) };
}
/** Puts krun-run in a directory for the later steps' PATH, with this step's settings as its defaults. */
function installLaterSteps(options) {
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
    return Object.entries((external_node_os_default()).constants.signals).find(([, value]) => value === signal)?.[0] ?? `signal ${signal}`;
}
function describeVmExit(run) {
    return run.signal ? `killed by ${run.signal}` : `exit code ${run.exitCode}`;
}
const outcome_failed = (failure, showLog = false, exitCode) => ({
    exitCode,
    timedOut: false,
    failure,
    showLog
});
const TAMPERED = 'the guest tampered with its run records';
function decideOutcome(run, records, host = {}) {
    const ready = run.messages.some((message) => message.kind === 'ready');
    const error = run.messages.find((message) => message.kind === 'error');
    // Never the record's contents: the guest chose them, and they could hold anything.
    if (records.tampered !== undefined)
        return outcome_failed(`${TAMPERED} (${records.tampered})`);
    if (run.timedOutAfter !== undefined) {
        return {
            exitCode: TIMEOUT_EXIT_CODE,
            timedOut: true,
            failure: `timed out after ${formatDuration(run.timedOutAfter)}`,
            showLog: false
        };
    }
    if (run.cancelledBy !== undefined) {
        return outcome_failed(`cancelled (${run.cancelledBy}); the microVM was stopped`);
    }
    if (!ready) {
        if (error?.kind === 'error')
            return outcome_failed(error.message);
        return outcome_failed(`the VM process ended before it configured libkrun (${describeVmExit(run)})`);
    }
    const { status } = records;
    if (status) {
        if (status.signal !== undefined) {
            return outcome_failed(`commands were killed by ${signalName(status.signal)} (exit code ${status.exitCode})`, false, status.exitCode);
        }
        if (status.exitCode !== 0)
            return outcome_failed(`commands exited with code ${status.exitCode}`, false, status.exitCode);
        return { exitCode: 0, timedOut: false, failure: undefined, showLog: false };
    }
    if (error?.kind === 'error')
        return outcome_failed(`libkrun could not start the microVM: ${error.message}`, true);
    if (!records.started) {
        return outcome_failed(`the microVM did not boot (the VM process ended with ${describeVmExit(run)} before the guest init ran)`, true);
    }
    if (host.fullDisk !== undefined) {
        // libkrun ends the VM process with the guest init's exit code, which is the workload's.
        const known = run.exitCode !== null && run.signal === null ? run.exitCode : undefined;
        const code = known === undefined ? '' : `; the VM process exited with code ${known}`;
        return outcome_failed(`the disk holding ${host.fullDisk} is full: the guest's status could not be recorded${code}`, false, known);
    }
    if (records.initError)
        return outcome_failed(`the guest init failed: ${records.initError}`, true);
    return outcome_failed(`the microVM stopped before the commands finished (the VM process ended with ${describeVmExit(run)})`, true);
}

;// CONCATENATED MODULE: ./src/engine/host/disk-space.ts
/** Whether a file system has room left for the guest init's small records. */

/** Less free space than this cannot be relied on to hold a record (one block or so). */
const MIN_FREE_BYTES = 64 * 1024;
function isDiskFull(dir) {
    try {
        const stats = external_node_fs_default().statfsSync(dir);
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
function renderEnv(settings, extra = {}, forced = {}) {
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
function guestFiles(settings, interactive = false, extraEnv = {}, fileShare, layers = {}) {
    return {
        plan: renderPlan(settings, interactive, fileShare, layers),
        env: renderEnv(settings, extraEnv, fileShare?.env),
        script: settings.commands
    };
}
function vmConfig(settings, 
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
var image_cache = __nccwpck_require__(587);
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
const JOB_DISK_NAME = 'krun-action-job-layer.img';
/** mke2fs is often in the sbin directories, which an unprivileged user's PATH may lack. */
const SBIN_DIRS = ['/usr/local/sbin', '/usr/sbin', '/sbin'];
function findMke2fs(env = process.env) {
    const dirs = [...(env.PATH ?? '').split(':').filter((dir) => dir.startsWith('/')), ...SBIN_DIRS];
    for (const dir of dirs) {
        const file = external_node_path_default().join(dir, 'mke2fs');
        try {
            external_node_fs_default().accessSync(file, (external_node_fs_default()).constants.X_OK);
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
async function ensureLayerDisk(file, sizeBytes) {
    if (external_node_fs_default().existsSync(file))
        return false;
    const partial = `${file}.${process.pid}.partial`;
    try {
        external_node_fs_default().writeFileSync(partial, '', { mode: 0o600 });
        external_node_fs_default().truncateSync(partial, sizeBytes);
        // root_owner: the guest's root owns the filesystem's root whoever made it on the host.
        const options = 'root_owner=0:0,lazy_itable_init=1,lazy_journal_init=1';
        await (0,external_node_util_namespaceObject.promisify)(external_node_child_process_.execFile)(findMke2fs(), ['-q', '-F', '-t', 'ext4', '-m', '0', '-E', options, partial], {
            timeout: 120_000
        }).catch((error) => {
            if (error instanceof HostError)
                throw error;
            const output = error.stderr;
            const stderr = (typeof output === 'string' || Buffer.isBuffer(output) ? output.toString() : '').trim();
            throw new HostError(`mke2fs could not make the layer disk ${file}: ${stderr || errorText(error)}`);
        });
        try {
            external_node_fs_default().linkSync(partial, file);
            return true;
        }
        catch (error) {
            if ((0,errors/* errorCode */.CA)(error) === 'EEXIST')
                return false;
            throw error;
        }
    }
    finally {
        external_node_fs_default().rmSync(partial, { force: true });
    }
}
/**
 * Takes a disk for this run, or fails at once when another run holds it. The lock is an abstract
 * socket named after the disk's device and inode: the kernel frees it when this process ends,
 * however it ends, so a killed step never leaves the disk locked. Runs that share a disk share a
 * network namespace (the runner's), where abstract socket names live.
 */
async function lockDisk(file, inUse) {
    const stat = external_node_fs_default().statSync(file, { bigint: true });
    const name = `\0krun-action-disk-${stat.dev}-${stat.ino}`;
    const server = external_node_net_default().createServer();
    await new Promise((resolve, reject) => {
        server.once('error', (error) => reject((0,errors/* errorCode */.CA)(error) === 'EADDRINUSE' ? inUse() : error));
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
function preparedLayerKey(parts) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
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
function preparedKeyParts(settings, imageDigest, guestArch) {
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
async function publishPreparedLayer(cache, tempFile, key) {
    await external_node_fs_default().promises.chmod(tempFile, 0o444);
    const entry = cache.tempPath('prepared');
    await external_node_fs_default().promises.mkdir(entry, { mode: 0o700 });
    await external_node_fs_default().promises.rename(tempFile, external_node_path_default().join(entry, external_node_path_default().basename(cache.preparedLayerPath(key))));
    try {
        await external_node_fs_default().promises.rename(entry, external_node_path_default().dirname(cache.preparedLayerPath(key)));
        return true;
    }
    catch (error) {
        if ((0,errors/* errorCode */.CA)(error) !== 'ENOTEMPTY' && (0,errors/* errorCode */.CA)(error) !== 'EEXIST')
            throw error;
        await (0,tree/* removeTree */.d)(entry);
        return false;
    }
}
/** The published layer for a key, marked as used now (for eviction); undefined when there is none. */
async function findPreparedLayer(cache, key) {
    const file = cache.preparedLayerPath(key);
    try {
        if (!(await external_node_fs_default().promises.lstat(file)).isFile())
            return undefined;
        const now = new Date();
        await external_node_fs_default().promises.utimes(file, now, now);
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
    const imageSettings = settings_imageOf(settings);
    if (!settings.prepare || !image || !imageSettings)
        return { layers: {}, prepared: undefined, release: () => Promise.resolve() };
    const script = prepareSettings(settings);
    const key = preparedLayerKey(preparedKeyParts(script, image.manifestDigest, context.guestArch));
    const cache = new image_cache/* ImageCache */.Ss(context.imageCacheDir);
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
        await external_node_fs_default().promises.rm(disk, { force: true });
    }
    const published = await findPreparedLayer(cache, key);
    if (!published)
        throw new HostError(`the prepared layer vanished from the image cache ${context.imageCacheDir}`);
    return { layers: { middle: published }, prepared: 'made', release: () => Promise.resolve() };
}
/** The job's writable layer, made on first use, held by this run alone. */
async function jobDisk(context) {
    const file = external_node_path_default().join(context.tempDir, JOB_DISK_NAME);
    await ensureLayerDisk(file, context.settings.persistSizeBytes);
    const lock = await lockDisk(file, () => new HostError(`persist: job: the job's layer disk ${file} is in use by another step running now; steps that share it must run one at a time`));
    return { upper: file, lock };
}
/** Sets up the run's layer disks; undefined when the prepare script failed (the step fails, nothing is cached). */
async function setUpLayers(context, runPrepare) {
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
const STATUS_END = new RegExp(`^(${STATUS_EXITED}|${STATUS_KILLED}) (0|[1-9][0-9]{0,2})$`);
/** Thrown for a record whose content is not in the init's format. */
class MalformedRecord extends Error {
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
    return (0,visible/* visibleExcerpt */.k)(firstLine, INIT_ERROR_SHOWN_CHARS);
}
/** Reads the records under `root` (the guest's root share). */
function readGuestRecords(root) {
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
async function runInMicroVm(options) {
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
        const timeout = image_base_timeoutFromNow(options.settings.timeoutSeconds);
        const imageSettings = settings_imageOf(options.settings);
        const image = imageSettings
            ? await image_base_prepareImageBase(imageSettings, {
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
    const layout = early?.layout ?? inTempDir(options, 'make the run directory', () => run_dir_createRunDir(options.host.tempDir));
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
        vmProcess ??= new vm_launcher_VmProcess({
            vmEntry: vmEntry(options.distDir),
            configFile: layout.vmConfigFile,
            libkrun,
            interactive,
            stderrToStdout: options.fence !== undefined,
            guard: guarded ? net_guard_prepareGuard(options.distDir, layout) : undefined
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
        const kernelNote = kernelWorkaround(external_node_os_default().release(), process.env)?.note;
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
    const cacheDir = (kind) => caches === 'action' ? cache_places_actionCacheDir(env, tempDir, kind) : userCacheDir(env, kind);
    return {
        parse: {
            cwd,
            defaultWorkspace: env.GITHUB_WORKSPACE || undefined,
            libraryFromEnv: env.KRUN_LIBRARY || undefined,
            hostMemoryMib: Math.floor(external_node_os_default().totalmem() / (1024 * 1024)),
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
    return external_node_crypto_default().randomBytes(16).toString('hex');
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

















;// CONCATENATED MODULE: ./src/later-steps/step-env.ts
/**
 * Which of a step's variables enter the guest. GitHub runs a custom shell with the step's and
 * the job's env: merged into the runner's whole environment, so krun-run passes only the
 * variables named in KRUN_ENV (and by --env NAME), never the rest.
 */


const STEP_ENV_VARIABLE = 'KRUN_ENV';
const step_env_EXPECTED = "expected comma-separated variable names, e.g. MODE,TOKEN (their values come from the step's env:)";
/** The variables KRUN_ENV names (comma-separated), with their values from `env`. */
function namedStepEnv(env) {
    const names = (env[STEP_ENV_VARIABLE] ?? '')
        .split(',')
        .map((name) => name.trim())
        .filter((name) => name !== '');
    return names.map((name) => {
        // Never shown: a NAME=value here would put a value in the message.
        if (name.includes('='))
            throw new InputError(STEP_ENV_VARIABLE, `holds an "="; ${step_env_EXPECTED}`);
        if (!ENV_NAME.test(name)) {
            throw new InputError(STEP_ENV_VARIABLE, `${showValue(name, 40)} is not a variable name; ${step_env_EXPECTED}`);
        }
        const value = env[name];
        if (value === undefined) {
            throw new InputError(STEP_ENV_VARIABLE, `${name} is not set in this step's environment; set it with env:, or drop it`);
        }
        return [name, value];
    });
}

;// CONCATENATED MODULE: ./src/cli/args.ts
/** krun-run's command line, parsed into the same raw inputs the action reads. */


/** Flags that take a value (long and short), and the input each one sets (from the input table). */
const VALUE_FLAGS = Object.fromEntries(INPUT_NAMES.flatMap((name) => INPUTS[name].flags.map((flag) => [flag, name])));
function optionLines() {
    const lines = INPUT_NAMES.filter((name) => INPUTS[name].flags.length > 0).map((name) => {
        const spec = INPUTS[name];
        const shown = shownDefault(name).replace(/`/g, '');
        const usage = `${spec.flags.join(', ')} ${spec.valueName}`;
        // A help text that explains its default itself keeps that one explanation.
        const help = shown && !shown.startsWith('(') && !spec.help.includes('(default:')
            ? `${spec.help} (default: ${shown})`
            : spec.help;
        return usage.length < 24 ? `  ${usage.padEnd(24)}${help}` : `  ${usage}\n  ${' '.repeat(24)}${help}`;
    });
    return [
        ...lines,
        `  ${'--doctor'.padEnd(24)}check this host, one verdict per line; run nothing (exit 0 when a microVM can start)`,
        `  ${'-v, --verbose'.padEnd(24)}same as --log-level debug`,
        `  ${'-h, --help'.padEnd(24)}show this help`
    ];
}
const USAGE = `Usage: krun-run [options] [FILE]

Runs shell commands in a throwaway libkrun microVM, exactly as the krun-action GitHub
action does, and exits with their exit code. Commands come from -c, from FILE, or from
standard input (one per line; blank lines and # comments are fine). With a terminal as
standard input and no commands, it opens an interactive shell in the guest.

Options:
${optionLines().join('\n')}

Environment: KRUN_ENV=A,B passes those variables into the guest, like --env A --env B;
KRUN_LIBRARY names libkrun; KRUN_SETTINGS (set by the launcher krun-action installs)
names saved defaults, which flags override. With GITHUB_OUTPUT, GITHUB_STEP_SUMMARY,
GITHUB_ENV or GITHUB_PATH set, the guest gets its own, and what it writes there comes back,
checked (GITHUB_ENV and GITHUB_PATH only with --export-env true). In a GitHub job (the
launcher's KRUN_SETTINGS, or GITHUB_ACTIONS=true) the guest's output, stderr included, is
fenced on stdout so the runner acts on none of its workflow commands, unless
--guest-workflow-commands true.

Exit status: the commands' exit code; 124 on timeout; 125 for a usage or host error. With
--doctor: 0 when a microVM can start here, else 1.`;
/** How an input is named on the command line, for error messages. */
function flagFor(input) {
    // Errors about an argument itself, FILE or KRUN_LIBRARY already carry their own name.
    if (input.startsWith('-') || input === input.toUpperCase())
        return input;
    const spec = INPUTS[input];
    return spec?.secretVariable ?? spec?.flags[0] ?? input;
}
/** util.parseArgs's options: every flag of the input table (each alias its own option), and the switches. */
function parseOptions() {
    const options = {
        help: { type: 'boolean', short: 'h', multiple: true },
        doctor: { type: 'boolean', multiple: true },
        verbose: { type: 'boolean', short: 'v', multiple: true }
    };
    for (const name of INPUT_NAMES) {
        const flags = INPUTS[name].flags;
        const short = flags.find((flag) => /^-[^-]$/.test(flag))?.slice(1);
        flags
            .filter((flag) => flag.startsWith('--'))
            .forEach((flag, i) => {
            options[flag.slice(2)] = { type: 'string', multiple: true, ...(i === 0 && short ? { short } : {}) };
        });
    }
    return options;
}
/** The long option name util.parseArgs named in its error, mapped to the input it sets. */
function parseError(error, argv) {
    const code = error.code;
    const named = /'(?:-\w, )?(--[\w-]+)/.exec(error.message)?.[1];
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && named && named in VALUE_FLAGS) {
        return new InputError(VALUE_FLAGS[named], `${named} needs a value; see --help`);
    }
    const unknown = named ?? argv.find((arg) => arg.startsWith('-') && arg !== '-') ?? argv.join(' ');
    return new InputError(unknown.split('=')[0], 'is not an option of krun-run; see --help');
}
/** `defaults` are what flags override: the table's, or the settings a launcher names. */
function parseArgs(argv, hostEnv, defaults = defaultInputs()) {
    const raw = { ...defaults };
    for (const name of INPUT_NAMES) {
        const variable = INPUTS[name].secretVariable;
        if (variable)
            raw[name] = hostEnv[variable] ?? '';
    }
    let tokens;
    try {
        const parsed = (0,external_node_util_namespaceObject.parseArgs)({
            args: argv,
            options: parseOptions(),
            strict: true,
            allowPositionals: true,
            tokens: true
        });
        tokens = parsed.tokens;
    }
    catch (error) {
        throw parseError(error, argv);
    }
    const env = [];
    const files = [];
    // The first of a repeatable flag replaces the default or saved value; later ones add lines.
    const given = new Set();
    let help = false;
    let doctor = false;
    let inline = false;
    for (const token of tokens) {
        if (token.kind === 'positional') {
            files.push(token.value);
            continue;
        }
        if (token.kind !== 'option')
            continue;
        if (token.name === 'help')
            help = true;
        else if (token.name === 'doctor')
            doctor = true;
        else if (token.name === 'verbose')
            raw['log-level'] = 'debug';
        else {
            const input = VALUE_FLAGS[`--${token.name}`];
            const value = token.value ?? '';
            if (input === 'env')
                env.push(parseEnvAssignment(value, hostEnv));
            else if (INPUTS[input].repeatable && given.has(input))
                raw[input] = `${raw[input]}\n${value}`;
            else
                raw[input] = value;
            given.add(input);
            if (input === 'commands')
                inline = true;
        }
    }
    if (files.length > 1)
        throw new InputError('FILE', `only one commands file can be given, got ${files.length}`);
    if (files.length === 1 && inline)
        throw new InputError('FILE', 'give commands either with -c or in a file, not both');
    const source = inline
        ? { kind: 'inline' }
        : files.length === 1 && files[0] !== '-'
            ? { kind: 'file', path: files[0] }
            : { kind: 'stdin' };
    return { help, doctor, raw, env, source };
}

;// CONCATENATED MODULE: ./src/cli/doctor.ts
/** krun-run --doctor: the host doctor's verdicts on stdout; exit 0 exactly when a microVM can start. */



/** Exit status of a doctor that found a host where no microVM can start. */
const DOCTOR_FAILED_EXIT = 1;
async function runDoctorCli(args, io, distDir) {
    const host = hostContext(io.env, io.cwd, startedByAction(io.env) ? 'action' : 'user');
    const checks = await diagnose_diagnose({
        kvmAccess: parseInput('kvm-access', args.raw, host.parse),
        libkrun: () => libkrunSettings(args.raw, host.parse),
        host,
        distDir,
        log: (line) => io.writeErr(`${line}\n`),
        env: io.env,
        fixKvm: false,
        libkrunFailure: (error) => failureMessage(error, flagFor)
    });
    for (const check of checks)
        io.writeOut(`${verdictLine(check)}\n`);
    return canStart(checks) ? 0 : DOCTOR_FAILED_EXIT;
}

;// CONCATENATED MODULE: ./src/cli/run.ts
/** krun-run: the action's engine as a local command. */






/** For usage and host errors, as docker and podman use it. A guest may exit 125 itself; then no krun-run line precedes it. */
const CLI_ERROR_EXIT = 125;
/** The commands as bytes: a file or stdin may hold any, and the guest gets them unchanged. */
function readCommands(args, io) {
    switch (args.source.kind) {
        case 'inline':
            return { commands: Buffer.from(args.raw.commands, 'utf8'), interactive: false };
        case 'file':
            try {
                return { commands: external_node_fs_default().readFileSync(args.source.path), interactive: false };
            }
            catch {
                throw new InputError('FILE', `cannot read commands file "${args.source.path}"; expected a readable file`);
            }
        case 'stdin':
            if (io.stdinIsTerminal)
                return { commands: Buffer.from('# interactive shell\n'), interactive: true };
            return { commands: io.readStdin(), interactive: false };
    }
}
/**
 * Whether the runner reads what krun-run prints, and would act on the guest's workflow
 * commands: in a step of a GitHub job, its shell or not. A terminal means a person reads it.
 */
function runnerReadsOutput(env, interactive) {
    return !interactive && (startedByAction(env) || env.GITHUB_ACTIONS === 'true');
}
/** Commands that came from stdin or a file are not named by -c in messages. */
function labelFor(input, source) {
    if (input !== 'commands' || source === undefined || source.kind === 'inline')
        return flagFor(input);
    return source.kind === 'stdin' ? 'stdin' : source.path;
}
async function runCli(io, distDir) {
    let source;
    try {
        const args = parseArgs(io.argv, io.env, cliDefaults(io.env));
        source = args.source;
        if (args.help) {
            io.writeOut(USAGE + '\n');
            return 0;
        }
        if (args.doctor)
            return await runDoctorCli(args, io, distDir);
        const { commands, interactive } = readCommands(args, io);
        // A later step of the action's job runs the image the action pulled, and the libkrun it fetched, from its caches.
        const host = hostContext(io.env, io.cwd, startedByAction(io.env) ? 'action' : 'user');
        // Saved env, then what the step names, then --env: a later entry replaces an earlier one.
        const env = [...parseEnv(args.raw.env), ...namedStepEnv(io.env), ...args.env];
        const settings = buildSettings(args.raw, host.parse, env, commands);
        const result = await run({
            settings,
            distDir,
            host,
            log: (line) => io.writeErr(`krun-run: ${line}\n`),
            interactive,
            extraEnv: interactive && io.env.TERM ? { TERM: io.env.TERM } : {},
            onWarning: (message) => io.writeErr(`krun-run: warning: ${message}\n`),
            fileCommands: enabledFileCommands(io.env),
            hostFiles: { env: io.env, exportEnvSetting: '--export-env true' },
            fence: runnerReadsOutput(io.env, interactive) && !settings.guestWorkflowCommands
                ? new OutputFence(io.writeOut)
                : undefined
        });
        const { outcome } = result;
        for (const note of result.notes)
            io.writeErr(`krun-run: ${note}\n`);
        for (const warning of result.warnings)
            io.writeErr(`krun-run: warning: ${warning}\n`);
        if (result.log)
            io.writeErr(`libkrun's log (last lines):\n${result.log}\n`);
        if (outcome.exitCode !== undefined) {
            // The guest's own code speaks for itself; only a timeout needs saying.
            if (outcome.timedOut)
                io.writeErr(`krun-run: ${outcome.failure}\n`);
            return outcome.exitCode;
        }
        io.writeErr(`krun-run: ${outcome.failure ?? 'the commands did not report an exit code'}\n`);
        return CLI_ERROR_EXIT;
    }
    catch (error) {
        io.writeErr(`krun-run: ${failureMessage(error, (input) => labelFor(input, source))}\n`);
        return CLI_ERROR_EXIT;
    }
}


/***/ }),

/***/ 587:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Qi: () => (/* binding */ DEFAULT_MAX_CACHE_BYTES),
/* harmony export */   Ss: () => (/* binding */ ImageCache),
/* harmony export */   mw: () => (/* binding */ EVICTION_GRACE_MS)
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

/***/ 170:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
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

/***/ 613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

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

/***/ 136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

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
/******/ var __webpack_exports__ = __nccwpck_require__(486);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
