// Loaded on every page (partials/banner.peb). Each part of the support UI lives in its own module, fetched only on
// pages that have its markup; the emergency listener is always on, because search results can appear anywhere.
import { init as initEmergency } from './emergency.js';

const PARTS = [
  ['[data-feedback]', () => import('./feedback.js')],
  ['[data-assistant]', () => import('./assistant.js')],
  ['[data-verify]', () => import('./verify.js')],
  ['[data-copy]', () => import('./copy.js')],
];

if (typeof document !== 'undefined') {
  initEmergency(document);
  for (const [selector, load] of PARTS) {
    if (document.querySelector(selector)) {
      load().then((module) => module.init(document)).catch((error) => console.error('pharos support:', error));
    }
  }
}
