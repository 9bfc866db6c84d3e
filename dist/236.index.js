export const id = 236;
export const ids = [236];
export const modules = {

/***/ 236:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var lib_core = __webpack_require__(457);
// EXTERNAL MODULE: ./src/engine/errors.ts
var errors = __webpack_require__(679);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(24);
var external_node_fs_default = /*#__PURE__*/__webpack_require__.n(external_node_fs_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/engine/untrusted-file.ts
var untrusted_file = __webpack_require__(427);
;// CONCATENATED MODULE: ./src/engine/parse.ts
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
        throw new errors/* InputError */.dz(input, `${(0,errors/* showValue */.vp)(raw)} is not a whole number; ${expected}`);
    }
    const value = Number(text);
    if (value < min || value > max) {
        throw new errors/* InputError */.dz(input, `${(0,errors/* showValue */.vp)(raw)} is out of range; ${expected}`);
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
    throw new errors/* InputError */.dz('log-level', `${(0,errors/* showValue */.vp)(raw)} is not a log level; expected one of ${LOG_LEVELS.join(', ')}`);
}
/** `true` or `false`, as action.yml booleans are written. */
function parseBoolean(input, raw) {
    const text = raw.trim().toLowerCase();
    if (text === 'true')
        return true;
    if (text === 'false' || text === '')
        return false;
    throw new errors/* InputError */.dz(input, `${(0,errors/* showValue */.vp)(raw)} is not a boolean; expected true or false`);
}
/** Returns the shell's argv, with SCRIPT_PLACEHOLDER standing for the script's path. */
function parseShell(raw) {
    const text = raw.trim() === '' ? 'sh' : raw.trim();
    const template = NAMED_SHELLS[text] ?? text;
    if (!template.includes(SCRIPT_PLACEHOLDER)) {
        throw new errors/* InputError */.dz('shell', `${(0,errors/* showValue */.vp)(raw)} is neither a known shell nor a template; expected sh, bash, or a command containing {0} (e.g. "bash -x {0}")`);
    }
    return template.split(/\s+/).filter((word) => word !== '');
}
/**
 * The script as bytes: a YAML input arrives as UTF-8 text, a CLI file or stdin as whatever
 * bytes it holds, and either reaches the guest unchanged.
 */
function parseCommandBytes(bytes) {
    if (bytes.every((byte) => byte === 0x20 || (byte >= 0x09 && byte <= 0x0d))) {
        throw new errors/* InputError */.dz('commands', 'is empty; give at least one shell command to run in the microVM');
    }
    const nul = bytes.indexOf(0);
    if (nul >= 0) {
        const line = bytes.subarray(0, nul).filter((byte) => byte === 0x0a).length + 1;
        throw new errors/* InputError */.dz('commands', `line ${line} contains a NUL byte; remove it (a shell script cannot hold NUL bytes)`);
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
        throw new errors/* InputError */.dz('timeout', `${(0,errors/* showValue */.vp)(raw)} is not a duration; expected a positive whole number of seconds, or one followed by s, m or h (e.g. 90, 90s, 10m, 1h), at most a week`);
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
        throw new errors/* InputError */.dz('env', `${where}the name is not a valid variable name; expected KEY=VALUE with a KEY of letters, digits and _, not starting with a digit`);
    }
}
function checkEnvValue(name, value) {
    if (value.includes('\0')) {
        throw new errors/* InputError */.dz('env', `the value of ${name} contains a NUL byte; environment values cannot hold NUL bytes`);
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
                throw new errors/* InputError */.dz('env', `line ${lineNumber}: the multi-line value of ${name} is never closed; end it with a line holding only the delimiter given after <<`);
            }
            value = lines.slice(i + 1, end).join('\n');
            i = end;
        }
        else if (equals < 0) {
            throw new errors/* InputError */.dz('env', `line ${lineNumber} has no "="; expected KEY=VALUE, or KEY<<DELIMITER for a multi-line value`);
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
const NETWORK_MODES = ['tsi', 'none'];
/** `tsi`: guest sockets are opened on the host by the VM process; `none`: the guest has only lo. */
function parseNetwork(raw) {
    const text = raw.trim().toLowerCase();
    if (NETWORK_MODES.includes(text))
        return text;
    throw new errors/* InputError */.dz('network', `${(0,errors/* showValue */.vp)(raw)} is not a network mode; expected ${NETWORK_MODES.join(' or ')}`);
}
const WORKSPACE_DEVICES = ['remove', 'keep'];
/** `remove`: device nodes and set-ID bits the run left in the workspace go; `keep`: they stay. */
function parseWorkspaceDevices(raw) {
    const text = raw.trim().toLowerCase();
    if (WORKSPACE_DEVICES.includes(text))
        return text;
    throw new errors/* InputError */.dz('workspace-devices', `${(0,errors/* showValue */.vp)(raw)} is not a choice; expected ${WORKSPACE_DEVICES.join(' or ')}`);
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
        const where = /^[0-9:]+$/.test(line) ? `line ${index + 1} (${(0,errors/* showValue */.vp)(line, 20)})` : `line ${index + 1}`;
        const match = PORT_PAIR.exec(line);
        if (!match)
            throw new errors/* InputError */.dz('ports', `${where} is not HOST:GUEST; ${PORTS_FORM}`);
        const host = validPort(match[1]);
        const guest = validPort(match[2]);
        if (host === undefined || guest === undefined) {
            throw new errors/* InputError */.dz('ports', `${where} has a port out of range; ${PORTS_FORM}`);
        }
        if (hostPorts.has(host)) {
            throw new errors/* InputError */.dz('ports', `${where} exposes host port ${host} a second time; give each host port once`);
        }
        // libkrun maps each guest port to one host port and refuses a second.
        if (guestPorts.has(guest)) {
            throw new errors/* InputError */.dz('ports', `${where} exposes guest port ${guest} a second time; give each guest port once`);
        }
        hostPorts.add(host);
        guestPorts.add(guest);
        pairs.push(`${host}:${guest}`);
    });
    return pairs;
}

;// CONCATENATED MODULE: ./src/engine/file-commands.ts
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
const FILE_COMMAND_TAG = 'krun-files';
/** The share's directory inside the private run directory (outside the guest's root). */
const FILE_COMMAND_DIR = 'files';
const FILE_COMMAND_GUEST_DIR = '/run/krun-action/files';
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
/** Makes the share (mode 0700) with one empty file per enabled command. */
function prepareFileCommandShare(runDir, kinds) {
    const hostDir = external_node_path_default().join(runDir, FILE_COMMAND_DIR);
    external_node_fs_default().mkdirSync(hostDir, { mode: 0o700 });
    const env = {};
    for (const kind of kinds) {
        external_node_fs_default().writeFileSync(external_node_path_default().join(hostDir, kind), '', { mode: 0o600 });
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
        bytes = (0,untrusted_file/* readUntrustedFile */.HA)(runDir, `${FILE_COMMAND_DIR}/${kind}`, FILE_COMMAND_MAX_BYTES);
    }
    catch (error) {
        if (!(error instanceof untrusted_file/* TamperedError */.bn))
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
        (0,untrusted_file/* readUntrustedFile */.HA)(runDir, `${FILE_COMMAND_DIR}/${kind}`, 0);
        return false;
    }
    catch (error) {
        if (!(error instanceof untrusted_file/* TamperedError */.bn))
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
var external_node_crypto_ = __webpack_require__(598);
var external_node_crypto_default = /*#__PURE__*/__webpack_require__.n(external_node_crypto_);
;// CONCATENATED MODULE: ./src/engine/host-file-commands.ts
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

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: ./src/engine/cache-places.ts
var cache_places = __webpack_require__(665);
// EXTERNAL MODULE: ./src/engine/early-start.ts
var early_start = __webpack_require__(464);
// EXTERNAL MODULE: ./node_modules/@actions/exec/lib/exec.js + 1 modules
var exec = __webpack_require__(955);
;// CONCATENATED MODULE: ./src/engine/elf-library.ts
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
            return `is not libkrun (its soname is ${(0,errors/* showValue */.vp)(found.soname)})`;
        }
        return undefined;
    }
    catch (error) {
        if (error instanceof ElfProblem)
            return error.message;
        throw error;
    }
}

