import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
import * as __WEBPACK_EXTERNAL_MODULE__no_http_client_js_4f3981f0__ from "./no-http-client.js";
/******/ var __webpack_modules__ = ({

/***/ 218:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(840);
/** The action's entry point (dist/index.js). */

await (0,_main_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 840:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
var external_node_os_default = /*#__PURE__*/__nccwpck_require__.n(external_node_os_namespaceObject);
;// CONCATENATED MODULE: external "os"
const external_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");
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
    process.stdout.write(cmd.toString() + external_os_namespaceObject.EOL);
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
;// CONCATENATED MODULE: external "fs"
const external_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/file-command.js
// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */




function file_command_issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!external_fs_namespaceObject.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    external_fs_namespaceObject.appendFileSync(filePath, `${utils_toCommandValue(message)}${external_os_namespaceObject.EOL}`, {
        encoding: 'utf8'
    });
}
function file_command_prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${external_crypto_namespaceObject.randomUUID()}`;
    const convertedValue = utils_toCommandValue(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${external_os_namespaceObject.EOL}${convertedValue}${external_os_namespaceObject.EOL}${delimiter}`;
}
//# sourceMappingURL=file-command.js.map
;// CONCATENATED MODULE: external "path"
const external_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");
;// CONCATENATED MODULE: external "./no-http-client.js"
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


const { access, appendFile, writeFile } = external_fs_namespaceObject.promises;
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
                yield access(pathFromEnv, external_fs_namespaceObject.constants.R_OK | external_fs_namespaceObject.constants.W_OK);
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
        return this.addRaw(external_os_namespaceObject.EOL);
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
const summary = _summary;
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
;// CONCATENATED MODULE: external "string_decoder"
const external_string_decoder_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");
;// CONCATENATED MODULE: external "events"
const external_events_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");
;// CONCATENATED MODULE: external "child_process"
const external_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");
;// CONCATENATED MODULE: external "assert"
const external_assert_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io-util.js
var io_util_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { chmod, copyFile, lstat, mkdir, open: io_util_open, readdir, rename, rm, rmdir, stat, symlink, unlink } = external_fs_namespaceObject.promises;
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
    return io_util_awaiter(this, void 0, void 0, function* () {
        const result = yield fs.promises.readlink(fsPath);
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
const READONLY = external_fs_namespaceObject.constants.O_RDONLY;
function exists(fsPath) {
    return io_util_awaiter(this, void 0, void 0, function* () {
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
    return io_util_awaiter(this, arguments, void 0, function* (fsPath, useStat = false) {
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
    return io_util_awaiter(this, void 0, void 0, function* () {
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
                const upperExt = external_path_namespaceObject.extname(filePath).toUpperCase();
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
                        const directory = external_path_namespaceObject.dirname(filePath);
                        const upperName = external_path_namespaceObject.basename(filePath).toUpperCase();
                        for (const actualName of yield readdir(directory)) {
                            if (upperName === actualName.toUpperCase()) {
                                filePath = external_path_namespaceObject.join(directory, actualName);
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
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io.js
var io_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
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
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        const { force, recursive, copySourceDirectory } = readCopyOptions(options);
        const destStat = (yield ioUtil.exists(dest)) ? yield ioUtil.stat(dest) : null;
        // Dest is an existing file, but not forcing
        if (destStat && destStat.isFile() && !force) {
            return;
        }
        // If dest is an existing directory, should copy inside.
        const newDest = destStat && destStat.isDirectory() && copySourceDirectory
            ? path.join(dest, path.basename(source))
            : dest;
        if (!(yield ioUtil.exists(source))) {
            throw new Error(`no such file or directory: ${source}`);
        }
        const sourceStat = yield ioUtil.stat(source);
        if (sourceStat.isDirectory()) {
            if (!recursive) {
                throw new Error(`Failed to copy. ${source} is a directory, but tried to copy without recursive flag.`);
            }
            else {
                yield cpDirRecursive(source, newDest, 0, force);
            }
        }
        else {
            if (path.relative(source, newDest) === '') {
                // a file cannot be copied to itself
                throw new Error(`'${newDest}' and '${source}' are the same file`);
            }
            yield io_copyFile(source, newDest, force);
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
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        if (yield ioUtil.exists(dest)) {
            let destExists = true;
            if (yield ioUtil.isDirectory(dest)) {
                // If dest is directory copy src into dest
                dest = path.join(dest, path.basename(source));
                destExists = yield ioUtil.exists(dest);
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
        yield mkdirP(path.dirname(dest));
        yield ioUtil.rename(source, dest);
    });
}
/**
 * Remove a path recursively with force
 *
 * @param inputPath path to remove
 */
function rmRF(inputPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (IS_WINDOWS) {
            // Check for invalid characters
            // https://docs.microsoft.com/en-us/windows/win32/fileio/naming-a-file
            if (/[*"<>|]/.test(inputPath)) {
                throw new Error('File path must not contain `*`, `"`, `<`, `>` or `|` on Windows');
            }
        }
        try {
            // note if path does not exist, error is silent
            yield rm(inputPath, {
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
    return io_awaiter(this, void 0, void 0, function* () {
        ok(fsPath, 'a path argument must be provided');
        yield ioUtil.mkdir(fsPath, { recursive: true });
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
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // recursive when check=true
        if (check) {
            const result = yield which(tool, false);
            if (!result) {
                if (IS_WINDOWS) {
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
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // build the list of extensions to try
        const extensions = [];
        if (IS_WINDOWS && process.env['PATHEXT']) {
            for (const extension of process.env['PATHEXT'].split(external_path_namespaceObject.delimiter)) {
                if (extension) {
                    extensions.push(extension);
                }
            }
        }
        // if it's rooted, return it if exists. otherwise return empty.
        if (isRooted(tool)) {
            const filePath = yield tryGetExecutablePath(tool, extensions);
            if (filePath) {
                return [filePath];
            }
            return [];
        }
        // if any path separators, return empty
        if (tool.includes(external_path_namespaceObject.sep)) {
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
            for (const p of process.env.PATH.split(external_path_namespaceObject.delimiter)) {
                if (p) {
                    directories.push(p);
                }
            }
        }
        // find all matches
        const matches = [];
        for (const directory of directories) {
            const filePath = yield tryGetExecutablePath(external_path_namespaceObject.join(directory, tool), extensions);
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
    return io_awaiter(this, void 0, void 0, function* () {
        // Ensure there is not a run away recursive copy
        if (currentDepth >= 255)
            return;
        currentDepth++;
        yield mkdirP(destDir);
        const files = yield ioUtil.readdir(sourceDir);
        for (const fileName of files) {
            const srcFile = `${sourceDir}/${fileName}`;
            const destFile = `${destDir}/${fileName}`;
            const srcFileStat = yield ioUtil.lstat(srcFile);
            if (srcFileStat.isDirectory()) {
                // Recurse
                yield cpDirRecursive(srcFile, destFile, currentDepth, force);
            }
            else {
                yield io_copyFile(srcFile, destFile, force);
            }
        }
        // Change the mode for the newly created directory
        yield ioUtil.chmod(destDir, (yield ioUtil.stat(sourceDir)).mode);
    });
}
// Buffered file copy
function io_copyFile(srcFile, destFile, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        if ((yield ioUtil.lstat(srcFile)).isSymbolicLink()) {
            // unlink/re-link it
            try {
                yield ioUtil.lstat(destFile);
                yield ioUtil.unlink(destFile);
            }
            catch (e) {
                // Try to override file permission
                if (e.code === 'EPERM') {
                    yield ioUtil.chmod(destFile, '0666');
                    yield ioUtil.unlink(destFile);
                }
                // other errors = it doesn't exist, no work to do
            }
            // Copy over symlink
            const symlinkFull = yield ioUtil.readlink(srcFile);
            yield ioUtil.symlink(symlinkFull, destFile, ioUtil.IS_WINDOWS ? 'junction' : null);
        }
        else if (!(yield ioUtil.exists(destFile)) || force) {
            yield ioUtil.copyFile(srcFile, destFile);
        }
    });
}
//# sourceMappingURL=io.js.map
;// CONCATENATED MODULE: external "timers"
const external_timers_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/toolrunner.js
var toolrunner_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};







/* eslint-disable @typescript-eslint/unbound-method */
const toolrunner_IS_WINDOWS = process.platform === 'win32';
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
        if (toolrunner_IS_WINDOWS) {
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
            let n = s.indexOf(external_os_namespaceObject.EOL);
            while (n > -1) {
                const line = s.substring(0, n);
                onLine(line);
                // the rest of the string ...
                s = s.substring(n + external_os_namespaceObject.EOL.length);
                n = s.indexOf(external_os_namespaceObject.EOL);
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
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                return process.env['COMSPEC'] || 'cmd.exe';
            }
        }
        return this.toolPath;
    }
    _getSpawnArgs(options) {
        if (toolrunner_IS_WINDOWS) {
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
        return toolrunner_awaiter(this, void 0, void 0, function* () {
            // root the tool path if it is unrooted and contains relative pathing
            if (!isRooted(this.toolPath) &&
                (this.toolPath.includes('/') ||
                    (toolrunner_IS_WINDOWS && this.toolPath.includes('\\')))) {
                // prefer options.cwd if it is specified, however options.cwd may also need to be rooted
                this.toolPath = external_path_namespaceObject.resolve(process.cwd(), this.options.cwd || process.cwd(), this.toolPath);
            }
            // if the tool is only a file name, then resolve it from the PATH
            // otherwise verify it exists (add extension on Windows if necessary)
            this.toolPath = yield which(this.toolPath, true);
            return new Promise((resolve, reject) => toolrunner_awaiter(this, void 0, void 0, function* () {
                this._debug(`exec tool: ${this.toolPath}`);
                this._debug('arguments:');
                for (const arg of this.args) {
                    this._debug(`   ${arg}`);
                }
                const optionsNonNull = this._cloneExecOptions(this.options);
                if (!optionsNonNull.silent && optionsNonNull.outStream) {
                    optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + external_os_namespaceObject.EOL);
                }
                const state = new ExecState(optionsNonNull, this.toolPath);
                state.on('debug', (message) => {
                    this._debug(message);
                });
                if (this.options.cwd && !(yield exists(this.options.cwd))) {
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
function exec_exec(commandLine, args, options) {
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
        const exitCode = yield exec_exec(commandLine, args, Object.assign(Object.assign({}, options), { listeners }));
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
const platform = external_os_namespaceObject.platform();
const arch = external_os_namespaceObject.arch();
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
        return file_command_issueFileCommand('OUTPUT', file_command_prepareKeyValueMessage(name, value));
    }
    process.stdout.write(external_os_namespaceObject.EOL);
    command_issueCommand('set-output', { name }, utils_toCommandValue(value));
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
    command_issueCommand('error', utils_toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a warning issue
 * @param message warning issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function warning(message, properties = {}) {
    issueCommand('warning', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
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
    process.stdout.write(message + external_os_namespaceObject.EOL);
}
/**
 * Begin an output group.
 *
 * Output until the next `groupEnd` will be foldable in this group
 *
 * @param name The name of the output group
 */
function startGroup(name) {
    command_issue('group', name);
}
/**
 * End an output group.
 */
function endGroup() {
    command_issue('endgroup');
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
        return file_command_issueFileCommand('STATE', file_command_prepareKeyValueMessage(name, value));
    }
    command_issueCommand('save-state', { name }, utils_toCommandValue(value));
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
/** Quotes a value for an error message, shortening long ones and showing control characters. */
function showValue(value, max = 60) {
    const visible = value.replace(/[\u0000-\u001f]/g, (c) => c === '\n' ? '\\n' : c === '\t' ? '\\t' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
    const cut = visible.length > max ? `${visible.slice(0, max)}…` : visible;
    return `"${cut}"`;
}
/** A host that cannot run the microVM: one line, with the fix. */
class HostError extends Error {
    constructor(message) {
        super(message);
        this.name = 'HostError';
    }
}
/** The one line a front end shows for an error; `nameInput` words an input its own way. */
function failureMessage(error, nameInput) {
    if (error instanceof errors_InputError)
        return `${nameInput(error.input)}: ${error.problem}`;
    if (error instanceof HostError)
        return error.message;
    return `failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`;
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
var external_node_fs_default = /*#__PURE__*/__nccwpck_require__.n(external_node_fs_namespaceObject);
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_namespaceObject);
;// CONCATENATED MODULE: ./src/engine/host-checks.ts
/**
 * Checks of the host that need no native code: can this user open the KVM device, and
 * where is libkrun. (The KVM API version and libkrun's age need the native loader and are
 * checked by the VM process, which reports them the same way.)
 */





const DEFAULT_KVM_DEVICE = '/dev/kvm';
const LIBKRUN_SONAME = 'libkrun.so.1';
const UDEV_FIX = `echo 'KERNEL=="kvm", GROUP="kvm", MODE="0666", OPTIONS+="static_node=kvm"' | sudo tee /etc/udev/rules.d/99-kvm.rules` +
    ' && sudo udevadm control --reload-rules && sudo udevadm trigger --name-match=kvm';
/** Opens the device read-write, as libkrun will: mode bits alone do not tell. */
function checkKvmDevice(device, openDevice = (p) => external_node_fs_default().openSync(p, 'r+')) {
    let fd;
    try {
        fd = openDevice(device);
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT' || code === 'ENXIO' || code === 'ENODEV') {
            throw new HostError(`${device} does not exist: this machine cannot run virtual machines. Use a runner with KVM (bare metal, or a VM with nested virtualization enabled).`);
        }
        if (code === 'EACCES' || code === 'EPERM') {
            throw new HostError(`${device} exists but user ${external_node_os_default().userInfo().username} cannot open it read-write. On GitHub-hosted runners, add a step before this one that runs: ${UDEV_FIX}`);
        }
        throw new HostError(`cannot open ${device} read-write (${code ?? String(error)}); check that KVM works on this machine`);
    }
    external_node_fs_default().closeSync(fd);
}
const ELF_MAGIC = Buffer.from([0x7f, 0x45, 0x4c, 0x46]);
const ELF_TYPE_OFFSET = 16;
const ET_DYN = 3;
/** Why the file at `file` cannot be a libkrun, or undefined when it may be one. */
function libraryProblem(file) {
    const header = Buffer.alloc(ELF_TYPE_OFFSET + 2);
    try {
        const fd = external_node_fs_default().openSync(file, 'r');
        try {
            external_node_fs_default().readSync(fd, header, 0, header.length, 0);
        }
        finally {
            external_node_fs_default().closeSync(fd);
        }
    }
    catch {
        return 'does not exist or cannot be read';
    }
    if (!header.subarray(0, 4).equals(ELF_MAGIC) || header.readUInt16LE(ELF_TYPE_OFFSET) !== ET_DYN) {
        return 'is not a shared library';
    }
    return undefined;
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
            const result = await getExecOutput(ldconfig, ['-p'], { silent: true, ignoreReturnCode: true });
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
 * Finds libkrun.so.1: the path the user gave; then where the loader would find the soname
 * (LD_LIBRARY_PATH, its cache); then the usual directories.
 */
async function findLibkrun(given, lookup = systemLookup()) {
    if (given)
        return given;
    const inDirs = (dirs) => dirs.map((dir) => external_node_path_default().join(dir, LIBKRUN_SONAME)).find((candidate) => lookup.exists(candidate));
    const onLoaderPath = inDirs(lookup.loaderPath);
    if (onLoaderPath)
        return onLoaderPath;
    const cached = await lookup.ldconfig();
    if (cached && lookup.exists(cached))
        return cached;
    const found = inDirs(lookup.dirs);
    if (found)
        return found;
    const searched = [...lookup.loaderPath, ...lookup.dirs].join(', ');
    throw new HostError(`libkrun was not found (looked in KRUN_LIBRARY, the ldconfig cache, and ${searched}). ` +
        'Install libkrun 1.12 or newer (Fedora: dnf install libkrun libkrunfw; Arch: pacman -S libkrun; Debian/Ubuntu: build it from source), or give its path (input libkrun; krun-run --libkrun).');
}

;// CONCATENATED MODULE: ./src/engine/host-context.ts
/** What both front ends learn from the host before a run: the parse context, temp dir and KVM device. */


function hostContext(env, cwd, tempDir) {
    return {
        parse: {
            cwd,
            defaultWorkspace: env.GITHUB_WORKSPACE || undefined,
            libraryFromEnv: env.KRUN_LIBRARY || undefined,
            hostMemoryMib: Math.floor(external_node_os_default().totalmem() / (1024 * 1024))
        },
        tempDir,
        kvmDevice: env.KRUN_KVM_DEVICE || DEFAULT_KVM_DEVICE
    };
}

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
        throw new errors_InputError(input, `${showValue(raw)} is not a whole number; ${expected}`);
    }
    const value = Number(text);
    if (value < min || value > max) {
        throw new errors_InputError(input, `${showValue(raw)} is out of range; ${expected}`);
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
    throw new errors_InputError('log-level', `${showValue(raw)} is not a log level; expected one of ${LOG_LEVELS.join(', ')}`);
}
/** Returns the shell's argv, with SCRIPT_PLACEHOLDER standing for the script's path. */
function parseShell(raw) {
    const text = raw.trim() === '' ? 'sh' : raw.trim();
    const template = NAMED_SHELLS[text] ?? text;
    if (!template.includes(SCRIPT_PLACEHOLDER)) {
        throw new errors_InputError('shell', `${showValue(raw)} is neither a known shell nor a template; expected sh, bash, or a command containing {0} (e.g. "bash -x {0}")`);
    }
    return template.split(/\s+/).filter((word) => word !== '');
}
function parseCommands(raw) {
    if (raw.trim() === '') {
        throw new errors_InputError('commands', 'is empty; give at least one shell command to run in the microVM');
    }
    const nul = raw.indexOf('\0');
    if (nul >= 0) {
        const line = raw.slice(0, nul).split('\n').length;
        throw new errors_InputError('commands', `line ${line} contains a NUL byte; remove it (a shell script cannot hold NUL bytes)`);
    }
    return raw;
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
        throw new errors_InputError('timeout', `${showValue(raw)} is not a duration; expected a positive whole number of seconds, or one followed by s, m or h (e.g. 90, 90s, 10m, 1h), at most a week`);
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
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
function checkEnvName(name, where) {
    if (!ENV_NAME.test(name)) {
        throw new errors_InputError('env', `${where}${showValue(name, 40)} is not a valid variable name; expected letters, digits and _, not starting with a digit`);
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
        const heredoc = /^([^=]*?)<<(.+)$/.exec(line);
        const equals = line.indexOf('=');
        let name;
        let value;
        if (heredoc && (equals < 0 || equals > heredoc[1].length)) {
            name = heredoc[1].trim();
            checkEnvName(name, `line ${lineNumber}: `);
            const delimiter = heredoc[2];
            const end = lines.indexOf(delimiter, i + 1);
            if (end < 0) {
                throw new errors_InputError('env', `line ${lineNumber}: ${name}<<${delimiter} is never closed; end the value with a line holding only ${delimiter}`);
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
/** Parses the init's status record: "exited N" or "killed N". */
function parseStatus(status) {
    const match = /^(exited|killed) ([0-9]{1,3})$/.exec(status);
    if (!match)
        return undefined;
    const value = Number(match[2]);
    return match[1] === 'exited' ? { exitCode: value } : { exitCode: 128 + value, signal: value };
}
const failed = (failure, showLog = false, exitCode) => ({
    exitCode,
    timedOut: false,
    failure,
    showLog
});
function decideOutcome(run, records) {
    const ready = run.messages.some((message) => message.kind === 'ready');
    const error = run.messages.find((message) => message.kind === 'error');
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
    const status = records.status === undefined ? undefined : parseStatus(records.status);
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
    if (records.initError)
        return failed(`the guest init failed: ${records.initError}`, true);
    return failed(`the microVM stopped before the commands finished (the VM process ended with ${describeVmExit(run)})`, true);
}

;// CONCATENATED MODULE: ./src/engine/run-dir.ts
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
        root: external_node_path_default().join(dir, 'root'),
        vmConfigFile: external_node_path_default().join(dir, 'vm.json'),
        logFile: external_node_path_default().join(dir, 'libkrun.log')
    };
}
function createRunDir(tempDir) {
    const layout = runLayout(external_node_fs_default().mkdtempSync(external_node_path_default().join(tempDir, RUN_DIR_PREFIX)));
    external_node_fs_default().chmodSync(layout.dir, 0o700);
    return layout;
}
function writeRunFiles(layout, files, initBinary, vm) {
    const records = external_node_path_default().join(layout.root, GUEST.records);
    external_node_fs_default().mkdirSync(records, { recursive: true, mode: 0o700 });
    for (const dir of ['proc', 'sys', 'dev', 'tmp', ...GUEST.mountPoints]) {
        external_node_fs_default().mkdirSync(external_node_path_default().join(layout.root, dir), { recursive: true, mode: 0o755 });
    }
    external_node_fs_default().copyFileSync(initBinary, external_node_path_default().join(layout.root, GUEST.init));
    external_node_fs_default().chmodSync(external_node_path_default().join(layout.root, GUEST.init), 0o755);
    external_node_fs_default().writeFileSync(external_node_path_default().join(layout.root, GUEST.plan), files.plan, { mode: 0o600 });
    external_node_fs_default().writeFileSync(external_node_path_default().join(layout.root, GUEST.env), files.env, { mode: 0o600 });
    external_node_fs_default().writeFileSync(external_node_path_default().join(layout.root, GUEST.script), files.script, { mode: 0o600 });
    external_node_fs_default().writeFileSync(layout.vmConfigFile, JSON.stringify(vm), { mode: 0o600 });
}
function readIfPresent(file) {
    try {
        return external_node_fs_default().readFileSync(file, 'utf8');
    }
    catch {
        return undefined;
    }
}
function readGuestRecords(layout) {
    return {
        started: external_node_fs_default().existsSync(external_node_path_default().join(layout.root, GUEST.started)),
        status: readIfPresent(external_node_path_default().join(layout.root, GUEST.status))?.trim(),
        initError: readIfPresent(external_node_path_default().join(layout.root, GUEST.initError))?.trim()
    };
}
/** The last lines of libkrun's log, for a failure message. */
function logTail(layout, lines = 20) {
    const text = readIfPresent(layout.logFile)?.trimEnd() ?? '';
    return text.split('\n').slice(-lines).join('\n');
}
async function removeRunDir(dir) {
    await rmRF(dir);
}

;// CONCATENATED MODULE: ./src/engine/plan.ts
/**
 * From settings to what the guest and the VM process receive: the guest init's plan and
 * environment files (native/README.md describes their format) and the VM process's
 * configuration. Pure: nothing here touches the disk.
 */


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
    return settings.shell.map((word) => word.split(SCRIPT_PLACEHOLDER).join(GUEST.scriptInGuest));
}
function renderPlan(settings, interactive = false) {
    const lines = [['lower', 'virtiofs', BASE_TAG]];
    if (settings.workspace !== null) {
        lines.push(['share', 'virtiofs', WORKSPACE_TAG, settings.workspace, 'rw']);
    }
    lines.push(['workdir', settings.workdir]);
    lines.push(['script', GUEST.scriptInGuest]);
    for (const arg of workloadArgv(settings, interactive))
        lines.push(['arg', arg]);
    return lines.map((fields) => fields.join('\t') + '\n').join('');
}
/** The guest's environment: PATH and HOME unless the user set them, then the user's entries. */
function renderEnv(settings, extra = {}) {
    const names = new Set(settings.env.map(([name]) => name));
    const defaults = [['PATH', guestPath(settings.env)], ['HOME', '/root'], ...Object.entries(extra)];
    const entries = [...defaults.filter(([name]) => !names.has(name)), ...settings.env];
    return Buffer.from(entries.map(([name, value]) => `${name}=${value}\0`).join(''), 'utf8');
}
function guestFiles(settings, interactive = false, extraEnv = {}) {
    return { plan: renderPlan(settings, interactive), env: renderEnv(settings, extraEnv), script: settings.commands };
}
function vmConfig(settings, layout, libkrun, kvmDevice) {
    const shares = [{ tag: BASE_TAG, hostPath: settings.rootfs, readOnly: true }];
    if (settings.workspace !== null) {
        shares.push({ tag: WORKSPACE_TAG, hostPath: settings.workspace, readOnly: false });
    }
    return {
        libkrun,
        root: layout.root,
        cpus: settings.cpus,
        memoryMib: settings.memoryMib,
        shares,
        execPath: GUEST.init,
        logLevel: settings.logLevel,
        logFile: layout.logFile,
        kvmDevice
    };
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: ./src/engine/vm-protocol.ts
/**
 * The private channel from the VM process to the action process: JSON lines on fd 3.
 * The VM process says `ready` just before krun_start_enter, so a failure to configure is
 * always a message and never mistaken for a guest exit code.
 */
const CHANNEL_FD = 3;
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
 * private pipe, and it is stopped on timeout or cancellation.
 */


/** How long the guest has to react to Ctrl-C before the VM process is killed. */
const TIMEOUT_GRACE_MS = 3000;
/** Shorter on cancellation: the runner kills the whole step soon after. */
const CANCEL_GRACE_MS = 1000;
function runVmProcess(options) {
    const stdio = [options.interactive ? 'inherit' : 'ignore', 'inherit', 'inherit'];
    while (stdio.length < CHANNEL_FD)
        stdio.push('ignore');
    stdio[CHANNEL_FD] = 'pipe';
    const child = (0,external_node_child_process_namespaceObject.spawn)(process.execPath, [options.vmEntry, options.configFile], { stdio, env: options.env });
    let channelText = '';
    const channel = child.stdio[CHANNEL_FD];
    channel.setEncoding('utf8');
    channel.on('data', (chunk) => (channelText += chunk));
    let timedOutAfter;
    let cancelledBy;
    let killTimer;
    // libkrun turns SIGINT into Ctrl-C on the guest console; SIGKILL is the only sure stop.
    const stop = (graceMs) => {
        child.kill('SIGINT');
        killTimer ??= setTimeout(() => child.kill('SIGKILL'), graceMs);
    };
    const timeoutTimer = options.timeoutSeconds === undefined
        ? undefined
        : setTimeout(() => {
            timedOutAfter = options.timeoutSeconds;
            stop(TIMEOUT_GRACE_MS);
        }, options.timeoutSeconds * 1000);
    const onSignal = (signal) => {
        cancelledBy ??= signal;
        stop(CANCEL_GRACE_MS);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    return new Promise((resolve) => {
        const finish = (exitCode, signal) => {
            clearTimeout(timeoutTimer);
            clearTimeout(killTimer);
            process.off('SIGINT', onSignal);
            process.off('SIGTERM', onSignal);
            resolve({ messages: decodeMessages(channelText), exitCode, signal, timedOutAfter, cancelledBy });
        };
        child.on('error', (error) => {
            channelText += JSON.stringify({ kind: 'error', message: `cannot start the VM process: ${error.message}` }) + '\n';
            finish(null, null);
        });
        child.on('spawn', () => options.onStart?.(child.pid));
        child.on('close', finish);
    });
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
        throw new HostError(`this action has no guest init for the ${arch} architecture; it runs on x86_64 and aarch64 Linux`);
    }
    return binary;
}
/** The VM process's environment: ours without the action's inputs (they hold env values). */
function vmProcessEnv(libkrun, env = process.env) {
    const kept = Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('INPUT_')));
    // libkrun finds libkrunfw with the dynamic loader: look beside libkrun first.
    const libraryDir = external_node_path_default().dirname(libkrun);
    kept.LD_LIBRARY_PATH = kept.LD_LIBRARY_PATH ? `${libraryDir}:${kept.LD_LIBRARY_PATH}` : libraryDir;
    return kept;
}
async function runInMicroVm(options) {
    const { settings } = options;
    checkKvmDevice(options.kvmDevice);
    const libkrun = await findLibkrun(settings.libkrun);
    const initBinary = guestInitBinary(options.distDir);
    const started = Date.now();
    const layout = createRunDir(options.tempDir);
    options.onRunDir?.(layout.dir);
    try {
        const vm = vmConfig(settings, layout, libkrun, options.kvmDevice);
        writeRunFiles(layout, guestFiles(settings, options.interactive, options.extraEnv), initBinary, vm);
        const run = await runVmProcess({
            vmEntry: external_node_path_default().join(options.distDir, 'vm', 'index.js'),
            configFile: layout.vmConfigFile,
            env: vmProcessEnv(libkrun),
            interactive: options.interactive ?? false,
            timeoutSeconds: settings.timeoutSeconds,
            onStart: options.onVmStart
        });
        const outcome = decideOutcome(run, readGuestRecords(layout));
        return { outcome, log: outcome.showLog ? logTail(layout) : '', libkrun, wallMs: Date.now() - started };
    }
    finally {
        await removeRunDir(layout.dir);
    }
}

;// CONCATENATED MODULE: external "node:url"
const external_node_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");
;// CONCATENATED MODULE: ./src/action/dist-dir.ts
/** Finds dist/ (the VM process's bundle and the guest init) from wherever the action runs. */




const VM_ENTRY = external_node_path_default().join('vm', 'index.js');
/**
 * The bundle runs as dist/index.js, so dist/ is its own directory; from the sources
 * (GitHub's local-action runs src/action/main.ts) it is the repository's dist/.
 */
function findDistDir(moduleUrl = import.meta.url) {
    const here = external_node_path_default().dirname((0,external_node_url_namespaceObject.fileURLToPath)(moduleUrl));
    const candidates = [here, external_node_path_default().resolve(here, '..', '..', 'dist')];
    const found = candidates.find((dir) => external_node_fs_default().existsSync(external_node_path_default().join(dir, VM_ENTRY)));
    if (!found)
        throw new HostError(`cannot find the action's dist/ (looked in ${candidates.join(', ')}); run npm run bundle`);
    return found;
}

;// CONCATENATED MODULE: ./src/engine/host-paths.ts
/**
 * Parsers of the inputs that name host paths (rootfs, workspace, libkrun) and the guest
 * working directory. Unlike parse.ts, these look at the host's file system.
 */




/** Paths travel in a TAB-separated plan file, one per line. */
function checkPlanSafe(input, value) {
    if (/[\t\n\r\0]/.test(value)) {
        throw new errors_InputError(input, `${showValue(value)} contains a tab, newline or NUL byte; use a path without them`);
    }
}
function parseHostDirectory(input, raw, cwd) {
    const text = raw.trim();
    checkPlanSafe(input, text);
    const resolved = external_node_path_default().resolve(cwd, text);
    let stat;
    try {
        stat = external_node_fs_default().statSync(resolved);
    }
    catch {
        throw new errors_InputError(input, `${showValue(text)} does not exist; expected an existing directory on the host`);
    }
    if (!stat.isDirectory()) {
        throw new errors_InputError(input, `${showValue(text)} is not a directory; expected an existing directory on the host`);
    }
    return resolved;
}
/** The workspace's host path, or null for `none`. */
function parseWorkspace(raw, context) {
    const text = raw.trim();
    if (text === 'none')
        return null;
    const workspace = parseHostDirectory('workspace', text === '' ? (context.defaultWorkspace ?? context.cwd) : text, context.cwd);
    if (workspace === '/') {
        throw new errors_InputError('workspace', '"/" would share the whole host read-write; name a project directory, or none');
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
        throw new errors_InputError('workdir', `${showValue(text)} is relative; expected an absolute path inside the guest, e.g. /src`);
    }
    return external_node_path_default().posix.normalize(text);
}
function libraryFile(source, raw, cwd) {
    const text = raw.trim();
    checkPlanSafe(source, text);
    const resolved = external_node_path_default().resolve(cwd, text);
    const problem = libraryProblem(resolved);
    if (problem)
        throw new errors_InputError(source, `${showValue(text)} ${problem}; expected the path of libkrun.so.1`);
    return resolved;
}
/** The libkrun the user named (input, flag or KRUN_LIBRARY); undefined to search for it. */
function parseLibkrunPath(raw, context) {
    if (raw.trim() !== '')
        return libraryFile('libkrun', raw, context.cwd);
    if (context.libraryFromEnv?.trim())
        return libraryFile('KRUN_LIBRARY', context.libraryFromEnv, context.cwd);
    return undefined;
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
        required: true,
        defaultText: '(required)',
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
    workspace: {
        default: '',
        required: false,
        defaultText: '`GITHUB_WORKSPACE`',
        flags: ['--workspace'],
        valueName: 'DIR',
        help: 'shared read-write at the same path ("none" shares nothing; default: GITHUB_WORKSPACE, else the current directory)',
        parse: parseWorkspace
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
    libkrun: {
        default: '',
        required: false,
        flags: ['--libkrun'],
        valueName: 'PATH',
        help: 'libkrun.so.1 to use (default: KRUN_LIBRARY, then the usual places)',
        parse: parseLibkrunPath
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
        help: 'stop after 90, 90s, 10m, 1h ... (exit code 124)',
        parse: parseTimeout
    }
};
const INPUT_NAMES = Object.keys(INPUTS);
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
const OUTPUTS = {
    'exit-code': 'The exit code of the commands in the guest (128+N when signal N killed them, 124 on timeout).',
    'timed-out': '`true` when the timeout stopped the microVM, else `false`.'
};

;// CONCATENATED MODULE: ./src/engine/settings.ts
/**
 * Turns the raw inputs (from action.yml inputs or CLI flags) into one typed, validated
 * RunSettings. Everything is checked here, before any file is written or process started.
 */





function checkShellInRootfs(shell, rootfs, env) {
    const program = shell[0];
    const candidates = program.includes('/')
        ? [program]
        : guestPath(env)
            .split(':')
            .filter((dir) => dir.startsWith('/'))
            .map((dir) => external_node_path_default().posix.join(dir, program));
    // lstat, not stat: inside a rootfs other than /, absolute symlinks point into the
    // rootfs, not the host, so the link itself is what can be checked here.
    const found = candidates.some((candidate) => {
        try {
            return !external_node_fs_default().lstatSync(external_node_path_default().join(rootfs, candidate)).isDirectory();
        }
        catch {
            return false;
        }
    });
    if (!found) {
        throw new errors_InputError('shell', `${showValue(program)} was not found in rootfs ${rootfs} (looked in ${candidates.join(', ')}); install it there or choose another shell`);
    }
}
/** `envEntries`, when given, replaces the `env` text (the CLI's --env flags arrive parsed). */
function buildSettings(raw, context, envEntries) {
    const commands = parseInput('commands', raw, context);
    const shell = parseInput('shell', raw, context);
    const env = envEntries ?? parseInput('env', raw, context);
    const cpus = parseInput('cpus', raw, context);
    const memoryMib = parseInput('memory', raw, context);
    const logLevel = parseInput('log-level', raw, context);
    const timeoutSeconds = parseInput('timeout', raw, context);
    const rootfs = parseInput('rootfs', raw, context);
    checkShellInRootfs(shell, rootfs, env);
    const workspace = parseInput('workspace', raw, context);
    const workdir = parseInput('workdir', raw, context) ?? workspace ?? '/';
    const libkrun = parseInput('libkrun', raw, context);
    return { commands, shell, rootfs, workspace, workdir, env, cpus, memoryMib, libkrun, logLevel, timeoutSeconds };
}

;// CONCATENATED MODULE: ./src/action/inputs.ts
/** Reads the action's inputs into RunSettings. */



function getSettings(context) {
    const raw = Object.fromEntries(
    // Trimming is left to each parser: commands and env values keep their whitespace.
    INPUT_NAMES.map((name) => [name, getInput(name, { trimWhitespace: false })]));
    return buildSettings(raw, context);
}

;// CONCATENATED MODULE: ./src/action/state.ts
/** What the main step hands to the post step, so a killed action still leaves nothing behind. */

const RUN_DIR = 'runDir';
const VM_PID = 'vmPid';
function saveRunDir(dir) {
    saveState(RUN_DIR, dir);
}
function saveVmPid(pid) {
    saveState(VM_PID, String(pid));
}
/** Called once main has cleaned up itself: the post step then has nothing to do. */
function clearState() {
    saveState(RUN_DIR, '');
    saveState(VM_PID, '');
}
function leftBehind() {
    const pid = Number(core.getState(VM_PID));
    return { runDir: core.getState(RUN_DIR) || undefined, vmPid: Number.isInteger(pid) && pid > 0 ? pid : undefined };
}

;// CONCATENATED MODULE: ./src/action/summary.ts
/** The job summary: what ran, where, and how it ended. */

function summaryRows(settings, result) {
    const { outcome } = result;
    return [
        ['Result', outcome.failure ?? 'passed'],
        ['Exit code', outcome.exitCode === undefined ? '(none)' : String(outcome.exitCode)],
        ['Wall time', `${(result.wallMs / 1000).toFixed(1)} s`],
        ['Shell', settings.shell.join(' ')],
        ['Root filesystem', `${settings.rootfs} (read-only, under a throwaway overlay)`],
        ['Workspace', settings.workspace ?? 'none'],
        ['Working directory', settings.workdir],
        ['CPUs / memory', `${settings.cpus} / ${settings.memoryMib} MiB`],
        ['libkrun', result.libkrun]
    ];
}
async function writeSummary(settings, result) {
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    await summary
        .addHeading('Commands run in a microVM', 3)
        .addCodeBlock(settings.commands.trimEnd(), 'sh')
        .addTable([
        [
            { data: 'What', header: true },
            { data: 'Value', header: true }
        ],
        ...summaryRows(settings, result)
    ])
        .write();
}

;// CONCATENATED MODULE: ./src/action/main.ts
/** The action's main step: only sequences the helpers and turns errors into a failed step. */









async function run() {
    try {
        const host = hostContext(process.env, process.cwd(), process.env.RUNNER_TEMP || external_node_os_default().tmpdir());
        const settings = getSettings(host.parse);
        const result = await runInMicroVm({
            settings,
            distDir: findDistDir(),
            tempDir: host.tempDir,
            kvmDevice: host.kvmDevice,
            onRunDir: saveRunDir,
            onVmStart: saveVmPid
        });
        clearState();
        const { outcome } = result;
        if (outcome.exitCode !== undefined)
            setOutput('exit-code', String(outcome.exitCode));
        setOutput('timed-out', String(outcome.timedOut));
        if (result.log) {
            startGroup("libkrun's log (last lines)");
            info(result.log);
            endGroup();
        }
        await writeSummary(settings, result);
        if (outcome.failure)
            setFailed(outcome.failure);
    }
    catch (error) {
        setFailed(failureMessage(error, (input) => `Input "${input}"`));
    }
}


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
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
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
