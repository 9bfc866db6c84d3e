import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ // The require scope
/******/ var __nccwpck_require__ = {};
/******/ 
/************************************************************************/
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
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
var external_node_fs_default = /*#__PURE__*/__nccwpck_require__.n(external_node_fs_namespaceObject);
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
var external_node_os_default = /*#__PURE__*/__nccwpck_require__.n(external_node_os_namespaceObject);
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

;// CONCATENATED MODULE: ./src/text/visible.ts
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
function visible_visible(text, options = {}) {
    let shown = '';
    // By code point: a lone surrogate is escaped, a pair is one character.
    for (const character of text)
        shown += shownCharacter(character, options.keepLines ?? false);
    return shown;
}
/** As visible, cut to at most `max` characters shown, then `…`; an escape or a character is never split. */
function visible_visibleExcerpt(text, max) {
    let shown = '';
    for (const character of text) {
        const piece = shownCharacter(character, false);
        if (shown.length + piece.length > max)
            return `${shown}…`;
        shown += piece;
    }
    return shown;
}

;// CONCATENATED MODULE: ./src/image/errors.ts
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
        super(visible_visible(oneLine(message)));
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
    return visible_visibleExcerpt(oneLine(text), max);
}
/** The errno name of a failed system call (ENOENT, EACCES…), if it is one: the one reader of it. */
function errors_errorCode(error) {
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
    const code = errors_errorCode(error);
    return `${code ? `${code} ` : ''}${excerpt(error instanceof Error ? error.message : String(error), max)}`;
}

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
    return `"${visibleExcerpt(value, max)}"`;
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
    const code = errorCode(error);
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
    if (error instanceof InputError)
        return `${nameInput(error.input)}: ${error.problem}`;
    if (error instanceof HostError)
        return error.message;
    return `failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`;
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

;// CONCATENATED MODULE: ./src/vm/configure.ts
/**
 * The VM process's checks and configuration, written against the Libkrun interface so
 * they can be tested without native code.
 */


/** Older builds than MIN_LIBKRUN_VERSION are refused: they do not report the guest's exit code. */
function checkLibkrunVersion(krun, libraryPath) {
    if (!krun.has(MIN_LIBKRUN_SYMBOL)) {
        throw new InputError('libkrun', `${libraryPath} is older than libkrun ${MIN_LIBKRUN_VERSION} (it lacks ${MIN_LIBKRUN_SYMBOL}), and older versions do not report the guest's exit code. Install libkrun ${MIN_LIBKRUN_VERSION} or newer.`);
    }
}
/**
 * An image's root must be shared read-only on the host side, which needs krun_add_virtiofs3: with
 * an older libkrun a guest could write into the image cache, and every later run of the image would
 * run what it left there.
 */
function checkImageShareable(krun, config) {
    if (krun.addVirtiofs3 || !config.shares.some((share) => share.imageCache))
        return;
    throw new InputError('image', `needs libkrun ${since('krun_add_virtiofs3')} or newer (${config.libkrun} lacks krun_add_virtiofs3) to share the image read-only on the host side, ` +
        'so that no guest can change the image cache; install a newer libkrun or use a rootfs directory');
}
/** What the user should know about this libkrun's limits for this config, one line each. */
function libkrunWarnings(krun, config) {
    if (krun.addVirtiofs3 || !config.shares.some((share) => share.readOnly))
        return [];
    return [
        `this libkrun has no krun_add_virtiofs3 (libkrun ${since('krun_add_virtiofs3')}): the base filesystem is read-only only inside the guest, which could remount it`
    ];
}
const EXPECTED_KVM_API = 12;
function checkKvmApi(version, device, describeErrno) {
    if (version < 0) {
        throw new Error(`${device} did not answer KVM_GET_API_VERSION (${describeErrno(-version)}); it is not a working KVM device`);
    }
    if (version !== EXPECTED_KVM_API) {
        throw new Error(`${device} reports KVM API version ${version}, but libkrun needs version ${EXPECTED_KVM_API}; use a host with a standard Linux KVM`);
    }
}
const KRUN_LOG_TARGET_DEFAULT = -1;
const KRUN_LOG_STYLE_NEVER = 2;
/** shm_size 0: libkrun's default DAX window, what krun_add_virtiofs itself passes. */
const DEFAULT_DAX_WINDOW = 0;
/** libkrun's numbers for the log levels (krun_set_log_level, krun_init_log). */
const KRUN_LOG_LEVEL = { off: 0, error: 1, warn: 2, info: 3, debug: 4, trace: 5 };
/** libkrun's KRUN_DISK_FORMAT_RAW: a layer disk is never probed for another format. */
const KRUN_DISK_FORMAT_RAW = 0;
/** Attaches the layer disks (persist: job, prepare), which need a libkrun built with disk support. */
function addDisks(krun, ctx, config, describeErrno) {
    if (config.disks.length === 0)
        return;
    const addDisk2 = krun.addDisk2;
    if (!addDisk2) {
        const input = config.disks.some((disk) => !disk.readOnly) ? 'persist' : 'prepare';
        throw new InputError(input, `needs a libkrun with disk support (${config.libkrun} lacks krun_add_disk2: libkrun 1.10 or newer, built with the block device feature); install such a libkrun, or drop ${input}`);
    }
    for (const disk of config.disks) {
        call('krun_add_disk2', addDisk2(ctx, disk.blockId, disk.hostPath, KRUN_DISK_FORMAT_RAW, disk.readOnly), describeErrno, disk.hostPath);
    }
}
/** Calls libkrun; a negative result becomes an error naming the call, what it was about, and the errno. */
function call(name, result, describeErrno, about) {
    if (result < 0) {
        throw new Error(`${name} failed${about ? ` for ${about}` : ''}: ${describeErrno(-result)}`);
    }
    return result;
}
/**
 * Sets up logging and a context from the config. `logFd` is an open descriptor for the
 * log file, used when the user chose no level (warnings then go to the file, shown only
 * when the run fails).
 */
