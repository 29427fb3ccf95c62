// Store tests run the real idb code against an in-memory IndexedDB.
import 'fake-indexeddb/auto';
