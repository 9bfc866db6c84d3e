// @actions/http-client is left out of krun-action's bundles (see scripts/bundle.mjs).
function leftOut() {
  throw new Error('krun-action makes no HTTP requests: @actions/http-client is not bundled')
}
export class HttpClient {
  constructor() {
    leftOut()
  }
}
export class BearerCredentialHandler {
  constructor() {
    leftOut()
  }
}