// EXTERNAL MODULE: ./src/engine/libkrun-pinned.ts
var libkrun_pinned = __webpack_require__(838);
;// CONCATENATED MODULE: ./src/engine/host-checks.ts
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
    return new errors/* HostError */.dh(`libkrun was not found (looked in KRUN_LIBRARY, the ldconfig cache, and ${searched}). ` +
        'Install libkrun 1.12 or newer (Fedora: dnf install libkrun libkrunfw; Arch: pacman -S libkrun; Debian/Ubuntu: build it from source), ' +
        'or give its path, or a pinned archive holding libkrun.so.1 and libkrunfw.so.N side by side, as input libkrun ' +
        `(krun-run --libkrun): ${libkrun_pinned/* PINNED_URL_FORM */.Mf}`);
}

;// CONCATENATED MODULE: ./src/engine/host-context.ts
/** What both front ends learn from the host before a run: the parse context, temp dir, KVM device and caches. */




function hostContext(env, cwd, caches) {
    const tempDir = (0,early_start/* actionTempDir */.O4)(env);
    const cacheDir = (kind) => caches === 'action' ? (0,cache_places/* actionCacheDir */.A)(env, tempDir, kind) : (0,cache_places/* userCacheDir */.b)(env, kind);
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

// EXTERNAL MODULE: ./src/image/errors.ts
var image_errors = __webpack_require__(62);
// EXTERNAL MODULE: ./src/image/pull-policy.ts
var pull_policy = __webpack_require__(537);
// EXTERNAL MODULE: ./src/image/reference.ts
var reference = __webpack_require__(564);
;// CONCATENATED MODULE: ./src/engine/image-base.ts
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
    if (error instanceof image_errors/* InvalidReferenceError */.x_) {
        return new errors/* InputError */.dz('image', `${(0,errors/* showValue */.vp)(error.reference)} is not a valid reference: ${error.problem}`);
    }
    if (error instanceof image_errors/* ImageError */.C8)
        return error.inputMistake ? new errors/* InputError */.dz('image', error.message) : new errors/* HostError */.dh(error.message);
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
    throw new errors/* InputError */.dz('pull', `${(0,errors/* showValue */.vp)(raw)} is not a pull policy; expected ${pull_policy/* PULL_POLICIES */.z.join(', ')}`);
}
/** Registry credentials come as a pair or not at all; the password is never shown. */
function registryCredentials(username, password) {
    const user = username.trim();
    if (user === '' && password === '')
        return undefined;
    if (user === '') {
        throw new errors/* InputError */.dz('registry-password', 'is set but registry-username is not; give both, or neither');
    }
    if (password === '') {
        throw new errors/* InputError */.dz('registry-password', 'is empty but registry-username is set; give both, or neither');
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
async function prepareImageBase(image, options) {
    const { prepareImage } = await Promise.all(/* import() */[__webpack_require__.e(935), __webpack_require__.e(225)]).then(__webpack_require__.bind(__webpack_require__, 225));
    const stop = pullStop(options.timeout);
    try {
        return await prepareImage({
            reference: image.reference,
            pull: image.pull,
            credentials: image.credentials,
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
function timeoutFromNow(seconds) {
    return seconds === undefined ? undefined : { seconds, endsAt: Date.now() + seconds * 1000 };
}

;// CONCATENATED MODULE: ./src/engine/pseudo-fs.ts
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

;// CONCATENATED MODULE: ./src/engine/host-paths.ts
/**
 * Parsers of the inputs that name host paths (rootfs, workspace, libkrun, which may be a
 * pinned archive's URL instead) and the guest working directory. Unlike parse.ts, these look
 * at the host's file system.
 */






/** Paths travel in a TAB-separated plan file, one per line. */
function checkPlanSafe(input, value) {
    if (/[\t\n\r\0]/.test(value)) {
        throw new errors/* InputError */.dz(input, `${(0,errors/* showValue */.vp)(value)} contains a tab, newline or NUL byte; use a path without them`);
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
        const problem = (0,errors/* errorText */.kc)(error) === 'ENOENT' ? 'does not exist' : `cannot be reached (${(0,errors/* errorText */.kc)(error)})`;
        throw new errors/* InputError */.dz(input, `${(0,errors/* showValue */.vp)(text)} ${problem}; expected an existing directory on the host`);
    }
    if (!stat.isDirectory()) {
        throw new errors/* InputError */.dz(input, `${(0,errors/* showValue */.vp)(text)} is not a directory; expected an existing directory on the host`);
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
        const leads = text === '' || text === '/' ? '"/"' : `${(0,errors/* showValue */.vp)(text)} leads to / and`;
        throw new errors/* InputError */.dz('workspace', `${leads} would share the whole host read-write; name a project directory, or none`);
    }
    const pseudo = pseudoFileSystem(workspace);
    if (pseudo !== undefined) {
        const shown = (0,errors/* showValue */.vp)(text === '' ? workspace : text);
        throw new errors/* InputError */.dz('workspace', `${shown} is ${pseudo}, a pseudo file system of the host; name a project directory, or none`);
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
        throw new errors/* InputError */.dz('workdir', `${(0,errors/* showValue */.vp)(text)} is relative; expected an absolute path inside the guest, e.g. /src`);
    }
    return external_node_path_default().posix.normalize(text);
}
function libraryFile(source, raw, cwd) {
    const text = raw.trim();
    checkPlanSafe(source, text);
    const resolved = external_node_path_default().resolve(cwd, text);
    const problem = libraryProblem(resolved);
    if (problem)
        throw new errors/* InputError */.dz(source, `${(0,errors/* showValue */.vp)(text)} ${problem}; expected the path of libkrun.so.1`);
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
    if ((0,libkrun_pinned/* isUrlLike */.lw)(named))
        return { archive: (0,libkrun_pinned/* parsePinnedUrl */.V9)(source, named) };
    return { path: libraryFile(source, named, context.cwd) };
}

;// CONCATENATED MODULE: ./src/engine/kvm-access.ts
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
    throw new errors/* InputError */.dz('kvm-access', `${(0,errors/* showValue */.vp)(raw)} is not a policy; expected auto or check`);
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
        const code = error.code ?? String(error);
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
        throw new errors/* HostError */.dh(kvmProblem(context, result));
}
/** Loaded only when a fix is attempted: most runs never need them. */
async function actionPrograms() {
    const [exec, io] = await Promise.all([Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 955)), Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 701))]);
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
        throw new errors/* HostError */.dh(kvmProblem(context, first));
    const why = await installUdevRule(deps.programs ?? (await actionPrograms()));
    if (why !== undefined)
        throw new errors/* HostError */.dh(kvmProblem(context, first, why));
    const again = openKvm(context.device, deps.open);
    if (!again.ok) {
        throw new errors/* HostError */.dh(kvmProblem(context, again, `even after the udev rule ${UDEV_RULE_FILE} was installed`));
    }
    deps.log(`kvm-access: ${context.device} did not open read-write for user ${user()} (${first.code}); installed the udev rule ${UDEV_RULE_FILE} with sudo, and it opens now`);
}

;// CONCATENATED MODULE: ./src/engine/inputs.ts
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
        parse: parseCommands
    },
    shell: {
        default: 'sh',
        required: false,
        flags: ['--shell'],
        valueName: 'SHELL',
        help: 'sh, bash, or a command template containing {0}',
        parse: parseShell
    },
    rootfs: {
        default: '/',
        required: false,
        flags: ['--rootfs', '--root'],
        valueName: 'DIR',
        help: 'base filesystem, read-only under a throwaway overlay',
        parse: (raw, context) => parseHostDirectory('rootfs', raw, context.cwd)
    },
    image: {
        default: '',
        required: false,
        flags: ['--image'],
        valueName: 'REF',
        help: 'an OCI image as the base instead of rootfs: alpine, ubuntu:24.04, ghcr.io/owner/name:tag, name@sha256:...',
        parse: parseImage
    },
    pull: {
        default: 'missing',
        required: false,
        flags: ['--pull'],
        valueName: 'POLICY',
        help: 'missing (use the cached image if there is one), always (ask the registry again) or never (cache only)',
        parse: parsePull
    },
    'registry-username': {
        default: '',
        required: false,
        flags: ['--registry-username'],
        valueName: 'NAME',
        help: "the registry's user name (password: KRUN_REGISTRY_PASSWORD; else the Docker config; else anonymous)",
        parse: (raw) => raw.trim()
    },
    'registry-password': {
        default: '',
        required: false,
        // A secret: never on a command line (krun-run reads KRUN_REGISTRY_PASSWORD).
        flags: [],
        valueName: 'PASSWORD',
        help: "the registry's password or token, masked in the log",
        parse: (raw) => raw
    },
    workspace: {
        default: '',
        required: false,
        defaultText: '`GITHUB_WORKSPACE`',
        flags: ['--workspace'],
        valueName: 'DIR',
        help: 'shared read-write at the same path ("none" shares nothing; default: GITHUB_WORKSPACE, else the current directory)',
        parse: parseWorkspace
    },
    'workspace-devices': {
        default: 'remove',
        required: false,
        flags: ['--workspace-devices'],
        valueName: 'remove|keep',
        help: 'remove the device nodes and clear the set-user/group-ID bits the run left in the workspace, or keep them',
        parse: parseWorkspaceDevices
    },
    workdir: {
        default: '',
        required: false,
        defaultText: 'the workspace',
        flags: ['--workdir'],
        valueName: 'PATH',
        help: 'guest working directory (default: the workspace, or / with no workspace)',
        parse: parseWorkdir
    },
    env: {
        default: '',
        required: false,
        flags: ['--env'],
        valueName: 'KEY=VALUE',
        help: 'guest environment entry (repeatable); --env KEY copies KEY from this environment, off the command line',
        parse: parseEnv
    },
    cpus: {
        default: '2',
        required: false,
        flags: ['--cpus'],
        valueName: 'N',
        help: 'virtual CPUs, 1 to 255',
        parse: parseCpus
    },
    memory: {
        default: '2048',
        required: false,
        flags: ['--memory', '--mem'],
        valueName: 'MIB',
        help: "guest memory in MiB, from 128 to the host's memory",
        parse: (raw, context) => parseMemory(raw, context.hostMemoryMib)
    },
    network: {
        default: 'tsi',
        required: false,
        flags: ['--network'],
        valueName: 'MODE',
        help: 'tsi (guest sockets open on the host, reaching its loopback) or none (the guest has only lo)',
        parse: parseNetwork
    },
    ports: {
        default: '',
        required: false,
        flags: ['--port'],
        valueName: 'HOST:GUEST',
        help: 'expose a guest port on the host (repeatable; none is exposed otherwise; needs network tsi)',
        parse: parsePorts
    },
    libkrun: {
        default: '',
        required: false,
        flags: ['--libkrun'],
        valueName: 'PATH|URL',
        help: "libkrun.so.1, or a pinned archive URL#sha256=<hex> (default: KRUN_LIBRARY, the usual places, krun-action's build)",
        parse: parseLibkrun
    },
    'kvm-access': {
        default: 'auto',
        required: false,
        flags: ['--kvm-access'],
        valueName: 'POLICY',
        help: 'auto (on a GitHub-hosted runner, install the udev rule with sudo when the KVM device does not open) or check (never change the host)',
        parse: parseKvmAccess
    },
    'log-level': {
        default: '',
        required: false,
        flags: ['--log-level'],
        valueName: 'LEVEL',
        help: "libkrun's log level, shown live: off, error, warn, info, debug, trace",
        parse: parseLogLevel
    },
    timeout: {
        default: '',
        required: false,
        defaultText: 'none',
        flags: ['--timeout'],
        valueName: 'DURATION',
        help: 'stop after 90, 90s, 10m, 1h ..., the pull included (exit code 124)',
        parse: parseTimeout
    },
    'export-env': {
        default: 'false',
        required: false,
        flags: ['--export-env'],
        valueName: 'true|false',
        help: "let the guest's GITHUB_ENV and GITHUB_PATH change later steps on the host",
        parse: (raw) => parseBoolean('export-env', raw)
    },
    'guest-workflow-commands': {
        default: 'false',
        required: false,
        flags: ['--guest-workflow-commands'],
        valueName: 'true|false',
        help: "let the runner act on workflow commands (::error::, ::add-mask:: ...) in the guest's output",
        parse: (raw) => parseBoolean('guest-workflow-commands', raw)
    }
};
const INPUT_NAMES = Object.keys(INPUTS);
/** Parses one input; an empty value stands for the input's default, as on a runner. */
function parseInput(name, raw, context) {
    const spec = INPUTS[name];
    return spec.parse(raw[name] === '' ? spec.default : raw[name], context);
}
/** The raw inputs as action.yml's defaults give them. */
function inputs_defaultInputs() {
    return Object.fromEntries(INPUT_NAMES.map((name) => [name, INPUTS[name].default]));
}
/** How an input's default reads to a person. */
function shownDefault(name) {
    const spec = INPUTS[name];
    return spec.defaultText ?? (spec.default === '' ? '' : `\`${spec.default}\``);
}
const OUTPUTS = {
    'exit-code': "The commands' exit code: 128+N when signal N killed them, 124 on timeout. Unset when they never ran (bad input, host problem, boot failure).",
    'timed-out': '`true` when the timeout stopped the microVM, else `false`.',
    'image-digest': "The digest of the image that ran (an image index's for multi-platform images), when `image` was given."
};