function configureContext(krun, config, logFd, describeErrno) {
    if (config.logLevel !== undefined) {
        const level = KRUN_LOG_LEVEL[config.logLevel];
        if (krun.initLog)
            call('krun_init_log', krun.initLog(KRUN_LOG_TARGET_DEFAULT, level, KRUN_LOG_STYLE_NEVER, 0), describeErrno);
        else
            call('krun_set_log_level', krun.setLogLevel(level), describeErrno);
    }
    else if (krun.initLog) {
        call('krun_init_log', krun.initLog(logFd(), KRUN_LOG_LEVEL.warn, KRUN_LOG_STYLE_NEVER, 0), describeErrno);
    }
    const ctx = call('krun_create_ctx', krun.createCtx(), describeErrno);
    // libkrun takes uint8_t vcpus and uint32_t MiB; koffi would wrap larger values silently.
    if (!(config.cpus >= 1 && config.cpus <= 255) || !(config.memoryMib >= 1 && config.memoryMib <= 0xffffffff)) {
        throw new Error(`cpus ${config.cpus} or memory ${config.memoryMib} is out of libkrun's range`);
    }
    call('krun_set_vm_config', krun.setVmConfig(ctx, config.cpus, config.memoryMib), describeErrno);
    call('krun_set_root', krun.setRoot(ctx, config.root), describeErrno, config.root);
    for (const share of config.shares) {
        const about = `${share.hostPath} (tag ${share.tag})`;
        // Read-only on the host side where libkrun can do it; the guest init mounts the base
        // read-only in any case, but a guest's root could remount it.
        if (share.readOnly && krun.addVirtiofs3) {
            call('krun_add_virtiofs3', krun.addVirtiofs3(ctx, share.tag, share.hostPath, DEFAULT_DAX_WINDOW, true), describeErrno, about);
        }
        else {
            call('krun_add_virtiofs', krun.addVirtiofs(ctx, share.tag, share.hostPath), describeErrno, about);
        }
    }
    addDisks(krun, ctx, config, describeErrno);
    // Always set: without a port map libkrun exposes every port the guest listens on.
    call('krun_set_port_map', krun.setPortMap(ctx, config.portMap), describeErrno);
    if (config.network === 'none') {
        // Refused rather than run with TSI: the user asked for no network.
        const disableImplicitVsock = krun.disableImplicitVsock;
        if (!disableImplicitVsock) {
            throw new InputError('network', `none needs libkrun ${since('krun_disable_implicit_vsock')} or newer (${config.libkrun} lacks krun_disable_implicit_vsock); install a newer libkrun or use network tsi`);
        }
        call('krun_disable_implicit_vsock', disableImplicitVsock(ctx), describeErrno);
    }
    call('krun_set_workdir', krun.setWorkdir(ctx, '/'), describeErrno);
    // An explicit, empty environment: NULL would copy the host's onto the kernel command line.
    call('krun_set_exec', krun.setExec(ctx, config.execPath, [], []), describeErrno);
    return ctx;
}

