// shared/pure: browser-safe plain rules that the pages and the server both import (architecture.json). It imports
// only shared/pure: no package, no Node module.
export {};