;// CONCATENATED MODULE: ./src/engine/output-fence.ts
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

// EXTERNAL MODULE: ./src/image/progress.ts
var progress = __webpack_require__(170);
;// CONCATENATED MODULE: ./src/engine/libkrun-builds.ts
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

;// CONCATENATED MODULE: ./src/engine/libkrun-choice.ts
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
    const { ArchiveError, fetchLibkrun } = await Promise.all(/* import() */[__webpack_require__.e(935), __webpack_require__.e(679)]).then(__webpack_require__.bind(__webpack_require__, 60));
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
            throw new errors/* HostError */.dh(`krun-action's libkrun build: ${error.message}`);
        throw error.inputMistake ? new errors/* InputError */.dz(source, error.message) : new errors/* HostError */.dh(error.message);
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

// EXTERNAL MODULE: ./src/engine/kernel-quirks.ts
var kernel_quirks = __webpack_require__(46);
;// CONCATENATED MODULE: ./src/engine/outcome.ts
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
const failed = (failure, showLog = false, exitCode) => ({
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

;// CONCATENATED MODULE: ./src/engine/disk-space.ts
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

// EXTERNAL MODULE: ./src/engine/run-dir.ts
var run_dir = __webpack_require__(197);
;// CONCATENATED MODULE: ./src/engine/plan.ts


const BASE_TAG = 'krun-base';
const WORKSPACE_TAG = 'krun-workspace';
const DEFAULT_PATH = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];
/** The guest PATH: the user's, or the usual one. */
function guestPath(env) {
    const own = env.filter(([name]) => name === 'PATH').at(-1);
    return own ? own[1] : DEFAULT_PATH.join(':');
}
/** The shell's argv with the script's guest path in place of `{0}`; argv only when interactive. */
function workloadArgv(settings, interactive = false) {
    if (interactive)
        return [settings.shell[0]];
    return settings.shell.map((word) => word.split(SCRIPT_PLACEHOLDER).join(run_dir/* GUEST */.hR.scriptInGuest));
}
function renderPlan(settings, interactive = false, fileShare) {
    const lines = [['lower', 'virtiofs', BASE_TAG]];
    if (settings.workspace !== null) {
        lines.push(['share', 'virtiofs', WORKSPACE_TAG, settings.workspace, 'rw']);
    }
    if (fileShare)
        lines.push(['share', 'virtiofs', fileShare.tag, fileShare.guestDir, 'rw']);
    lines.push(['workdir', settings.workdir]);
    lines.push(['script', run_dir/* GUEST */.hR.scriptInGuest]);
    for (const arg of workloadArgv(settings, interactive))
        lines.push(['arg', arg]);
    return lines.map((fields) => fields.join('\t') + '\n').join('');
}
/**
 * The guest's environment: PATH and HOME unless the user set them, then the user's entries,
 * then `forced` (the file commands), which the user's entries cannot replace.
 */
function renderEnv(settings, extra = {}, forced = {}) {
    const names = new Set(settings.env.map(([name]) => name));
    const defaults = [['PATH', guestPath(settings.env)], ['HOME', '/root'], ...Object.entries(extra)];
    const own = settings.env.filter(([name]) => !(name in forced));
    const entries = [...defaults.filter(([name]) => !names.has(name)), ...own, ...Object.entries(forced)];
    return Buffer.from(entries.map(([name, value]) => `${name}=${value}\0`).join(''), 'utf8');
}
function guestFiles(settings, interactive = false, extraEnv = {}, fileShare) {
    return {
        plan: renderPlan(settings, interactive, fileShare),
        env: renderEnv(settings, extraEnv, fileShare?.env),
        script: settings.commands
    };
}
function vmConfig(settings, layout, libkrun, kvmDevice, fileShare) {
    const base = { tag: BASE_TAG, hostPath: settings.rootfs, readOnly: true };
    const shares = [settings.image ? { ...base, imageCache: true } : base];
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
        execPath: run_dir/* GUEST */.hR.init,
        network: settings.network,
        portMap: settings.ports,
        logLevel: settings.logLevel,
        logFile: layout.logFile,
        kvmDevice
    };
}