;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_namespaceObject);
;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
;// CONCATENATED MODULE: external "node:module"
const external_node_module_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");
;// CONCATENATED MODULE: ./node_modules/koffi/src/koffi/src/static.js
// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 Niels Martignène <niels.martignene@protonmail.com>


const static_require = (0,external_node_module_namespaceObject.createRequire)(import.meta.url);

function loadStatic(pkg) {
    let native = null;

    if (pkg == 'linux-arm') {
        try {
            native = static_require('@koromix/koffi-linux-arm');
        } catch (err) {
            // Go on
        }
    }

    if (pkg == 'linux-arm64') {
        try {
            native = static_require('@koromix/koffi-linux-arm64');
        } catch (err) {
            // Go on
        }
    }

    if (pkg == 'linux-ia32') {
        try {
            native = static_require('@koromix/koffi-linux-ia32');
        } catch (err) {
            // Go on
        }
    }

    if (pkg == 'linux-x64') {
        try {
            native = static_require('@koromix/koffi-linux-x64');
        } catch (err) {
            // Go on
        }
    }

    if (pkg == 'linux-riscv64') {
        try {
            native = static_require('@koromix/koffi-linux-riscv64');
        } catch (err) {
            // Go on
        }
    }

    if (pkg == 'freebsd-ia32') {
        try {
            native = static_require('@koromix/koffi-freebsd-ia32');
        } catch (err) {
            // Go on
        }
    }

    if (pkg == 'freebsd-x64') {
        try {
            native = static_require('@koromix/koffi-freebsd-x64');
        } catch (err) {
            // Go on
        }
    }

    if (pkg == 'freebsd-arm64') {
        try {
            native = static_require('@koromix/koffi-freebsd-arm64');
        } catch (err) {
            // Go on
        }
    }

    if (pkg == 'openbsd-ia32') {
        try {
            native = static_require('@koromix/koffi-openbsd-ia32');
        } catch (err) {
            // Go on
        }
    }

    if (pkg == 'openbsd-x64') {
        try {
            native = static_require('@koromix/koffi-openbsd-x64');
        } catch (err) {
            // Go on
        }
    }

    if (pkg == 'win32-ia32') {
        try {
            native = static_require('@koromix/koffi-win32-ia32');
        } catch (err) {
            // Go on
        }
    }

    if (pkg == 'win32-x64') {
        try {
            native = static_require('@koromix/koffi-win32-x64');
        } catch (err) {
            // Go on
        }
    }

    if (pkg == 'win32-arm64') {
        try {
            native = static_require('@koromix/koffi-win32-arm64');
        } catch (err) {
            // Go on
        }
    }

    if (pkg == 'darwin-x64') {
        try {
            native = static_require('@koromix/koffi-darwin-x64');
        } catch (err) {
            // Go on
        }
    }

    if (pkg == 'darwin-arm64') {
        try {
            native = static_require('@koromix/koffi-darwin-arm64');
        } catch (err) {
            // Go on
        }
    }

    if (pkg == 'linux-loong64') {
        try {
            native = static_require('@koromix/koffi-linux-loong64');
        } catch (err) {
            // Go on
        }
    }

    if (pkg == 'android-arm64') {
        try {
            native = static_require('@koromix/koffi-android-arm64');
        } catch (err) {
            // Go on
        }
    }

    if (pkg == 'android-x64') {
        try {
            native = static_require('@koromix/koffi-android-x64');
        } catch (err) {
            // Go on
        }
    }

    if (pkg == 'linux-ppc64') {
        try {
            native = static_require('@koromix/koffi-linux-ppc64');
        } catch (err) {
            // Go on
        }
    }

    if (pkg == 'openbsd-arm64') {
        try {
            native = static_require('@koromix/koffi-openbsd-arm64');
        } catch (err) {
            // Go on
        }
    }

    return native;
}



;// CONCATENATED MODULE: ./node_modules/koffi/src/koffi/index.js
// src/init.js




// ../cnoke/src/abi.js

