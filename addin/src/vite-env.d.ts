// Vite's client types (import.meta.env, "?url" imports) for the pane's sources only.
/// <reference types="vite/client" />