// EXTERNAL MODULE: ./src/text/visible.ts
var visible = __webpack_require__(573);
;// CONCATENATED MODULE: ./src/engine/guest-records.ts
/**
 * Reads back what the guest init recorded in the run directory's root (native/README.md).
 * That root is the guest's own root share, so the guest can write anything there: every
 * record is read as untrusted input (untrusted-file.ts) and parsed strictly. The host reads
 * only after the VM process has ended.
 */



/** The status record's exact size: the record padded with spaces, then a newline. */
const STATUS_BYTES = 32;
const INIT_ERROR_MAX_BYTES = 4096;
/** How much of the init's error line is shown. */
const INIT_ERROR_SHOWN_CHARS = 200;
/** Thrown for a record whose content is not in the init's format. */
class MalformedRecord extends Error {
}
/**
 * Parses the status record: exactly 32 bytes, the record padded with spaces and ended
 * by a newline. "running" means the init started but recorded no end.
 */
function parseStatusRecord(bytes) {
    const text = bytes.toString('latin1');
    if (bytes.length !== STATUS_BYTES || !text.endsWith('\n'))
        throw new MalformedRecord();
    const trimmed = text.slice(0, -1).replace(/ +$/, '');
    if (trimmed === 'running')
        return undefined;
    const match = /^(exited|killed) (0|[1-9][0-9]{0,2})$/.exec(trimmed);
    const value = match ? Number(match[2]) : NaN;
    if (!match || value > 255 || (match[1] === 'killed' && value === 0))
        throw new MalformedRecord();
    return match[1] === 'exited' ? { exitCode: value } : { exitCode: 128 + value, signal: value };
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
    let current = run_dir/* GUEST */.hR.started;
    try {
        const started = (0,untrusted_file/* untrustedPathExists */.sA)(root, run_dir/* GUEST */.hR.started);
        current = run_dir/* GUEST */.hR.status;
        const statusBytes = (0,untrusted_file/* readUntrustedFile */.HA)(root, run_dir/* GUEST */.hR.status, STATUS_BYTES);
        const status = statusBytes === undefined ? undefined : parseStatusRecord(statusBytes);
        current = run_dir/* GUEST */.hR.initError;
        const initErrorBytes = (0,untrusted_file/* readUntrustedFile */.HA)(root, run_dir/* GUEST */.hR.initError, INIT_ERROR_MAX_BYTES);
        const initError = initErrorBytes === undefined ? undefined : sanitizeInitError(initErrorBytes);
        return { started, status, initError };
    }
    catch (error) {
        if (error instanceof untrusted_file/* TamperedError */.bn || error instanceof MalformedRecord)
            return { tampered: current };
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/engine/guest-view.ts
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

;// CONCATENATED MODULE: ./src/engine/settings.ts
/**
 * Turns the raw inputs (from action.yml inputs or CLI flags) into one typed, validated
 * RunSettings. Every input is checked here, before a run's files are written; only what
 * needs the host or the image (the libkrun found, the image's root) is checked later, in
 * run.ts, still before the guest starts.
 */









/** The guest paths where the shell's program would be looked up with this PATH. */
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
        throw new errors/* InputError */.dz('env', `its PATH does not lead to the shell ${(0,errors/* showValue */.vp)(program)} in rootfs ${rootfs} (${looked}); add the shell's directory to PATH`);
    }
    if (shellIsDefault && rootfs !== '/') {
        throw new errors/* InputError */.dz('rootfs', `${(0,errors/* showValue */.vp)(rootfs)} has no ${program} (${looked}); expected a root filesystem with a shell, or set shell`);
    }
    throw new errors/* InputError */.dz('shell', `${(0,errors/* showValue */.vp)(program)} was not found in rootfs ${rootfs} (${looked}); install it there or choose another shell`);
}
/**
 * The guest could change its own base, and so what later runs start from, if the base lay
 * in the share it writes: a rootfs directory, or an image's cached root.
 */