function determineAbi() {
  let abi = process.arch.toString();
  if (abi == "riscv32" || abi == "riscv64") {
    let file = openFile(process.execPath, "r");
    try {
      let header = readElfHeader(file);
      let float_abi = header.e_flags & 6;
      switch (float_abi) {
        case 0:
          {
          }
          break;
        case 2:
          {
            abi += "f";
          }
          break;
        case 4:
          {
            abi += "d";
          }
          break;
        case 6:
          {
            abi += "q";
          }
          break;
      }
    } finally {
      file.close();
    }
  } else if (abi == "arm") {
    let file = openFile(process.execPath, "r");
    try {
      let header = readElfHeader(file);
      if (header.e_flags & 1024) {
        abi += "hf";
      } else if (header.e_flags & 512) {
        abi += "sf";
      } else {
        throw new Error("Unknown ARM floating-point ABI");
      }
    } finally {
      file.close();
    }
  } else if (abi == "ppc64") {
    let file = openFile(process.execPath, "r");
    try {
      let header = readElfHeader(file);
      switch (header.ei_data) {
        case 1:
          {
            abi += "le";
          }
          break;
        case 2:
          {
            abi += "be";
          }
          break;
        default:
          throw new Error("Invalid ELF endianness value");
      }
    } finally {
      file.close();
    }
  }
  return abi;
}
function readElfHeader(file, offset = 0) {
  let buf = file.read(offset, 512);
  if (buf.length < 16)
    throw new Error("Truncated header");
  if (buf[0] != 127 || buf[1] != 69 || buf[2] != 76 || buf[3] != 70)
    throw new Error("Invalid magic number");
  if (buf[6] != 1)
    throw new Error("Invalid ELF version");
  if (buf[5] != 1)
    throw new Error("Big-endian architectures are not supported");
  switch (buf[4]) {
    case 1:
      {
        if (buf.length < 68)
          throw new Error("Truncated ELF header");
        return {
          ei_class: 32,
          ei_data: buf[5],
          e_machine: buf.readUInt16LE(18),
          e_flags: buf.readUInt32LE(36),
          e_phoff: buf.readUInt32LE(28),
          e_phentsize: buf.readUInt16LE(42),
          e_phnum: buf.readUInt16LE(44)
        };
      }
      break;
    case 2:
      {
        if (buf.length < 120)
          throw new Error("Truncated ELF header");
        return {
          ei_class: 64,
          ei_data: buf[5],
          e_machine: buf.readUInt16LE(18),
          e_flags: buf.readUInt32LE(48),
          e_phoff: buf.readBigUInt64LE(32),
          e_phentsize: buf.readUInt16LE(54),
          e_phnum: buf.readUInt16LE(56)
        };
      }
      break;
    default:
      throw new Error("Invalid ELF class");
  }
}
function openFile(filename, flags) {
  let fd = external_node_fs_namespaceObject.openSync(filename, flags);
  return new FileHandle(fd);
}
var FileHandle = class {
  constructor(fd) {
    this.fd = fd;
  }
  close() {
    external_node_fs_namespaceObject.closeSync(this.fd);
  }
  [Symbol.dispose]() {
    external_node_fs_namespaceObject.closeSync(this.fd);
  }
  read(offset, len) {
    let buf = Buffer.allocUnsafe(len);
    let read = external_node_fs_namespaceObject.readSync(this.fd, buf, 0, len, offset);
    return buf.subarray(0, read);
  }
};

// package.json
var package_default = { name: "koffi", version: "3.3.4", cnoke: { api: "../../vendor/node-api-headers", output: "../../bin/Koffi/{{ toolchain }}", node: 16, napi: 8 } };

