// The altcha web component (proof of work, no images, no third party) without its bundled
// worker: the worker is built by Vite as a file of the app's own origin, which the content
// security policy (script-src 'self') allows, and the styles come from a sheet, not inline.
import 'altcha/external'
import 'altcha/altcha.css'
import AltchaWorker from 'altcha/worker?worker'

globalThis.altchaCreateWorker = () => new AltchaWorker()