function checkBaseOutsideWorkspace(input, base, workspace) {
    if (workspace !== null && isWithin(base, workspace)) {
        const [what, fix] = input === 'rootfs'
            ? [(0,errors/* showValue */.vp)(base), 'use a directory outside the workspace']
            : [`its cached root ${base}`, 'keep the image cache (RUNNER_TOOL_CACHE, XDG_CACHE_HOME) outside the workspace'];
        throw new errors/* InputError */.dz(input, `${what} is inside the workspace ${workspace}, which the guest can write, so the guest could change its own base; ${fix}, or use workspace: none`);
    }
}
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
        throw new errors/* InputError */.dz('workspace', `${(0,errors/* showValue */.vp)(workspace)} contains ${what} ${inside}, which the guest could then change, and with it what the host runs later; name a directory that does not contain it, or none`);
    }
}
function checkWorkdirExists(workdir, view) {
    if (isGuestDirectory(view, workdir))
        return;
    const where = view.workspace !== null ? `rootfs ${view.rootfs} or the workspace` : `rootfs ${view.rootfs}`;
    throw new errors/* InputError */.dz('workdir', `${(0,errors/* showValue */.vp)(workdir)} is not a directory in the guest (looked in ${where}); expected an existing directory`);
}
function imageSettings(raw, context) {
    const reference = parseInput('image', raw, context);
    const pull = parseInput('pull', raw, context);
    const credentials = registryCredentials(parseInput('registry-username', raw, context), parseInput('registry-password', raw, context));
    if (reference === undefined)
        return undefined;
    if (![INPUTS.rootfs.default, ''].includes(raw.rootfs.trim())) {
        throw new errors/* InputError */.dz('image', 'and rootfs are both set; the base is either an image or a rootfs directory, not both');
    }
    return { reference, pull, credentials };
}
/** The settings once the image's root is unpacked: the checks a rootfs gets up front. */
function withImageRoot(settings, root) {
    const program = settings.shell[0];
    const candidates = shellCandidates(program, guestPath(settings.env));
    if (!anyInRootfs(candidates, root)) {
        throw new errors/* InputError */.dz('image', `${settings.image?.reference} has no ${program} (looked in ${candidates.join(', ')}); use an image with that shell, or set shell`);
    }
    checkBaseOutsideWorkspace('image', external_node_fs_default().realpathSync(root), settings.workspace);
    const withRoot = { ...settings, rootfs: root };
    checkWorkdirExists(withRoot.workdir, withRoot);
    return withRoot;
}
/** A name given more than once keeps its last value, in the place it was first given. */
function lastOfEach(entries) {
    return [...new Map(entries.map((entry) => [entry[0], entry])).values()];
}
/** What the user named as libkrun, if anything (the doctor needs this part alone). */
function libkrunSettings(raw, context) {
    const named = parseInput('libkrun', raw, context);
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
    const commands = commandBytes ? parseCommandBytes(commandBytes) : parseInput('commands', raw, context);
    const shell = parseInput('shell', raw, context);
    const env = lastOfEach(envEntries ?? parseInput('env', raw, context));
    const cpus = parseInput('cpus', raw, context);
    const memoryMib = parseInput('memory', raw, context);
    const logLevel = parseInput('log-level', raw, context);
    const timeoutSeconds = parseInput('timeout', raw, context);
    const image = imageSettings(raw, context);
    const rootfs = image ? '' : parseInput('rootfs', raw, context);
    const workspace = parseInput('workspace', raw, context);
    const workspaceDevices = parseInput('workspace-devices', raw, context);
    const workdir = parseInput('workdir', raw, context) ?? workspace ?? '/';
    checkWorkspaceHoldsNoHostFiles(workspace, [{ what: 'the temporary directory', file: context.tempDir }]);
    if (!image) {
        checkBaseOutsideWorkspace('rootfs', rootfs, workspace);
        checkShellInRootfs(shell, rootfs, env, [INPUTS.shell.default, ''].includes(raw.shell.trim()));
        checkWorkdirExists(workdir, { rootfs, workspace });
    }
    const network = parseInput('network', raw, context);
    const ports = parseInput('ports', raw, context);
    if (network === 'none' && ports.length > 0) {
        throw new errors/* InputError */.dz('ports', 'cannot expose a port with network none, which gives the guest no network; use network tsi or no ports');
    }
    const { libkrun, libkrunArchive, libkrunFrom } = libkrunSettings(raw, context);
    if (libkrun !== undefined)
        checkWorkspaceHoldsNoHostFiles(workspace, [{ what: 'libkrun', file: libkrun }]);
    const kvmAccess = parseInput('kvm-access', raw, context);
    const exportEnv = parseInput('export-env', raw, context);
    const guestWorkflowCommands = parseInput('guest-workflow-commands', raw, context);
    return {
        commands,
        shell,
        rootfs,
        image,
        workspace,
        workspaceDevices,
        workdir,
        env,
        cpus,
        memoryMib,
        network,
        ports,
        libkrun,
        libkrunArchive,
        libkrunFrom,
        kvmAccess,
        logLevel,
        timeoutSeconds,
        exportEnv,
        guestWorkflowCommands
    };
}

// EXTERNAL MODULE: ./src/engine/vm-launcher.ts + 1 modules
var vm_launcher = __webpack_require__(516);
;// CONCATENATED MODULE: ./src/engine/workspace-sweep.ts
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
            sweep.failures.push(`${(0,visible/* visible */.R)(relative)} (${(0,errors/* errorText */.kc)(error)})`);
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

;// CONCATENATED MODULE: ./src/engine/run.ts
/**
 * One run in a microVM, as both front ends (the action and krun-run) do it: host checks,
 * the private run directory, the VM process, the outcome, and cleanup of every file it made.
 */


