// src/init.js
var require2 = (0,external_node_module_namespaceObject.createRequire)(import.meta.url);
function detectPlatform() {
  if (process.versions.napi == null || process.versions.napi < package_default.cnoke.napi) {
    let major = parseInt(process.versions.node, 10);
    throw new Error(`This engine is based on Node ${process.versions.node}, but ${package_default.name} does not support the Node ${major}.x branch (Node-API < ${package_default.cnoke.napi})`);
  }
  let abi = determineAbi();
  let pkg2 = `${process.platform}-${process.arch}`;
  let triplets2 = [`${process.platform}_${abi}`];
  if (process.platform == "linux")
    triplets2.push(`musl_${abi}`);
  return [package_default.version, pkg2, triplets2];
}
function loadDynamic(dirname, pkg2, triplets2) {
  let suffix = "/../../build/koffi";
  let root = dirname + suffix;
  let roots = [root];
  let native2 = null;
  let err = null;
  if (process["resourcesPath"] != null) {
    let suffixes = [
      "/koffi",
      "/koffi/build",
      "/node_modules/koffi/build"
    ];
    for (let suffix2 of suffixes)
      roots.push(process["resourcesPath"] + suffix2);
  }
  let names = [
    `${import.meta.dirname}/../../../@koromix/koffi-${pkg2}`,
    ...triplets2.flatMap((triplet) => roots.map((dir) => `${dir}/${triplet}/koffi.node`))
  ];
  for (let name of names) {
    if (!external_node_fs_namespaceObject.existsSync(name))
      continue;
    try {
      native2 = require2(name);
      break;
    } catch (e) {
      err ??= e;
    }
  }
  if (native2 == null && err != null)
    throw err;
  return native2;
}
function wrapNative(native2, version2) {
  if (native2 == null)
    throw new Error("Cannot find the native Koffi module; did you bundle it correctly?");
  if (native2.version != version2)
    throw new Error("Mismatched native Koffi modules");
  let load = native2.load;
  let register = native2.register;
  native2.register = (...args) => {
    if (args.length >= 3 && typeof args[1] == "function") {
      process.emitWarning("Using koffi.register() with a custom this value was deprecated in Koffi 2.17, use function.bind() instead", "DeprecationWarning", "KOFFI009");
      args[1] = args[1].bind(args[0]);
      args = args.slice(1);
    }
    return register(...args);
  };
  native2.load = (...args) => {
    let lib = load(...args);
    lib.cdecl = external_node_util_namespaceObject.deprecate((...args2) => lib.func("__cdecl", ...args2), "The koffi.cdecl() function was deprecated in Koffi 2.7, use koffi.func(...) instead", "KOFFI003");
    lib.stdcall = external_node_util_namespaceObject.deprecate((...args2) => lib.func("__stdcall", ...args2), 'The koffi.stdcall() function was deprecated in Koffi 2.7, use koffi.func("__stdcall", ...) instead', "KOFFI004");
    lib.fastcall = external_node_util_namespaceObject.deprecate((...args2) => lib.func("__fastcall", ...args2), 'The koffi.fastcall() function was deprecated in Koffi 2.7, use koffi.func("__fastcall", ...) instead', "KOFFI005");
    lib.thiscall = external_node_util_namespaceObject.deprecate((...args2) => lib.func("__thiscall", ...args2), 'The koffi.thiscall() function was deprecated in Koffi 2.7, use koffi.func("__thiscall", ...) instead', "KOFFI006");
    return lib;
  };
  native2.resolve = external_node_util_namespaceObject.deprecate(native2.type, "The koffi.resolve() function was deprecated in Koffi 3.0, use koffi.type() instead", "KOFFI007");
  native2.introspect = external_node_util_namespaceObject.deprecate(native2.type, "The koffi.introspect() function was deprecated in Koffi 3.0, use koffi.type() instead", "KOFFI008");
}

// index.js

var [version, pkg, triplets] = detectPlatform();
var koffi_native = loadStatic(pkg) ?? loadDynamic(import.meta.dirname, pkg, triplets);
wrapNative(koffi_native, version);
var mod_LibraryHandle = koffi_native.LibraryHandle;
var mod_TypeObject = koffi_native.TypeObject;
var mod_Union = koffi_native.Union;
var mod_address = koffi_native.address;
var mod_alias = koffi_native.alias;
var mod_alignof = koffi_native.alignof;
var mod_alloc = koffi_native.alloc;
var mod_array = koffi_native.array;
var mod_as = koffi_native.as;
var mod_call = koffi_native.call;
var mod_config = koffi_native.config;
var mod_decode = koffi_native.decode;
var mod_disposable = koffi_native.disposable;
var mod_encode = koffi_native.encode;
var mod_enumeration = koffi_native.enumeration;
var mod_errno = koffi_native.errno;
var mod_extension = koffi_native.extension;
var mod_free = koffi_native.free;
var mod_in = koffi_native.in;
var mod_inout = koffi_native.inout;
var mod_introspect = koffi_native.introspect;
var mod_load = koffi_native.load;
var mod_node = koffi_native.node;
var mod_offsetof = koffi_native.offsetof;
var mod_opaque = koffi_native.opaque;
var mod_os = koffi_native.os;
var mod_out = koffi_native.out;
var mod_pack = koffi_native.pack;
var mod_pointer = koffi_native.pointer;
var mod_proto = koffi_native.proto;
var mod_register = koffi_native.register;
var mod_reset = koffi_native.reset;
var mod_resolve = koffi_native.resolve;
var mod_sizeof = koffi_native.sizeof;
var mod_stats = koffi_native.stats;
var mod_struct = koffi_native.struct;
var mod_type = koffi_native.type;
var mod_types = koffi_native.types;
var mod_union = koffi_native.union;
var mod_unregister = koffi_native.unregister;
var mod_version = koffi_native.version;
var mod_view = koffi_native.view;
var index_default = koffi_native;


;// CONCATENATED MODULE: ./node_modules/koffi/index.js


;// CONCATENATED MODULE: ./src/vm/libkrun.ts
/**
 * The one place that touches native code: libkrun, libkrunfw (loaded only to check it) and
 * the few libc calls the VM process needs, through koffi.
 *
 * koffi traps: a parameter spelled `*const name` aborts Node, so arrays are declared
 * `const char **` and passed as null-terminated JS arrays; uint8_t/uint32_t arguments wrap
 * silently, so callers range-check first.
 */



/** Kept for the life of the process, so the library is never unloaded. */
const preloaded = [];
/**
 * Loads the libkrunfw.so.N beside libkrun first, when there is exactly one. libkrun dlopens
 * libkrunfw by its soname, and the dynamic loader hands back a library already loaded under
 * that soname before it searches any path: so libkrun gets the libkrunfw it was shipped with
 * whatever its run path says, and LD_LIBRARY_PATH cannot help once this process runs (the
 * loader reads it at start). Returns the file loaded, if any.
 */
function preloadKrunfw(libraryPath) {
    const dir = external_node_path_default().dirname(libraryPath);
    let names;
    try {
        names = external_node_fs_default().readdirSync(dir).filter((name) => /^libkrunfw\.so\.\d+$/.test(name));
    }
    catch {
        return undefined;
    }
    if (names.length !== 1)
        return undefined;
    const file = external_node_path_default().join(dir, names[0]);
    try {
        preloaded.push(index_default.load(file));
    }
    catch (error) {
        throw new Error(`cannot load ${names[0]} beside it: ${error.message}`, { cause: error });
    }
    return file;
}
function nullTerminated(items) {
    return [...items, null];
}
function loadLibkrun(libraryPath) {
    const lib = index_default.load(libraryPath);
    const optional = (declaration) => {
        try {
            return lib.func(declaration);
        }
        catch {
            return undefined;
        }
    };
    const has = (symbol) => {
        try {
            lib.func(`void ${symbol}()`);
            return true;
        }
        catch {
            return false;
        }
    };
    const required = (declaration) => {
        const fn = optional(declaration);
        if (!fn)
            throw new Error(`it does not export ${/krun_\w+/.exec(declaration)?.[0]}; expected a libkrun.so.1 built for running a root directory (not a SEV/TEE build)`);
        return fn;
    };
    const setLogLevel = required('int32_t krun_set_log_level(uint32_t level)');
    const initLog = optional('int32_t krun_init_log(int fd, uint32_t level, uint32_t style, uint32_t options)');
    const createCtx = required('int32_t krun_create_ctx()');
    const setVmConfig = required('int32_t krun_set_vm_config(uint32_t ctx, uint8_t vcpus, uint32_t ram_mib)');
    const setRoot = required('int32_t krun_set_root(uint32_t ctx, const char *path)');
    const setWorkdir = required('int32_t krun_set_workdir(uint32_t ctx, const char *path)');
    const setExec = required('int32_t krun_set_exec(uint32_t ctx, const char *path, const char **argv, const char **envp)');
    const addVirtiofs = required('int32_t krun_add_virtiofs(uint32_t ctx, const char *tag, const char *path)');
    const addVirtiofs3 = optional('int32_t krun_add_virtiofs3(uint32_t ctx, const char *tag, const char *path, uint64_t shm_size, bool read_only)');
    const addDisk2 = optional('int32_t krun_add_disk2(uint32_t ctx, const char *block_id, const char *disk_path, uint32_t disk_format, bool read_only)');
    const setPortMap = required('int32_t krun_set_port_map(uint32_t ctx, const char **port_map)');
    const disableImplicitVsock = optional('int32_t krun_disable_implicit_vsock(uint32_t ctx)');
    const startEnter = required('int32_t krun_start_enter(uint32_t ctx)');
    return {
        has,
        setLogLevel: (level) => setLogLevel(level),
        initLog: initLog && ((fd, level, style, options) => initLog(fd, level, style, options)),
        createCtx: () => createCtx(),
        setVmConfig: (ctx, vcpus, ramMib) => setVmConfig(ctx, vcpus, ramMib),
        setRoot: (ctx, path) => setRoot(ctx, path),
        setWorkdir: (ctx, path) => setWorkdir(ctx, path),
        setExec: (ctx, execPath, argv, envp) => setExec(ctx, execPath, nullTerminated(argv), nullTerminated(envp)),
        addVirtiofs: (ctx, tag, path) => addVirtiofs(ctx, tag, path),
        addVirtiofs3: addVirtiofs3 && ((ctx, tag, path, shmSize, readOnly) => addVirtiofs3(ctx, tag, path, shmSize, readOnly)),
        addDisk2: addDisk2 &&
            ((ctx, blockId, diskPath, diskFormat, readOnly) => addDisk2(ctx, blockId, diskPath, diskFormat, readOnly)),
        setPortMap: (ctx, portMap) => setPortMap(ctx, nullTerminated(portMap)),
        disableImplicitVsock: disableImplicitVsock && ((ctx) => disableImplicitVsock(ctx)),
        startEnter: (ctx) => startEnter(ctx)
    };
}
let libc;
function loadLibc() {
    libc ??= index_default.load('libc.so.6');
    return libc;
}
/** The system's text for an errno value, e.g. "No such file or directory". */
function strerror(errno) {
    return loadLibc().func('const char *strerror(int errnum)')(errno);
}
const PR_SET_PDEATHSIG = 1;
const SIGKILL = 9;
/**
 * Ties this process's life to its parent's: if the action process is killed outright,
 * the kernel kills the VM process (and with it the microVM) at once.
 */