const GUEST_ARCH = { x64: 'x86_64', arm64: 'aarch64' };
function guestInitBinary(distDir, arch = process.arch) {
    const guestArch = GUEST_ARCH[arch];
    const binary = guestArch && external_node_path_default().join(distDir, 'native', guestArch, 'krun-init');
    if (!binary || !external_node_fs_default().existsSync(binary)) {
        throw new errors/* HostError */.dh(`this action has no guest init for the ${arch} architecture; it runs on x86_64 and aarch64 Linux`);
    }
    return binary;
}
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
            throw new errors/* InputError */.dz(message.input, message.message);
        if (settings.libkrunFrom !== undefined)
            throw new errors/* InputError */.dz(settings.libkrunFrom, message.message);
        throw new errors/* HostError */.dh(message.message);
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
        const timeout = timeoutFromNow(options.settings.timeoutSeconds);
        const image = options.settings.image
            ? await prepareImageBase(options.settings.image, {
                cacheDir: options.host.imageCacheDir,
                log: options.log,
                timeout
            })
            : undefined;
        const settings = image ? withImageRoot(options.settings, image.rootfs) : options.settings;
        const interactive = options.interactive ?? false;
        const fitting = early && (0,early_start/* fitsRun */.c2)(early, libkrun, interactive, options.fence !== undefined) ? early : undefined;
        if (early && !fitting)
            await (0,early_start/* discardEarly */.eA)(early, warnOf(options));
        early = undefined;
        return await runPrepared(options, { settings, libkrun, initBinary, image, interactive, timeout }, fitting);
    }
    finally {
        if (early)
            await (0,early_start/* discardEarly */.eA)(early, warnOf(options));
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
        throw new errors/* HostError */.dh(`cannot ${doing} in ${options.host.tempDirName} (${options.host.tempDir}): ${(0,errors/* errorText */.kc)(error)}; set it to a writable directory with free space`);
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
    const layout = early?.layout ?? inTempDir(options, 'make the run directory', () => (0,run_dir/* createRunDir */.dK)(options.host.tempDir));
    let vmProcess = early?.vm;
    try {
        options.onRunDir?.(layout.dir);
        const fileKinds = options.fileCommands ?? [];
        const fileShare = fileKinds.length > 0
            ? inTempDir(options, "write the run's files", () => prepareFileCommandShare(layout.dir, fileKinds))
            : undefined;
        const vm = vmConfig(settings, layout, libkrun, options.host.kvmDevice, fileShare);
        const files = guestFiles(settings, interactive, options.extraEnv, fileShare);
        inTempDir(options, "write the run's files", () => (0,run_dir/* writeRunFiles */.ak)(layout, files, prepared.initBinary, vm));
        // Again right before the VM starts: an image pull may have taken minutes since the first check.
        checkKvmAccess(kvmAccessContext(options));
        vmProcess ??= new vm_launcher/* VmProcess */.b({
            vmEntry: (0,early_start/* vmEntry */.iC)(options.distDir),
            configFile: layout.vmConfigFile,
            libkrun,
            interactive,
            stderrToStdout: options.fence !== undefined
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
        const log = outcome.showLog ? (0,run_dir/* logTail */.RB)(layout) : '';
        const kernelNote = (0,kernel_quirks/* kernelWorkaround */.qM)(external_node_os_default().release(), process.env)?.note;
        return { outcome, log, libkrun, wallMs: Date.now() - started, fileCommands, image, workspaceSweep, kernelNote };
    }
    finally {
        options.fence?.close();
        // A VM process that never got its go-ahead (writing the run's files failed) is stopped.
        await vmProcess?.discard();
        await (0,run_dir/* removeRunDir */.Lr)(layout.dir, warnOf(options));
    }
}

// EXTERNAL MODULE: ./src/action/dist-dir.ts + 1 modules
var dist_dir = __webpack_require__(986);
;// CONCATENATED MODULE: ./src/engine/doctor/verdict.ts
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
function firstFailure(checks) {
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

;// CONCATENATED MODULE: ./src/engine/doctor/host.ts
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

;// CONCATENATED MODULE: ./src/engine/doctor/kernel.ts
/** The host kernel, against the kernels with known trouble for libkrun (kernel-quirks.ts). */

function kernelCheck(release, env) {
    const workaround = (0,kernel_quirks/* kernelWorkaround */.qM)(release, env);
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

;// CONCATENATED MODULE: ./src/engine/doctor/kvm.ts
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
        const code = error.code;
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

;// CONCATENATED MODULE: ./src/engine/doctor/libkrun.ts
/**
 * libkrun and libkrunfw: where libkrun is, which release it is (libkrun has no version call:
 * its file name may say, the symbols it exports always tell a lower bound), what its build
 * contains, and whether the libkrunfw it loads at start can be loaded.
 */


/** The first release exporting each symbol, newest first (include/libkrun.h and its tags). */
const VERSION_MARKERS = [
    ['krun_disable_implicit_init', '1.19'],
    ['krun_add_virtiofs3', '1.18'],
    ['krun_has_feature', '1.17.3'],
    ['krun_disable_implicit_vsock', '1.17'],
    ['krun_disable_implicit_console', '1.16'],
    ['krun_add_net_unixstream', '1.15'],
    ['krun_init_log', '1.13'],
    ['krun_check_nested_virt', '1.12']
];
/** The oldest release that reports the guest's exit code. */
const MIN_VERSION = '1.12';
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
/** The newest release whose marker the library exports; undefined when older than MIN_VERSION. */
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
const INSTALL = `install libkrun ${MIN_VERSION} or newer with its libkrunfw (Fedora: dnf install libkrun libkrunfw; Arch: pacman -S libkrun; Debian and Ubuntu: build it from source)`;
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
        return fail(name, `${found.path} is older than libkrun ${MIN_VERSION} (it lacks krun_check_nested_virt), which does not report the guest's exit code`, INSTALL);
    }
    const where = found.realPath === found.path ? found.path : `${found.path} (${found.realPath})`;
    const fromName = versionFromFileName(found.realPath);
    const version = fromName ? `version ${fromName}` : `${bySymbols} or newer by the symbols it exports`;
    const features = answer.features
        ? `features: ${answer.features.length > 0 ? answer.features.join(', ') : 'none of net, blk, gpu and the rest'}`
        : 'features: not reported (no krun_has_feature, which came in 1.17.3)';
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
var external_node_child_process_ = __webpack_require__(421);
;// CONCATENATED MODULE: ./src/engine/doctor/probe-protocol.ts
/**
 * What the doctor asks the VM process in its probe mode (`node dist/vm/index.js --probe
 * REQUEST`), and what it answers on stdout as one JSON line. The facts need the native
 * loader, which only the VM process has; what they mean is judged on the engine's side.
 */
const PROBE_FLAG = '--probe';
function probe_protocol_failed(value) {
    return value !== undefined && 'error' in value;
}

;// CONCATENATED MODULE: ./src/engine/doctor/probe.ts
/** Runs the VM process in its probe mode (probe-protocol.ts) and reads its answer. */




/** Loading libkrun takes well under a second; a probe that hangs this long never answers. */
const PROBE_TIMEOUT_MS = 30_000;
/** The VM process's own environment; with no libkrun to load, just without the action's inputs. */
function probeEnv(request, env) {
    if (request.libkrun !== undefined)
        return (0,vm_launcher/* vmProcessEnv */.S)(request.libkrun, env);
    return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('INPUT_')));
}
function vmProcessProbe(distDir, env = process.env) {
    return (request) => new Promise((resolve, reject) => {
        const args = [(0,early_start/* vmEntry */.iC)(distDir), PROBE_FLAG, JSON.stringify(request)];
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

;// CONCATENATED MODULE: ./src/engine/doctor/space.ts
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

;// CONCATENATED MODULE: ./src/engine/doctor/virtualization.ts
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

;// CONCATENATED MODULE: ./src/engine/doctor/index.ts
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

;// CONCATENATED MODULE: ./src/action/summary.ts
/** The job summary: what ran, where, and how it ended. */



/**
 * The summary is HTML and core.summary's helpers insert text as it is: everything this
 * module did not write itself (commands, paths, failure text) goes through here, hidden
 * characters (a bidi override that reorders the commands as shown) escaped first.
 */
function escapeHtml(text, keepLines = false) {
    return (0,visible/* visible */.R)(text, { keepLines }).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
function baseRow(settings, result) {
    const { image } = result;
    if (!image)
        return ['Root filesystem', `${settings.rootfs} (read-only, under a throwaway overlay)`];
    const size = `${(image.sizeBytes / 2 ** 20).toFixed(1)} MiB`;
    const source = image.fromCache ? 'from the cache' : 'pulled';
    return ['Image', `${image.reference} (${image.digest}, ${image.platform}, ${size}, ${source})`];
}
/** What the run left in the workspace: device nodes removed, set-ID bits cleared, or why it was not checked. */
function workspaceCheckRow(settings, result) {
    if (settings.workspace === null)
        return [];
    const sweep = result.workspaceSweep;
    if (sweep === undefined)
        return [['Left in the workspace', 'not checked (workspace-devices: keep)']];
    const problems = sweep.failureCount > 0 || sweep.stoppedAfter !== undefined
        ? '; not all of the workspace could be checked (see the warnings)'
        : '';
    const done = sweepLine(sweep) ?? 'no device nodes or set-user/group-ID files made or changed by the run';
    return [['Left in the workspace', `${done}${problems}`]];
}
function summaryRows(settings, result) {
    const { outcome } = result;
    return [
        ['Result', outcome.failure ?? 'passed'],
        ['Exit code', outcome.exitCode === undefined ? '(none)' : String(outcome.exitCode)],
        ['Wall time', `${(result.wallMs / 1000).toFixed(1)} s`],
        ['Shell', settings.shell.join(' ')],
        baseRow(settings, result),
        ['Workspace', settings.workspace ?? 'none'],
        ...workspaceCheckRow(settings, result),
        ['Working directory', settings.workdir],
        ['CPUs / memory', `${settings.cpus} / ${settings.memoryMib} MiB`],
        ['libkrun', result.libkrun],
        ...(result.kernelNote ? [['Host kernel', result.kernelNote]] : [])
    ];
}
async function writeSummary(settings, result) {
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    await lib_core/* summary */.z
        .addHeading('Commands run in a microVM', 3)
        .addCodeBlock(escapeHtml(settings.commands.toString('utf8').trimEnd(), true), 'sh')
        .addTable([
        [
            { data: 'What', header: true },
            { data: 'Value', header: true }
        ],
        ...summaryRows(settings, result).map(([what, value]) => [what, escapeHtml(value)])
    ])
        .write();
}
const VERDICT_SHOWN = {
    ok: 'ok',
    fail: '<strong>FAIL</strong>',
    warn: 'warn',
    info: 'info',
    skip: 'not checked'
};
/** The host doctor's verdicts, one row per check, for a step that only sets up the job. */
async function writeDoctorSummary(checks, canStart) {
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    await lib_core/* summary */.z
        .addHeading('Host check: can this runner start a microVM?', 3)
        .addTable([
        [
            { data: 'Check', header: true },
            { data: 'Verdict', header: true },
            { data: 'Detail', header: true },
            { data: 'Fix', header: true }
        ],
        ...checks.map((check) => [
            escapeHtml(check.name),
            VERDICT_SHOWN[check.verdict],
            escapeHtml(check.detail),
            check.verdict === 'fail' || check.verdict === 'warn' ? escapeHtml(check.fix ?? '') : ''
        ])
    ])
        .addRaw(canStart ? 'A microVM can start here.' : 'A microVM cannot start here: see the checks marked FAIL.', true)
        .write();
}

;// CONCATENATED MODULE: ./src/action/host-check.ts
/** The host check of a step without commands, which only prepares the job's later steps. */






/**
 * A step without commands: kvm-access may fix the device first (as a run would), then the
 * doctor's verdicts, in the log and the job summary. Throws a HostError naming the first
 * failed check when no microVM could start here.
 */
async function checkHostForLaterSteps(settings, host, distDir) {
    const kvm = { device: host.kvmDevice, policy: settings.kvmAccess, githubHosted: host.githubHosted };
    try {
        await ensureKvmAccess(kvm, { log: lib_core/* info */.pq });
    }
    catch (error) {
        // The doctor's verdict on KVM access follows; this says what kvm-access tried.
        if (!(error instanceof errors/* HostError */.dh))
            throw error;
        lib_core/* info */.pq(`kvm-access: ${error.message}`);
    }
    const checks = await runDoctor({
        distDir,
        kvm,
        findLibkrun: () => resolveLibkrun(settings, { cacheDir: host.libkrunCacheDir, log: lib_core/* info */.pq }),
        tempDir: host.tempDir,
        tempDirName: host.tempDirName,
        imageCacheDir: host.imageCacheDir,
        env: process.env
    });
    for (const check of checks)
        lib_core/* info */.pq(verdictLine(check));
    await writeDoctorSummary(checks, canStart(checks));
    const failure = firstFailure(checks);
    if (failure)
        throw new errors/* HostError */.dh(failure);
}

;// CONCATENATED MODULE: ./src/action/inputs.ts
/** Reads the action's inputs into RunSettings. */



function readRawInputs() {
    const raw = Object.fromEntries(
    // Trimming is left to each parser: commands and env values keep their whitespace.
    INPUT_NAMES.map((name) => [name, lib_core/* getInput */.V4(name, { trimWhitespace: false })]));
    // Masked before anything could print it.
    if (raw['registry-password'] !== '')
        lib_core/* setSecret */.Pq(raw['registry-password']);
    return raw;
}
/** Whether the step gave commands; without them it only prepares later steps. */
function hasCommands(raw) {
    return raw.commands.trim() !== '';
}
/** Without commands nothing runs now, but every other input is checked as a run checks it. */
function getSettings(context, raw) {
    return buildSettings(hasCommands(raw) ? raw : { ...raw, commands: ':' }, context);
}

;// CONCATENATED MODULE: ./src/shell/saved-settings.ts
/**
 * The action's settings, saved as the defaults of later `shell: krun-run {0}` steps of the
 * same job. The file holds env values, which are secrets: it is written 0600 and read back
 * only when it is still a small regular file of this user that nobody else can read.
 */




/** The launcher names the settings file in this variable. */
const SETTINGS_VARIABLE = 'KRUN_SETTINGS';
/**
 * Each step's own: its script, the shell that runs it, and the registry user name, whose
 * password is never saved (a user name alone would fail every later step). Later steps find
 * the image in the action's cache.
 */
const STEP_OWN = ['commands', 'shell', 'registry-username'];
const MAX_SETTINGS_BYTES = (/* unused pure expression or super */ null && (16 * 1024 * 1024));
/** Secrets (inputs with no flag, such as registry-password) are never saved. */
const SAVED_NAMES = INPUT_NAMES.filter((name) => !STEP_OWN.includes(name) && INPUTS[name].flags.length > 0);
/**
 * The raw inputs later steps inherit. Host paths are saved as this step resolved them, since
 * a later step may start in another directory; libkrun as given (input or KRUN_LIBRARY).
 */
function savedInputs(raw, settings) {
    const saved = Object.fromEntries(SAVED_NAMES.map((name) => [name, raw[name]]));
    saved.rootfs = settings.rootfs;
    if (settings.workspace !== null)
        saved.workspace = settings.workspace;
    saved.libkrun = settings.libkrunArchive ? (0,libkrun_pinned/* pinnedUrlText */.rQ)(settings.libkrunArchive) : (settings.libkrun ?? '');
    return saved;
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

;// CONCATENATED MODULE: ./src/shell/launcher.ts
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
        if (error.code !== 'EEXIST')
            throw error;
        const stat = external_node_fs_default().lstatSync(dir);
        if (!stat.isDirectory() || stat.uid !== process.getuid?.()) {
            throw new errors/* HostError */.dh(`${dir} exists and is not a directory of this user; remove it, or use a fresh RUNNER_TEMP`);
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

;// CONCATENATED MODULE: ./src/action/later-steps.ts
/** What the action does for later `shell: krun-run {0}` steps of the job. */



const READY_LINE = 'krun-run is ready for later steps: shell: krun-run {0} (no commands given, so nothing was run)';
/** Puts the krun-run launcher on later steps' PATH, with this step's settings as its defaults. */
function installForLaterSteps(raw, settings, tempDir, distDir) {
    lib_core/* addPath */.fM(installLauncher({ tempDir, distDir, nodePath: process.execPath, saved: savedInputs(raw, settings) }));
}

// EXTERNAL MODULE: ./src/action/state-file.ts
var state_file = __webpack_require__(590);
;// CONCATENATED MODULE: ./src/action/state.ts
/** What the main step hands to the post step, so a killed action still leaves nothing behind. */


function saveRunDir(dir) {
    lib_core/* saveState */.LZ(state_file/* STATE */.c.runDir, dir);
}
function saveVmPid(pid) {
    lib_core/* saveState */.LZ(state_file/* STATE */.c.vmPid, String(pid));
}
/** Saved before a pull starts: a pull killed outright leaves a half unpacked root in the cache's tmp/. */
function saveImageCache(dir) {
    lib_core/* saveState */.LZ(state_file/* STATE */.c.imageCache, dir);
}
/** Called once main has cleaned up itself: the post step then has nothing to do. */
function clearState() {
    lib_core/* saveState */.LZ(state_file/* STATE */.c.runDir, '');
    lib_core/* saveState */.LZ(state_file/* STATE */.c.vmPid, '');
    lib_core/* saveState */.LZ(state_file/* STATE */.c.imageCache, '');
}
function leftBehind() {
    const pid = Number(core.getState(STATE.vmPid));
    return {
        runDir: core.getState(STATE.runDir) || undefined,
        vmPid: Number.isInteger(pid) && pid > 0 ? pid : undefined,
        imageCache: core.getState(STATE.imageCache) || undefined
    };
}

;// CONCATENATED MODULE: ./src/action/main.ts
/** The action's main step: only sequences the helpers and turns errors into a failed step. */

















/** `early`: a VM process index.ts started (early-start.ts); this run uses or discards it. */
async function run(early) {
    let unused = early;
    try {
        const host = hostContext(process.env, process.cwd(), 'action');
        const raw = readRawInputs();
        const settings = getSettings(host.parse, raw);
        const distDir = (0,dist_dir/* findDistDir */.r)();
        if (!hasCommands(raw)) {
            // What a run checks before it starts a VM process, and more; nothing is booted.
            await checkHostForLaterSteps(settings, host, distDir);
            if (settings.image) {
                saveImageCache(host.imageCacheDir);
                // Pulled now, with this step's credentials (never saved for later steps): krun-run
                // started by the launcher installed below runs it from this same cache.
                const image = await prepareImageBase(settings.image, {
                    cacheDir: host.imageCacheDir,
                    log: lib_core/* info */.pq,
                    timeout: timeoutFromNow(settings.timeoutSeconds)
                });
                lib_core/* setOutput */.uH('image-digest', image.digest);
                clearState();
            }
            installForLaterSteps(raw, settings, host.tempDir, distDir);
            lib_core/* info */.pq(READY_LINE);
            return;
        }
        unused = undefined;
        if (settings.image)
            saveImageCache(host.imageCacheDir);
        const result = await runInMicroVm({
            settings,
            distDir,
            host,
            log: lib_core/* info */.pq,
            fileCommands: enabledFileCommands(process.env),
            fence: settings.guestWorkflowCommands ? undefined : new OutputFence((text) => process.stdout.write(text)),
            early,
            onRunDir: saveRunDir,
            onVmStart: (pid) => {
                saveVmPid(pid);
                // Now, while the microVM starts: the host checks passed, and the step waits anyway.
                installForLaterSteps(raw, settings, host.tempDir, distDir);
            },
            onWarning: (message) => lib_core/* warning */.$e(message)
        });
        clearState();
        const { outcome } = result;
        const reserved = Object.keys(OUTPUTS);
        for (const warning of [
            droppedWarning(result.fileCommands.dropped, 'export-env: true'),
            ...result.fileCommands.warnings,
            ...applyGuestFileCommands(result.fileCommands, process.env, reserved)
        ]) {
            if (warning !== undefined)
                lib_core/* warning */.$e(warning);
        }
        if (result.workspaceSweep) {
            const line = sweepLine(result.workspaceSweep);
            if (line)
                lib_core/* info */.pq(line);
            for (const warning of sweepWarnings(result.workspaceSweep))
                lib_core/* warning */.$e(warning);
        }
        if (outcome.exitCode !== undefined)
            lib_core/* setOutput */.uH('exit-code', String(outcome.exitCode));
        if (result.image)
            lib_core/* setOutput */.uH('image-digest', result.image.digest);
        lib_core/* setOutput */.uH('timed-out', String(outcome.timedOut));
        if (result.log) {
            lib_core/* startGroup */.Oh("libkrun's log (last lines)");
            lib_core/* info */.pq(result.log);
            lib_core/* endGroup */.N4();
        }
        await writeSummary(settings, result);
        if (outcome.failure)
            lib_core/* setFailed */.C1(outcome.failure);
    }
    catch (error) {
        lib_core/* setFailed */.C1((0,errors/* failureMessage */.oh)(error, (input) => `Input "${input}"`));
    }
    finally {
        if (unused)
            await (0,early_start/* discardEarly */.eA)(unused, lib_core/* warning */.$e);
    }
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

/***/ 537:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ PULL_POLICIES)
/* harmony export */ });
const PULL_POLICIES = ['missing', 'always', 'never'];


/***/ })

};