function dieWithParent() {
    loadLibc().func('int prctl(int option, unsigned long arg2, unsigned long arg3, unsigned long arg4, unsigned long arg5)')(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
}
const KVM_GET_API_VERSION = 0xae00;
/** KVM_GET_API_VERSION on an open KVM device; negative errno when the ioctl fails. */
function kvmApiVersion(fd) {
    const lib = loadLibc();
    const ioctl = lib.func('int ioctl(int fd, unsigned long request, ...)');
    const errnoLocation = lib.func('int *__errno_location()');
    const result = ioctl(fd, KVM_GET_API_VERSION, 'long', 0);
    if (result >= 0)
        return result;
    return -index_default.decode(errnoLocation(), 'int');
}
/** krun_has_feature of the library, when it has it: 1 built in, 0 not, negative errno unknown. */
function featureQuery(libraryPath) {
    try {
        const hasFeature = index_default.load(libraryPath).func('int32_t krun_has_feature(uint64_t feature)');
        return (feature) => hasFeature(feature);
    }
    catch {
        return undefined;
    }
}
/**
 * Loads libkrunfw by its soname, as libkrun does (so the loader's path decides where it comes
 * from), and returns its ABI version when it says one (krunfw_get_version). Throws the
 * loader's error when it does not load.
 */
function loadFirmware(soname) {
    const lib = index_default.load(soname);
    try {
        return lib.func('uint32_t krunfw_get_version()')();
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/vm/probe.ts
/**
 * The VM process's probe mode, for the doctor: loads libkrun as a run would, asks the KVM
 * device its API version, and loads libkrunfw by soname, then prints what it found as one
 * JSON line. It configures no VM.
 */



function kvm(device, describeErrno) {
    let fd;
    try {
        fd = external_node_fs_default().openSync(device, 'r+');
    }
    catch (error) {
        return { error: errors_errorCode(error) ?? String(error) };
    }
    try {
        const version = kvmApiVersion(fd);
        return version < 0 ? { error: describeErrno(-version) } : { apiVersion: version };
    }
    finally {
        external_node_fs_default().closeSync(fd);
    }
}
function libkrun(library, request) {
    let krun;
    try {
        krun = loadLibkrun(library);
    }
    catch (error) {
        return { error: error.message };
    }
    const symbols = request.symbols.filter((symbol) => krun.has(symbol));
    const hasFeature = featureQuery(library);
    if (!hasFeature)
        return { symbols };
    const features = Object.entries(request.features)
        .filter(([, number]) => hasFeature(number) === 1)
        .map(([name]) => name);
    return { symbols, features };
}
/** Where the loader found a library: the file mapped into this process under that name. */
function mappedPath(soname) {
    const base = soname.replace(/\.so\..*$/, '.so');
    const lines = external_node_fs_default().readFileSync('/proc/self/maps', 'utf8').split('\n');
    return lines.map((line) => line.split(/\s+/).slice(5).join(' ')).find((file) => file.includes(`/${base}`));
}
function firmware(soname) {
    try {
        const version = loadFirmware(soname);
        return { path: mappedPath(soname), ...(version === undefined ? {} : { version }) };
    }
    catch (error) {
        return { error: error.message };
    }
}
function probe(request, describeErrno) {
    return {
        ...(request.kvmDevice === undefined ? {} : { kvm: kvm(request.kvmDevice, describeErrno) }),
        ...(request.libkrun === undefined ? {} : { libkrun: libkrun(request.libkrun, request) }),
        firmware: Object.fromEntries(request.firmware.map((soname) => [soname, firmware(soname)]))
    };
}

;// CONCATENATED MODULE: ./src/vm/index.ts
/**
 * The VM process: `node dist/vm/index.js <vm.json>`. Loads libkrun, checks it and the KVM
 * device, configures the VM, tells the action process it is ready, then hands the process
 * to libkrun, which ends it with the guest's exit code. `--probe REQUEST` only reports what
 * the doctor asks (probe.ts).
 */









/** Exit code of the VM process when it fails before the guest starts. */
const SETUP_FAILED = 125;
function send(message) {
    external_node_fs_default().writeSync(CHANNEL_FD, encodeMessage(message));
}
function describeErrno(errno) {
    const name = Object.entries((external_node_os_default()).constants.errno).find(([, value]) => value === errno)?.[0];
    return `${strerror(errno)} (${name ?? `errno ${errno}`})`;
}
/**
 * Waits for the action's `line`: GO_LINE (it may start this process before the
 * configuration is written), then START_LINE (the guest may start). The end of the channel
 * instead means the action let go of this process.
 */
function waitFor(line, what) {
    const buffer = Buffer.alloc(line.length);
    let got = 0;
    while (got < buffer.length) {
        let read;
        try {
            read = external_node_fs_default().readSync(CHANNEL_FD, buffer, got, buffer.length - got, null);
        }
        catch (error) {
            if (errors_errorCode(error) !== 'EAGAIN')
                throw error;
            Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
            continue;
        }
        if (read === 0)
            process.exit(SETUP_FAILED);
        got += read;
    }
    if (buffer.toString() !== line)
        throw new Error(`the action sent something other than ${what}`);
}
function readConfig(file) {
    try {
        return JSON.parse(external_node_fs_default().readFileSync(file, 'utf8'));
    }
    catch (error) {
        throw new Error(`cannot read the VM configuration ${file}: ${error.message}`, { cause: error });
    }
}
function checkKvm(device) {
    const fd = external_node_fs_default().openSync(device, 'r+');
    try {
        checkKvmApi(kvmApiVersion(fd), device, describeErrno);
    }
    finally {
        external_node_fs_default().closeSync(fd);
    }
}
function main() {
    dieWithParent();
    try {
        waitFor(GO_LINE, 'its go-ahead');
        const config = readConfig(process.argv[2] ?? '');
        let krun;
        try {
            preloadKrunfw(config.libkrun);
            krun = loadLibkrun(config.libkrun);
        }
        catch (error) {
            throw new InputError('libkrun', `cannot load ${config.libkrun}: ${error.message}`);
        }
        checkLibkrunVersion(krun, config.libkrun);
        checkImageShareable(krun, config);
        checkKvm(config.kvmDevice);
        const ctx = configureContext(krun, config, () => external_node_fs_default().openSync(config.logFile, 'a', 0o600), describeErrno);
        for (const message of libkrunWarnings(krun, config))
            send({ kind: 'warning', message });
        send({ kind: 'ready' });
        waitFor(START_LINE, 'the start');
        const result = krun.startEnter(ctx);
        send({ kind: 'error', message: `krun_start_enter failed: ${describeErrno(-result)}` });
    }
    catch (error) {
        if (error instanceof InputError)
            send({ kind: 'error', message: error.problem, input: error.input });
        else
            send({ kind: 'error', message: error.message });
    }
    process.exit(SETUP_FAILED);
}
function probeMain() {
    dieWithParent();
    const request = JSON.parse(process.argv[3] ?? '{}');
    external_node_fs_default().writeSync(1, JSON.stringify(probe(request, describeErrno)) + '\n');
    process.exit(0);
}
if (process.argv[2] === PROBE_FLAG)
    probeMain();
else
    main();

